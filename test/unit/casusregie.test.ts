import { expect } from 'chai';
import { CONSENT_PARTS } from '../../services/domain/model/consent';
import { activeCasusregisseur, isRegieEntry } from '../../services/domain/model/case';
import type { RegieEntry } from '../../services/domain/model/regie';
import { redactFor, sightOf } from '../../services/domain/model/visibility';
import { regieKandidaten } from '../../services/domain/stappenplan/casusregie';
import { caseAt, PEOPLE, VOORBEELD, type CaseDriver } from '../support/stappenplan-driver';

const GGZ = 'aad-ggz-1';
const SCHULDHULP = PEOPLE.schuldhulp.userId;
const REGISSEUR = PEOPLE.regisseur.userId;

const regieEntries = (d: CaseDriver): RegieEntry[] => d.case.history.filter(isRegieEntry);
const voorstelId = (d: CaseDriver) => d.case.regieOverdragen?.id as string;

/** The voorbeeldcasus in uitvoering: the wijkteam holds casusregie, schuldhulp is on the case with consent for all. */
function inUitvoering() {
  const d = caseAt('uitvoering');
  d.run('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', displayName: 'GGZ-collega', organisatie: 'GGZ-praktijk', toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['deelA'] } });
  return d;
}

describe('casusregie overdragen: proposed by the casusregisseur, answered by the party (stappenplan)', () => {
  it('only the casusregisseur proposes, and only to an active betrokken professional other than themselves', () => {
    const d = inUitvoering();
    expect(regieKandidaten(d.case).map((p) => p.userId)).to.deep.equal([SCHULDHULP, GGZ]);
    expect(d.refuse('schuldhulp', { type: 'proposeCasusregie', userId: GGZ }).code).to.equal('CASE.FORBIDDEN_ROLE');
    expect(d.refuse('regisseur', { type: 'proposeCasusregie', userId: REGISSEUR }).userMessage).to.match(/al/);
    expect(d.refuse('regisseur', { type: 'proposeCasusregie', userId: PEOPLE.onbekend.userId }).code).to.equal('CASE.NOT_A_MEMBER');
    expect(d.refuse('regisseur', { type: 'proposeCasusregie', userId: SCHULDHULP, toelichting: 'BSN 123456782' }).code).to.equal('CASE.INVALID_INPUT');
  });

  it('a proposal is pending on the case and in the history, with why; accepting swaps the roles in one change', () => {
    const d = inUitvoering();
    d.run('regisseur', { type: 'proposeCasusregie', userId: SCHULDHULP, toelichting: 'De schulden zijn nu het zwaarst.' });
    const id = voorstelId(d);
    expect(d.case.regieOverdragen).to.deep.include({ aan: SCHULDHULP, door: REGISSEUR, toelichting: 'De schulden zijn nu het zwaarst.' });
    expect(regieEntries(d).at(-1)).to.deep.include({ regie: 'voorgesteld', by: REGISSEUR, van: REGISSEUR, aan: SCHULDHULP, voorstel: id, why: 'De schulden zijn nu het zwaarst.' });
    expect(activeCasusregisseur(d.case)?.userId).to.equal(REGISSEUR);

    d.advance(1).run('schuldhulp', { type: 'answerCasusregie', voorstelId: id, antwoord: 'aanvaard', toelichting: 'Ik neem het over.' });
    expect(activeCasusregisseur(d.case)?.userId).to.equal(SCHULDHULP);
    const former = d.case.professionals.find((p) => p.userId === REGISSEUR);
    expect(former).to.deep.include({ role: 'betrokkenProfessional', active: true });
    expect(former?.toestemming?.onderdelen).to.deep.equal([...CONSENT_PARTS]);
    expect(sightOf(d.case, REGISSEUR).parts.size).to.equal(CONSENT_PARTS.length);
    expect(sightOf(d.case, SCHULDHULP).all).to.equal(true);
    expect(d.case.regieOverdragen).to.equal(undefined);
    expect(regieEntries(d).at(-1)).to.deep.equal({ at: d.now.toUTC().toISO(), by: SCHULDHULP, regie: 'aanvaard', van: REGISSEUR, aan: SCHULDHULP, voorstel: id, why: 'Ik neem het over.' });
    // The new casusregisseur may now propose; the former one may not.
    expect(d.refuse('regisseur', { type: 'proposeCasusregie', userId: GGZ }).code).to.equal('CASE.FORBIDDEN_ROLE');
    d.run('schuldhulp', { type: 'proposeCasusregie', userId: REGISSEUR });
  });

  it('only the proposed party answers, to the proposal still pending, once', () => {
    const d = inUitvoering();
    d.run('regisseur', { type: 'proposeCasusregie', userId: SCHULDHULP });
    const id = voorstelId(d);
    expect(d.refuse('regisseur', { type: 'answerCasusregie', voorstelId: id, antwoord: 'aanvaard' }).code).to.equal('CASE.FORBIDDEN_ROLE');
    expect(d.refuse('onbekend', { type: 'answerCasusregie', voorstelId: id, antwoord: 'aanvaard' }).code).to.equal('CASE.FORBIDDEN_ROLE');
    expect(d.refuse('schuldhulp', { type: 'answerCasusregie', voorstelId: 'id-999999', antwoord: 'aanvaard' }).code).to.equal('CASE.REGIE_VOORSTEL_VERVALLEN');
    expect(d.refuse('schuldhulp', { type: 'answerCasusregie', voorstelId: id, antwoord: 'misschien' }).userMessage).to.equal('Kies aanvaarden of afwijzen.');
    d.run('schuldhulp', { type: 'answerCasusregie', voorstelId: id, antwoord: 'afgewezen', toelichting: 'Geen ruimte deze maand.' });
    expect(d.refuse('schuldhulp', { type: 'answerCasusregie', voorstelId: id, antwoord: 'aanvaard' }).code).to.equal('CASE.REGIE_VOORSTEL_VERVALLEN');
    expect(activeCasusregisseur(d.case)?.userId).to.equal(REGISSEUR);
    expect(regieEntries(d).at(-1)).to.deep.include({ regie: 'afgewezen', by: SCHULDHULP, van: REGISSEUR, aan: SCHULDHULP, why: 'Geen ruimte deze maand.' });
  });

  it('a new proposal makes the pending one lapse', () => {
    const d = inUitvoering();
    d.run('regisseur', { type: 'proposeCasusregie', userId: SCHULDHULP });
    const first = voorstelId(d);
    d.run('regisseur', { type: 'proposeCasusregie', userId: GGZ });
    expect(regieEntries(d).map((e) => [e.regie, e.aan])).to.deep.equal([['voorgesteld', SCHULDHULP], ['vervallen', SCHULDHULP], ['voorgesteld', GGZ]]);
    expect(d.refuse('schuldhulp', { type: 'answerCasusregie', voorstelId: first, antwoord: 'aanvaard' }).code).to.equal('CASE.REGIE_VOORSTEL_VERVALLEN');
    expect(d.case.regieOverdragen?.aan).to.equal(GGZ);
  });

  it('the proposal lapses when the party leaves the case, and when the case closes', () => {
    const leaves = inUitvoering();
    leaves.run('regisseur', { type: 'proposeCasusregie', userId: GGZ });
    leaves.run('regisseur', { type: 'withdrawConsent', userId: GGZ, op: '2026-11-23' });
    expect(leaves.case.regieOverdragen).to.equal(undefined);
    expect(regieEntries(leaves).at(-1)).to.deep.include({ regie: 'vervallen', aan: GGZ });

    const closes = caseAt('evaluatie');
    VOORBEELD.deelC(closes).run('regisseur', { type: 'proposeCasusregie', userId: SCHULDHULP });
    const id = voorstelId(closes);
    closes.go('regisseur', 'afsluiten');
    expect(closes.case.regieOverdragen).to.equal(undefined);
    expect(regieEntries(closes).at(-1)).to.deep.include({ regie: 'vervallen', aan: SCHULDHULP });
    expect(closes.refuse('schuldhulp', { type: 'answerCasusregie', voorstelId: id, antwoord: 'aanvaard' }).code).to.equal('CASE.CLOSED');
  });

  it('the MDO decides casusregie: a pending proposal lapses and the handover is in the history', () => {
    const d = caseAt('mdo');
    d.run('regisseur', { type: 'proposeCasusregie', userId: SCHULDHULP });
    VOORBEELD.mdo(d).run('regisseur', { type: 'recordMdoUitkomsten', mdoId: d.latestMdoId, casusregie: SCHULDHULP }).go('regisseur', 'mdoAfgerond');
    expect(d.case.regieOverdragen).to.equal(undefined);
    expect(activeCasusregisseur(d.case)?.userId).to.equal(SCHULDHULP);
    expect(regieEntries(d).slice(-2).map((e) => [e.regie, e.van, e.aan])).to.deep.equal([['vervallen', REGISSEUR, SCHULDHULP], ['overgedragenInMdo', REGISSEUR, SCHULDHULP]]);
  });

  it("the proposal's reason is for the party it asks; another party with less consent sees neither it nor the history's why", () => {
    const d = inUitvoering();
    d.run('regisseur', { type: 'proposeCasusregie', userId: SCHULDHULP, toelichting: 'Schulden zijn het zwaarst.' });
    expect(redactFor(d.case, SCHULDHULP).regieOverdragen?.toelichting).to.equal('Schulden zijn het zwaarst.');
    const ggz = redactFor(d.case, GGZ);
    expect(JSON.stringify(ggz)).not.to.include('Schulden zijn het zwaarst.');
    expect(ggz.regieOverdragen?.aan).to.equal(SCHULDHULP);
  });
});

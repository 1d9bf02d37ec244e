import { expect } from 'chai';
import { redactFor, requireSight, sightOf } from '../../services/domain/model/visibility';
import { decide } from '../../services/domain/stappenplan/machine';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';

const GGZ = 'aad-ggz-1';
const consent = (onderdelen: string[], op = '2026-11-23') => ({ hoe: 'schriftelijk', op, onderdelen });

/** The voorbeeldcasus in evaluatie, with Deel B approved: every part of the case holds text. */
function fullCase() {
  return caseAt('evaluatie', { uitzondering: true });
}

describe("the inwoner's consent per party (stappenplan and visibility)", () => {
  it('adds a betrokken professional only with consent, never with a date in the future; the history says who was added', () => {
    const d = fullCase();
    expect(d.refuse('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', organisatie: 'GGZ' }).code).to.equal('CASE.CONSENT_REQUIRED');
    expect(d.refuse('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', toestemming: consent([]) }).userMessage).to.match(/minstens één onderdeel/);
    expect(d.refuse('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', toestemming: consent(['deelA'], '2026-12-31') }).userMessage).to.match(/toekomst/);
    expect(d.refuse('schuldhulp', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', toestemming: consent(['deelA']) }).code).to.equal('CASE.FORBIDDEN_ROLE');

    d.run('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', displayName: 'GGZ-collega', organisatie: 'GGZ-praktijk', taak: 'gesprekken met moeder', toestemming: consent(['mdo', 'deelA']) });
    const ggz = d.case.professionals.find((p) => p.userId === GGZ);
    expect(ggz).to.deep.include({ organisatie: 'GGZ-praktijk', taak: 'gesprekken met moeder', active: true });
    expect(ggz?.toestemming).to.deep.equal({ hoe: 'schriftelijk', op: '2026-11-23', onderdelen: ['deelA', 'mdo'], vastgelegdDoor: PEOPLE.regisseur.userId, vastgelegdOp: d.now.toUTC().toISO() });
    expect(d.case.history.at(-1)).to.deep.equal({ at: d.now.toUTC().toISO(), by: PEOPLE.regisseur.userId, partij: GGZ, gebeurtenis: 'toegevoegd' });
    expect(d.case.memberIds).to.include(GGZ);
  });

  it('a party sees only the parts its consent names: no text of another part is in the case it gets', () => {
    const d = fullCase();
    d.run('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', toestemming: consent(['deelA', 'mdo']) });
    const seen = redactFor(d.case, GGZ);
    const text = JSON.stringify(seen);
    const hidden = [
      d.case.hulpvraag, d.case.vraagverheldering.ikWil, d.case.vraagverheldering.ikKan, d.case.vraagverheldering.ikHebNodig,
      d.case.deelB?.situatiebeschrijving, d.case.deelB?.dreigendScenario, d.case.deelB?.verzoek?.doel,
      d.case.deelC.watNogNodig, d.case.deelC.vervolg, ...d.case.household.members.map((m) => m.label),
    ].filter((t): t is string => typeof t === 'string' && t.length > 0);
    expect(hidden.length).to.be.greaterThan(6);
    for (const t of hidden) expect(text, t).not.to.include(t);
    expect(seen.vraagverheldering.zrmVoor).to.equal(undefined);
    expect(seen.deelC.zrmNa).to.equal(undefined);
    // What the consent names is there, whole.
    expect(seen.deelA).to.deep.equal(d.case.deelA);
    expect(seen.mdos.map((m) => m.uitkomsten)).to.deep.equal(d.case.mdos.map((m) => m.uitkomsten));
    expect(sightOf(d.case, GGZ).all).to.equal(false);
    // The casusregisseur and the voorbeeldcasus' schuldhulp (consent for all) see everything; the stored case is untouched.
    expect(redactFor(d.case, PEOPLE.regisseur.userId)).to.equal(d.case);
    expect(JSON.stringify(redactFor(d.case, PEOPLE.schuldhulp.userId))).to.include(d.case.hulpvraag as string);
    expect(d.case.hulpvraag).to.be.a('string');
  });

  it('consent changed takes effect at once; withdrawn, the party is off the case; both are in the history', () => {
    const d = fullCase();
    d.run('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', toestemming: consent(['deelA']) });
    d.run('regisseur', { type: 'changeConsent', userId: GGZ, toestemming: consent(['hulpvraag', 'deelA']) });
    expect(JSON.stringify(redactFor(d.case, GGZ))).to.include(d.case.hulpvraag as string);
    expect(d.refuse('regisseur', { type: 'changeConsent', userId: PEOPLE.regisseur.userId, toestemming: consent(['deelA']) }).code).to.equal('CASE.FORBIDDEN_ROLE');

    d.run('regisseur', { type: 'withdrawConsent', userId: GGZ, op: '2026-11-23' });
    const ggz = d.case.professionals.find((p) => p.userId === GGZ);
    expect(ggz).to.deep.include({ active: false, einde: { op: d.now.toUTC().toISO(), door: PEOPLE.regisseur.userId, reden: 'toestemmingIngetrokken', ingetrokkenOp: '2026-11-23' } });
    expect(ggz?.toestemming).to.equal(undefined);
    expect(d.case.memberIds).not.to.include(GGZ);
    expect(sightOf(d.case, GGZ).parts.size).to.equal(0);
    expect(d.case.history.slice(-3).map((h) => ('gebeurtenis' in h ? h.gebeurtenis : 'transition' in h ? h.transition : 'regie' in h ? h.regie : 'herinnering' in h ? h.herinnering : h.mandaat))).to.deep.equal(['toegevoegd', 'toestemmingGewijzigd', 'toestemmingIngetrokken']);
    expect(d.refuse('regisseur', { type: 'withdrawConsent', userId: GGZ, op: '2026-11-23' }).code).to.equal('CASE.NOT_A_MEMBER');
  });

  it('a party changes only what its consent lets it see: Deel A yes, Deel B no', () => {
    const d = caseAt('onderbouwing');
    d.run('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', toestemming: consent(['deelA']) });
    const ggz = { userId: GGZ, orgRoles: [] };
    const ctx = { ...d.ctx('regisseur'), actor: ggz };
    const refused = decide(d.case, { type: 'recordDeelB', situatiebeschrijving: 'Door iemand zonder toestemming voor Deel B.' }, ctx);
    expect(refused.ok).to.equal(false);
    expect(!refused.ok && refused.error.code).to.equal('CASE.NO_CONSENT');
    expect(!refused.ok && refused.error.userMessage).to.match(/Samenwerkplan Deel B/);
    const actie = d.case.deelA.acties[0];
    const done = decide(d.case, { type: 'setActieStatus', actieId: actie?.id, status: 'bezig' }, ctx);
    expect(done.ok, done.ok ? '' : done.error.userMessage).to.equal(true);
  });

  it('something made of several parts (the Deel A PDF) is refused in Dutch to a party missing one of them', () => {
    const d = fullCase();
    d.run('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', toestemming: consent(['deelA']) });
    expect(() => requireSight(d.case, GGZ, ['hulpvraag', 'deelA'], 'Deel A als PDF'))
      .to.throw('Voor Deel A als PDF heb je toestemming van de inwoner nodig voor: Hulpvraag en vraagverheldering. Vraag de casusregisseur.')
      .with.property('code', 'CASE.NO_CONSENT');
    expect(() => requireSight(d.case, PEOPLE.regisseur.userId, ['hulpvraag', 'deelA'], 'Deel A als PDF')).not.to.throw();
  });

  it('a betrokken professional without consent on record sees nothing of the case but its step', () => {
    const d = fullCase();
    const legacy = structuredClone(d.case);
    const schuldhulp = legacy.professionals.find((p) => p.userId === PEOPLE.schuldhulp.userId);
    if (schuldhulp) delete schuldhulp.toestemming;
    const seen = redactFor(legacy, PEOPLE.schuldhulp.userId);
    expect(seen.hulpvraag).to.equal(undefined);
    expect(seen.deelA.acties).to.deep.equal([]);
    expect(seen.step).to.equal(d.case.step);
  });
});

import { expect } from 'chai';
import { suggestedDreigendScenario, voorgesteldeActies } from '../../services/domain/stappenplan/voorstellen';
import { naMdoMetAfspraken } from '../support/na-mdo';
import { VOORBEELD_DOEL, caseAt } from '../support/stappenplan-driver';

const VOORBIJ = 'Die datum is al voorbij; kies vandaag of een latere datum.';

/** The clock of the driver stands at Monday 23 November 2026, 10:00 in Helmond. */
describe('stappenplan: dates that must lie ahead, whichever road they come by', () => {
  it('an MDO afspraak dated yesterday is refused; today and an afspraak recorded before (whose date has passed since) stand', () => {
    const d = caseAt('mdo');
    d.run('regisseur', { type: 'planMdo', datum: '2026-11-26', locatie: 'thuis' });
    const mdoId = d.latestMdoId;
    const vandaag = { wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '2026-11-23' };
    const refused = d.refuse('regisseur', { type: 'recordMdoUitkomsten', mdoId, afspraken: [vandaag, { wie: 'GGZ', wat: 'Intake plannen', wanneer: '2026-11-22' }] });
    expect([refused.code, refused.userMessage]).to.deep.equal(['CASE.INVALID_INPUT', 'De datum van de afspraak \u201cIntake plannen\u201d is al voorbij; kies vandaag of een latere datum.']);
    d.run('regisseur', { type: 'recordMdoUitkomsten', mdoId, afspraken: [vandaag] });
    d.now = d.now.plus({ days: 2 });
    d.run('regisseur', { type: 'recordMdoUitkomsten', mdoId, afspraken: [vandaag, { wie: 'GGZ', wat: 'Intake plannen', wanneer: '2026-11-25' }] });
    expect(d.case.mdos[0]?.uitkomsten.afspraken.map((a) => a.wanneer)).to.deep.equal(['2026-11-23', '2026-11-25']);
  });

  it('an MDO planned or moved to a day that has passed is refused', () => {
    const d = caseAt('mdo');
    expect(d.refuse('regisseur', { type: 'planMdo', datum: '2026-11-20', locatie: 'thuis' }).userMessage).to.equal('Die datum is al voorbij; kies voor het MDO vandaag of een latere datum.');
    d.run('regisseur', { type: 'planMdo', datum: '2026-11-26', locatie: 'thuis' });
    expect(d.refuse('regisseur', { type: 'planMdo', mdoId: d.latestMdoId, datum: '2026-11-22' }).code).to.equal('CASE.INVALID_INPUT');
  });

  it('an action with a date that has passed is refused; an action whose date passed keeps it while it changes', () => {
    const d = caseAt('plan');
    expect(d.refuse('regisseur', { type: 'setActie', actie: { wie: 'Schuldhulp', wat: 'Budgetplan', wanneer: '2026-11-22' } }).userMessage).to.equal(VOORBIJ);
    const actie = d.case.deelA.acties[0]!;
    d.now = d.now.plus({ weeks: 2 });
    expect(d.refuse('regisseur', { type: 'setActie', actie: { ...actie, wanneer: '2026-12-01' } }).userMessage).to.equal(VOORBIJ);
    d.run('regisseur', { type: 'setActie', actie: { id: actie.id, wie: actie.wie, wat: 'Ook de energieschuld in kaart', wanneer: actie.wanneer } });
    expect(d.case.deelA.acties[0]).to.deep.include({ wat: 'Ook de energieschuld in kaart', wanneer: actie.wanneer });
  });
});

describe('stappenplan: what the MDO hands to Deel A and Deel B', () => {
  const naMdo = () => naMdoMetAfspraken([{ wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '2026-11-30' }, { wie: 'School', wat: 'Mentorgesprek', wanneer: '2027-02-15' }]);

  it('proposes each afspraak until it is taken over or dropped, once; none before an MDO is held', () => {
    expect(voorgesteldeActies(caseAt('wieIsErNodig').case)).to.deep.equal([]);
    const d = naMdo();
    const [ink, school] = voorgesteldeActies(d.case);
    expect([ink?.wat, school?.wat]).to.deep.equal(['Huurachterstand in kaart', 'Mentorgesprek']);
    d.run('regisseur', { type: 'setActie', actie: { wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '2026-11-30', afspraakId: ink?.id } });
    expect(d.refuse('regisseur', { type: 'setActie', actie: { wie: 'Schuldhulp', wat: 'Nog eens', wanneer: '2026-11-30', afspraakId: ink?.id } }).code).to.equal('CASE.INVALID_INPUT');
    d.run('regisseur', { type: 'afspraakNietOvernemen', afspraakId: school?.id });
    expect(d.refuse('regisseur', { type: 'afspraakNietOvernemen', afspraakId: school?.id }).code).to.equal('CASE.INVALID_INPUT');
    expect(voorgesteldeActies(d.case)).to.deep.equal([]);
    expect(d.case.deelA.nietOvergenomen).to.deep.equal([school?.id]);
  });

  it('offers the MDO\u2019s "wat als we niets doen" as the start of Deel B\u2019s dreigend scenario, until Deel B has its own', () => {
    expect(suggestedDreigendScenario(caseAt('wieIsErNodig').case)).to.equal(undefined);
    const d = naMdo();
    expect(suggestedDreigendScenario(d.case)).to.equal('Huisuitzetting binnen 8 weken.');
    d.run('regisseur', { type: 'setActie', actie: { wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '2026-11-30' } });
    d.run('regisseur', { type: 'setDoel', doel: VOORBEELD_DOEL(d) });
    d.go('regisseur', 'uitzonderingNodig').run('regisseur', { type: 'recordDeelB', dreigendScenario: 'Huisuitzetting binnen 8 weken; de kinderen moeten van school.' });
    expect(suggestedDreigendScenario(d.case)).to.equal(undefined);
  });
});

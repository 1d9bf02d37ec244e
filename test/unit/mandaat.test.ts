import { expect } from 'chai';
import { isMandaatEntry } from '../../services/domain/model/case';
import { redactFor } from '../../services/domain/model/visibility';
import { decide } from '../../services/domain/stappenplan/machine';
import { caseAt, PEOPLE, type CaseDriver } from '../support/stappenplan-driver';

const spend = (id: string, amountCents: number, periode = '2026') => ({
  type: 'spendMandaat', uitgaveId: `uitgave-${id}`, amountCents, doel: 'treinkaartje naar de rechtbank', waarom: 'Moeder moet morgen naar de zitting en heeft geen geld voor de trein.', categorie: 'justitie', periode,
});
const withMandaat = (d: CaseDriver, person: 'regisseur' | 'schuldhulp', command: Record<string, unknown>, mandaatCents: number) =>
  decide(d.case, command, { ...d.ctx(person), policy: { ...d.ctx(person).policy, mandaatCents } });

describe('the mandaat of the casusregisseur (stappenplan)', () => {
  it('within the mandaat: recorded on the case with amount, purpose, why, by, at, period, and a history entry', () => {
    const d = caseAt('uitvoering').run('regisseur', spend('000001', 4_250));
    expect(d.case.mandaatUitgaven).to.deep.equal([
      { id: 'uitgave-000001', amountCents: 4_250, doel: 'treinkaartje naar de rechtbank', waarom: 'Moeder moet morgen naar de zitting en heeft geen geld voor de trein.', categorie: 'justitie', periode: '2026', by: PEOPLE.regisseur.userId, at: d.now.toUTC().toISO() },
    ]);
    const entry = d.case.history.at(-1);
    expect(entry && isMandaatEntry(entry) && entry).to.deep.include({ mandaat: 'uitgave-000001', amountCents: 4_250, by: PEOPLE.regisseur.userId });
  });

  it('exactly at the mandaat (€ 250 by default) is allowed, in any step of an open case', () => {
    const d = caseAt('vraagverheldering').run('regisseur', spend('000001', 25_000));
    expect(d.case.mandaatUitgaven).to.have.length(1);
  });

  it('above the mandaat is refused in Dutch with the route: Deel B', () => {
    const refusal = caseAt('uitvoering').refuse('regisseur', spend('000001', 25_001));
    expect(refusal.code).to.equal('MANDAAT.BOVEN_MANDAAT');
    expect(refusal.userMessage).to.equal(
      '€\u00a0250,01 is meer dan het mandaat van €\u00a0250,00 per casus per periode. Dat gaat via Deel B, de normale route: leg in het plan (stap 5A) vast dat er doorbraakbudget nodig is en vraag het met de onderbouwing (stap 5B) aan bij de leidinggevende.',
    );
  });

  it('a second spending that would exceed what is left is refused, naming what is left; another period starts afresh', () => {
    const d = caseAt('uitvoering').run('regisseur', spend('000001', 20_000));
    const refusal = d.refuse('regisseur', spend('000002', 6_000));
    expect(refusal.code).to.equal('MANDAAT.OP');
    expect(refusal.userMessage).to.match(/^Van het mandaat van €\u00a0250,00 is voor 2026 op deze casus nog €\u00a050,00 over; €\u00a060,00 past daar niet in\. Dat gaat via Deel B/);
    d.run('regisseur', spend('000003', 5_000));
    expect(d.refuse('regisseur', spend('000004', 1)).userMessage).to.match(/al helemaal uitgegeven\. Dat gaat via Deel B/);
    d.run('regisseur', spend('000005', 25_000, '2027'));
    expect(d.case.mandaatUitgaven?.map((u) => u.amountCents)).to.deep.equal([20_000, 5_000, 25_000]);
  });

  it('the same spending twice is MANDAAT.AL_UITGEGEVEN (a second press books nothing)', () => {
    const d = caseAt('uitvoering').run('regisseur', spend('000001', 1_000));
    expect(d.refuse('regisseur', spend('000001', 1_000)).code).to.equal('MANDAAT.AL_UITGEGEVEN');
  });

  it('only the active casusregisseur may spend it; not on a closed case', () => {
    expect(caseAt('uitvoering').refuse('schuldhulp', spend('000001', 1_000))).to.include({ code: 'CASE.FORBIDDEN_ROLE', userMessage: 'Dit kan alleen de casusregisseur.' });
    expect(caseAt('afgesloten').refuse('regisseur', spend('000001', 1_000)).code).to.equal('CASE.CLOSED');
  });

  it('a configured mandaat counts; 0 switches it off with the Deel B route', () => {
    const d = caseAt('uitvoering');
    expect(withMandaat(d, 'regisseur', spend('000001', 10_000), 10_000).ok).to.equal(true);
    const over = withMandaat(d, 'regisseur', spend('000001', 10_001), 10_000);
    expect(!over.ok && over.error.code).to.equal('MANDAAT.BOVEN_MANDAAT');
    const off = withMandaat(d, 'regisseur', spend('000001', 100), 0);
    expect(!off.ok && off.error.userMessage).to.match(/^Er is geen mandaat voor de casusregisseur ingesteld\. Dat gaat via Deel B/);
  });

  it('refuses a bad amount, purpose or why with a Dutch sentence', () => {
    const d = caseAt('uitvoering');
    expect(d.refuse('regisseur', { ...spend('000001', 0) }).code).to.equal('CASE.INVALID_INPUT');
    expect(d.refuse('regisseur', { ...spend('000001', 100), doel: '' }).userMessage).to.match(/waarvoor het is/);
    expect(d.refuse('regisseur', { ...spend('000001', 100), waarom: 'x'.repeat(301) }).code).to.equal('CASE.INVALID_INPUT');
    // The leefgebied is asked for every new spending: missing or not on the list is refused.
    const { categorie: _c, ...zonder } = spend('000001', 100);
    expect(d.refuse('regisseur', zonder).userMessage).to.match(/Kies voor welk leefgebied het geld is\./);
    expect(d.refuse('regisseur', { ...spend('000001', 100), categorie: 'vakantie' }).userMessage).to.match(/Kies een leefgebied uit de lijst\./);
  });

  it('a party without sight of Deel B does not see what the mandaat bought', () => {
    const d = caseAt('uitvoering').run('regisseur', spend('000001', 1_000));
    d.run('regisseur', { type: 'addProfessional', userId: 'aad-ggz-1', role: 'betrokkenProfessional', toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['deelA'] } });
    expect(redactFor(d.case, 'aad-ggz-1').mandaatUitgaven).to.deep.equal([]);
    expect(JSON.stringify(redactFor(d.case, 'aad-ggz-1'))).not.to.include('treinkaartje');
  });
});

describe('the purpose category of money (Deel B verzoek)', () => {
  const verzoek = { doorbraakbudgetCents: 125_000, categorie: 'huisvesting', doel: 'Huurachterstand betalen zodat de ontruiming stopt.' };

  it('recordDeelB keeps the leefgebied of doorbraakbudget', () => {
    const d = caseAt('onderbouwing').run('regisseur', { type: 'recordDeelB', verzoek });
    expect(d.case.deelB?.verzoek?.categorie).to.equal('huisvesting');
  });

  it('refuses a leefgebied not on the list, and one with an exception that asks no money', () => {
    const d = caseAt('onderbouwing');
    expect(d.refuse('regisseur', { type: 'recordDeelB', verzoek: { ...verzoek, categorie: 'vakantie' } }).userMessage).to.match(/Kies een leefgebied uit de lijst\./);
    const zonderGeld = { uitzondering: 'Voorrang bij de woningtoewijzing.', categorie: 'huisvesting', doel: verzoek.doel };
    expect(d.refuse('regisseur', { type: 'recordDeelB', verzoek: zonderGeld }).userMessage).to.match(/Een leefgebied hoort bij doorbraakbudget/);
  });
});

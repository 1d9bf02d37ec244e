import { expect } from 'chai';
import { renderVoorNaCard, voorNaCardData } from '../../cards/voor-na';
import { vergelijkDoelen, voorNaVan } from '../../services/domain/evaluatie/voor-na';
import type { Doel } from '../../services/domain/model/samenwerkplan';
import { expectValidCard } from '../support/adaptivecards';
import { ALLE_ONDERDELEN } from '../support/case-fixtures';
import { caseAt, PEOPLE, VOORBEELD } from '../support/stappenplan-driver';

describe('Deel C per doel: recordDoelEvaluatie', () => {
  it('records whether the resultaat was reached and the inwoner\u2019s satisfaction now; again replaces it', () => {
    const d = caseAt('evaluatie');
    const doelId = d.case.deelA.doelen[0]?.id as string;
    d.run('regisseur', { type: 'recordDoelEvaluatie', doelId, bereikt: 'deels', tevredenheidNa: 5 });
    d.run('schuldhulp', { type: 'recordDoelEvaluatie', doelId, bereikt: 'ja', tevredenheidNa: 0 });
    expect(d.case.deelC.doelen).to.deep.equal([{ doelId, bereikt: 'ja', tevredenheidNa: 0 }]);
  });

  it('refuses in Dutch: a goal not in the plan, a score outside 0-10, an unknown answer, another step, a party without consent for the evaluation', () => {
    const d = caseAt('evaluatie');
    const doelId = d.case.deelA.doelen[0]?.id as string;
    expect(d.refuse('regisseur', { type: 'recordDoelEvaluatie', doelId: 'ander-doel', bereikt: 'ja', tevredenheidNa: 7 }).userMessage).to.equal('Dit doel hoort niet bij het plan van deze casus.');
    for (const score of [11, -1, 6.5]) {
      expect(d.refuse('regisseur', { type: 'recordDoelEvaluatie', doelId, bereikt: 'ja', tevredenheidNa: score }).userMessage).to.match(/^Geef de tevredenheid van de inwoner als (heel )?cijfer van 0 tot en met 10\./);
    }
    expect(d.refuse('regisseur', { type: 'recordDoelEvaluatie', doelId, bereikt: 'misschien', tevredenheidNa: 7 }).userMessage).to.contain('Geef aan of het resultaat is bereikt: ja, deels of nee.');
    const plan = caseAt('uitvoering');
    expect(plan.refuse('regisseur', { type: 'recordDoelEvaluatie', doelId: plan.case.deelA.doelen[0]?.id, bereikt: 'ja', tevredenheidNa: 7 }).code).to.equal('CASE.STEP_NOT_EDITABLE');
    d.run('regisseur', { type: 'changeConsent', userId: PEOPLE.schuldhulp.userId, toestemming: { ...ALLE_ONDERDELEN, onderdelen: ['hulpvraag', 'zrm', 'deelA', 'mdo'] } });
    d.refuse('schuldhulp', { type: 'recordDoelEvaluatie', doelId, bereikt: 'ja', tevredenheidNa: 7 });
  });

  it('a new round keeps the goals; the old round\u2019s per-doel evaluation goes with its Deel C into vorigeRondes, so the new round asks again', () => {
    const d = VOORBEELD.deelC(caseAt('evaluatie'));
    const doelen = structuredClone(d.case.deelA.doelen);
    const doelId = doelen[0]?.id as string;
    d.run('regisseur', { type: 'recordDoelEvaluatie', doelId, bereikt: 'nee', tevredenheidNa: 2 })
      .run('regisseur', { type: 'recordDeelC', watNogNodig: 'Een nieuwe aanpak voor de huur.', kwaliteitVanLevenVoor: 4, kwaliteitVanLevenNa: 4 })
      .go('regisseur', 'nieuweRonde');
    expect(d.case.step).to.equal('vraagverheldering');
    expect(d.case.deelA.doelen).to.deep.equal(doelen);
    expect(d.case.deelC.doelen).to.equal(undefined);
    expect(d.case.vorigeRondes.at(-1)?.deelC.doelen).to.deep.equal([{ doelId, bereikt: 'nee', tevredenheidNa: 2 }]);
  });
});

describe('evaluatie: voor en na per doel', () => {
  const doel = (id: string, leefgebied: Doel['leefgebied'], tevredenheidVoor: number, resultaat?: string): Doel => ({ id, leefgebied, doel: `Doel ${id}`, tevredenheidVoor, ...(resultaat ? { resultaat, resultaatDatum: '2026-12-01' } : {}) });
  const doelen = [doel('a', 'huisvesting', 3, 'Geen ontruiming'), doel('b', 'financien', 6), doel('c', 'sociaalNetwerk', 5), doel('d', 'justitie', 4)];
  const evaluaties = [
    { doelId: 'a', bereikt: 'ja' as const, tevredenheidNa: 8 },
    { doelId: 'b', bereikt: 'nee' as const, tevredenheidNa: 4 },
    { doelId: 'c', bereikt: 'deels' as const, tevredenheidNa: 5 },
  ];

  it('compares each doel in Deel A\u2019s order: tevredenheid voor → na with the change, and bereikt; a doel not yet evaluated is unknown', () => {
    const rijen = vergelijkDoelen(doelen, evaluaties);
    expect(rijen.map((r) => [r.label, r.voor, r.na, r.verschil, r.richting, r.bereikt])).to.deep.equal([
      ['Huisvesting', 3, 8, 5, 'beter', 'ja'],
      ['Financiën', 6, 4, -2, 'slechter', 'nee'],
      ['Sociaal netwerk', 5, 5, 0, 'gelijk', 'deels'],
      ['Justitie', 4, undefined, undefined, 'onbekend', undefined],
    ]);
    expect(rijen[0]).to.deep.include({ doelId: 'a', doel: 'Doel a', resultaat: 'Geen ontruiming' });
    expect(vergelijkDoelen([])).to.deep.equal([]);
  });

  it('reads a case: the goals of Deel A with this round\u2019s evaluation; none for a case from before doelen', () => {
    const d = caseAt('evaluatie');
    const doelId = d.case.deelA.doelen[0]?.id as string;
    expect(voorNaVan(d.case).doelen.map((r) => [r.voor, r.na, r.bereikt])).to.deep.equal([[3, undefined, undefined]]);
    d.run('regisseur', { type: 'recordDoelEvaluatie', doelId, bereikt: 'deels', tevredenheidNa: 6 });
    expect(voorNaVan(d.case).doelen.map((r) => [r.voor, r.na, r.verschil, r.bereikt])).to.deep.equal([[3, 6, 3, 'deels']]);
    d.case.deelA.doelen = [];
    expect(voorNaVan(d.case).doelen).to.deep.equal([]);
  });

  it('the card shows per doel the inwoner\u2019s words as TextRuns, tevredenheid voor → na with ↑/↓/=, and Ja/Deels/Nee; valid at 1.5', () => {
    const d = caseAt('evaluatie');
    const base = voorNaVan(d.case);
    const data = voorNaCardData('HA-2026-7K3FQ9', { ...base, doelen: vergelijkDoelen(doelen, evaluaties) });
    expect(data.doelen.map((r) => [r.label, r.voorNa, r.verandering, r.kleur, r.bereikt])).to.deep.equal([
      ['Huisvesting', '3 → 8', '↑ beter (+5)', 'Good', 'Ja'],
      ['Financiën', '6 → 4', '↓ slechter (-2)', 'Attention', 'Nee'],
      ['Sociaal netwerk', '5 → 5', '= gelijk', 'Default', 'Deels'],
      ['Justitie', '4 → —', 'nog niet allebei gevraagd', 'Default', 'nog niet gevraagd'],
    ]);
    const card = renderVoorNaCard(data);
    expectValidCard(card);
    const json = JSON.stringify(card);
    expect(json).to.contain('{"type":"TextRun","text":"Doel a"}').and.contain('{"type":"TextRun","text":"Geen ontruiming","isSubtle":true}');
    expect(json).to.contain('Tevredenheid 3 → 8').and.contain('"text":"↓ slechter (-2)","color":"Attention"').and.contain('Resultaat bereikt: Deels');
    const zonder = JSON.stringify(renderVoorNaCard(voorNaCardData('HA-2026-7K3FQ9', { ...base, doelen: [] })));
    expect(zonder, 'a case from before doelen: no section').to.not.contain('Doelen:').and.not.contain('Tevredenheid');
  });
});

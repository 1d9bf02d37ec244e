import { expect } from 'chai';
import { caseViewData } from '../../bot/views';
import { renderCaseViewCard } from '../../cards/case-view';
import { renderVoorNaCard, voorNaCardData } from '../../cards/voor-na';
import { toonVoorNa, vergelijkVoorNa, verandering, voorNaVan } from '../../services/domain/evaluatie/voor-na';
import { LEEFGEBIED_LABELS, LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import { elementsOf, expectValidCard } from '../support/adaptivecards';
import { ALLE_ONDERDELEN } from '../support/case-fixtures';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';

const alle = (score: number) => Object.fromEntries(LEEFGEBIEDEN.map((l) => [l, score]));

describe('evaluatie: voor en na (services/domain/evaluatie/voor-na.ts)', () => {
  it('compares all 13 leefgebieden in the matrix order, with the change and its direction', () => {
    const voorNa = vergelijkVoorNa({ ...alle(3), financien: 1, justitie: 5 }, { ...alle(3), financien: 4, justitie: 4 });
    expect(voorNa.leefgebieden.map((r) => r.leefgebied)).to.deep.equal([...LEEFGEBIEDEN]);
    expect(voorNa.leefgebieden.map((r) => r.label)).to.deep.equal(LEEFGEBIEDEN.map((l) => LEEFGEBIED_LABELS[l]));
    expect(voorNa.leefgebieden[0]).to.deep.equal({ leefgebied: 'financien', label: 'Financiën', voor: 1, na: 4, verschil: 3, richting: 'beter' });
    expect(voorNa.leefgebieden.at(-1)).to.deep.include({ leefgebied: 'justitie', voor: 5, na: 4, verschil: -1, richting: 'slechter' });
    expect(voorNa.telling).to.deep.equal({ beter: 1, slechter: 1, gelijk: 11, onbekend: 0 });
  });

  it('leaves a leefgebied without a score before or after uncompared, never counted as a change', () => {
    const voorNa = vergelijkVoorNa({ financien: 2, huisvesting: 3 }, { financien: 3, werkOpleiding: 4 });
    const rij = (l: string) => voorNa.leefgebieden.find((r) => r.leefgebied === l);
    expect(rij('financien')).to.deep.include({ richting: 'beter', verschil: 1 });
    expect(rij('huisvesting')).to.deep.equal({ leefgebied: 'huisvesting', label: 'Huisvesting', voor: 3, richting: 'onbekend' });
    expect(rij('werkOpleiding')).to.deep.equal({ leefgebied: 'werkOpleiding', label: 'Werk & opleiding', na: 4, richting: 'onbekend' });
    expect(voorNa.telling).to.deep.equal({ beter: 1, slechter: 0, gelijk: 0, onbekend: 12 });
    expect(vergelijkVoorNa(undefined, undefined).telling.onbekend).to.equal(13);
  });

  it('unchanged scores are "gelijk", with a difference of 0', () => {
    const voorNa = vergelijkVoorNa(alle(4), alle(4), { voor: 6, na: 6 });
    expect(voorNa.telling).to.deep.equal({ beter: 0, slechter: 0, gelijk: 13, onbekend: 0 });
    expect(voorNa.kwaliteitVanLeven).to.deep.equal({ voor: 6, na: 6, verschil: 0, richting: 'gelijk' });
  });

  it('the inwoner\u2019s quality of life before and after, unknown while one is missing', () => {
    expect(verandering(5, 8)).to.deep.equal({ voor: 5, na: 8, verschil: 3, richting: 'beter' });
    expect(verandering(undefined, 8)).to.deep.equal({ na: 8, richting: 'onbekend' });
    expect(vergelijkVoorNa(alle(3), alle(3)).kwaliteitVanLeven).to.deep.equal({ richting: 'onbekend' });
  });

  it('reads a case: zrm voor of the vraagverheldering, zrm na and quality of life of Deel C', () => {
    const d = caseAt('evaluatie').run('regisseur', { type: 'recordZrm', moment: 'na', scores: { financien: 3 } }).run('regisseur', { type: 'recordDeelC', kwaliteitVanLevenVoor: 4, kwaliteitVanLevenNa: 7 });
    const voorNa = voorNaVan(d.case);
    expect(voorNa.leefgebieden[0]).to.deep.include({ voor: 1, na: 3, richting: 'beter' });
    expect(voorNa.kwaliteitVanLeven).to.deep.include({ voor: 4, na: 7, richting: 'beter' });
  });

  it('is shown only with both measurements, and only to who may see the ZRM part', () => {
    const d = caseAt('evaluatie');
    expect(toonVoorNa(d.case, PEOPLE.regisseur.userId), 'no zrm na yet').to.equal(false);
    d.run('regisseur', { type: 'recordZrm', moment: 'na', scores: { financien: 3 } });
    expect(toonVoorNa(d.case, PEOPLE.regisseur.userId)).to.equal(true);
    expect(toonVoorNa(d.case, PEOPLE.schuldhulp.userId), 'consent for every part').to.equal(true);
    d.run('regisseur', { type: 'changeConsent', userId: PEOPLE.schuldhulp.userId, toestemming: { ...ALLE_ONDERDELEN, onderdelen: ['hulpvraag', 'deelA'] } });
    expect(toonVoorNa(d.case, PEOPLE.schuldhulp.userId), 'no consent for the zrm').to.equal(false);
    expect(toonVoorNa(d.case, 'aad-niemand'), 'not on the case').to.equal(false);
  });
});

describe('cards: voor en na', () => {
  const voorNa = vergelijkVoorNa({ ...alle(3), financien: 1, huisvesting: 2, justitie: 5 }, { ...alle(3), financien: 4, huisvesting: 2, justitie: 4 }, { voor: 4, na: 7 });

  it('is a valid 1.5 card: the chart for Teams with a fallback, the table for every client', () => {
    const card = renderVoorNaCard(voorNaCardData('HA-2026-7K3FQ9', voorNa));
    expectValidCard(card);
    const [chart] = elementsOf(card, 'Chart.VerticalBar.Grouped');
    expect(chart?.fallback).to.equal('drop');
    expect(elementsOf(card, 'Table')).to.have.length(1);
  });

  it('shows per leefgebied before, after and the change with its colour, and the quality of life before → after', () => {
    const data = voorNaCardData('HA-2026-7K3FQ9', vergelijkVoorNa({ ...alle(3), financien: 1, justitie: 5 }, { ...alle(3), financien: 4, justitie: 4 }, { voor: 4, na: 7 }));
    expect(data.rijen[0]).to.deep.equal({ label: 'Financiën', voor: '1', na: '4', verandering: '↑ beter (+3)', kleur: 'Good' });
    expect(data.rijen.at(-1)).to.deep.equal({ label: 'Justitie', voor: '5', na: '4', verandering: '↓ slechter (-1)', kleur: 'Attention' });
    expect(data.rijen.find((r) => r.label === 'Huisvesting')).to.deep.include({ verandering: '= gelijk', kleur: 'Default' });
    expect(data.kwaliteit).to.deep.equal({ voorNa: '4 → 7', verandering: '↑ beter (+3)', kleur: 'Good' });
    expect(data.samenvatting).to.equal('1 leefgebied beter, 1 slechter, 11 gelijk.');
    expect(data.grafiekVoor[0]).to.deep.equal({ x: 'Financiën', y: 1 });
    expect(data.grafiekNa).to.have.length(13);
    const card = JSON.stringify(renderVoorNaCard(data));
    expect(card).to.contain('"text":"↑ beter (+3)","color":"Good"').and.contain('"text":"↓ slechter (-1)","color":"Attention"').and.contain('4 → 7');
  });

  it('a missing score shows a dash and is left out of the chart', () => {
    const data = voorNaCardData('HA-2026-7K3FQ9', vergelijkVoorNa({ financien: 2 }, { financien: 2, huisvesting: 3 }));
    expect(data.rijen.find((r) => r.label === 'Huisvesting')).to.deep.equal({ label: 'Huisvesting', voor: '—', na: '3', verandering: 'niet te vergelijken', kleur: 'Default' });
    expect(data.grafiekVoor).to.deep.equal([{ x: 'Financiën', y: 2 }]);
    expect(data.kwaliteit).to.deep.equal({ voorNa: '— → —', verandering: 'nog niet allebei gevraagd', kleur: 'Default' });
    expect(data.samenvatting).to.equal('0 leefgebieden beter, 0 slechter, 1 gelijk, 12 niet te vergelijken (geen score voor of na).');
    expectValidCard(renderVoorNaCard(data));
  });

  it('without any pair to compare, no chart at all', () => {
    const card = renderVoorNaCard(voorNaCardData('HA-2026-7K3FQ9', vergelijkVoorNa({ financien: 2 }, { huisvesting: 3 })));
    expect(elementsOf(card, 'Chart.VerticalBar.Grouped')).to.have.length(0);
    expectValidCard(card);
  });
});

describe('case view: the section "Voor en na"', () => {
  it('appears with both ZRM measurements, with what changed, and not before', () => {
    const d = caseAt('evaluatie');
    const view = (person: 'regisseur' | 'schuldhulp') => JSON.stringify(renderCaseViewCard(caseViewData(d.case, d.ctx(person))));
    expect(view('regisseur')).to.not.contain('Voor en na');
    d.run('regisseur', { type: 'recordZrm', moment: 'na', scores: { ...alle(4), financien: 3, huisvesting: 4, werkOpleiding: 1 } }).run('regisseur', { type: 'recordDeelC', kwaliteitVanLevenVoor: 4, kwaliteitVanLevenNa: 7 });
    const card = renderCaseViewCard(caseViewData(d.case, d.ctx('regisseur')));
    expectValidCard(card);
    expect(JSON.stringify(card)).to.contain('"text":"Voor en na"').and.contain('5 leefgebieden beter, 1 slechter, 7 gelijk.');
    expect(elementsOf(card, 'FactSet').flatMap((f) => f.facts as { title: string; value: string }[])).to.deep.include.members([
      { title: 'Financiën', value: '1 → 3, ↑ beter (+2)' },
      { title: 'Werk & opleiding', value: '2 → 1, ↓ slechter (-1)' },
      { title: 'Kwaliteit van leven', value: '4 → 7, ↑ beter (+3)' },
    ]);
  });
});

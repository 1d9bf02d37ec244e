import { expect } from 'chai';
import { renderResultatenCard, resultatenCardData, tabelElement } from '../../cards/resultaten';
import { celText, resultatenTabellen, tabelVan, type TabelCel } from '../../services/domain/resultaten/tabel';
import { elementsOf, expectValidCard, textsOf as texts } from '../support/adaptivecards';
import { AFGESCHERMD, ONDERDRUKT, resultatenFixture } from '../support/resultaten-fixture';

const card = () => renderResultatenCard(resultatenCardData(resultatenFixture()));
/** "€ 1.234,56" as Intl writes it, with a no-break space. */
const e = (bedrag: string) => `€\u00a0${bedrag}`;
/** The values appear one after the other in the list (a label and its figures). */
function expectRun(list: readonly string[], run: readonly string[]): void {
  const found = list.some((_, i) => run.every((v, j) => list[i + j] === v));
  expect(found, `${JSON.stringify(run)} in ${JSON.stringify(list)}`).to.equal(true);
}
const chart = (type: string, title: string) => {
  const found = elementsOf(card(), type).find((c) => c['title'] === title);
  expect(found, `${type} "${title}"`).to.not.equal(undefined);
  return found as Record<string, unknown>;
};

describe('resultaten card (cards/resultaten.ts)', () => {
  it('parses at 1.5 with the Adaptive Cards library: every Teams chart with its fallback, nothing unbound', () => {
    const c = card();
    expectValidCard(c);
    const charts = JSON.stringify(c).match(/"type":"Chart\.[A-Za-z.]+"/g) ?? [];
    expect(charts.map((t) => t.slice(8, -1))).to.deep.equal([
      'Chart.VerticalBar',
      'Chart.Donut',
      'Chart.VerticalBar',
      'Chart.Gauge',
      'Chart.Donut',
      'Chart.Line',
      'Chart.VerticalBar.Grouped',
    ]);
    expect(elementsOf(c, 'TextBlock')[0]?.['text']).to.equal('Resultaten wijkteam-noord 2026-Q1');
    expect(elementsOf(c, 'TextBlock')[1]?.['text']).to.equal('1 januari 2026 – 31 maart 2026');
    expect(elementsOf(c, 'TextBlock').map((t) => t['text'])).to.include.members(['Casussen', 'Akkoorden en escalaties', 'Doorbraakbudget', 'Wat het de inwoners bracht']);
  });

  it('draws only figures that may be shown; the fallback table has them all, suppressed ones in words with their reason', () => {
    const bars = chart('Chart.VerticalBar', 'Open casussen per stap (nu)');
    expect(bars['data']).to.deep.equal([
      { x: '1 Indienen', y: 6 },
      { x: '2 Vraagverheldering', y: 12 },
      { x: '4 MDO', y: 9 },
      { x: '5A Plan (Deel A)', y: 7 },
      { x: '5B Onderbouwing (Deel B)', y: 5 },
      { x: '6 Uitvoering', y: 21 },
      { x: '7 Evaluatie (Deel C)', y: 8 },
    ]);
    const fallback = texts(bars['fallback']);
    expectRun(fallback, ['3 Wie is er nodig?', 'minder dan 5']);
    expectRun(fallback, ['6B Escaleren', 'minder dan 5']);
    expect(texts(card())).to.include('Niet in de grafiek: 3 Wie is er nodig? (minder dan 5), 6B Escaleren (minder dan 5).');

    const besluiten = chart('Chart.Donut', 'Besluiten over Deel B');
    expect(besluiten['data']).to.deep.equal([
      { legend: 'Akkoord: 14', value: 14, color: 'good' },
      { legend: 'Meer informatie: 6', value: 6, color: 'warning' },
    ]);
    // A count of decisions (not of cases) built from too few cases: not "less than 5 decisions".
    expectRun(texts(besluiten['fallback']), ['Afgewezen', 'minder dan 5 casussen']);
    expect(texts(card())).to.include('Niet in de grafiek: Afgewezen (minder dan 5 casussen).');

    const categorie = chart('Chart.Donut', 'Toegekend per doel (leefgebied)');
    expect(categorie['data']).to.deep.equal([
      { legend: `Huisvesting: ${e('12.000,00')}`, value: 12000 },
      { legend: `Financiën: ${e('8.456,78')}`, value: 8456.78 },
      { legend: `Niet opgegeven: ${e('3.000,00')}`, value: 3000 },
    ]);
    expectRun(texts(categorie['fallback']), ['Huisvesting', e('12.000,00'), 'Financiën', e('8.456,78'), 'Sociaal netwerk', 'afgeschermd']);
    expect(texts(card())).to.include('Niet in de grafiek: Sociaal netwerk (afgeschermd).');

    const maand = chart('Chart.Line', 'Toegekend per maand (mandaat inbegrepen)');
    expect(maand['data']).to.deep.equal([{ legend: 'Toegekend', values: [{ x: 'januari 2026', y: 6400 }, { x: 'maart 2026', y: 11500 }] }]);
    expectRun(texts(maand['fallback']), ['februari 2026', 'afgeschermd']);

    const zrm = chart('Chart.VerticalBar.Grouped', 'ZRM per leefgebied (gemiddeld, 1-5)');
    expect(zrm['data']).to.deep.equal([
      { legend: 'Voor', values: [{ x: 'Financiën', y: 2.4 }, { x: 'Huisvesting', y: 2 }, { x: 'Geestelijke gezondheid', y: 2.8 }] },
      { legend: 'Na', values: [{ x: 'Financiën', y: 3.1 }, { x: 'Huisvesting', y: 3.6 }, { x: 'Geestelijke gezondheid', y: 3 }] },
    ]);
    // The bars carry no leefgebied names Teams can fit, so the table stands under the chart in every client.
    expect(zrm['fallback']).to.equal('drop');
    const onderZrm = texts(card());
    expectRun(onderZrm, ['Financiën', '9', '2,4 → 3,1']);
    // The count of cases reads "minder dan 5", the means (not a count) "minder dan 5 casussen".
    expectRun(onderZrm, ['Sociaal netwerk', 'minder dan 5', 'minder dan 5 casussen']);
    expectRun(onderZrm, ['Niet bereikt', 'afgeschermd']);
  });

  it('never draws a number from fewer cases: with everything suppressed there are no charts, only the tables', () => {
    const f = resultatenFixture();
    const leeg = resultatenFixture({
      casussen: { ...f.casussen, perStap: f.casussen.perStap.map((s) => ({ ...s, aantal: ONDERDRUKT })) },
      akkoorden: { ...f.akkoorden, akkoord: ONDERDRUKT, meerInformatie: ONDERDRUKT, escalatiesPerFase: f.akkoorden.escalatiesPerFase.map((e) => ({ ...e, aantal: ONDERDRUKT })) },
      budget: { ...f.budget, resterendCents: ONDERDRUKT, perCategorie: [], perMaand: f.budget.perMaand.map((m) => ({ ...m, cents: ONDERDRUKT })) },
      uitkomst: { ...f.uitkomst, zrmPerLeefgebied: f.uitkomst.zrmPerLeefgebied.map((z) => ({ ...z, gemiddeldNa: ONDERDRUKT })) },
    });
    const c = renderResultatenCard(resultatenCardData(leeg));
    expectValidCard(c);
    expect(JSON.stringify(c)).to.not.match(/"type":"Chart\./);
    expectRun(texts(c), ['1 Indienen', 'minder dan 5']);
    // Without a chart there is nothing to say about what a chart leaves out: the table stands in its place.
    expect(texts(c).filter((t) => t.startsWith('Niet in de grafiek'))).to.deep.equal([]);
  });

  it('uses the report threshold in every suppressed cell and in the line that explains it', () => {
    const c = renderResultatenCard(resultatenCardData(resultatenFixture({ drempel: 10 })));
    expect(JSON.stringify(c)).to.not.contain('minder dan 5');
    expect(texts(c)).to.include.members(['minder dan 10', 'minder dan 10 casussen', 'afgeschermd']);
    expect(texts(c).at(-1)).to.match(/^Alle cijfers zijn opgeteld over casussen, nooit per casus\. Een cijfer dat op minder dan 10 casussen berust/);
  });

  it('says both reasons plainly under the card: "minder dan 5 (casussen)" for few cases, "afgeschermd" for a hidden complement', () => {
    const uitleg = texts(card()).at(-1) as string;
    expect(uitleg).to.contain('"minder dan 5"');
    expect(uitleg).to.contain('"minder dan 5 casussen"');
    expect(uitleg).to.contain('"afgeschermd"');
    // The dominance rule in plain words: an amount mostly one case's is afgeschermd too.
    expect(uitleg).to.contain('Ook een bedrag waarvan meer dan 80 procent naar één casus gaat, staat er als "afgeschermd"');
    // A suppressed euro figure never reads as "less than € 5"; a suppressed complement is never "minder dan".
    expect(celText({ soort: 'onderdrukt', reden: 'klein', casussen: false }, 5)).to.equal('minder dan 5 casussen');
    expect(celText({ soort: 'onderdrukt', reden: 'afgeschermd', casussen: true }, 5)).to.equal('afgeschermd');
    const t = texts(card());
    expectRun(t, ['Toegekend via Deel B', e('23.456,78')]);
    const metVerborgenBedrag = texts(renderResultatenCard(resultatenCardData(resultatenFixture({ budget: { ...resultatenFixture().budget, toegekendCents: AFGESCHERMD, mandaat: { cents: { onderdrukt: true, reden: 'klein' }, uitgaven: ONDERDRUKT } } }))));
    expectRun(metVerborgenBedrag, ['Toegekend via Deel B', 'afgeschermd', 'Uitgegeven onder mandaat', 'minder dan 5 casussen', 'Uitgaven onder mandaat', 'minder dan 5 casussen']);
  });

  it('outside the lopende periode: no open cases per step, one subtle line instead (no chart, no empty table)', () => {
    const f = resultatenFixture();
    const c = renderResultatenCard(resultatenCardData(resultatenFixture({ casussen: { ...f.casussen, perStap: [] } })));
    expectValidCard(c);
    const line = elementsOf(c, 'TextBlock').find((b) => b['text'] === 'Open casussen per stap staan alleen in de resultaten van de lopende periode.');
    expect(line).to.deep.include({ isSubtle: true });
    expect(texts(c)).to.not.include('Open casussen per stap (nu)');
    expect(elementsOf(c, 'Chart.VerticalBar').map((b) => b['title'])).to.deep.equal(['Escalaties per hoogste AVE-fase']);
    expect(texts(card())).to.not.include('Open casussen per stap staan alleen in de resultaten van de lopende periode.');
  });

  it('writes money, durations and means in Dutch, and shows the budget used in the gauge', () => {
    const t = texts(card());
    expectRun(t, ['Toegekend via Deel B', e('23.456,78')]);
    expectRun(t, ['Uitgegeven onder mandaat', e('1.740,00'), 'Uitgaven onder mandaat', '12']);
    expectRun(t, ['Indienen → uitvoering', '19', '23 dagen', '41,5 dagen']);
    expectRun(t, ['Mediaan tot besluit', '3 werkdagen']);
    expectRun(t, ['Tevredenheid over de doelen (0-10)', '4 → 7,5', 'Kwaliteit van leven (1-10)', '5 → minder dan 5 casussen']);
    const gauge = chart('Chart.Gauge', 'Gebruikt van het vastgestelde budget');
    // € 50.000 set, € 24.803,22 left: € 25.196,78 used (grants and mandaat).
    expect(gauge).to.deep.include({ value: 50, min: 0, max: 100, subLabel: `${e('25.196,78')} van ${e('50.000,00')}` });
    expect(texts(gauge['fallback'])).to.deep.equal(['Gebruikt', `50 % (${e('25.196,78')} van ${e('50.000,00')})`]);
    const zonder = renderResultatenCard(resultatenCardData(resultatenFixture({ budget: { ...resultatenFixture().budget, vastgesteldCents: undefined } })));
    expect(elementsOf(zonder, 'Chart.Gauge')).to.deep.equal([]);
    expectRun(texts(zonder), ['Vastgesteld', 'niet vastgesteld']);
  });

  it('holds only the report: no kenmerk, no case id, nothing but labels and figures', () => {
    const json = JSON.stringify(card());
    expect(json).to.not.match(/HA-\d{4}-/);
    expect(json).to.not.match(/id-\d{6}/);
    // Every text on the card is a heading, a label of the fixed lists, a figure or a sentence of the card itself.
    const vast = new Set(resultatenTabellen(resultatenFixture()).flatMap((s) => [s.titel, ...s.tabellen.flatMap((t) => [t.titel, ...t.kolommen, ...t.rijen.map((r) => r.label)])]));
    const figure = /^(€\s[\d.]+,\d\d|[\d,]+( (werk)?dag(en)?)?|minder dan 5( casussen)?|afgeschermd|[\d,]+ → [\d,]+|[\d,]+ → minder dan 5( casussen)?|niet vastgesteld|\d+ % \(.*\)|Voor → na)$/;
    const sentence = /^(Resultaten wijkteam-noord 2026-Q1|1 januari 2026 – 31 maart 2026|Niet in de grafiek: .*|Alle cijfers .*|Gebruikt)$/;
    for (const t of texts(card())) expect(vast.has(t) || figure.test(t) || sentence.test(t), t).to.equal(true);
  });

  it('its tables are the report tables cell for cell (one model for card and export)', () => {
    const r = resultatenFixture();
    for (const tabel of resultatenTabellen(r).flatMap((s) => s.tabellen)) {
      if (tabel.id === 'tevredenheid' || tabel.id === 'zrm') continue; // before → after in one column
      const t = texts(tabelElement(tabel, r.drempel));
      for (const rij of tabel.rijen) expectRun(t, [rij.label, ...rij.cellen.map((c: TabelCel) => celText(c, r.drempel))]);
    }
    expect(tabelVan(resultatenTabellen(r), 'perStap').rijen).to.have.length(9);
  });
});

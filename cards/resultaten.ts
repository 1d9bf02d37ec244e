import type { ResultatenRapport } from '../services/domain/resultaten/rapport';
import {
  celText,
  getalVan,
  onderdrukkingUitleg,
  resultatenTabellen,
  tabelVan,
  vanTotText,
  type Tabel,
  type TabelCel,
  type TabelId,
} from '../services/domain/resultaten/tabel';
import { formatEuro } from '../services/domain/text/format';
import { expandCard, type AdaptiveCardJson } from './render';
import template from './resultaten.json';

/** An Adaptive Card element (a Container with a FactSet or Table) made from a table of the report. */
export type CardElement = { readonly type: string } & Record<string, unknown>;

/** A chart and what clients without charts show instead: the same table. */
export interface Grafiek<P> {
  readonly titel: string;
  /** The points, without any suppressed figure: a suppressed cell is never drawn as a number. */
  readonly punten: readonly P[];
  /** The chart's fallback (and, without points, the table in its place). */
  readonly tabel: CardElement;
  /** "Niet in de grafiek: 3 Wie is er nodig? (minder dan 5), …", or '' when every figure is drawn. */
  readonly weggelaten: string;
}

export type Staaf = { readonly x: string; readonly y: number };
export type Taartpunt = { readonly legend: string; readonly value: number; readonly color?: string };

export interface ResultatenCardData {
  /** "Resultaten wijkteam-noord 2026-Q1". */
  readonly titel: string;
  /** "1 januari 2026 – 31 maart 2026". */
  readonly vanTot: string;
  readonly inPeriode: CardElement;
  readonly perStap: Grafiek<Staaf>;
  /** One subtle line instead of the open cases per step in a report of another than the lopende periode; else ''. */
  readonly perStapToelichting: string;
  readonly doorlooptijd: CardElement;
  readonly besluiten: Grafiek<Taartpunt>;
  readonly besluitduur: CardElement;
  readonly escalaties: Grafiek<Staaf>;
  readonly budget: CardElement;
  /** The gauge: how much of the set budget is used (granted and mandaat); absent without a budget or when suppressed. */
  readonly gebruikt?: { readonly procent: number; readonly over: number; readonly bedrag: string; readonly tekst: string };
  readonly perCategorie: Grafiek<Taartpunt>;
  readonly perMaand: Grafiek<Staaf>;
  readonly doelen: CardElement;
  readonly tevredenheid: CardElement;
  readonly zrm: Omit<Grafiek<Staaf>, 'punten'> & { readonly voor: readonly Staaf[]; readonly na: readonly Staaf[] };
  readonly naEvaluatie: CardElement;
  /** The plain-Dutch line on suppression. */
  readonly uitleg: string;
}

const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...extra });

/** "2,4 → 3,1" (either side may read "minder dan 5 casussen"; both suppressed alike is said once). */
function voorNa(voor: TabelCel | undefined, na: TabelCel | undefined, drempel: number): string {
  if (voor?.soort === 'onderdrukt' && na?.soort === 'onderdrukt' && celText(voor, drempel) === celText(na, drempel)) return celText(voor, drempel);
  return `${voor ? celText(voor, drempel) : '—'} → ${na ? celText(na, drempel) : '—'}`;
}

/**
 * A table as a card element under its title: a FactSet for label and one figure, a Table otherwise. With `voorNa`
 * the last two columns (before and after) read as one: "2,4 → 3,1".
 */
export function tabelElement(tabel: Tabel, drempel: number, opties: { voorNa?: boolean } = {}): CardElement {
  const titel = text(tabel.titel, { weight: 'Bolder', spacing: 'Small' });
  const cellen = (cs: readonly TabelCel[]): string[] =>
    opties.voorNa ? [...cs.slice(0, -2).map((c) => celText(c, drempel)), voorNa(cs.at(-2), cs.at(-1), drempel)] : cs.map((c) => celText(c, drempel));
  const kolommen = opties.voorNa ? [...tabel.kolommen.slice(0, -2), `${tabel.kolommen.at(-2)} → ${(tabel.kolommen.at(-1) ?? '').toLowerCase()}`] : [...tabel.kolommen];
  if (kolommen.length === 2) {
    return { type: 'Container', spacing: 'Medium', items: [titel, { type: 'FactSet', spacing: 'Small', facts: tabel.rijen.map((r) => ({ title: r.label, value: cellen(r.cellen)[0] ?? '' })) }] };
  }
  const row = (values: readonly string[], header = false) => ({
    type: 'TableRow',
    ...(header ? { style: 'emphasis' } : {}),
    cells: values.map((v) => ({ type: 'TableCell', items: [text(v, header ? { weight: 'Bolder' } : {})] })),
  });
  return {
    type: 'Container',
    spacing: 'Medium',
    items: [
      titel,
      {
        type: 'Table',
        spacing: 'Small',
        firstRowAsHeader: true,
        showGridLines: false,
        columns: kolommen.map((_, i) => ({ width: i === 0 ? 3 : 2 })),
        rows: [row(kolommen, true), ...tabel.rijen.map((r) => row([r.label, ...cellen(r.cellen)]))],
      },
    ],
  };
}

/** The rows of a table with a drawable figure in the given column, and those that are suppressed with how they read. */
function punten(tabel: Tabel, drempel: number, kolom = 0): { getallen: { label: string; y: number }[]; weggelaten: string[] } {
  const getallen: { label: string; y: number }[] = [];
  const weggelaten: string[] = [];
  for (const r of tabel.rijen) {
    const c = r.cellen[kolom];
    if (c?.soort === 'getal') getallen.push({ label: r.label, y: getalVan(c) });
    else if (c?.soort === 'onderdrukt') weggelaten.push(`${r.label} (${celText(c, drempel)})`);
  }
  return { getallen, weggelaten };
}

/** Under a chart, what it leaves out and why; nothing when there is no chart (no figure to draw: the table stands in its place). */
const weggelatenText = (labels: readonly string[], getekend: number) => (labels.length === 0 || getekend === 0 ? '' : `Niet in de grafiek: ${labels.join(', ')}.`);

const KLEUR_BESLUIT: Readonly<Record<string, string>> = { Akkoord: 'good', Afgewezen: 'attention', 'Meer informatie': 'warning' };

/** The card data of a report: every value written in Dutch, every chart point from the same table as its fallback. */
export function resultatenCardData(rapport: ResultatenRapport): ResultatenCardData {
  const { drempel } = rapport;
  const secties = resultatenTabellen(rapport);
  const tabel = (id: TabelId, opties?: { voorNa?: boolean }) => tabelElement(tabelVan(secties, id), drempel, opties);
  const staven = (id: TabelId): Grafiek<Staaf> => {
    const t = tabelVan(secties, id);
    const p = punten(t, drempel);
    return { titel: t.titel, punten: p.getallen.map((g) => ({ x: g.label, y: g.y })), tabel: tabel(id), weggelaten: weggelatenText(p.weggelaten, p.getallen.length) };
  };
  const taart = (id: TabelId, kleur: Readonly<Record<string, string>> = {}): Grafiek<Taartpunt> => {
    const t = tabelVan(secties, id);
    const p = punten(t, drempel);
    // A donut draws no numbers: the legend carries each figure ("Akkoord: 14"), so Teams shows it without the table.
    const geschreven = new Map(t.rijen.map((r) => [r.label, r.cellen[0] ? celText(r.cellen[0], drempel) : '']));
    return {
      titel: t.titel,
      punten: p.getallen.map((g) => ({ legend: `${g.label}: ${geschreven.get(g.label)}`, value: g.y, ...(kleur[g.label] ? { color: kleur[g.label] } : {}) })),
      tabel: tabel(id),
      weggelaten: weggelatenText(p.weggelaten, p.getallen.length),
    };
  };
  const zrmTabel = tabelVan(secties, 'zrm');
  // A leefgebied is drawn only when both its means may be shown.
  const zrmRijen = zrmTabel.rijen.filter((r) => r.cellen[1]?.soort === 'getal' && r.cellen[2]?.soort === 'getal');
  const zrmWeg = zrmTabel.rijen
    .filter((r) => !zrmRijen.includes(r))
    .map((r) => {
      const weg = r.cellen.slice(1).find((c) => c.soort === 'onderdrukt');
      return weg ? `${r.label} (${celText(weg, drempel)})` : r.label;
    });
  const bar = (r: (typeof zrmRijen)[number], i: 1 | 2): Staaf => ({ x: r.label, y: getalVan(r.cellen[i] as Extract<TabelCel, { soort: 'getal' }>) });
  return {
    titel: `Resultaten ${rapport.teamId} ${rapport.periode}`,
    vanTot: vanTotText(rapport),
    inPeriode: tabel('casussenInPeriode'),
    perStap: staven('perStap'),
    perStapToelichting: tabelVan(secties, 'perStap').toelichting ?? '',
    doorlooptijd: tabel('doorlooptijd'),
    besluiten: taart('besluiten', KLEUR_BESLUIT),
    besluitduur: tabel('besluitduur'),
    escalaties: staven('escalaties'),
    budget: tabel('budget'),
    ...gebruikt(rapport),
    perCategorie: taart('perCategorie'),
    perMaand: staven('perMaand'),
    doelen: tabel('doelen'),
    tevredenheid: tabel('tevredenheid', { voorNa: true }),
    zrm: {
      titel: zrmTabel.titel,
      voor: zrmRijen.map((r) => bar(r, 1)),
      na: zrmRijen.map((r) => bar(r, 2)),
      tabel: tabel('zrm', { voorNa: true }),
      weggelaten: weggelatenText(zrmWeg, zrmRijen.length),
    },
    naEvaluatie: tabel('naEvaluatie'),
    uitleg: onderdrukkingUitleg(drempel),
  };
}

/** The set budget's use (set minus remaining: grants and mandaat), when there is a budget and the remainder may be shown. */
function gebruikt(rapport: ResultatenRapport): Pick<ResultatenCardData, 'gebruikt'> {
  const { vastgesteldCents, resterendCents } = rapport.budget;
  if (vastgesteldCents === undefined || vastgesteldCents <= 0 || resterendCents === undefined || resterendCents.onderdrukt) return {};
  const cents = vastgesteldCents - resterendCents.waarde;
  const procent = Math.min(100, Math.max(0, Math.round((cents / vastgesteldCents) * 100)));
  const bedrag = `${formatEuro(cents)} van ${formatEuro(vastgesteldCents)}`;
  return { gebruikt: { procent, over: 100 - procent, bedrag, tekst: `${procent} % (${bedrag})` } };
}

/**
 * One team's resultaten for one period: four sections, each with Teams charts (Chart.VerticalBar, Chart.Donut,
 * Chart.Line, Chart.Gauge, Chart.VerticalBar.Grouped) whose fallback is the table with the same numbers, for clients
 * that do not draw charts. A suppressed figure is left out of a chart and named under it; its table says "minder dan 5",
 * "minder dan 5 casussen" or "afgeschermd" (services/domain/resultaten/tabel.ts).
 */
export function renderResultatenCard(data: ResultatenCardData): AdaptiveCardJson {
  return expandCard(template, data);
}

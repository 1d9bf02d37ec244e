import { DateTime } from 'luxon';
import { AVE_FASE_LABELS } from '../model/escalation';
import { LEEFGEBIED_LABELS } from '../model/leefgebieden';
import { STEP_LABELS } from '../model/steps';
import { ZONE } from '../../ports/clock';
import { formatDutchDate, formatEuro } from '../text/format';
import { DOMINANTIE_AANDEEL } from './onderdrukking';
import type { Cel, Doorlooptijd, OnderdrukReden, ResultatenRapport } from './rapport';

/**
 * The resultaten as tables: ONE model of rows that the card (its tables and the fallbacks of its charts, and the
 * charts' points), the spreadsheet and the CSV are all made from, so that their numbers cannot differ.
 */

/** What a figure counts; how it is written follows from it. Money is in cents. */
export type Eenheid = 'aantal' | 'dagen' | 'werkdagen' | 'euro' | 'score';

export type TabelCel =
  | { readonly soort: 'getal'; readonly eenheid: Eenheid; readonly waarde: number }
  /** Suppressed, with why; `casussen` when the figure is a count of cases (else it is an amount, a count of other things, or a median/mean/percentile). */
  | { readonly soort: 'onderdrukt'; readonly reden: OnderdrukReden; readonly casussen: boolean }
  | { readonly soort: 'tekst'; readonly tekst: string };

export interface TabelRij {
  readonly label: string;
  readonly cellen: readonly TabelCel[];
}

/** The tables of the report, by a stable id (the card picks its charts' tables by it). */
export type TabelId =
  | 'casussenInPeriode'
  | 'perStap'
  | 'doorlooptijd'
  | 'besluiten'
  | 'besluitduur'
  | 'escalaties'
  | 'budget'
  | 'perCategorie'
  | 'perMaand'
  | 'doelen'
  | 'tevredenheid'
  | 'zrm'
  | 'naEvaluatie';

export interface Tabel {
  readonly id: TabelId;
  readonly titel: string;
  /** Column headers: the first one heads the row labels. */
  readonly kolommen: readonly string[];
  readonly rijen: readonly TabelRij[];
  /** Said instead of the rows when there are none (the card as a subtle line, the spreadsheet under the title). */
  readonly toelichting?: string;
}

export interface Sectie {
  readonly titel: string;
  readonly tabellen: readonly Tabel[];
}

/** A figure; `casussen` when it is a count of cases (how a suppressed one reads depends on it). */
const cel = (c: Cel, eenheid: Eenheid, casussen = false): TabelCel =>
  c.onderdrukt ? { soort: 'onderdrukt', reden: c.reden, casussen } : { soort: 'getal', eenheid, waarde: c.waarde };
/** A count of cases. */
const aantalCasussen = (c: Cel): TabelCel => cel(c, 'aantal', true);
const rij = (label: string, ...cellen: TabelCel[]): TabelRij => ({ label, cellen });

function doorlooptijdRij(label: string, d: Doorlooptijd): TabelRij {
  return rij(label, aantalCasussen(d.aantal), cel(d.mediaanDagen, 'dagen'), cel(d.p90Dagen, 'dagen'));
}

/** Instead of the open cases per step in any report but that of the lopende periode (rapport.ts). */
export const PER_STAP_ALLEEN_LOPEND = 'Open casussen per stap staan alleen in de resultaten van de lopende periode.';

/** "maart 2026" for `2026-03`. */
export const maandLabel = (maand: string): string => DateTime.fromISO(`${maand}-01`, { zone: ZONE }).setLocale('nl').toFormat('LLLL yyyy');

/** "1 januari 2026 – 31 maart 2026". */
export const vanTotText = (r: Pick<ResultatenRapport, 'van' | 'tot'>): string => `${formatDutchDate(r.van)} – ${formatDutchDate(r.tot)}`;

/** The report as its four sections of tables, in the order of the card. */
export function resultatenTabellen(r: ResultatenRapport): readonly Sectie[] {
  const { casussen, akkoorden, budget, uitkomst } = r;
  return [
    {
      titel: 'Casussen',
      tabellen: [
        { id: 'casussenInPeriode', titel: 'In de periode', kolommen: ['Casussen', 'Aantal'], rijen: [rij('Geopend', aantalCasussen(casussen.geopend)), rij('Afgesloten', aantalCasussen(casussen.afgesloten))] },
        {
          id: 'perStap',
          titel: 'Open casussen per stap (nu)',
          kolommen: ['Stap', 'Aantal'],
          rijen: casussen.perStap.map((s) => rij(STEP_LABELS[s.stap], aantalCasussen(s.aantal))),
          ...(casussen.perStap.length === 0 ? { toelichting: PER_STAP_ALLEEN_LOPEND } : {}),
        },
        {
          id: 'doorlooptijd',
          titel: 'Doorlooptijd',
          kolommen: ['Van → tot', 'Casussen', 'Mediaan', '90e percentiel'],
          rijen: [doorlooptijdRij('Indienen → uitvoering', casussen.indienenTotUitvoering), doorlooptijdRij('MDO → evaluatie', casussen.mdoTotEvaluatie)],
        },
      ],
    },
    {
      titel: 'Akkoorden en escalaties',
      tabellen: [
        {
          id: 'besluiten',
          titel: 'Besluiten over Deel B',
          kolommen: ['Besluit', 'Aantal'],
          rijen: [
            rij('Akkoord', cel(akkoorden.akkoord, 'aantal')),
            rij('Afgewezen', cel(akkoorden.afgewezen, 'aantal')),
            rij('Meer informatie', cel(akkoorden.meerInformatie, 'aantal')),
          ],
        },
        { id: 'besluitduur', titel: 'Tijd tot een besluit', kolommen: ['Besluit', 'Werkdagen'], rijen: [rij('Mediaan tot besluit', cel(akkoorden.mediaanWerkdagenTotBesluit, 'werkdagen'))] },
        { id: 'escalaties', titel: 'Escalaties per hoogste AVE-fase', kolommen: ['AVE-fase', 'Aantal'], rijen: akkoorden.escalatiesPerFase.map((e) => rij(AVE_FASE_LABELS[e.fase], cel(e.aantal, 'aantal'))) },
      ],
    },
    {
      titel: 'Doorbraakbudget',
      tabellen: [
        {
          id: 'budget',
          titel: 'Budget van de periode',
          kolommen: ['Doorbraakbudget', 'Bedrag'],
          rijen: [
            rij('Vastgesteld', budget.vastgesteldCents === undefined ? { soort: 'tekst', tekst: 'niet vastgesteld' } : { soort: 'getal', eenheid: 'euro', waarde: budget.vastgesteldCents }),
            rij('Toegekend via Deel B', cel(budget.toegekendCents, 'euro')),
            rij('Uitgegeven onder mandaat', cel(budget.mandaat.cents, 'euro')),
            rij('Uitgaven onder mandaat', cel(budget.mandaat.uitgaven, 'aantal')),
            rij('Resterend', budget.vastgesteldCents === undefined || budget.resterendCents === undefined ? { soort: 'tekst', tekst: 'niet vastgesteld' } : cel(budget.resterendCents, 'euro')),
          ],
        },
        {
          id: 'perCategorie',
          titel: 'Toegekend per doel (leefgebied)',
          kolommen: ['Leefgebied', 'Bedrag'],
          rijen: budget.perCategorie.map((c) => rij(c.categorie === 'onbekend' ? 'Niet opgegeven' : LEEFGEBIED_LABELS[c.categorie], cel(c.cents, 'euro'))),
        },
        { id: 'perMaand', titel: 'Toegekend per maand (mandaat inbegrepen)', kolommen: ['Maand', 'Bedrag'], rijen: budget.perMaand.map((m) => rij(maandLabel(m.maand), cel(m.cents, 'euro'))) },
      ],
    },
    {
      titel: 'Wat het de inwoners bracht',
      tabellen: [
        {
          id: 'doelen',
          titel: 'Doelen geëvalueerd in de periode',
          kolommen: ['Doelen', 'Aantal'],
          rijen: [
            rij('Geëvalueerd', cel(uitkomst.doelenGeevalueerd, 'aantal')),
            rij('Resultaat bereikt', cel(uitkomst.doelenBereikt.ja, 'aantal')),
            rij('Deels bereikt', cel(uitkomst.doelenBereikt.deels, 'aantal')),
            rij('Niet bereikt', cel(uitkomst.doelenBereikt.nee, 'aantal')),
          ],
        },
        {
          id: 'tevredenheid',
          titel: 'Volgens de inwoner (mediaan)',
          kolommen: ['Score', 'Voor', 'Na'],
          rijen: [
            rij('Tevredenheid over de doelen (0-10)', cel(uitkomst.tevredenheidVoorMediaan, 'score'), cel(uitkomst.tevredenheidNaMediaan, 'score')),
            rij('Kwaliteit van leven (1-10)', cel(uitkomst.kwaliteitVanLevenVoorMediaan, 'score'), cel(uitkomst.kwaliteitVanLevenNaMediaan, 'score')),
          ],
        },
        {
          id: 'zrm',
          titel: 'ZRM per leefgebied (gemiddeld, 1-5)',
          kolommen: ['Leefgebied', 'Casussen', 'Voor', 'Na'],
          rijen: uitkomst.zrmPerLeefgebied.map((z) => rij(LEEFGEBIED_LABELS[z.leefgebied], aantalCasussen(z.aantal), cel(z.gemiddeldVoor, 'score'), cel(z.gemiddeldNa, 'score'))),
        },
        {
          id: 'naEvaluatie',
          titel: 'Na de evaluatie',
          kolommen: ['Vervolg', 'Aantal'],
          rijen: [rij('Afgesloten', aantalCasussen(uitkomst.afgeslotenNaEvaluatie)), rij('Nieuwe ronde', cel(uitkomst.nieuweRonde, 'aantal'))],
        },
      ],
    },
  ];
}

/** One table of the report by its id. */
export function tabelVan(secties: readonly Sectie[], id: TabelId): Tabel {
  const found = secties.flatMap((s) => s.tabellen).find((t) => t.id === id);
  if (!found) throw new Error(`No table ${id}`);
  return found;
}

const DECIMAAL = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** "minder dan 5": how a suppressed count of cases built from too few cases reads. */
export const onderdruktText = (drempel: number): string => `minder dan ${drempel}`;

/** "afgeschermd": how every suppressed figure of a group with a shown total, and an amount one case dominates, reads (rapport.ts OnderdrukReden). */
export const AFGESCHERMD = 'afgeschermd';

/**
 * A suppressed figure in words: "afgeschermd", or for one built from too few cases "minder dan 5" (a count of cases)
 * or "minder dan 5 casussen" (an amount, a count of goals or decisions, a median: not "less than €5").
 */
export function onderdruktCelText(c: Extract<TabelCel, { soort: 'onderdrukt' }>, drempel: number): string {
  if (c.reden === 'afgeschermd') return AFGESCHERMD;
  return c.casussen ? onderdruktText(drempel) : `${onderdruktText(drempel)} casussen`;
}

const meervoud = (n: number, een: string, meer: string) => `${DECIMAAL.format(n)} ${n === 1 ? een : meer}`;

/** A cell as the card writes it: "7", "12 dagen", "3 werkdagen", "€ 1.234,56", "2,4", "minder dan 5 (casussen)", "afgeschermd". */
export function celText(c: TabelCel, drempel: number): string {
  if (c.soort === 'onderdrukt') return onderdruktCelText(c, drempel);
  if (c.soort === 'tekst') return c.tekst;
  switch (c.eenheid) {
    case 'euro':
      return formatEuro(c.waarde);
    case 'dagen':
      return meervoud(c.waarde, 'dag', 'dagen');
    case 'werkdagen':
      return meervoud(c.waarde, 'werkdag', 'werkdagen');
    default:
      return DECIMAAL.format(c.waarde);
  }
}

/** A figure as a plain number for a spreadsheet: euros (not cents), days, counts, scores. */
export const getalVan = (c: Extract<TabelCel, { soort: 'getal' }>): number => (c.eenheid === 'euro' ? c.waarde / 100 : c.waarde);

/** "Alle cijfers zijn opgeteld over casussen …": the plain-Dutch line under the card and the export, on both reasons. */
export function onderdrukkingUitleg(drempel: number): string {
  return (
    `Alle cijfers zijn opgeteld over casussen, nooit per casus. Een cijfer dat op minder dan ${drempel} casussen berust, ` +
    `staat er als "${onderdruktText(drempel)}"; bij een bedrag, een aantal dat geen casussen telt (zoals doelen of besluiten), een mediaan of een gemiddelde als "${onderdruktText(drempel)} casussen". ` +
    `Bij "${AFGESCHERMD}" kan het cijfer klein of groot zijn: het is weggelaten omdat anders uit het totaal een klein aantal terug te rekenen is. ` +
    `Ook een bedrag waarvan meer dan ${Math.round(DOMINANTIE_AANDEEL * 100)} procent naar één casus gaat, staat er als "${AFGESCHERMD}", want dan is het in feite het bedrag van dat ene huishouden. ` +
    `Zo is geen inwoner te herkennen.`
  );
}

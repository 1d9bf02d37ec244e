import type { DoelVerandering, Richting, Verandering, VoorNa } from '../services/domain/evaluatie/voor-na';
import { expandCard, type AdaptiveCardJson } from './render';
import template from './voor-na.json';

/** One leefgebied on the card, every value pre-formatted in Dutch. */
export interface VoorNaRij {
  readonly label: string;
  /** The score, or "—" when it was not scored. */
  readonly voor: string;
  readonly na: string;
  /** "↑ beter (+2)", "↓ slechter (-1)", "= gelijk", or "niet te vergelijken". */
  readonly verandering: string;
  /** Adaptive Card text colour: Good for better, Attention for worse. */
  readonly kleur: 'Good' | 'Attention' | 'Default';
}

/** One doel on the card: the inwoner's words (TextRuns), the tevredenheid voor → na and whether the resultaat was reached. */
export interface VoorNaDoel {
  readonly label: string;
  readonly doel: string;
  readonly resultaat?: string;
  /** "3 → 7" ("—" for a score not asked yet). */
  readonly voorNa: string;
  readonly verandering: string;
  readonly kleur: VoorNaRij['kleur'];
  /** "Ja", "Deels", "Nee", or "nog niet gevraagd". */
  readonly bereikt: string;
}

export interface VoorNaCardData {
  readonly reference: string;
  /** The doelen of Deel A in their order (none for cases from before doelen: the section is left out). */
  readonly doelen: readonly VoorNaDoel[];
  /** "3 leefgebieden beter, 1 slechter, 9 gelijk." */
  readonly samenvatting: string;
  /** All 13 leefgebieden, in the matrix order. */
  readonly rijen: readonly VoorNaRij[];
  /** The inwoner's own quality of life: "5 → 7" and its change. */
  readonly kwaliteit: { readonly voorNa: string; readonly verandering: string; readonly kleur: VoorNaRij['kleur'] };
  /** The chart's bars (Teams renders Chart.VerticalBar.Grouped; elsewhere the chart is dropped, the table stays). */
  readonly grafiekVoor: readonly { x: string; y: number }[];
  readonly grafiekNa: readonly { x: string; y: number }[];
}

const KLEUR: Readonly<Record<Richting, VoorNaRij['kleur']>> = { beter: 'Good', slechter: 'Attention', gelijk: 'Default', onbekend: 'Default' };

/** "↑ beter (+2)", "↓ slechter (-1)", "= gelijk", "niet te vergelijken". */
export function veranderingText(v: Verandering): string {
  switch (v.richting) {
    case 'beter':
      return `↑ beter (+${v.verschil})`;
    case 'slechter':
      return `↓ slechter (${v.verschil})`;
    case 'gelijk':
      return '= gelijk';
    default:
      return 'niet te vergelijken';
  }
}

const score = (s: number | undefined) => (s === undefined ? '—' : String(s));
const leefgebieden = (n: number) => (n === 1 ? 'leefgebied' : 'leefgebieden');

/** "3 leefgebieden beter, 1 slechter, 9 gelijk." (and how many could not be compared). */
export function samenvattingText(voorNa: VoorNa): string {
  const { beter, slechter, gelijk, onbekend } = voorNa.telling;
  const delen = [`${beter} ${leefgebieden(beter)} beter`, `${slechter} slechter`, `${gelijk} gelijk`];
  if (onbekend > 0) delen.push(`${onbekend} niet te vergelijken (geen score voor of na)`);
  return `${delen.join(', ')}.`;
}

const BEREIKT = { ja: 'Ja', deels: 'Deels', nee: 'Nee' } as const;

/** "Ja", "Deels", "Nee", or "nog niet gevraagd" before the doel is evaluated. */
export const bereiktText = (d: DoelVerandering) => (d.bereikt ? BEREIKT[d.bereikt] : 'nog niet gevraagd');

/** The card's line for a doel. */
export function voorNaDoel(d: DoelVerandering): VoorNaDoel {
  return {
    label: d.label,
    doel: d.doel,
    ...(d.resultaat !== undefined ? { resultaat: d.resultaat } : {}),
    voorNa: `${score(d.voor)} → ${score(d.na)}`,
    verandering: d.richting === 'onbekend' ? 'nog niet allebei gevraagd' : veranderingText(d),
    kleur: KLEUR[d.richting],
    bereikt: bereiktText(d),
  };
}

/** The card data of a comparison (services/domain/evaluatie/voor-na.ts). */
export function voorNaCardData(reference: string, voorNa: VoorNa): VoorNaCardData {
  const vergeleken = voorNa.leefgebieden.filter((r) => r.voor !== undefined && r.na !== undefined);
  const kvl = voorNa.kwaliteitVanLeven;
  return {
    reference,
    samenvatting: samenvattingText(voorNa),
    doelen: voorNa.doelen.map(voorNaDoel),
    rijen: voorNa.leefgebieden.map((r) => ({ label: r.label, voor: score(r.voor), na: score(r.na), verandering: veranderingText(r), kleur: KLEUR[r.richting] })),
    kwaliteit: {
      voorNa: `${score(kvl.voor)} → ${score(kvl.na)}`,
      verandering: kvl.richting === 'onbekend' ? 'nog niet allebei gevraagd' : veranderingText(kvl),
      kleur: KLEUR[kvl.richting],
    },
    grafiekVoor: vergeleken.map((r) => ({ x: r.label, y: r.voor as number })),
    grafiekNa: vergeleken.map((r) => ({ x: r.label, y: r.na as number })),
  };
}

/**
 * Before and after side by side: a grouped bar chart where the client renders charts (Teams), and always the table
 * per leefgebied with the change marked (↑ beter in green, ↓ slechter in red, = gelijk), then the inwoner's quality of
 * life before → after. The table, not the chart, carries the numbers: the chart's fallback is to drop it.
 */
export function renderVoorNaCard(data: VoorNaCardData): AdaptiveCardJson {
  return expandCard(template, {
    ...data,
    rijen: data.rijen.map((r) => ({ ...r, gewicht: r.kleur === 'Default' ? 'Default' : 'Bolder' })),
  });
}

/** The case view's small "Voor en na" section: the counts, the leefgebieden that changed, and the quality of life. */
export interface VoorNaSection {
  readonly samenvatting: string;
  readonly facts: readonly { title: string; value: string }[];
}

/**
 * "Financiën: 1 → 4, ↑ beter (+3)" for each leefgebied that changed, each evaluated doel ("Doel Huisvesting: tevredenheid
 * 3 → 7, ↑ beter (+4); resultaat bereikt: Ja", without the inwoner's words: facts are not TextRuns), and the quality of life when both are known.
 */
export function voorNaSection(voorNa: VoorNa): VoorNaSection {
  const veranderd = voorNa.leefgebieden.filter((r) => r.richting === 'beter' || r.richting === 'slechter');
  const kvl = voorNa.kwaliteitVanLeven;
  return {
    samenvatting: samenvattingText(voorNa),
    facts: [
      ...veranderd.map((r) => ({ title: r.label, value: `${score(r.voor)} → ${score(r.na)}, ${veranderingText(r)}` })),
      ...voorNa.doelen
        .filter((d) => d.bereikt !== undefined)
        .map((d) => ({ title: `Doel ${d.label}`, value: `tevredenheid ${score(d.voor)} → ${score(d.na)}, ${veranderingText(d)}; resultaat bereikt: ${bereiktText(d)}` })),
      ...(kvl.richting === 'onbekend' ? [] : [{ title: 'Kwaliteit van leven', value: `${score(kvl.voor)} → ${score(kvl.na)}, ${veranderingText(kvl)}` }]),
    ],
  };
}

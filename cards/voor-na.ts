import type { Richting, Verandering, VoorNa } from '../services/domain/evaluatie/voor-na';
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

export interface VoorNaCardData {
  readonly reference: string;
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

/** The card data of a comparison (services/domain/evaluatie/voor-na.ts). */
export function voorNaCardData(reference: string, voorNa: VoorNa): VoorNaCardData {
  const vergeleken = voorNa.leefgebieden.filter((r) => r.voor !== undefined && r.na !== undefined);
  const kvl = voorNa.kwaliteitVanLeven;
  return {
    reference,
    samenvatting: samenvattingText(voorNa),
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

/** "Financiën: 1 → 4, ↑ beter (+3)" for each leefgebied that changed, and the quality of life when both are known. */
export function voorNaSection(voorNa: VoorNa): VoorNaSection {
  const veranderd = voorNa.leefgebieden.filter((r) => r.richting === 'beter' || r.richting === 'slechter');
  const kvl = voorNa.kwaliteitVanLeven;
  return {
    samenvatting: samenvattingText(voorNa),
    facts: [
      ...veranderd.map((r) => ({ title: r.label, value: `${score(r.voor)} → ${score(r.na)}, ${veranderingText(r)}` })),
      ...(kvl.richting === 'onbekend' ? [] : [{ title: 'Kwaliteit van leven', value: `${score(kvl.voor)} → ${score(kvl.na)}, ${veranderingText(kvl)}` }]),
    ],
  };
}

import template from './mandaat.json';
import { expandCard } from './render';
import { MANDAAT_ANNULEREN, MANDAAT_UITGEVEN } from './verbs';

export interface MandaatCardData {
  readonly caseId: string;
  readonly reference: string;
  /** The spending this card makes: pressing *Uitgeven* twice is the same spending (booked once). */
  readonly uitgaveId: string;
  /** "€ 250,00": the mandaat per case per period. */
  readonly mandaat: string;
  /** The budget period ("2026", "2026-Q4") and what is left of the mandaat in it on this case. */
  readonly periode: string;
  readonly over: string;
  /** "€ 8.750,00 over" or "nog niet vastgesteld". */
  readonly budget: string;
  /** The card again after a refusal: why, and what was typed. */
  readonly melding?: string;
  readonly bedrag?: string;
  readonly doel?: string;
  readonly waarom?: string;
  /** The leefgebied chosen before a refusal (its key). */
  readonly categorie?: string;
  /** The 13 leefgebieden to choose from, those that matter to the inwoner first. */
  readonly leefgebieden: readonly { title: string; value: string }[];
}

/**
 * The casusregisseur spends under the mandaat (seed 004 tips 7 and 10): amount, purpose, one sentence why, and the leefgebied it serves. Submits
 * MANDAAT_UITGEVEN; its payload is CARD_PAYLOADS.mandaat. What was typed comes back as input values, never as Markdown.
 */
export function renderMandaatCard(data: MandaatCardData) {
  return expandCard(template, {
    ...data,
    melding: data.melding ?? '',
    bedrag: data.bedrag ?? '',
    doel: data.doel ?? '',
    waarom: data.waarom ?? '',
    categorie: data.categorie ?? '',
    verbUitgeven: MANDAAT_UITGEVEN,
    verbAnnuleren: MANDAAT_ANNULEREN,
  });
}

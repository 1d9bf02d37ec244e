import template from './wijziging.json';
import { expandCard } from './render';
import { CASUS_OPENEN } from './verbs';

export interface WijzigingCardData {
  readonly caseId: string;
  readonly reference: string;
  /** One sentence per change, as plain text (names and organisations are never read as Markdown). */
  readonly regels: readonly string[];
}

/** What changed on a case, for another party: the kenmerk, one line per change with who did it, and *Casus openen*. */
export function renderWijzigingCard(data: WijzigingCardData) {
  return expandCard(template, { ...data, verbOpenen: CASUS_OPENEN });
}

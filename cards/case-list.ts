import template from './case-list.json';
import { expandCard, type AdaptiveCardJson } from './render';
import { CASUS_OPENEN, CASUSSEN_MEER } from './verbs';

/** One open case in the list; every string already formatted in Dutch. */
export interface CaseListItem {
  readonly caseId: string;
  readonly reference: string;
  /** The step label, e.g. "4 MDO". */
  readonly step: string;
  /** Since when the case is in that step: "sinds 24 november 2026". */
  readonly sinds: string;
  /** e.g. "evaluatie op 7 januari 2027", or "—". */
  readonly nextDue: string;
  /** On whom the case waits, e.g. "Casusregisseur (Sanne de Vries)". */
  readonly waitingOn: string;
  /** The household's pseudonyms ("Moeder (M1), Kind (K1)"), only for whom may see them; absent otherwise. */
  readonly huishouden?: string;
}

export interface CaseListCardData {
  readonly title: string;
  readonly items: readonly CaseListItem[];
  /** Present when there are more cases: the "Meer casussen" button sends it back. */
  readonly continuationToken?: string;
  /** Shown instead of the list when there are no cases. */
  readonly emptyText: string;
}

/**
 * "Mijn casussen": each open case with its step and since when, the household's pseudonyms (for whom may see them), what
 * is due next and on whom it waits, with an "Openen" button.
 */
export function renderCaseListCard(data: CaseListCardData): AdaptiveCardJson {
  return expandCard(template, { ...data, verbOpenen: CASUS_OPENEN, verbMeer: CASUSSEN_MEER });
}

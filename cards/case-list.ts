import template from './case-list.json';
import { expandCard } from './render';
import { CASUS_OPENEN, CASUSSEN_MEER } from './verbs';

export interface CaseListCardData {
  readonly title: string;
  /** Pre-formatted Dutch strings per case. */
  readonly items: readonly { caseId: string; reference: string; step: string; nextDue: string; waitingOn: string }[];
  readonly continuationToken?: string;
  readonly emptyText: string;
}

/** "Mijn casussen": each open case with its step, what is due next and on whom it waits; tap to open. */
export function renderCaseListCard(data: CaseListCardData) {
  return expandCard(template, { ...data, verbOpenen: CASUS_OPENEN, verbMeer: CASUSSEN_MEER });
}

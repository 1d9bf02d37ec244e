import template from './actie.json';
import { expandCard } from './render';
import { ACTIE_TOEVOEGEN, PLAN_KLAAR } from './verbs';

export interface ActieCardData {
  readonly caseId: string;
  readonly reference: string;
  /** Today, YYYY-MM-DD: the earliest date the picker offers. */
  readonly vandaag: string;
  /** The plan so far, pre-formatted ("30 nov 2026"). */
  readonly acties: readonly { wie: string; wat: string; wanneer: string }[];
}

/** Deel A's plan, and a form to add one action with Input.Date. */
export function renderActieCard(data: ActieCardData) {
  return expandCard(template, { ...data, verbToevoegen: ACTIE_TOEVOEGEN, verbKlaar: PLAN_KLAAR });
}

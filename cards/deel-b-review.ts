import template from './deel-b-review.json';
import { expandCard } from './render';
import { DEELB_REVIEW_KLAAR, DEELB_REVIEW_OPSLAAN } from './verbs';

export interface DeelBReviewCardData {
  readonly caseId: string;
  readonly reference: string;
  readonly requestedBy: string;
  /** What is asked, pre-formatted ("Doorbraakbudget € 1.250,00: …"). */
  readonly verzoek: string;
  /** The Deel B fields to edit, in seed 000's order; id = the field's name in the model. */
  readonly velden: readonly { id: string; label: string; value: string }[];
  readonly melding?: string;
  readonly meldingKleur?: 'Good' | 'Attention';
}

/** Deel B for the aanjager: edit the onderbouwing, leave a remark, or mark it ready for approval. */
export function renderDeelBReviewCard(data: DeelBReviewCardData) {
  return expandCard(template, { ...data, verbOpslaan: DEELB_REVIEW_OPSLAAN, verbKlaar: DEELB_REVIEW_KLAAR });
}

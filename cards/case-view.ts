import template from './case-view.json';
import { expandCard } from './render';
import { CASUS_VERDER } from './verbs';

export interface CaseViewCardData {
  readonly caseId: string;
  readonly reference: string;
  readonly step: string;
  readonly ronde: number;
  readonly hulpvraag?: string;
  readonly household: readonly { role: string; label: string }[];
  readonly professionals: readonly { name: string; role: string }[];
  readonly due: readonly { what: string; when: string }[];
  readonly next: string;
  readonly history: readonly { when: string; who: string; from: string; to: string; why?: string }[];
}

/** One case: where it stands, who is involved, what is due, what comes next, and its history (who, when, from, to, why). */
export function renderCaseViewCard(data: CaseViewCardData) {
  return expandCard(template, { ...data, verbVerder: CASUS_VERDER });
}

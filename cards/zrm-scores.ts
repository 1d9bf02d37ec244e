import { LEEFGEBIEDEN, LEEFGEBIED_LABELS } from '../services/model/leefgebieden';
import { expandCard } from './render';
import { ZRM_OPSLAAN } from './verbs';
import template from './zrm-scores.json';

export interface ZrmScoresCardData {
  readonly caseId: string;
  readonly reference: string;
  readonly moment: 'voor' | 'na';
  /** All 13 leefgebieden, with the current score as '1'..'5' or '' when not yet scored. */
  readonly leefgebieden: readonly { key: string; label: string; value: string }[];
}

/** The card data for a case's scores at one moment. */
export function zrmCardData(caseId: string, reference: string, moment: 'voor' | 'na', scores: Partial<Record<string, number | undefined>>): ZrmScoresCardData {
  return {
    caseId,
    reference,
    moment,
    leefgebieden: LEEFGEBIEDEN.map((key) => ({ key, label: LEEFGEBIED_LABELS[key], value: scores[key] !== undefined ? String(scores[key]) : '' })),
  };
}

/** One card to score all 13 leefgebieden of the Zelfredzaamheid-Matrix in one go. */
export function renderZrmScoresCard(data: ZrmScoresCardData) {
  const title = data.moment === 'voor' ? 'ZRM-scores vóór de hulp' : 'ZRM-scores na afloop';
  return expandCard(template, { ...data, title, verb: ZRM_OPSLAAN });
}

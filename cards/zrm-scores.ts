import { LEEFGEBIEDEN, LEEFGEBIED_LABELS, ZRM_SCORE_LABELS, type Leefgebied, type ZrmScore } from '../services/domain/model/leefgebieden';
import { expandCard, type AdaptiveCardJson } from './render';
import { ZRM_OPSLAAN } from './verbs';
import template from './zrm-scores.json';

/** One row of the ZRM card: a leefgebied and its current score ('1'..'5'), if scored. */
export interface ZrmRow {
  readonly key: string;
  readonly label: string;
  readonly value?: string;
}

export interface ZrmScoresCardData {
  readonly caseId: string;
  readonly reference: string;
  readonly moment: 'voor' | 'na';
  /** All 13 leefgebieden, in matrix order. */
  readonly leefgebieden: readonly ZrmRow[];
}

const SCORES: readonly ZrmScore[] = [1, 2, 3, 4, 5];
/** "1 Acute problematiek" … "5 Volledig zelfredzaam", the same for every row. */
const CHOICES = SCORES.map((s) => ({ title: `${s} ${ZRM_SCORE_LABELS[s]}`, value: String(s) }));

/** The card data for a case's scores at one moment: every leefgebied, with its score where there is one. */
export function zrmCardData(
  caseId: string,
  reference: string,
  moment: 'voor' | 'na',
  scores: Partial<Record<Leefgebied, number | undefined>>,
): ZrmScoresCardData {
  return {
    caseId,
    reference,
    moment,
    leefgebieden: LEEFGEBIEDEN.map((key) => {
      const score = scores[key];
      return { key, label: LEEFGEBIED_LABELS[key], ...(score !== undefined ? { value: String(score) } : {}) };
    }),
  };
}

/** One card to score all 13 leefgebieden of the Zelfredzaamheid-Matrix in one go; current scores preselected. */
export function renderZrmScoresCard(data: ZrmScoresCardData): AdaptiveCardJson {
  return expandCard(template, {
    ...data,
    // An unscored row gets an empty value: the compact ChoiceSet then shows its placeholder.
    leefgebieden: data.leefgebieden.map((row) => ({ ...row, value: row.value ?? '' })),
    title: data.moment === 'voor' ? 'ZRM-scores vóór de hulp' : 'ZRM-scores na afloop',
    choices: CHOICES,
    verb: ZRM_OPSLAAN,
  });
}

import { LEEFGEBIEDEN, LEEFGEBIED_LABELS } from '../services/domain/model/leefgebieden';
import template from './leefgebieden-rangorde.json';
import { expandCard } from './render';
import { RANGORDE_OPSLAAN } from './verbs';

/** The ranks on the card, most important first; the input ids are rang_1 … rang_5. */
export const RANGEN = ['Belangrijkst', 'Daarna', 'Dan', 'Dan', 'Dan'] as const;
export const rangId = (index: number) => `rang_${index + 1}`;

export interface RangordeCardData {
  readonly caseId: string;
  readonly reference: string;
  /** What is chosen per rank (as stored, or as sent before a refusal), most important first. */
  readonly gekozen?: readonly string[];
  readonly melding?: string;
}

/** The inwoner's own ranking of the leefgebieden that matter most: one choice of the 13 per rank, the first one needed. */
export function renderRangordeCard(data: RangordeCardData) {
  return expandCard(template, {
    caseId: data.caseId,
    reference: data.reference,
    melding: data.melding ?? '',
    rangen: RANGEN.map((label, i) => ({
      id: rangId(i),
      label: `${i + 1}. ${label}`,
      placeholder: i === 0 ? 'Kies een leefgebied' : 'Mag leeg blijven',
      value: data.gekozen?.[i] ?? '',
    })),
    leefgebieden: LEEFGEBIEDEN.map((l) => ({ title: LEEFGEBIED_LABELS[l], value: l })),
    verb: RANGORDE_OPSLAAN,
  });
}

import type { FoundChoice } from 'botbuilder-dialogs';
import type { Case } from '../../services/domain/model/case';
import { LEEFGEBIEDEN, LEEFGEBIED_LABELS, type Leefgebied } from '../../services/domain/model/leefgebieden';

/** The question for the purpose category of money (Deel B's doorbraakbudget, a spending under the mandaat). */
export const CATEGORIE_QUESTION = 'Voor welk **leefgebied** is het geld?';

/**
 * The 13 leefgebieden, those that matter to this inwoner first: the ones they ranked as mattering most, then those of
 * Deel A's goals (when asked), then the others in the matrix's order; each once.
 */
export function leefgebiedenVoor(c: Case, { doelen }: { doelen: boolean }): Leefgebied[] {
  const first = [...(c.vraagverheldering.belangrijksteLeefgebieden ?? []), ...(doelen ? c.deelA.doelen.map((d) => d.leefgebied) : [])];
  return [...new Set([...first, ...LEEFGEBIEDEN])];
}

/** The leefgebieden as the choices of a choice prompt: their Dutch labels. */
export const categorieChoices = (c: Case): string[] => leefgebiedenVoor(c, { doelen: true }).map((l) => LEEFGEBIED_LABELS[l]);

/** The leefgebieden as the choices of an Input.ChoiceSet on a card. */
export const categorieKeuzes = (c: Case) => leefgebiedenVoor(c, { doelen: true }).map((l) => ({ title: LEEFGEBIED_LABELS[l], value: l }));

/** The leefgebied of a chosen label (the choice prompt only ever returns one of the labels). */
export function categorieOf(choice: FoundChoice | undefined): Leefgebied | undefined {
  return LEEFGEBIEDEN.find((l) => LEEFGEBIED_LABELS[l] === choice?.value);
}

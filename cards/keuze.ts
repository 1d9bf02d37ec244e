import template from './keuze.json';
import { expandCard } from './render';
import { KEUZE } from './verbs';

/** A question with one button per answer (also Ja / Nee): every choice the bot offers looks like this. */
export interface KeuzeCardData {
  readonly vraag: string;
  /** Said above the question when an answer was not one of the choices ('' for none). */
  readonly hint: string;
  /** The buttons, in order; each sends its own title back as `keuze` (Action.Submit, verb KEUZE). */
  readonly keuzes: readonly string[];
}

/** Renders the choice card: Action.Submit buttons work alike in Teams and in the Agents Playground. */
export function renderKeuzeCard(data: KeuzeCardData) {
  return expandCard(template, { vraag: data.vraag, hint: data.hint, verb: KEUZE, keuzes: data.keuzes.map((titel) => ({ titel })) });
}

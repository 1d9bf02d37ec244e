import { ChoicePrompt, ConfirmPrompt } from 'botbuilder-dialogs';
import { LOCALE } from './ids';

/**
 * Prompts that speak Dutch whatever locale the Teams client sends (an English Teams UI sends en-US): the
 * product's language is Dutch for everyone.
 */
const DUTCH_LIST = { inlineSeparator: ', ', inlineOr: ' of ', inlineOrMore: ', of ', includeNumbers: true };

export function dutchConfirmPrompt(id: string): ConfirmPrompt {
  const prompt = new ConfirmPrompt(id, undefined, LOCALE);
  prompt.confirmChoices = ['Ja', 'Nee'];
  prompt.choiceOptions = DUTCH_LIST;
  return prompt;
}

export function dutchChoicePrompt(id: string): ChoicePrompt {
  const prompt = new ChoicePrompt(id, undefined, LOCALE);
  prompt.choiceOptions = DUTCH_LIST;
  prompt.recognizerOptions = { locale: LOCALE, allowPartialMatches: true };
  return prompt;
}

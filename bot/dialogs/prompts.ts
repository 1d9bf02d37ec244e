import { ChoicePrompt, ConfirmPrompt, TextPrompt, type PromptOptions } from 'botbuilder-dialogs';
import { freeText } from '../../services/domain/model/fields';
import { parseInput } from '../../services/domain/model/validation';
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

/** What a checked text prompt checks the answer against: the field's Dutch label (as the question names it) and its length. */
export interface TextCheck {
  readonly label: string;
  readonly max: number;
}

/**
 * A text prompt for free text that goes into a transition (an uitkomst, a reason to escalate): the answer is checked
 * as a free-text field with the label the question uses, so a refusal names it in the professional's words ("Vul de
 * uitkomst in.", "De belemmering is te lang (maximaal 1000 tekens).", a BSN), and the question is asked again after
 * it. Pass the check as the prompt's `validations` and the question as a string.
 */
export function checkedTextPrompt(id: string): TextPrompt {
  return new TextPrompt(id, async (prompt) => {
    const options = prompt.options as PromptOptions;
    const { label, max } = options.validations as TextCheck;
    const checked = parseInput(freeText(label, max), prompt.recognized.value ?? '');
    if (checked.ok) return true;
    // Asked again as one message, the refusal first (as AskFieldDialog does).
    const question = typeof options.prompt === 'string' ? options.prompt : (options.prompt?.text ?? '');
    options.retryPrompt = question ? `${checked.error.userMessage}\n\n${question}` : checked.error.userMessage;
    return false;
  });
}

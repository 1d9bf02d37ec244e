import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { ChoiceFactory, ChoicePrompt, ConfirmPrompt, TextPrompt, type Choice, type FoundChoice, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { renderKeuzeCard } from '../../cards/keuze';
import { toAttachment } from '../../cards/render';
import { KEUZE } from '../../cards/verbs';
import { argumentProblem, type DeelBArgument } from '../../services/domain/model/argument';
import { freeText } from '../../services/domain/model/fields';
import { doorbraakbudgetCents } from '../../services/domain/model/samenwerkplan';
import { parseSignedEuroCents } from '../parse';
import { parseInput } from '../../services/domain/model/validation';
import { LOCALE } from './ids';

/**
 * Every choice and every yes/no the bot asks, in one place: an Adaptive Card whose buttons are Action.Submit with
 * the answer in `data` (cards/keuze.json), which Teams and the Agents Playground both send back as a message with
 * `value`, never hero cards with imBack and never a numbered list to type. A typed answer counts only when it is one
 * of the choices exactly (case and a closing full stop aside): a number or other free text typed at a choice is
 * never read as some choice, the question is asked again with a Dutch hint.
 */
export const NOT_A_CHOICE = 'Dat is geen van de keuzes. Kies een van de knoppen.';

/** The answer of a turn at a choice: the pressed button's `keuze`, or the typed text. */
function answerOf(activity: Partial<Activity>): string | undefined {
  const value = activity.value as { verb?: unknown; keuze?: unknown } | undefined;
  if (value && typeof value === 'object' && value.verb === KEUZE) return typeof value.keuze === 'string' ? value.keuze : undefined;
  return typeof activity.text === 'string' ? activity.text : undefined;
}

const comparable = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim().replace(/[.!]+$/, '').toLowerCase();

/** The question as text, whether the prompt was given as a string or as an activity. */
function questionOf(prompt: PromptOptions['prompt']): string {
  return typeof prompt === 'string' ? prompt : (prompt?.text ?? '');
}

/** Sends the question as the choice card; a retry says first why the answer was not taken. */
async function sendKeuzeCard(context: TurnContext, options: PromptOptions, keuzes: readonly string[], isRetry: boolean): Promise<void> {
  const retry = isRetry && options.retryPrompt ? questionOf(options.retryPrompt) : '';
  const hint = isRetry ? retry || NOT_A_CHOICE : '';
  await context.sendActivity(MessageFactory.attachment(toAttachment(renderKeuzeCard({ vraag: questionOf(options.prompt), hint, keuzes }))));
}

/** A choice prompt that shows its choices as buttons (the choice's value is the button's title). */
export class ButtonChoicePrompt extends ChoicePrompt {
  constructor(id: string) {
    super(id, undefined, LOCALE);
  }

  protected override async onPrompt(context: TurnContext, _state: unknown, options: PromptOptions, isRetry: boolean): Promise<void> {
    await sendKeuzeCard(context, options, choicesOf(options).map((c) => c.value), isRetry);
  }

  protected override async onRecognize(context: TurnContext, _state: unknown, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    const answer = answerOf(context.activity);
    if (answer === undefined) return { succeeded: false };
    const index = choicesOf(options).findIndex((c) => [c.value, ...(c.synonyms ?? [])].some((word) => comparable(word) === comparable(answer)));
    if (index < 0) return { succeeded: false };
    return { succeeded: true, value: { value: choicesOf(options)[index]?.value as string, index, score: 1 } };
  }
}

const choicesOf = (options: PromptOptions): Choice[] => ChoiceFactory.toChoices(options.choices ?? []);

const JA = ['ja', 'j', 'yes', 'ok', 'oké'];
const NEE = ['nee', 'n', 'no'];

/** A yes/no prompt with the buttons Ja and Nee; typed "ja" or "nee" works too, nothing else is read as an answer. */
export class ButtonConfirmPrompt extends ConfirmPrompt {
  constructor(id: string) {
    super(id, undefined, LOCALE);
  }

  protected override async onPrompt(context: TurnContext, _state: unknown, options: PromptOptions, isRetry: boolean): Promise<void> {
    await sendKeuzeCard(context, options, ['Ja', 'Nee'], isRetry);
  }

  protected override async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<boolean>> {
    const answer = answerOf(context.activity);
    const said = answer === undefined ? '' : comparable(answer);
    if (JA.includes(said)) return { succeeded: true, value: true };
    if (NEE.includes(said)) return { succeeded: true, value: false };
    return { succeeded: false };
  }
}

export function dutchConfirmPrompt(id: string): ConfirmPrompt {
  return new ButtonConfirmPrompt(id);
}

export function dutchChoicePrompt(id: string): ChoicePrompt {
  return new ButtonChoicePrompt(id);
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

/** The question for the doorbraakbudget amount; also said again after an amount that cannot be used. */
export const AMOUNT_QUESTION = 'Hoeveel **doorbraakbudget** is nodig? Typ een bedrag, bijvoorbeeld `€ 1.250,00`.';

/** A typed amount read as euro cents and checked against Deel B's schema, or the Dutch reason it cannot be used. */
export function readAmount(text: string): { cents: number } | { refusal: string } {
  const cents = parseSignedEuroCents(text);
  if (cents === undefined) return { refusal: 'Dat is geen bedrag dat ik kan lezen.' };
  const checked = parseInput(doorbraakbudgetCents, cents);
  return checked.ok ? { cents: checked.value } : { refusal: checked.error.userMessage };
}

/**
 * A text prompt for the doorbraakbudget amount: an amount that cannot be read, or is too low or too high, is refused
 * and the amount is asked again (never the question before it), so the next thing typed is read as an amount.
 */
export function amountPrompt(id: string): TextPrompt {
  return new TextPrompt(id, async (prompt) => {
    const read = readAmount(prompt.recognized.value ?? '');
    if ('cents' in read) return true;
    (prompt.options as PromptOptions).retryPrompt = `${read.refusal}\n\n${AMOUNT_QUESTION}`;
    return false;
  });
}

/**
 * A text prompt for a part of Deel B asked inside another question (the verzoek's doel): the answer is held to the
 * argument rule of services (model/argument.ts) as it is typed, and that part alone is asked again with the reason.
 * Pass `{ part }` as the prompt's `validations` and the question as a string.
 */
export function argumentPrompt(id: string): TextPrompt {
  return new TextPrompt(id, async (prompt) => {
    const options = prompt.options as PromptOptions;
    const problem = argumentProblem((options.validations as { part: DeelBArgument }).part, prompt.recognized.value ?? '');
    if (!problem) return true;
    options.retryPrompt = `${problem}\n\n${questionOf(options.prompt)}`;
    return false;
  });
}

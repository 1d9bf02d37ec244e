import { ActivityTypes, type Activity } from 'botbuilder';
import { ActivityPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';

/** The `value` of an Action.Submit that carries one of our verbs, or undefined. */
export function submittedValue(activity: Partial<Activity>, verb: string): Record<string, unknown> | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  if (activity.type !== ActivityTypes.Message || typeof value !== 'object' || value === null) return undefined;
  return value.verb === verb ? value : undefined;
}

/**
 * Waits for a card's Action.Submit with one of the expected verbs (the prompt's `validations`: a verb or a list).
 * Typed text in between gets the retry prompt ("use the card"), unless it is one of the accepted words
 * (`validations` may hold `{ verbs, words }`).
 */
export class CardSubmitPrompt extends ActivityPrompt {
  constructor(id: string) {
    super(id, async (prompt: PromptValidatorContext<Activity>) => {
      const { verbs, words } = expectations(prompt.options.validations);
      const activity = prompt.recognized.value as Activity | undefined;
      if (!prompt.recognized.succeeded || !activity) return false;
      if (verbs.some((verb) => submittedValue(activity, verb) !== undefined)) return true;
      const text = typeof activity.text === 'string' ? activity.text.trim().toLowerCase() : '';
      return words.includes(text);
    });
  }
}

function expectations(validations: unknown): { verbs: string[]; words: string[] } {
  if (typeof validations === 'string') return { verbs: [validations], words: [] };
  if (Array.isArray(validations)) return { verbs: validations as string[], words: [] };
  const v = (validations ?? {}) as { verbs?: string[]; words?: string[] };
  return { verbs: v.verbs ?? [], words: v.words ?? [] };
}

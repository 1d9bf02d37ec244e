import { ActivityTypes, type Activity } from 'botbuilder';
import { ActivityPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';

/** The `value` of an Action.Submit that carries one of our verbs, or undefined. */
export function submittedValue(activity: Partial<Activity>, verb: string): Record<string, unknown> | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  if (activity.type !== ActivityTypes.Message || typeof value !== 'object' || value === null) return undefined;
  return value.verb === verb ? value : undefined;
}

/**
 * Waits for a card's Action.Submit with the expected verb (given as the prompt's `validations`). Typed text in
 * between gets the retry prompt: "use the card".
 */
export class CardSubmitPrompt extends ActivityPrompt {
  constructor(id: string) {
    super(id, async (prompt: PromptValidatorContext<Activity>) => {
      const verb = prompt.options.validations as unknown as string;
      return prompt.recognized.succeeded && submittedValue(prompt.recognized.value as Activity, verb) !== undefined;
    });
  }
}

import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/** Where the bot lends its dialogs, for one turn, what this professional has already had explained. */
export const UITGELEGD = Symbol('uitgelegd');

/** A text with a long first-time explanation and a short form for every time after. */
export interface Explained {
  /** Remembered per professional, so never renamed. */
  readonly key: string;
  readonly long: string;
  readonly short: string;
}

/**
 * The long text the first time this professional meets it, the short one after that (a step's explanation, read
 * once, is noise the tenth time). Remembered in the conversation state of the personal chat, which is this one
 * professional's; without that state (a dialog run on its own) always the long one.
 */
export async function explainOnce(turn: TurnContext, text: Explained): Promise<string> {
  const seen = turn.turnState.get(UITGELEGD) as StatePropertyAccessor<string[]> | undefined;
  if (!seen) return text.long;
  const keys = (await seen.get(turn, [])) ?? [];
  if (keys.includes(text.key)) return text.short;
  await seen.set(turn, [...keys, text.key]);
  return text.long;
}

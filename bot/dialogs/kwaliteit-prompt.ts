import { TextPrompt, type PromptOptions } from 'botbuilder-dialogs';
import type { z } from 'zod';
import { kwaliteitVanLeven, tevredenheid } from '../../services/domain/model/samenwerkplan';
import { parseInput } from '../../services/domain/model/validation';

/** The prompt's dialog id (persisted in dialog state, so never renamed). */
export const KWALITEIT_PROMPT = 'kwaliteitVanLevenVraag';
/** The inwoner's satisfaction with a doel, 0-10 (persisted in dialog state, so never renamed). */
export const TEVREDENHEID_PROMPT = 'tevredenheidVraag';

/** The typed answer as a whole-number score the schema accepts, or the schema's Dutch reason it cannot be used. */
function readScore(schema: z.ZodType<number>, text: string): { cijfer: number } | { refusal: string } {
  const trimmed = text.trim().replace(/\.$/, '');
  const checked = parseInput(schema, /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed);
  return checked.ok ? { cijfer: checked.value } : { refusal: checked.error.userMessage };
}

/** The typed answer as the inwoner's quality-of-life score (1-10), or the Dutch reason it cannot be used. */
export const readKwaliteit = (text: string) => readScore(kwaliteitVanLeven, text);
/** The typed answer as the inwoner's satisfaction with a doel (0-10), or the Dutch reason it cannot be used. */
export const readTevredenheid = (text: string) => readScore(tevredenheid, text);

function scorePrompt(id: string, read: (text: string) => { cijfer: number } | { refusal: string }): TextPrompt {
  return new TextPrompt(id, async (prompt) => {
    const result = read(prompt.recognized.value ?? '');
    if ('cijfer' in result) return true;
    const options = prompt.options as PromptOptions;
    options.retryPrompt = `${result.refusal}\n\n${typeof options.prompt === 'string' ? options.prompt : (options.prompt?.text ?? '')}`;
    return false;
  });
}

/**
 * A text prompt for the inwoner's own quality-of-life score: anything but a whole number from 1 to 10 ("0", "11",
 * "goed") is refused with the reason and the question is asked again, so the next thing typed is read as the score.
 * Pass the question as a string.
 */
export function kwaliteitPrompt(id: string = KWALITEIT_PROMPT): TextPrompt {
  return scorePrompt(id, readKwaliteit);
}

/** The same for the inwoner's satisfaction with a doel: a whole number from 0 to 10 ("11", "goed" refused and asked again). */
export function tevredenheidPrompt(id: string = TEVREDENHEID_PROMPT): TextPrompt {
  return scorePrompt(id, readTevredenheid);
}

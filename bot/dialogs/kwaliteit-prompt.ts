import { TextPrompt, type PromptOptions } from 'botbuilder-dialogs';
import { kwaliteitVanLeven } from '../../services/domain/model/samenwerkplan';
import { parseInput } from '../../services/domain/model/validation';

/** The prompt's dialog id (persisted in dialog state, so never renamed). */
export const KWALITEIT_PROMPT = 'kwaliteitVanLevenVraag';

/** The typed answer as the inwoner's quality-of-life score (1-10), or the Dutch reason it cannot be used. */
export function readKwaliteit(text: string): { cijfer: number } | { refusal: string } {
  const trimmed = text.trim().replace(/\.$/, '');
  const checked = parseInput(kwaliteitVanLeven, /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed);
  return checked.ok ? { cijfer: checked.value } : { refusal: checked.error.userMessage };
}

/**
 * A text prompt for the inwoner's own quality-of-life score: anything but a whole number from 1 to 10 ("0", "11",
 * "goed") is refused with the reason and the question is asked again, so the next thing typed is read as the score.
 * Pass the question as a string.
 */
export function kwaliteitPrompt(id: string = KWALITEIT_PROMPT): TextPrompt {
  return new TextPrompt(id, async (prompt) => {
    const read = readKwaliteit(prompt.recognized.value ?? '');
    if ('cijfer' in read) return true;
    const options = prompt.options as PromptOptions;
    options.retryPrompt = `${read.refusal}\n\n${typeof options.prompt === 'string' ? options.prompt : (options.prompt?.text ?? '')}`;
    return false;
  });
}

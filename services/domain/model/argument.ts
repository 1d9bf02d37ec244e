import { freeText } from './fields';

/**
 * "Het is niet 'u vraagt wij draaien'" (seed 000, stap 5B): every part of Deel B's onderbouwing is a real argument,
 * never a placeholder ("-", "n.v.t.", "geen", "?") or one word. The rule lives here so every road that writes or
 * submits Deel B (the dialog, the aanjager's card, a command) is held to it.
 */
export const DEEL_B_ARGUMENTEN = ['situatiebeschrijving', 'dreigendScenario', 'waaromNietRegulier', 'rendement', 'legitimiteit', 'betrokkenheid', 'doel'] as const;
export type DeelBArgument = (typeof DEEL_B_ARGUMENTEN)[number];

/** What each part must say, in the professional's words: the second half of every refusal. */
export const DEEL_B_ARGUMENT_HINTS: Readonly<Record<DeelBArgument, string>> = Object.freeze({
  situatiebeschrijving: 'Beschrijf bij de situatiebeschrijving in een paar zinnen wat er speelt bij de inwoner en het huishouden.',
  dreigendScenario: 'Beschrijf bij het dreigend scenario wat er gebeurt als we niets doen, in een paar zinnen.',
  waaromNietRegulier: 'Leg bij waarom het niet regulier kan uit welke reguliere route er is en waarom die niet past of te laat komt.',
  rendement: 'Beschrijf bij het rendement wat de oplossing oplevert of voorkomt, voor de inwoner en in geld.',
  legitimiteit: 'Noem bij de legitimiteit op welke wet, regel of welk beleid de uitzondering rust en waarom die hier past.',
  betrokkenheid: 'Beschrijf bij de betrokkenheid wie er meedoet en wat de inwoner zelf doet.',
  doel: 'Beschrijf bij het doel wat de aanvraag voor de inwoner bereikt, in een paar woorden.',
});

/** The minimum of an argument: a few words and about one sentence. */
export const MIN_ARGUMENT_WORDS = 3;
export const MIN_ARGUMENT_CHARS = 20;

/** Answers that say nothing, compared without case, spaces or punctuation. */
const PLACEHOLDERS = new Set([
  '', 'nvt', 'ntb', 'nnb', 'geen', 'niets', 'niks', 'nee', 'ja', 'x', 'xx', 'xxx', 'idem', 'zieboven', 'ziehierboven',
  'onbekend', 'weetniet', 'weetikniet', 'volgt', 'volgtnog', 'tbd', 'todo', 'pm', 'test', 'leeg', 'nog invullen',
].map((p) => p.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));

const normalized = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * Why this text is no argument for this part of Deel B, as one Dutch sentence; undefined when it is one. Absent
 * text is not judged here (whether a part is missing is the guards' business).
 */
export function argumentProblem(part: DeelBArgument, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const given = words(text);
  const placeholder = PLACEHOLDERS.has(normalized(text)) || (given.length > 0 && given.every((w) => PLACEHOLDERS.has(normalized(w))));
  if (placeholder) return `"${text.trim().slice(0, 20)}" is geen onderbouwing. ${DEEL_B_ARGUMENT_HINTS[part]}`;
  if (given.length < MIN_ARGUMENT_WORDS || text.trim().length < MIN_ARGUMENT_CHARS) return `Dat is te kort om te overtuigen. ${DEEL_B_ARGUMENT_HINTS[part]}`;
  return undefined;
}

/** A part of Deel B as a command gives it: free text that must also be a real argument. */
export function argumentText(part: DeelBArgument, label: string, max?: number) {
  return freeText(label, max).superRefine((text, ctx) => {
    const problem = argumentProblem(part, text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

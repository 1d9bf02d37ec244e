import { z } from 'zod';
import { DomainError, fail, ok, type Result } from '../errors';

/**
 * Parse outside input (a card payload, a command, a stored document) with a schema. A failure becomes one
 * `CASE.INVALID_INPUT` DomainError whose message is one plain Dutch sentence: the schema's own message when it has
 * one (the field builders in fields.ts name the field in the professional's words), otherwise the sentence
 * {@link plainDutchIssue} gives for the kind of problem. Never zod's own text, a field name or a path.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(data, { error: plainDutchIssue });
  if (parsed.success) return ok(parsed.data);
  return fail('CASE.INVALID_INPUT', describeIssues(parsed.error));
}

/** Like `parseInput`, but throws the DomainError. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = parseInput(schema, data);
  if (!result.ok) throw result.error;
  return result.value;
}

const FALLBACK = 'Dit gegeven kon ik niet lezen.';

/**
 * What the professional reads: the first problem, as one sentence (fix that first, then the next is said). A
 * message that is not a sentence of ours (an error parsed without `parseInput`) is replaced by the sentence for
 * its kind of problem, so neither zod's English nor its Dutch locale ("verwacht string, ontving undefined") and
 * no path ever reaches a user.
 */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return FALLBACK;
  return isOwnSentence(issue.message) ? issue.message : plainDutchIssue(issue as unknown as Issue);
}

/** Our sentences start with a capital and end with a full stop; zod's (any locale) end without one. */
const isOwnSentence = (message: string) => /^[A-Z\u00C0-\u00DE"*]/.test(message) && /[.!?]\**$/.test(message);

/** The parts of a zod issue the sentences use (raw issues, as error maps get them, and finished ones). */
interface Issue {
  readonly code: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly origin?: string;
  readonly format?: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
  readonly inclusive?: boolean;
  readonly divisor?: number;
  readonly message?: string;
}

/** A raw issue carries its input; a finished one (zod drops the input) says "received undefined" in its message. */
const isMissing = (i: Issue) => ('input' in i ? i.input === undefined || i.input === null : /\b(?:undefined|null)$/.test(i.message ?? ''));

/** 120, 2000, 10.000: as Dutch texts write numbers (a point between thousands from five digits on). */
function number(n: number | bigint | undefined): string {
  const value = Number(n);
  return Math.abs(value) < 10_000 ? String(value) : value.toLocaleString('nl-NL');
}

/**
 * The plain Dutch sentence for each kind of zod issue, for schemas without a message of their own. It names no
 * field (a schema that a professional can reach gives its own sentence that does); it says what is wrong in
 * everyday words: missing, not a number, too high (and the limit), too long (and how long it may be), not one of
 * the choices, unknown extra data.
 */
export function plainDutchIssue(issue: z.core.$ZodRawIssue | Issue): string {
  const i = issue as Issue;
  switch (i.code) {
    case 'invalid_type':
      if (isMissing(i)) return 'Er ontbreekt een gegeven.';
      if (i.expected === 'int') return 'Geef hier een heel getal op.';
      if (i.expected === 'number' || i.expected === 'bigint' || i.expected === 'nan') return 'Geef hier een getal op.';
      if (i.expected === 'string') return 'Geef hier tekst op.';
      return FALLBACK;
    case 'too_big':
      if (i.origin === 'string') return `Deze tekst is te lang (maximaal ${number(i.maximum)} tekens).`;
      if (i.origin === 'array' || i.origin === 'set' || i.origin === 'map') return `Dat zijn er te veel; het kunnen er hooguit ${number(i.maximum)} zijn.`;
      if (i.origin === 'date') return 'Die datum ligt te ver weg.';
      return i.inclusive === false ? `Dat getal is te hoog; het moet lager zijn dan ${number(i.maximum)}.` : `Dat getal is te hoog; het kan hooguit ${number(i.maximum)} zijn.`;
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? 'Er ontbreekt een gegeven.' : `Deze tekst is te kort (minstens ${number(i.minimum)} tekens).`;
      if (i.origin === 'array' || i.origin === 'set' || i.origin === 'map') return Number(i.minimum) <= 1 ? 'Er moet er minstens één zijn.' : `Dat zijn er te weinig; het moeten er minstens ${number(i.minimum)} zijn.`;
      if (i.origin === 'date') return 'Die datum ligt te ver terug.';
      return i.inclusive === false ? `Dat getal is te laag; het moet hoger zijn dan ${number(i.minimum)}.` : `Dat getal is te laag; het moet minstens ${number(i.minimum)} zijn.`;
    case 'invalid_value':
      return 'Deze keuze ken ik niet.';
    case 'invalid_format':
      if (i.format === 'date') return 'Die datum kan ik niet lezen; schrijf hem als dd-mm-jjjj.';
      if (i.format === 'datetime') return 'Dat tijdstip kan ik niet lezen.';
      if (i.format === 'url') return 'Dat is geen geldige link.';
      return 'Dit gegeven heeft niet de juiste vorm.';
    case 'not_multiple_of':
      return 'Geef hier een heel getal op.';
    case 'unrecognized_keys':
      return 'Er zat iets bij dat ik niet ken.';
    case 'custom':
      return 'Dit gegeven klopt niet.';
    default:
      return FALLBACK;
  }
}

export { DomainError };

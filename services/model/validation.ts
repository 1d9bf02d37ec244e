import { z } from 'zod';
import { DomainError, fail, ok, type Result } from '../errors';

const dutchFallback = z.locales.nl().localeError;

/**
 * Parse outside input (a card payload, a command, a stored document) with a schema. A failure becomes one
 * `CASE.INVALID_INPUT` DomainError whose message is Dutch: the schema's own messages (the field builders name
 * the field), with zod's Dutch locale as the fallback for structural problems.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(data, { error: dutchFallback });
  if (parsed.success) return ok(parsed.data);
  return fail('CASE.INVALID_INPUT', describeIssues(parsed.error));
}

/** Like `parseInput`, but throws the DomainError. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = parseInput(schema, data);
  if (!result.ok) throw result.error;
  return result.value;
}

/** At most three distinct messages, each a sentence, so the professional sees what to fix first. */
export function describeIssues(error: z.ZodError): string {
  const messages: string[] = [];
  for (const issue of error.issues) {
    // Our own messages are whole sentences; zod's Dutch fallback is not, so it gets the field's path.
    const own = issue.message;
    const sentence = /[.!?]$/.test(own) ? own : issue.path.length > 0 ? `${own} (bij ${issue.path.join('.')}).` : `${own}.`;
    if (!messages.includes(sentence)) messages.push(sentence);
    if (messages.length === 3) break;
  }
  return messages.join(' ') || 'De invoer is niet geldig.';
}

export { DomainError };

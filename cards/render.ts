import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string } & Record<string, unknown>;

/** The attachment Teams renders. Plain data: cards/ does not depend on botbuilder. */
export interface CardAttachment {
  readonly contentType: 'application/vnd.microsoft.card.adaptive';
  readonly content: AdaptiveCardJson;
}

const EXPRESSION = '${';
// Stands in for "${" inside data while the template expands, so that text a professional typed (a hulpvraag
// saying "${bedrag}") is neither mistaken for an unbound expression nor changed on the card.
const MASK = '\u0000expr\u0000';

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  }
  return value;
}

/**
 * Each template object parsed once: `new Template` parses every `${…}` in it, which took about 12 % of a busy bot's
 * time when it was done on every render (issue 12). `expand` is synchronous and starts from a fresh evaluation
 * context each time, and what it returns is built anew (then copied once more below), so one Template serves every
 * render of its card. A template object (an imported card JSON) must not be changed after its first render.
 */
const parsed = new WeakMap<object, Template>();

function parsedTemplate(template: object): Template {
  let found = parsed.get(template);
  if (!found) {
    found = new Template(template);
    parsed.set(template, found);
  }
  return found;
}

/**
 * Bind typed data to a card template (adaptivecards-templating). Refuses to return a card in which a `${…}` from
 * the template survived: that is a template/data mismatch, and Teams would show the placeholder to a professional.
 * `${` inside the data itself is text, and reaches the card unchanged.
 *
 * @throws Error naming the first unbound expression.
 */
export function expandCard<T extends object>(template: object, data: T): AdaptiveCardJson {
  const masked = mapStrings(data, (s) => s.split(EXPRESSION).join(MASK));
  const card = parsedTemplate(template).expand({ $root: masked }) as unknown;
  const json = JSON.stringify(card);
  const at = json.indexOf(EXPRESSION);
  if (at >= 0) {
    const expression = /^\$\{[^}]*\}?/.exec(json.slice(at))?.[0] ?? EXPRESSION;
    throw new Error(`Card template left an unbound expression: ${expression}`);
  }
  return mapStrings(card, (s) => s.split(MASK).join(EXPRESSION)) as AdaptiveCardJson;
}

/** Wrap a card as a message attachment (the shape botbuilder's `MessageFactory.attachment` takes). */
export function toAttachment(card: AdaptiveCardJson): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}

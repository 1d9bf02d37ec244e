import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string } & Record<string, unknown>;

/** The attachment Teams renders. Plain data: cards/ does not depend on botbuilder. */
export interface CardAttachment {
  readonly contentType: 'application/vnd.microsoft.card.adaptive';
  readonly content: AdaptiveCardJson;
}

/**
 * Bind typed data to a card template (adaptivecards-templating). Refuses to return a card in which a `${…}`
 * survived: that is a template/data mismatch, and Teams would show the placeholder to a professional.
 */
export function expandCard<T extends object>(template: object, data: T): AdaptiveCardJson {
  const card = new Template(template).expand({ $root: data }) as AdaptiveCardJson;
  const json = JSON.stringify(card);
  const left = /\$\{[^}]*\}/.exec(json);
  if (left) throw new Error(`Card template left an unbound expression: ${left[0]}`);
  return card;
}

export function toAttachment(card: AdaptiveCardJson): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}

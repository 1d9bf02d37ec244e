/**
 * Counting what the product does, for operations (Application Insights when configured): how many turns, card
 * actions, reminders sent, notifications delivered and approvals decided. Only counts with a few coded attributes;
 * never a person, a case or a text. The core counts where it decides; without telemetry nothing is counted.
 */

/** The counters; each is a monotonic sum. */
export const METRIC_NAMES = ['turns', 'card_actions', 'reminders_sent', 'notifications_delivered', 'approvals_decided'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** The only attributes a count may carry: codes, never free text (an adapter drops anything else). */
export interface MetricAttributes {
  /** The Bot Framework activity type (`message`, `invoke`). */
  readonly activityType?: string;
  /** A card's verb (a constant of cards/verbs.ts). */
  readonly verb?: string;
  /** How it ended, as a code: an approval's outcome (`akkoord`, `afgewezen`, …). */
  readonly outcome?: string;
  /** A reminder's kind. */
  readonly kind?: string;
}

export const METRIC_ATTRIBUTE_NAMES = ['activityType', 'verb', 'outcome', 'kind'] as const satisfies readonly (keyof MetricAttributes)[];

export interface Metrics {
  /** Add one to a counter. */
  count(name: MetricName, attributes?: MetricAttributes): void;
}

/** Counts nothing: the default. */
export const noMetrics: Metrics = Object.freeze({ count: () => undefined });

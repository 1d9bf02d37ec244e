import type { ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { unsuppressTracing } from '@opentelemetry/core';
import type { Activity } from 'botbuilder';
import { VERBS } from '../../cards/verbs';
import type { Metrics } from '../../services/ports/metrics';
import { REQUEST_ATTRIBUTES } from './redaction';

/** The instrumentation scope of everything the bot records itself. */
export const TELEMETRY_SCOPE = 'helmond-aanpak';

/** What the edge learns about a request while handling it, for its span. */
export interface RequestNote {
  activityType?: string;
  /** The refusal's code (`unauthorized`, `invalid_activity`) or an error's code. */
  code?: string;
}

/** `ok` (answered), `refused` (the edge said no: 4xx, 503) or `failed` (a bug: 500). */
export function outcomeOf(status: number): 'ok' | 'refused' | 'failed' {
  if (status < 400) return 'ok';
  return status === 500 ? 'failed' : 'refused';
}

/**
 * Run one request inside a server span named by its fixed route (never the URL, a header or the body), with the
 * activity type, the status and the outcome. A no-op span without telemetry.
 *
 * The HTTP instrumentation is told to ignore incoming requests (bot/telemetry/telemetry.ts), and it suppresses
 * tracing inside a request it ignores: this span lifts that, so it and the turn's dependency calls are recorded.
 */
export function traceRequest(method: string, route: string, res: ServerResponse, handle: (note: RequestNote) => Promise<void>): Promise<void> {
  const attributes = { [REQUEST_ATTRIBUTES.method]: method, [REQUEST_ATTRIBUTES.route]: route };
  const parent = unsuppressTracing(context.active());
  return trace.getTracer(TELEMETRY_SCOPE).startActiveSpan(`${method} ${route}`, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
    const note: RequestNote = {};
    try {
      await handle(note);
    } finally {
      const status = res.statusCode;
      span.setAttribute(REQUEST_ATTRIBUTES.status, status);
      span.setAttribute(REQUEST_ATTRIBUTES.outcome, outcomeOf(status));
      if (note.activityType) span.setAttribute(REQUEST_ATTRIBUTES.activityType, note.activityType);
      if (note.code) span.setAttribute(REQUEST_ATTRIBUTES.code, note.code);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  });
}

/** The verb of a card action: an Action.Execute invoke, or an Action.Submit (a message with a value). */
export function cardVerb(activity: Pick<Activity, 'type' | 'name' | 'value'>): string | undefined {
  const value = activity.value as { verb?: unknown; action?: { verb?: unknown } } | undefined;
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') return typeof value?.action?.verb === 'string' ? value.action.verb : '';
  if (activity.type === 'message' && value && typeof value === 'object') return typeof value.verb === 'string' ? value.verb : '';
  return undefined;
}

const KNOWN_VERBS: ReadonlySet<string> = new Set(VERBS);

/** What a card action's verb is counted as: one of cards/verbs.ts, anything else (or none) `onbekend`. */
export const UNKNOWN_VERB = 'onbekend';
export const countedVerb = (verb: string): string => (KNOWN_VERBS.has(verb) ? verb : UNKNOWN_VERB);

/**
 * Count a turn that ran, and a card action when it was one, by its verb as a known constant: the client chooses
 * the string, so an unknown one is counted as {@link UNKNOWN_VERB}, never as sent (no free-form metric dimension).
 */
export function countTurn(metrics: Metrics, activity: Pick<Activity, 'type' | 'name' | 'value'>): void {
  metrics.count('turns', { activityType: activity.type });
  const verb = cardVerb(activity);
  if (verb !== undefined) metrics.count('card_actions', { activityType: activity.type, verb: countedVerb(verb) });
}

/**
 * What telemetry may carry, enforced where it leaves: a span processor and a log record processor that keep only
 * allowlisted attributes, each value made safe by the logger's own rule ({@link sanitizeAttributes}: identifiers,
 * codes and numbers; BSN-shaped values and free text become {@link REDACTED}). Whatever an instrumentation records
 * (a URL with a conversation id or a token, a query, a database statement, an exception's message) is dropped before
 * any exporter, metric extractor or other processor sees the span: the span processor works in `onEnding`, while the
 * span can still be changed.
 */
import type { Context } from '@opentelemetry/api';
import type { LogRecordProcessor, SdkLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { containsBsn } from '../../services/domain/text/bsn';
import { LOG_FIELD_NAMES, REDACTED, safeEventName, sanitizeAttributes } from '../logging';

/** The request span's own attributes (bot/telemetry/request-span.ts). */
export const REQUEST_ATTRIBUTES = {
  method: 'http.request.method',
  route: 'http.route',
  status: 'http.response.status_code',
  activityType: 'bot.activity_type',
  outcome: 'bot.outcome',
  code: 'bot.code',
} as const;

/**
 * The span attributes kept: the request span's own, and of what the HTTP and Azure SDK instrumentations record only
 * host, port, method, status and the kind of operation. Never `url.full`, `http.url`, `http.target`, `url.path`,
 * `url.query`, `db.statement`/`db.query.text`, headers, user agents or client addresses.
 */
export const SPAN_ATTRIBUTE_NAMES = [
  ...Object.values(REQUEST_ATTRIBUTES),
  'http.method',
  'http.status_code',
  'http.scheme',
  'http.flavor',
  'url.scheme',
  'server.address',
  'server.port',
  'net.peer.name',
  'net.peer.port',
  'network.protocol.version',
  'error.type',
  'az.namespace',
  'az.client_request_id',
  'az.service_request_id',
  'db.system',
  'db.system.name',
  'db.name',
  'db.namespace',
  'db.operation',
  'db.operation.name',
  'db.collection.name',
  'db.cosmosdb.container',
  'db.cosmosdb.status_code',
  'db.cosmosdb.sub_status_code',
  'db.response.status_code',
  // Azure Monitor's sampler: the rate a span was sampled at, so counts can be estimated (a number).
  'microsoft.sample_rate',
] as const;

/** Of a span event (an exception), only its type: the message and stack may hold anything. */
const EVENT_ATTRIBUTE_NAMES = ['exception.type'] as const;

/** Application Insights' own marker (`(Name:'Requests', Ver:'1.1')`) so its backend does not count twice. */
const DISTRO_MARKER_NAME = '_MS.ProcessedByMetricExtractors';
const DISTRO_MARKER = /^\(Name:'[A-Za-z]{1,20}', Ver:'[0-9.]{1,8}'\)$/;

/** A span name: an operation (`Items.query`), a method (`GET`) or a fixed route template; never a path. */
const SPAN_NAME = /^[A-Za-z0-9_.:-]{1,80}$/;
const FIXED_SPAN_NAMES: ReadonlySet<string> = new Set(['POST /api/messages']);

/** The allowlisted attributes, made safe; Application Insights' marker kept when it is exactly that. */
export function redactAttributes(attributes: Readonly<Record<string, unknown>> | undefined, names: readonly string[]): Record<string, string | number> {
  const safe = sanitizeAttributes(attributes, names);
  const marker = attributes?.[DISTRO_MARKER_NAME];
  if (typeof marker === 'string' && DISTRO_MARKER.test(marker)) safe[DISTRO_MARKER_NAME] = marker;
  return safe;
}

/** Replace an attribute bag's contents in place (the SDK hands out its own object and offers no delete). */
function replaceContents(target: Record<string, unknown>, safe: Record<string, string | number>): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, safe);
}

/** A span's name if it is safe, else the HTTP method when known, else {@link REDACTED}. */
export function safeSpanName(name: string, attributes: Readonly<Record<string, string | number>>): string {
  if (FIXED_SPAN_NAMES.has(name) || (SPAN_NAME.test(name) && !containsBsn(name))) return name;
  const method = attributes[REQUEST_ATTRIBUTES.method] ?? attributes['http.method'];
  return typeof method === 'string' && /^[A-Z]{3,7}$/.test(method) ? method : REDACTED;
}

/** Redacts every span before it ends: attributes, name, events, links and the status message. */
export class RedactingSpanProcessor implements SpanProcessor {
  onStart(): void {}

  onEnding(span: Span): void {
    const attributes = span.attributes as Record<string, unknown>;
    replaceContents(attributes, redactAttributes(attributes, SPAN_ATTRIBUTE_NAMES));
    span.updateName(safeSpanName(span.name, span.attributes as Record<string, string | number>));
    for (const event of span.events as { name: string; attributes?: Record<string, unknown> }[]) {
      event.name = safeEventName(event.name);
      if (event.attributes) replaceContents(event.attributes, redactAttributes(event.attributes, EVENT_ATTRIBUTE_NAMES));
    }
    for (const link of span.links) if (link.attributes) replaceContents(link.attributes as Record<string, unknown>, {});
    if (span.status.message !== undefined) span.setStatus({ code: span.status.code });
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const SEVERITY_TEXT = /^[A-Z]{1,10}$/;

/** Log fields never exported, though the stdout log keeps them: `caseId` (a pseudonym, but one per inwoner). */
const LOG_FIELDS_KEPT_LOCAL: ReadonlySet<string> = new Set(['caseId']);

/** The logger's fields that may leave in telemetry: its allow-list without {@link LOG_FIELDS_KEPT_LOCAL}. */
export const TELEMETRY_LOG_FIELD_NAMES: readonly string[] = LOG_FIELD_NAMES.filter((name) => !LOG_FIELDS_KEPT_LOCAL.has(name));

/**
 * Redacts every log record before it is exported: the body and event name must be event names (`bot.turn_error`),
 * the attributes the logger's fields by the logger's rule, without `caseId` (kept in the stdout log only). The
 * logger forwards records already sanitized (bot/logging.ts); this also covers any other emitter in the process.
 */
export class RedactingLogRecordProcessor implements LogRecordProcessor {
  onEmit(record: SdkLogRecord, _context?: Context): void {
    replaceContents(record.attributes as Record<string, unknown>, redactAttributes(record.attributes, TELEMETRY_LOG_FIELD_NAMES));
    record.setBody(safeEventName(record.body));
    if (record.eventName !== undefined) record.setEventName(safeEventName(record.eventName));
    if (record.severityText !== undefined && !SEVERITY_TEXT.test(record.severityText)) record.setSeverityText(REDACTED);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

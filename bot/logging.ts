/**
 * A small structured logger: one JSON object per line. Privacy by construction: only the fields of
 * {@link LogFields} are written, and every value must look like an identifier, a code or a number. Names, BSNs
 * and free text cannot reach the log: anything else is replaced by {@link REDACTED} or dropped.
 */
import type { Writable } from 'node:stream';
import { systemClock, type Clock } from '../services/ports/clock';
import { containsBsn } from '../services/domain/text/bsn';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What a value that is not safe to log is replaced by. */
export const REDACTED = '[weggelaten]';

/** The only fields a log line may carry. Strings must be identifiers or codes, never free text. */
export interface LogFields {
  /** A stable error code (`CASE.NOT_FOUND`) or, for unexpected errors, the error's class name. */
  readonly code?: string;
  /** The case's internal id (a UUID), never its kenmerk with personal context or a name. */
  readonly caseId?: string;
  readonly step?: string;
  readonly transition?: string;
  /** An HTTP status code or a short status word. */
  readonly status?: number | string;
  readonly durationMs?: number;
  readonly store?: string;
  /** Where MDO invites go: `graph` or `ics`. */
  readonly calendar?: string;
  readonly port?: number;
  readonly count?: number;
  readonly method?: string;
  readonly route?: string;
  /** The Bot Framework activity type (`message`, `invoke`, …). */
  readonly activityType?: string;
  /** The address the bot listens on (`127.0.0.1`, `0.0.0.0`). */
  readonly address?: string;
  /** How requests are checked: `authenticated` (an app id) or `anonymous` (local runs only). */
  readonly mode?: string;
}

/** The allow-list of {@link LogFields}: telemetry (bot/telemetry) keeps these too, by the same rule. */
export const LOG_FIELD_NAMES = [
  'code',
  'caseId',
  'step',
  'transition',
  'status',
  'durationMs',
  'store',
  'calendar',
  'port',
  'count',
  'method',
  'route',
  'activityType',
  'address',
  'mode',
] as const satisfies readonly (keyof LogFields)[];

const SAFE_TEXT = /^[A-Za-z0-9_.:/-]{0,100}$/;
const EVENT_NAME = /^[a-z][a-z0-9_.]{0,63}$/;
const MAX_TEXT = 100;

/** A structured logger. `event` is a constant such as `bot.started` or `http.unauthorized`. */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Lines below this level are not written. Default `info`. */
  readonly level?: LogLevel;
  /** Where the JSON lines go. Default `process.stdout`. */
  readonly stream?: Pick<Writable, 'write'>;
  readonly clock?: Clock;
  /** Also hands every written record, already sanitized, here (telemetry's log exporter: bot/telemetry). */
  readonly sink?: LogSink;
}

/** A record as written: the level, a safe event name and the sanitized fields. */
export interface LogRecordOut {
  readonly level: LogLevel;
  readonly event: string;
  readonly fields: Readonly<Record<string, string | number>>;
}

export type LogSink = (record: LogRecordOut) => void;

/** Make one value safe to log: a finite number or an identifier-like string, else {@link REDACTED}. */
export function safeLogValue(value: unknown): string | number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return REDACTED;
    return containsBsn(String(value)) ? REDACTED : value;
  }
  if (typeof value !== 'string') return REDACTED;
  if (containsBsn(value)) return REDACTED;
  const truncated = value.slice(0, MAX_TEXT);
  return SAFE_TEXT.test(truncated) ? truncated : REDACTED;
}

/**
 * Keep only the allowlisted names, each value made safe by {@link safeLogValue}; anything else is dropped. The one
 * rule for the log and for telemetry's spans, log records and metric attributes.
 */
export function sanitizeAttributes(values: Readonly<Record<string, unknown>> | undefined, names: readonly string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!values) return out;
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(values, name)) continue;
    const safe = safeLogValue(values[name]);
    if (safe !== undefined) out[name] = safe;
  }
  return out;
}

/** Keep only allowlisted fields, each made safe; unknown keys are dropped even if a cast let them through. */
export function sanitizeFields(fields: LogFields | undefined): Record<string, string | number> {
  return sanitizeAttributes(fields as Readonly<Record<string, unknown>> | undefined, LOG_FIELD_NAMES);
}

/** The event name if it looks like one, else {@link REDACTED}. */
export const safeEventName = (event: unknown): string => (typeof event === 'string' && EVENT_NAME.test(event) ? event : REDACTED);

/** A logger writing JSON lines with `time`, `level`, `event` and the sanitized fields. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const stream = options.stream ?? process.stdout;
  const clock = options.clock ?? systemClock;
  const write = (level: LogLevel) => (event: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const safe = { event: safeEventName(event), fields: sanitizeFields(fields) };
    stream.write(`${JSON.stringify({ time: clock.now().toUTC().toISO(), level, event: safe.event, ...safe.fields })}\n`);
    options.sink?.({ level, ...safe });
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

const ignore = () => undefined;

/** A logger that writes nothing: for tests. */
export const silentLogger: Logger = Object.freeze({ debug: ignore, info: ignore, warn: ignore, error: ignore });

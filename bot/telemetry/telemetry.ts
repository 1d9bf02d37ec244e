/**
 * Telemetry to Azure Monitor (Application Insights) when APPLICATIONINSIGHTS_CONNECTION_STRING is set: a request
 * span per `POST /api/messages` (bot/telemetry/request-span.ts), dependency spans for Cosmos DB, Microsoft Graph and
 * the Bot Connector (the HTTP and Azure SDK instrumentations), the product's counters (services/ports/metrics.ts)
 * and the logger's events as traces. Everything passes the redacting processors (./redaction.ts) first.
 *
 * Tests hand in in-memory exporters instead: the same processors and counters, on the real OpenTelemetry SDK,
 * without the network exporter.
 */
import { metrics as metricsApi, trace } from '@opentelemetry/api';
import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import { LoggerProvider, SimpleLogRecordProcessor, type LogRecordExporter } from '@opentelemetry/sdk-logs';
import { MeterProvider, type MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { METRIC_ATTRIBUTE_NAMES, METRIC_NAMES, type MetricName, type Metrics } from '../../services/ports/metrics';
import type { AppConfig } from '../config';
import { sanitizeAttributes, type LogLevel, type LogSink } from '../logging';
import { RedactingLogRecordProcessor, RedactingSpanProcessor, TELEMETRY_LOG_FIELD_NAMES } from './redaction';
import { TELEMETRY_SCOPE } from './request-span';

/** What the rest of the bot uses while telemetry is on. */
export interface Telemetry {
  readonly metrics: Metrics;
  /** For the logger: its records, already sanitized, as OpenTelemetry log records (traces in Application Insights). */
  readonly logSink: LogSink;
  /** Flush and stop; the global providers are removed. */
  shutdown(): Promise<void>;
}

/** Exporters that replace Azure Monitor's (tests). */
export interface TelemetryExporters {
  readonly spanExporter?: SpanExporter;
  readonly logExporter?: LogRecordExporter;
  readonly metricReader?: MetricReader;
}

const METRIC_DESCRIPTIONS: Record<MetricName, string> = {
  turns: 'Turns run (activities that passed the edge)',
  card_actions: 'Card actions (Action.Execute and Action.Submit)',
  reminders_sent: 'Reminders delivered',
  notifications_delivered: 'Notifications of changes delivered',
  approvals_decided: 'Approval decisions stored',
};

/** The product's counters on the global meter provider; attributes by the logger's rule. Create after start. */
export function otelMetrics(): Metrics {
  const meter = metricsApi.getMeter(TELEMETRY_SCOPE);
  const counters = new Map(METRIC_NAMES.map((name) => [name, meter.createCounter(`helmond.${name}`, { description: METRIC_DESCRIPTIONS[name] })]));
  return {
    count: (name, attributes) => counters.get(name)?.add(1, sanitizeAttributes(attributes as Readonly<Record<string, unknown>> | undefined, METRIC_ATTRIBUTE_NAMES)),
  };
}

const SEVERITY: Record<LogLevel, SeverityNumber> = {
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
};

/**
 * The logger's records to the global logger provider: the event as body, the fields as attributes, without the
 * fields that stay in the stdout log (`caseId`: {@link TELEMETRY_LOG_FIELD_NAMES}); the log processor drops them too.
 */
export function otelLogSink(): LogSink {
  return ({ level, event, fields }) =>
    logs.getLogger(TELEMETRY_SCOPE).emit({
      severityNumber: SEVERITY[level],
      severityText: level.toUpperCase(),
      body: event,
      attributes: sanitizeAttributes(fields, TELEMETRY_LOG_FIELD_NAMES),
    });
}

function withExporters(exporters: TelemetryExporters): () => Promise<void> {
  const tracer = new BasicTracerProvider({
    spanProcessors: [new RedactingSpanProcessor(), ...(exporters.spanExporter ? [new SimpleSpanProcessor(exporters.spanExporter)] : [])],
  });
  const meter = new MeterProvider({ readers: exporters.metricReader ? [exporters.metricReader] : [] });
  const logger = new LoggerProvider({
    processors: [new RedactingLogRecordProcessor(), ...(exporters.logExporter ? [new SimpleLogRecordProcessor(exporters.logExporter)] : [])],
  });
  trace.setGlobalTracerProvider(tracer);
  metricsApi.setGlobalMeterProvider(meter);
  logs.setGlobalLoggerProvider(logger);
  return async () => {
    await Promise.all([tracer.shutdown(), meter.shutdown(), logger.shutdown()]);
  };
}

async function withAzureMonitor(connectionString: string): Promise<() => Promise<void>> {
  // Loaded only when configured: the distro and its instrumentations are large.
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  // Incoming requests: the bot's own request span instead (a fixed route, the activity type, the outcome).
  const http = { enabled: true, ignoreIncomingRequestHook: () => true };
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // Live Metrics streams sample documents (URLs, exception messages) to the portal outside the processors' reach.
    enableLiveMetrics: false,
    // Every request: a wijkteam's traffic is small, and the default rate-limited sampler drops the first ones.
    samplingRatio: 1,
    tracesPerSecond: 0,
    spanProcessors: [new RedactingSpanProcessor()],
    logRecordProcessors: [new RedactingLogRecordProcessor()],
    instrumentationOptions: {
      http,
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  return async () => {
    await shutdownAzureMonitor();
  };
}

/**
 * Start telemetry: with `exporters` on them (tests), else with Azure Monitor when the configuration has a connection
 * string, else not at all (undefined). Start it before the app is composed, so that the HTTP instrumentation sees
 * the modules load and the counters bind to the real meter.
 */
export async function startTelemetry(config: Pick<AppConfig, 'telemetry'>, exporters?: TelemetryExporters): Promise<Telemetry | undefined> {
  let stop: () => Promise<void>;
  if (exporters) stop = withExporters(exporters);
  else if (config.telemetry) stop = await withAzureMonitor(config.telemetry.connectionString);
  else return undefined;
  return {
    metrics: otelMetrics(),
    logSink: otelLogSink(),
    shutdown: async () => {
      try {
        await stop();
      } finally {
        trace.disable();
        metricsApi.disable();
        logs.disable();
      }
    },
  };
}

/** Telemetry started, or why not: the error's class name (never its message), for the log's `code`. */
export type TelemetryStart = { readonly telemetry?: Telemetry; readonly failedWith?: string };

/**
 * {@link startTelemetry} that never stops the bot: any error (the Azure Monitor distro failing to load or to start)
 * leaves the global providers removed and the bot runs without telemetry; the caller logs `telemetry.start_failed`
 * with the returned code. `start` is for tests.
 */
export async function startTelemetrySafely(
  config: Pick<AppConfig, 'telemetry'>,
  start: (config: Pick<AppConfig, 'telemetry'>) => Promise<Telemetry | undefined> = startTelemetry,
): Promise<TelemetryStart> {
  try {
    const telemetry = await start(config);
    return telemetry ? { telemetry } : {};
  } catch (error) {
    try {
      trace.disable();
      metricsApi.disable();
      logs.disable();
    } catch {
      // Nothing more to undo: the bot goes on without telemetry.
    }
    const name = error instanceof Error ? error.name : typeof error;
    return { failedWith: /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'Error' };
  }
}

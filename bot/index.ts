import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config';
import { isDomainError } from '../services/domain/errors';
import { createLogger, type Logger } from './logging';
import { startTelemetrySafely } from './telemetry/telemetry';

/** A stable code for the log: never an error's message, which may hold case content. */
function codeOf(error: unknown): string {
  if (isDomainError(error)) return error.code;
  return error instanceof Error ? error.name : typeof error;
}

const ANONYMOUS_BANNER = [
  '',
  '!!! ANONIEME MODUS: er is geen MicrosoftAppId gezet. Elk verzoek wordt zonder aanmelding geloofd,',
  '!!! ook wie de afzender zegt te zijn. Alleen voor proberen op deze computer, nooit met echte casussen.',
  '',
  '',
].join('\n');

/**
 * After start-up nothing ends the process but a stop signal: every request's errors are caught at the edge, and
 * a rejection or exception that still escapes (a bug) is logged by its code and the bot goes on serving. In
 * production the App Service restarts the process if it dies anyway; `npm start` exits non-zero only when
 * start-up fails.
 */
function keepRunning(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error('process.unhandled_rejection', { code: codeOf(reason) }));
  process.on('uncaughtException', (error) => logger.error('process.uncaught_exception', { code: codeOf(error) }));
}

/** Start the bot: configuration, telemetry, logger, HTTP edge; stop cleanly (exit 0) on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Telemetry failing to start (the Azure Monitor distro) does not stop the bot: it runs without, and says so.
  const { telemetry, failedWith } = await startTelemetrySafely(config);
  const logger = createLogger({ level: config.logLevel, ...(telemetry ? { sink: telemetry.logSink } : {}) });
  if (failedWith) logger.error('telemetry.start_failed', { code: failedWith });
  // Loaded once telemetry runs, so that its HTTP and Azure SDK instrumentations see these modules load.
  const [{ createApp }, { compose }] = await Promise.all([import('./app'), import('./compose')]);
  const metrics = telemetry ? { metrics: telemetry.metrics } : {};
  const runtime = await compose(config, { ...metrics, logger });
  const app = await createApp(config, { bot: runtime.bot, logger, ...metrics, ...(runtime.downloads ? { downloads: runtime.downloads } : {}) });
  runtime.notifier.attach(app.adapter, config.bot.appId, logger);
  // Notifications of changes go out from every instance; claims in the cases keep them from going out twice.
  runtime.dispatcher.start(logger);
  const port = await app.listen(config.port, config.host);
  keepRunning(logger);
  app.ready();
  const { address } = app.server.address() as unknown as AddressInfo;
  const mode = config.edge.anonymous ? 'anonymous' : 'authenticated';
  logger.info('bot.started', { port, address, mode, store: runtime.store, calendar: config.calendar.kind });
  if (config.edge.anonymous) {
    logger.warn('bot.anonymous_mode', { address, mode });
    process.stderr.write(ANONYMOUS_BANNER);
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void app
      .close()
      .then(runtime.close)
      .then(() => telemetry?.shutdown())
      .then(
        () => logger.info('bot.stopped', { port }),
        (error: unknown) => logger.error('bot.stop_failed', { code: codeOf(error) }),
      )
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  // A ConfigError names the variable, never its value. Exit at once: a half-started store may hold the process.
  const reason = isDomainError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
  process.stderr.write(error instanceof ConfigError ? `${reason}\n` : `De bot kon niet starten: ${reason}\n`);
  process.exit(1);
});

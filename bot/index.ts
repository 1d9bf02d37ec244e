import { ConfigError, loadConfig } from '../services/config';
import { isDomainError } from '../services/errors';
import { createLogger } from '../services/logging';
import { createApp } from './app';
import { compose } from './compose';

/** Start the bot: configuration, logger, HTTP edge; stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const runtime = await compose(config);
  const app = await createApp(config, { bot: runtime.bot, logger, ...(runtime.downloads ? { downloads: runtime.downloads } : {}) });
  runtime.notifier.attach(app.adapter, config.bot.appId);
  const port = await app.listen(config.port, config.host);
  app.ready();
  logger.info('bot.started', { port, store: runtime.store, calendar: config.calendar.kind });
  const stop = (): void => void app.close().then(runtime.close).then(() => logger.info('bot.stopped', { port }));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  // A ConfigError names the variable, never its value. Exit at once: a half-started store may hold the process.
  const reason = isDomainError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
  process.stderr.write(error instanceof ConfigError ? `${reason}\n` : `De bot kon niet starten: ${reason}\n`);
  process.exit(1);
});

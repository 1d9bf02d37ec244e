import { ConfigError, loadConfig, type AppConfig } from '../services/config';
import { isDomainError } from '../services/errors';
import { createLogger } from '../services/logging';
import { createApp } from './app';
import { compose } from './compose';

/** Start the bot: configuration, logger, HTTP edge; stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.userMessage}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  const runtime = await compose(config);
  const app = await createApp(config, { bot: runtime.bot, logger });
  runtime.notifier.attach(app.adapter, config.bot.appId);
  const port = await app.listen(config.port, config.host);
  app.ready();
  logger.info('bot.started', { port, store: runtime.store });
  const stop = (): void => void app.close().then(runtime.close).then(() => logger.info('bot.stopped', { port }));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  const reason = isDomainError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
  process.stderr.write(`De bot kon niet starten: ${reason}\n`);
  process.exitCode = 1;
});

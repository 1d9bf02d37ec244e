import { ConfigError, loadConfig, type AppConfig } from '../services/config';
import { createLogger } from '../services/logging';
import { createApp } from './app';
import { TeamsBot } from './teams-bot';

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
  const app = await createApp(config, { bot: new TeamsBot(), logger });
  const port = await app.listen(config.port, config.host);
  app.ready();
  logger.info('bot.started', { port });
  const stop = (): void => void app.close().then(() => logger.info('bot.stopped', { port }));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`De bot kon niet starten: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

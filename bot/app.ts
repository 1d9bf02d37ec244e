import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ShowTypingMiddleware,
  type Activity,
  type ActivityHandler,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationError,
  type AuthenticateRequestResult,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { Downloads } from './downloads';
import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { AppConfig } from '../services/config';
import { isDomainError } from '../services/errors';
import type { Logger } from '../services/logging';

/** What the HTTP edge needs besides configuration. */
export interface AppDeps {
  /** The turn handler. */
  readonly bot: ActivityHandler;
  readonly logger: Logger;
  /**
   * Outbound credentials (bot → connector). Defaults to the app id and password of the configuration; tests
   * inject a static token so that inbound validation stays real while nothing reaches Microsoft's login.
   */
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
  /** Files by link, for local runs only (no app id): see downloads.ts. */
  readonly downloads?: Downloads;
}

/** The running bot edge. */
export interface App {
  readonly server: restify.Server;
  /** The adapter, for proactive messages (continueConversationAsync). */
  readonly adapter: CloudAdapter;
  /** Start listening; resolves with the port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  /** Mark the bot ready: from now on `GET /healthz` answers 200. */
  ready(): void;
  /** Stop accepting requests and close the server. */
  close(): Promise<void>;
}

/** The Dutch answer to an unexpected error during a turn. */
export const GENERIC_ERROR_TEXT =
  'Er ging iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.';

const MESSAGES_ROUTE = '/api/messages';
const MAX_BODY_BYTES = 1024 * 1024;

/** CloudAdapter that runs a turn for a request that the edge has already authenticated. */
class AuthenticatedCloudAdapter extends CloudAdapter {
  runAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (turn: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/** A stable code for the log: the DomainError's code, else the error's class name; never its message. */
function errorCode(error: unknown): string {
  if (isDomainError(error)) return error.code;
  return error instanceof Error ? error.name : typeof error;
}

/**
 * The HTTP status for a request whose authentication threw. Whatever botframework-connector throws for the
 * caller's token (missing, malformed, signed with an unpublished key — the JWT library's own error, which
 * botbuilder would answer with 500 — expired, or for another audience, issuer or serviceUrl) is 401. Only when the
 * issuer's keys could not be loaded (its AuthenticationError with a 5xx status, or node-fetch failing to reach
 * it) is it 503: an outage on our side, not a bad caller, and the channel may retry. Either way no bot code runs.
 */
export function authFailureStatus(error: unknown): 401 | 503 {
  if (AuthenticationError.isStatusCodeError(error) && error.statusCode >= 500) return 503;
  return error instanceof Error && error.name === 'FetchError' ? 503 : 401;
}

/** The request body as an activity, with its timestamps as dates (as botbuilder's own `process` does). */
function parseActivity(body: unknown): Activity | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const activity = body as Activity & Record<string, unknown>;
  if (typeof activity.type !== 'string' || typeof activity.serviceUrl !== 'string') return undefined;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity;
}

function turnErrorHandler(logger: Logger) {
  return async (turn: TurnContext, error: Error): Promise<void> => {
    logger.error('bot.turn_error', { code: errorCode(error), activityType: turn.activity.type });
    try {
      await turn.sendActivity(isDomainError(error) ? error.userMessage : GENERIC_ERROR_TEXT);
    } catch (sendError) {
      logger.error('bot.turn_error_reply_failed', { code: errorCode(sendError) });
    }
  };
}

/**
 * Build the bot's HTTP edge: `POST /api/messages` and `GET /healthz`. Nothing listens until `listen`.
 *
 * Authentication runs before any bot code, on its own (not inside `CloudAdapter.process`, which answers a token
 * signed with an unpublished key with 500): every failure there is a 401 — or a 503 when the issuer cannot be
 * reached, see {@link authFailureStatus} — and the turn never starts.
 * Errors after authentication are the bot's: turn errors go to `onTurnError`, anything else is a 500.
 */
export async function createApp(config: AppConfig, deps: AppDeps): Promise<App> {
  const { bot, logger, credentialsFactory } = deps;
  if (config.bot.appId && credentialsFactory && (await credentialsFactory.isAuthenticationDisabled())) {
    throw new Error('An app id is configured, but the credentials factory disables authentication.');
  }
  const auth = new ConfigurationBotFrameworkAuthentication(config.bot.auth, credentialsFactory);
  const adapter = new AuthenticatedCloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(logger);
  // Teams shows "…is typing" when a turn waits on I/O for more than half a second.
  adapter.use(new ShowTypingMiddleware(500, 2000));
  let isReady = false;

  const server = restify.createServer({ name: 'helmond-aanpak-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES }));

  if (deps.downloads) {
    if (config.bot.appId) throw new Error('Download links are for local runs only; with an app id files go through Teams file consent.');
    const downloads = deps.downloads;
    server.get('/downloads/:token', async (req: restify.Request, res: restify.Response) => {
      res.header('Cache-Control', 'no-store');
      res.header('X-Content-Type-Options', 'nosniff');
      const file = downloads.get(String((req.params as { token?: string }).token ?? ''));
      if (!file) {
        res.header('Content-Type', 'text/plain; charset=utf-8');
        res.sendRaw(404, 'Deze link is verlopen. Vraag het bestand opnieuw aan in de chat.');
        return;
      }
      res.header('Content-Type', file.contentType);
      res.header('Content-Disposition', `attachment; filename="${file.name}"`);
      res.sendRaw(200, file.content);
    });
  }

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.header('Cache-Control', 'no-store');
    res.send(isReady ? 200 : 503, { status: isReady ? 'ok' : 'starting' });
  });

  server.post(MESSAGES_ROUTE, async (req: restify.Request, res: restify.Response) => {
    const started = performance.now();
    const activity = parseActivity(req.body);
    if (!activity) {
      logger.warn('http.bad_request', { method: 'POST', route: MESSAGES_ROUTE, status: 400 });
      res.send(400, { error: 'invalid_activity' });
      return;
    }
    const header = req.headers.authorization ?? '';
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await auth.authenticateRequest(activity, header);
    } catch (error) {
      const status = authFailureStatus(error);
      if (status === 503) {
        logger.error('http.auth_unavailable', { route: MESSAGES_ROUTE, status, code: errorCode(error) });
        res.header('Retry-After', '10');
        res.send(503, { error: 'authentication_unavailable' });
        return;
      }
      logger.warn('http.unauthorized', { route: MESSAGES_ROUTE, status, code: errorCode(error) });
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'unauthorized' });
      return;
    }
    try {
      const invokeResponse = await adapter.runAuthenticated(authenticated, activity, (turn) => bot.run(turn));
      const status = invokeResponse?.status ?? 200;
      if (invokeResponse?.body === undefined) res.send(status);
      else res.send(status, invokeResponse.body);
      logger.debug('http.request', {
        method: 'POST',
        route: MESSAGES_ROUTE,
        status,
        activityType: activity.type,
        durationMs: Math.round(performance.now() - started),
      });
    } catch (error) {
      logger.error('http.failed', { route: MESSAGES_ROUTE, status: 500, code: errorCode(error) });
      res.send(500, { error: 'internal' });
    }
  });

  return {
    server,
    adapter,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, () => {
          server.server.off('error', reject);
          const bound = (server.address() as unknown as AddressInfo).port;
          deps.downloads?.attach(`http://${['0.0.0.0', '::'].includes(host) ? '127.0.0.1' : host}:${bound}`);
          resolve(bound);
        });
      }),
    ready: () => {
      isReady = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        isReady = false;
        if (!server.server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}

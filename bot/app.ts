import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ShowTypingMiddleware,
  type Activity,
  type ActivityHandler,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { DialogContextError } from 'botbuilder-dialogs';
import {
  AuthenticationError,
  type AuthenticateRequestResult,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { Downloads } from './downloads';
import restify from 'restify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAllowedTenant, isLoopbackServiceUrl, parseActivity } from './edge/activity';
import { checkJsonHeaders, NOT_JSON, parseJson, readBody } from './edge/body';
import { boundConnections, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './edge/connections';
import { REFUSALS, sendRefusal, type EdgeRefusal } from './edge/refusal';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { AppConfig } from './config';
import { isDomainError } from '../services/domain/errors';
import type { Logger } from './logging';
import { noMetrics, type Metrics } from '../services/ports/metrics';
import { countTurn, traceRequest, type RequestNote } from './telemetry/request-span';

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
  /** Timeouts and body size; tests shorten them. `maxConnections` comes from the configuration. */
  readonly limits?: Partial<Omit<EdgeLimits, 'maxConnections'>>;
  /** Counts turns and card actions (telemetry); nothing by default. */
  readonly metrics?: Metrics;
}

/** The edge's limits: connections and time (see connections.ts) and the largest body it reads. */
export interface EdgeLimits extends ConnectionLimits {
  readonly maxBodyBytes: number;
}

/** Teams activities are far smaller: a message holds at most about 28 KB of text. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

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
/** The channel whose endorsement the token must carry before the body is read: this is a Teams app. */
const TEAMS_CHANNEL = 'msteams';

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

function turnErrorHandler(logger: Logger) {
  return async (turn: TurnContext, thrown: Error): Promise<void> => {
    // What a dialog throws arrives wrapped by botbuilder-dialogs: answer and log the error inside.
    const error = thrown instanceof DialogContextError ? thrown.error : thrown;
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
  const metrics = deps.metrics ?? noMetrics;
  if (config.bot.appId && credentialsFactory && (await credentialsFactory.isAuthenticationDisabled())) {
    throw new Error('An app id is configured, but the credentials factory disables authentication.');
  }
  const auth = new ConfigurationBotFrameworkAuthentication(config.bot.auth, credentialsFactory);
  const adapter = new AuthenticatedCloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(logger);
  // Teams shows "…is typing" when a turn waits on I/O for more than half a second.
  adapter.use(new ShowTypingMiddleware(500, 2000));
  let isReady = false;

  const limits: EdgeLimits = {
    ...DEFAULT_CONNECTION_LIMITS,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    ...deps.limits,
    maxConnections: config.edge.maxConnections,
  };
  const server = restify.createServer({ name: 'helmond-aanpak-bot', handleUncaughtExceptions: false });
  // No body parser, not even for one route: /api/messages reads its own body after authentication (see below).
  server.use(restify.plugins.queryParser({ mapParams: false }));
  boundConnections(server.server, limits);
  // Restify's own answers (unknown route, wrong method) in the edge's short JSON, not restify's English.
  server.on('restifyError', (req: restify.Request, res: restify.Response, error: Error, callback: () => void) => {
    const refusal = error.name === 'ResourceNotFoundError' ? REFUSALS.notFound : error.name === 'MethodNotAllowedError' ? REFUSALS.method : undefined;
    if (!refusal) logger.error('http.failed', { status: 500, code: errorCode(error) });
    const answer = refusal ?? REFUSALS.internal;
    // Restify sends this itself after the callback (res.send), so hand it the body rather than ending here.
    res.header('Cache-Control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') res.header('Connection', 'close');
    (error as Error & { toJSON?: () => unknown }).toJSON = () => ({ error: answer.error, message: answer.message });
    callback();
  });

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

  const refuse = (res: ServerResponse, note: RequestNote, refusal: EdgeRefusal, bodyUnread: boolean, headers?: Record<string, string>): void => {
    note.code = refusal.error;
    const level = refusal.status === 503 ? 'error' : 'warn';
    logger[level]('http.refused', { method: 'POST', route: MESSAGES_ROUTE, status: refusal.status, code: refusal.error });
    sendRefusal(res, refusal, { bodyUnread, ...(headers ? { headers } : {}) });
  };

  /** Check the caller's token; a refusal for any failure (see {@link authFailureStatus}), never bot code. */
  const authenticate = async <T>(check: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; refusal: EdgeRefusal; headers: Record<string, string> }> => {
    try {
      return { ok: true, value: await check() };
    } catch (error) {
      if (authFailureStatus(error) === 503) {
        logger.error('http.auth_unavailable', { route: MESSAGES_ROUTE, status: 503, code: errorCode(error) });
        return { ok: false, refusal: REFUSALS.authUnavailable, headers: { 'Retry-After': '10' } };
      }
      return { ok: false, refusal: REFUSALS.unauthorized, headers: { 'WWW-Authenticate': 'Bearer' } };
    }
  };

  /**
   * `POST /api/messages`, in this order, each step refusing with a short JSON error and no bot code:
   * 1. with an app id, the token in the header is checked (signature, issuer, audience, Teams endorsement) before a
   *    byte of the body is read; 2. the headers must announce JSON, no compression and no more than the limit;
   * 3. the body is read to at most the limit, counted on the bytes received; 4. it must be JSON and an activity of
   * the shape Teams sends; 5. with an app id the token is checked again against the activity (the `serviceurl`
   * claim must be the activity's service URL); without one the service URL must be on this machine; 6. the tenant
   * must be allowed. Then the turn runs.
   */
  const handleMessages = async (req: IncomingMessage, res: ServerResponse, note: RequestNote): Promise<void> => {
    const started = performance.now();
    const header = req.headers.authorization ?? '';
    if (!config.edge.anonymous) {
      if (!header.trim()) return refuse(res, note, REFUSALS.unauthorized, true, { 'WWW-Authenticate': 'Bearer' });
      const early = await authenticate(() => auth.authenticateStreamingRequest(header, TEAMS_CHANNEL));
      if (!early.ok) return refuse(res, note, early.refusal, true, early.headers);
    }
    const headerProblem = checkJsonHeaders(req, limits.maxBodyBytes);
    if (headerProblem) return refuse(res, note, headerProblem, true);
    const body = await readBody(req, limits.maxBodyBytes);
    if (!body.ok) return refuse(res, note, body.refusal, true);
    const json = parseJson(body.bytes);
    if (json === NOT_JSON) return refuse(res, note, REFUSALS.invalidJson, false);
    const activity = parseActivity(json);
    if (!activity) return refuse(res, note, REFUSALS.invalidActivity, false);
    note.activityType = activity.type;
    if (config.edge.anonymous && !isLoopbackServiceUrl(activity.serviceUrl)) return refuse(res, note, REFUSALS.serviceUrl, false);
    const authenticated = await authenticate(() => auth.authenticateRequest(activity, header));
    if (!authenticated.ok) return refuse(res, note, authenticated.refusal, false, authenticated.headers);
    if (config.edge.allowedTenants && !isAllowedTenant(activity, config.edge.allowedTenants)) return refuse(res, note, REFUSALS.tenant, false);

    const invokeResponse = await adapter.runAuthenticated(authenticated.value, activity, (turn) => bot.run(turn));
    countTurn(metrics, activity);
    // botbuilder answers an invoke whose turn failed (no invoke response) with 501; every invoke the bot does not
    // handle already has a deliberate answer, so this is a bug in the bot: say so honestly, without detail.
    if (activity.type === 'invoke' && invokeResponse?.status === 501) return sendRefusal(res, REFUSALS.internal);
    const status = invokeResponse?.status ?? 200;
    const answer = invokeResponse?.body === undefined ? '' : JSON.stringify(invokeResponse.body);
    res.statusCode = status;
    if (answer) res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(answer));
    res.end(answer);
    logger.debug('http.request', {
      method: 'POST',
      route: MESSAGES_ROUTE,
      status,
      activityType: activity.type,
      durationMs: Math.round(performance.now() - started),
    });
  };

  server.post(MESSAGES_ROUTE, async (req: restify.Request, res: restify.Response) =>
    traceRequest('POST', MESSAGES_ROUTE, res, async (note) => {
      try {
        await handleMessages(req, res, note);
      } catch (error) {
        // A bug, not the caller's fault: logged by code only, answered without detail; the process goes on.
        note.code = errorCode(error);
        logger.error('http.failed', { route: MESSAGES_ROUTE, status: 500, code: note.code });
        sendRefusal(res, REFUSALS.internal, { bodyUnread: true });
      }
    }),
  );

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
        // Idle kept-alive connections go at once; requests still running get a few seconds to finish.
        server.server.closeIdleConnections();
        setTimeout(() => server.server.closeAllConnections(), 5_000).unref();
      }),
  };
}

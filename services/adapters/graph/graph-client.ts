import https from 'node:https';
import type { TokenCredential } from '@azure/identity';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AuthenticationHandler, Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { DomainError } from '../../domain/errors';

export interface GraphClientOptions {
  /** Client secret or managed identity (@azure/identity); app-only permissions. */
  readonly credential: TokenCredential;
  /** Default https://graph.microsoft.com; tests point it at a local server. */
  readonly baseUrl?: string;
  /** An agent that trusts a private CA (tests); production uses Node's fetch and the system's CAs. */
  readonly agent?: https.Agent;
  /** Bound on the SDK's retries of 429/503/504, which honour Retry-After. */
  readonly maxRetries?: number;
}

/** The last handler of the chain when an agent is given: the request over node:https. */
class AgentHttpsHandler implements Middleware {
  constructor(private readonly agent: https.Agent) {}

  async execute(context: Context): Promise<void> {
    const request = context.request as string | Request;
    const url = typeof request === 'string' ? request : request.url;
    const options = context.options ?? {};
    const headers = Object.fromEntries(new Headers(options.headers as ConstructorParameters<typeof Headers>[0]).entries());
    const body = typeof options.body === 'string' ? options.body : undefined;
    context.response = await new Promise<Response>((resolve, reject) => {
      const req = https.request(url, { method: options.method ?? 'GET', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 502;
          const responseHeaders = Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]]));
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  }
}

/**
 * A dependency span per call to Graph, for telemetry (a no-op without it): Node's fetch, which the SDK uses, is not
 * seen by the HTTP instrumentation. Only method, host, port and status; never the URL, its query or a body.
 */
class TracingHandler implements Middleware {
  private next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  execute(context: Context): Promise<void> {
    const request = context.request as string | Request;
    const url = new URL(typeof request === 'string' ? request : request.url);
    const method = (context.options?.method ?? (typeof request === 'string' ? 'GET' : request.method)).toUpperCase();
    const attributes = { 'http.request.method': method, 'server.address': url.hostname, 'server.port': Number(url.port || 443) };
    return trace.getTracer('helmond-aanpak.graph').startActiveSpan(method, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      try {
        await (this.next as Middleware).execute(context);
        const status = context.response?.status ?? 0;
        span.setAttribute('http.response.status_code', status);
        if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      } catch (error) {
        span.setAttribute('error.type', error instanceof Error ? error.name : 'error');
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  }
}

/**
 * A Microsoft Graph client with the SDK's own middleware: token-credential authentication, the retry handler
 * (429/503/504, Retry-After honoured, bounded), a dependency span per attempt, then the HTTP call.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const baseUrl = options.baseUrl ?? 'https://graph.microsoft.com';
  const auth = new AuthenticationHandler(new TokenCredentialAuthenticationProvider(options.credential, { scopes: ['https://graph.microsoft.com/.default'] }));
  const retry = new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 3));
  const http: Middleware = options.agent ? new AgentHttpsHandler(options.agent) : new HTTPMessageHandler();
  const tracing = new TracingHandler();
  auth.setNext(retry);
  retry.setNext(tracing);
  tracing.setNext(http);
  return Client.initWithMiddleware({ middleware: auth, baseUrl, defaultVersion: 'v1.0', customHosts: new Set([new URL(baseUrl).hostname]) });
}

/**
 * Graph's error as the ports': 401/403 is for the beheerder to fix (`forbidden` says which permission), 429/503/504
 * after the retry handler gave up is "try again shortly"; anything else is passed on as it is.
 */
export function mapGraphError(error: unknown, forbidden: string): unknown {
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 401 || status === 403) return new DomainError('GRAPH.FORBIDDEN', forbidden, { cause: error });
  if (status === 429 || status === 503 || status === 504) return new DomainError('GRAPH.UNAVAILABLE', undefined, { cause: error });
  return error;
}

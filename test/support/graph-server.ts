import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TokenCredential } from '@azure/identity';
import { loopbackCertificate } from './cosmos-server';

export interface GraphCall {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly prefer?: string;
  readonly body: string;
}

export type GraphRoute = (call: GraphCall) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

/** A stand-in for Microsoft Graph on 127.0.0.1 over TLS (Graph's SDK only authenticates https hosts). */
export async function startGraphServer(): Promise<{
  baseUrl: string;
  agent: https.Agent;
  calls: GraphCall[];
  route(handler: GraphRoute): void;
  reset(): void;
  close(): Promise<void>;
}> {
  const { cert, key } = await loopbackCertificate();
  const calls: GraphCall[] = [];
  let routes: GraphRoute[] = [];
  const server = https.createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const prefer = typeof req.headers.prefer === 'string' ? req.headers.prefer : undefined;
      const call = { method: req.method ?? 'GET', path: req.url ?? '/', authorization: req.headers.authorization, prefer, body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      // The first route that answers wins; later routes do not see the call (no side effects for a refused call).
      let answer: ReturnType<GraphRoute> = undefined;
      for (const r of routes) if ((answer = r(call))) break;
      answer ??= { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: 'Not found' } } };
      res.statusCode = answer.status;
      if (answer.body !== undefined) res.setHeader('content-type', 'application/json');
      for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    agent: new https.Agent({ ca: cert, keepAlive: true }),
    calls,
    route: (handler) => void routes.push(handler),
    reset: () => {
      calls.length = 0;
      routes = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A credential that hands out a fixed token: inbound nothing talks to Microsoft's login. */
export const testCredential: TokenCredential = { getToken: async () => ({ token: 'graph-test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

const INSTALLED_APPS = /^\/v1\.0\/users\/([^/?]+)\/teamwork\/installedApps$/;
const CATALOG_BINDING = /^https:\/\/graph\.microsoft\.com\/v1\.0\/appCatalogs\/teamsApps\/([^/]+)$/;

/**
 * Teams' app installations in users' personal scope, as Graph keeps them: `POST /users/{id}/teamwork/installedApps`
 * with a catalog binding installs once (201, no body) and answers 409 after that; a body that is not exactly the
 * binding is a 400. `onInstall` runs after each new install, where a test acts as Teams (the installationUpdate).
 */
export function installedAppsRoute(options: { onInstall?: (userId: string, catalogAppId: string) => void } = {}) {
  const installed = new Map<string, Set<string>>();
  const route: GraphRoute = (call) => {
    const match = INSTALLED_APPS.exec(call.path);
    if (!match || call.method !== 'POST') return undefined;
    const userId = decodeURIComponent(match[1] as string);
    let binding: unknown;
    try {
      binding = (JSON.parse(call.body) as Record<string, unknown>)['teamsApp@odata.bind'];
    } catch {
      binding = undefined;
    }
    const app = typeof binding === 'string' ? CATALOG_BINDING.exec(binding)?.[1] : undefined;
    if (!app || Object.keys(JSON.parse(call.body || '{}') as object).length !== 1) return { status: 400, body: { error: { code: 'BadRequest', message: 'Invalid binding' } } };
    const apps = installed.get(userId) ?? new Set<string>();
    installed.set(userId, apps);
    if (apps.has(app)) return { status: 409, body: { error: { code: 'Conflict', message: 'App is already installed.' } } };
    apps.add(app);
    queueMicrotask(() => options.onInstall?.(userId, app));
    return { status: 201 };
  };
  return { route, installed };
}

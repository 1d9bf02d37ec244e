/**
 * A local Bot Connector on 127.0.0.1 that records what the bot sends: replies, new activities, updates and
 * proactive conversations. Point an activity's `serviceUrl` at `connector.serviceUrl` and read the bot's answers.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export type ConnectorCallKind = 'reply' | 'send' | 'update' | 'createConversation';

/** One call the bot made to the connector. */
export interface ConnectorCall {
  readonly kind: ConnectorCallKind;
  readonly conversationId?: string;
  /** The `replyToId` of a reply, or the id of the updated activity. */
  readonly activityId?: string;
  /** The Authorization header the bot sent, if any. */
  readonly authorization?: string;
  /** The activity (or, for `createConversation`, the conversation parameters). */
  readonly body: Partial<Activity> & Record<string, unknown>;
  /** The id the connector answered with. */
  readonly id: string;
  /** When it arrived (ms since the epoch). */
  readonly at: number;
}

/** A refusal the connector answers with instead of accepting a call (nothing is recorded in `calls`). */
export interface ConnectorFault {
  readonly status: number;
  readonly headers?: Record<string, string>;
}

/** Decides, per incoming call, whether the connector refuses it (throttling, a blocked bot). */
export type FaultRule = (call: { readonly kind: ConnectorCallKind; readonly conversationId?: string }) => ConnectorFault | undefined;

export interface LocalConnector {
  /** The `serviceUrl` to put on activities (ends with `/`). */
  readonly serviceUrl: string;
  /** Every call so far, in order. */
  readonly calls: readonly ConnectorCall[];
  /** The text of every activity the bot sent (replies, sends and updates). */
  texts(): string[];
  /** Resolve once at least `count` calls arrived (since the last reset); reject after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<readonly ConnectorCall[]>;
  /** Refuse calls by this rule from now on (undefined: accept everything again). */
  setFaults(rule: FaultRule | undefined): void;
  /** The calls refused by the fault rule so far, in order. */
  readonly refused: readonly { readonly conversationId?: string; readonly status: number }[];
  /** Forget what was recorded. */
  reset(): void;
  close(): Promise<void>;
}

const ROUTES: readonly [string, RegExp, ConnectorCallKind][] = [
  ['POST', /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, 'reply'],
  ['POST', /^\/v3\/conversations\/([^/]+)\/activities$/, 'send'],
  ['PUT', /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, 'update'],
  ['POST', /^\/v3\/conversations$/, 'createConversation'],
];

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      try {
        resolve(chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Start a connector on 127.0.0.1 with a random port. */
export async function startLocalConnector(): Promise<LocalConnector> {
  let calls: ConnectorCall[] = [];
  let waiters: (() => void)[] = [];
  let faults: FaultRule | undefined;
  const refused: { conversationId?: string; status: number }[] = [];

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const route = ROUTES.find(([method, pattern]) => method === req.method && pattern.test(path));
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${path}` } }));
      return;
    }
    const [, pattern, kind] = route;
    const match = pattern.exec(path) ?? [];
    readJson(req).then(
      (body) => {
        const conversationId = match[1] && decodeURIComponent(match[1]);
        const fault = faults?.({ kind, ...(conversationId ? { conversationId } : {}) });
        if (fault) {
          refused.push({ ...(conversationId ? { conversationId } : {}), status: fault.status });
          res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
          res.end(JSON.stringify({ error: { code: fault.status === 429 ? 'Throttled' : 'BotNotInConversationRoster', message: 'refused by the test' } }));
          return;
        }
        const id = randomUUID();
        calls.push({
          kind,
          conversationId,
          activityId: match[2] && decodeURIComponent(match[2]),
          authorization: req.headers.authorization,
          body,
          id,
          at: Date.now(),
        });
        waiters.forEach((wake) => wake());
        res.writeHead(kind === 'createConversation' ? 201 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(kind === 'createConversation' ? { id, activityId: randomUUID() } : { id }));
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    serviceUrl,
    get calls() {
      return calls;
    },
    texts: () => calls.filter((c) => c.kind !== 'createConversation').map((c) => String(c.body.text ?? '')),
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (calls.length < count) return;
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== check);
          resolve(calls);
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== check);
          reject(new Error(`Expected ${count} connector call(s) within ${timeoutMs} ms, got ${calls.length}.`));
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
    setFaults(rule) {
      faults = rule;
    },
    refused,
    reset() {
      calls = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

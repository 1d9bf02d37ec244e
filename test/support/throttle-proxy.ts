import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ThrottleProxy {
  readonly endpoint: string;
  /** Answer the next `count` requests matching `method` (all methods when omitted) with 429 and a retry-after. */
  throttleNext(count: number, method?: string): void;
  /** Requests seen, how many were throttled, and how many queries were sent back for a query plan. */
  readonly stats: { requests: number; throttled: number; plans: number };
  close(): Promise<void>;
}

export interface ThrottleProxyOptions {
  /** The `x-ms-retry-after-ms` of a 429. */
  readonly retryAfterMs?: number;
  /**
   * Behave like the gateway of an account whose container has two physical partitions: a cross-partition query
   * with ORDER BY or TOP is refused with the query plan (400 + additionalErrorInfo), so the SDK runs it per
   * partition key range and merges, as it does against a large real account. The local server has one range.
   */
  readonly partitioned?: boolean;
}

const PLAN_REQUEST = 'x-ms-cosmos-is-query-plan-request';
const RANGE_HEADER = 'x-ms-documentdb-partitionkeyrangeid';
/** The two emulated ranges, split on the id (UUIDs): what each range holds, as a SQL condition. */
const RANGE_FILTERS: Readonly<Record<string, string>> = { '0': 'c.id < "8"', '1': 'c.id >= "8"' };
const QUERY_SHAPE = /^SELECT (?:TOP (\S+) )?\* FROM c WHERE (.*?)(?: ORDER BY (.*))?$/s;

/**
 * A condition safe to AND with another: parenthesised only when it has an OR outside parentheses. (The real
 * gateway adds parentheses freely; the local server's SQL parser slows down exponentially with nesting.)
 */
function grouped(condition: string): string {
  let depth = 0;
  for (let i = 0; i < condition.length; i++) {
    const ch = condition[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /^\sOR\s/i.test(condition.slice(i, i + 4))) return `(${condition})`;
  }
  return condition;
}

interface QuerySpec {
  query: string;
  parameters?: { name: string; value: unknown }[];
}

/**
 * The query plan the real gateway returns for our query shapes (`SELECT [TOP n] * FROM c WHERE … [ORDER BY …]`):
 * ORDER BY queries are rewritten to carry their sort values (`orderByItems`) and the SDK's resume filter slot.
 */
export function queryPlanFor(spec: QuerySpec): object {
  const match = QUERY_SHAPE.exec(spec.query);
  if (!match) throw new Error(`No query plan for: ${spec.query}`);
  const [, topExpression, where, orderClause] = match;
  const top = topExpression === undefined ? null : Number(spec.parameters?.find((p) => p.name === topExpression)?.value ?? topExpression);
  const order = orderClause ? orderClause.split(',').map((part) => part.trim().split(/\s+/)) : [];
  const expressions = order.map(([expression]) => expression as string);
  const items = expressions.map((e) => `{"item": ${e}}`).join(', ');
  const rewrittenQuery = order.length
    ? `SELECT ${topExpression ? `TOP ${topExpression} ` : ''}c._rid, [${items}] AS orderByItems, c AS payload\nFROM c\n` +
      `WHERE ${grouped(where as string)} AND {documentdb-formattableorderbyquery-filter}\nORDER BY ${orderClause}`
    : '';
  return {
    partitionedQueryExecutionInfoVersion: 2,
    queryInfo: {
      distinctType: 'None',
      top,
      offset: null,
      limit: null,
      orderBy: order.map(([, direction]) => (direction?.toUpperCase() === 'DESC' ? 'Descending' : 'Ascending')),
      orderByExpressions: expressions,
      groupByExpressions: [],
      groupByAliases: [],
      aggregates: [],
      groupByAliasToAggregateType: {},
      rewrittenQuery,
      hasSelectValue: false,
      hasNonStreamingOrderBy: false,
    },
    queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }],
  };
}

/** A query sent to one emulated range: restricted to the documents that range holds. */
function restrictToRange(spec: QuerySpec, rangeId: string): QuerySpec {
  const filter = RANGE_FILTERS[rangeId];
  if (!filter) throw new Error(`Unknown partition key range ${rangeId}`);
  const query = spec.query.replace(/(\s)WHERE ([\s\S]*?)(\s+ORDER BY [\s\S]*)?$/, (_, space: string, where: string, order = '') => `${space}WHERE ${filter} AND ${grouped(where)}${order}`);
  return { ...spec, query };
}

/** The server's single range split in two: ["", "7F") and ["7F", "FF"). */
function splitRanges(body: Buffer): Buffer {
  const answer = JSON.parse(body.toString('utf8')) as { PartitionKeyRanges: Record<string, unknown>[]; _count: number };
  const [range] = answer.PartitionKeyRanges;
  if (!range) return body;
  answer.PartitionKeyRanges = [
    { ...range, id: '0', minInclusive: '', maxExclusive: '7F' },
    { ...range, id: '1', minInclusive: '7F', maxExclusive: 'FF' },
  ];
  answer._count = 2;
  return Buffer.from(JSON.stringify(answer));
}

const isCrossPartitionQuery = (headers: IncomingHttpHeaders, url: string) =>
  headers['x-ms-documentdb-isquery'] !== undefined && url.endsWith('/docs') && !headers[RANGE_HEADER] && !headers['x-ms-documentdb-partitionkey'];

/**
 * A TLS-terminating proxy on 127.0.0.1 in front of the local Cosmos server (with the same certificate). It can
 * answer 429 Too Many Requests with Cosmos DB's `x-ms-retry-after-ms`, to show the SDK's bounded retries honour
 * it, and can play the gateway of a partitioned account (see {@link ThrottleProxyOptions.partitioned}).
 */
export async function startThrottleProxy(target: string, tls: { cert: string; key: string; ca: string }, options: ThrottleProxyOptions = {}): Promise<ThrottleProxy> {
  const upstream = new URL(target);
  const agent = new https.Agent({ ca: tls.ca, keepAlive: true });
  let pending = 0;
  let pendingMethod: string | undefined;
  const stats = { requests: 0, throttled: 0, plans: 0 };
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    send(res, status, { 'content-type': 'application/json', ...headers }, JSON.stringify(body));

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, transform?: (b: Buffer) => Buffer) => {
    const headers = { ...req.headers, 'content-length': String(body.length) };
    const request = https.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      if (!transform || answer.statusCode !== 200) {
        setHead(res, answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const changed = transform(Buffer.concat(chunks));
        send(res, 200, { ...answer.headers, 'content-length': String(changed.length) }, changed);
      });
    });
    request.on('error', () => send(res, 502, {}, ''));
    request.end(body);
  };

  const partitioned = (req: IncomingMessage, res: ServerResponse, body: Buffer): boolean => {
    const url = req.url ?? '';
    if (req.method === 'GET' && url.endsWith('/pkranges')) {
      forward(req, res, body, splitRanges);
      return true;
    }
    if (req.headers[PLAN_REQUEST]) {
      stats.plans++;
      json(res, 200, queryPlanFor(JSON.parse(body.toString('utf8')) as QuerySpec));
      return true;
    }
    if (isCrossPartitionQuery(req.headers, url)) {
      const spec = JSON.parse(body.toString('utf8')) as QuerySpec;
      if (!/ ORDER BY |^SELECT TOP /.test(spec.query)) return false;
      const message = 'The provided cross partition query can not be directly served by the gateway.';
      json(res, 400, { code: 'BadRequest', message, additionalErrorInfo: JSON.stringify(queryPlanFor(spec)) });
      return true;
    }
    const range = req.headers[RANGE_HEADER];
    if (typeof range === 'string' && req.headers['x-ms-documentdb-isquery'] !== undefined) {
      forward(req, res, Buffer.from(JSON.stringify(restrictToRange(JSON.parse(body.toString('utf8')) as QuerySpec, range))));
      return true;
    }
    return false;
  };

  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    stats.requests++;
    if (pending > 0 && (!pendingMethod || req.method === pendingMethod)) {
      pending--;
      stats.throttled++;
      req.resume();
      const headers = { 'x-ms-retry-after-ms': String(options.retryAfterMs ?? 20), 'x-ms-substatus': '3200' };
      json(res, 429, { code: 'TooManyRequests', message: 'Request rate is large.' }, headers);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        if (options.partitioned && partitioned(req, res, body)) return;
      } catch (error) {
        json(res, 400, { code: 'BadRequest', message: (error as Error).message });
        return;
      }
      forward(req, res, body);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    throttleNext(count, method) {
      pending = count;
      pendingMethod = method;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Status and headers without writeHead(): restify, loaded by other test files in the same process, patches
 * ServerResponse.prototype.writeHead for every server, and its version breaks a plain proxy.
 */
function setHead(res: import('node:http').ServerResponse, status: number, headers: import('node:http').IncomingHttpHeaders | Record<string, string>): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
}

function send(res: import('node:http').ServerResponse, status: number, headers: import('node:http').IncomingHttpHeaders | Record<string, string>, body: string | Buffer): void {
  setHead(res, status, headers);
  res.end(body);
}

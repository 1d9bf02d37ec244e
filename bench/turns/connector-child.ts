/**
 * A cheap Bot Connector stand-in on 127.0.0.1, in its own process: every POST/PUT under /v3/conversations is read
 * to its end and answered 200 `{"id":"<n>"}` (201 with an activity id for a new conversation), counted by kind.
 * Bodies are not parsed unless recording is on (`GET /record?on=1`), when the last 50 are kept for
 * `GET /recent` (the bench's smoke checks). `GET /stats` gives the counts; `GET /reset` zeroes them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const counts: Record<string, number> = {};
let recording = false;
let recent: { kind: string; url: string; body: string }[] = [];
let next = 0;

function kindOf(method: string | undefined, url: string): string | undefined {
  if (method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(url)) return 'reply';
  if (method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities$/.test(url)) return 'send';
  if (method === 'PUT' && /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(url)) return 'update';
  if (method === 'POST' && url === '/v3/conversations') return 'createConversation';
  return undefined;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const server = http.createServer((req, res) => {
  const url = (req.url ?? '').split('?')[0] ?? '';
  if (req.method === 'GET') {
    req.resume();
    if (url === '/stats') return json(res, 200, counts);
    if (url === '/recent') return json(res, 200, recent);
    if (url === '/reset') {
      for (const key of Object.keys(counts)) delete counts[key];
      recent = [];
      return json(res, 200, {});
    }
    if (url === '/record') {
      recording = (req.url ?? '').includes('on=1');
      return json(res, 200, { recording });
    }
    return json(res, 404, {});
  }
  const kind = kindOf(req.method, url);
  if (!kind) {
    req.resume();
    return json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${url}` } });
  }
  const chunks: Buffer[] = [];
  if (recording) req.on('data', (chunk: Buffer) => chunks.push(chunk));
  else req.resume();
  req.on('end', () => {
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (recording) {
      recent.push({ kind, url, body: Buffer.concat(chunks).toString('utf8') });
      if (recent.length > 50) recent.shift();
    }
    const id = `a${++next}`;
    if (kind === 'createConversation') json(res, 201, { id: `c${id}`, activityId: id });
    else json(res, 200, { id });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port });
});
process.on('message', (message: { type: string }) => {
  if (message.type !== 'stop') return;
  server.closeAllConnections();
  server.close(() => process.exit(0));
});

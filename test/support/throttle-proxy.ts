import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface ThrottleProxy {
  readonly endpoint: string;
  /** Answer the next `count` requests matching `method` (all methods when omitted) with 429 and a retry-after. */
  throttleNext(count: number, method?: string): void;
  /** Requests seen, and how many of them were throttled. */
  readonly stats: { requests: number; throttled: number };
  close(): Promise<void>;
}

/**
 * A TLS-terminating proxy on 127.0.0.1 in front of the local Cosmos server that can answer 429 Too Many Requests
 * with Cosmos DB's `x-ms-retry-after-ms`, to show the SDK's bounded retries honour it.
 */
export async function startThrottleProxy(target: string, tls: { cert: string; key: string; ca: string }, retryAfterMs = 20): Promise<ThrottleProxy> {
  const upstream = new URL(target);
  const agent = new https.Agent({ ca: tls.ca, keepAlive: true });
  let pending = 0;
  let pendingMethod: string | undefined;
  const stats = { requests: 0, throttled: 0 };
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    stats.requests++;
    if (pending > 0 && (!pendingMethod || req.method === pendingMethod)) {
      pending--;
      stats.throttled++;
      req.resume();
      res.writeHead(429, { 'content-type': 'application/json', 'x-ms-retry-after-ms': String(retryAfterMs), 'x-ms-substatus': '3200' });
      res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large.' }));
      return;
    }
    const forward = https.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(forward);
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

/**
 * Requests as an attacker sends them, not as `fetch` would: any headers, a body streamed in chunks without a
 * length, or headers that never end. Only to 127.0.0.1.
 */
import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  /** The HTTP status, or undefined when the server closed the connection without answering. */
  readonly status: number | undefined;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * POST to the bot. `body` may be a buffer (sent with its length unless `chunked`) or a generator of chunks (always
 * chunked, no `Content-Length`); writing stops quietly when the server closes the connection.
 */
export function rawPost(
  url: string,
  headers: Record<string, string>,
  body: Buffer | (() => Iterable<Buffer>),
  options: { chunked?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const chunked = typeof body === 'function' || options.chunked === true;
    const request = http.request({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      agent: false,
      headers: { ...headers, ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String((body as Buffer).length) }) },
    });
    let settled = false;
    const settle = (answer: RawAnswer): void => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    request.on('response', (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => settle({ status: response.statusCode, headers: response.headers, body: Buffer.concat(parts).toString('utf8') }));
      response.on('error', () => settle({ status: response.statusCode, headers: response.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    request.on('error', () => settle({ status: undefined, headers: {}, body: '' }));
    void (async () => {
      const chunks = typeof body === 'function' ? body() : [body];
      for (const chunk of chunks) {
        if (request.destroyed || settled) return;
        if (!request.write(chunk)) await new Promise<void>((done) => {
          const go = (): void => {
            request.off('drain', go);
            request.off('close', go);
            done();
          };
          request.once('drain', go);
          request.once('close', go);
        });
      }
      if (!request.destroyed) request.end();
    })();
  });
}

/** A socket that sends the start of a request and then nothing more: resolves with how long until the server closed it. */
export function slowRequest(port: number, start = 'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n'): {
  readonly closed: Promise<number>;
  readonly socket: net.Socket;
} {
  const socket = net.connect({ host: '127.0.0.1', port });
  const opened = Date.now();
  socket.on('error', () => undefined);
  socket.on('connect', () => socket.write(start));
  socket.resume();
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - opened)));
  return { closed, socket };
}

/** Every file under a folder, with its size, for a before/after comparison. */
export async function listFiles(folder: string): Promise<string[]> {
  const { readdir, stat } = await import('node:fs/promises');
  const path = await import('node:path');
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(`${path.relative(folder, full)} ${(await stat(full)).size}`);
    }
  };
  await walk(folder);
  return out.sort();
}

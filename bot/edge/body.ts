import type { IncomingMessage } from 'node:http';
import { REFUSALS, type EdgeRefusal } from './refusal';

/**
 * The request headers a JSON body must carry: exactly `application/json` (any parameters, such as a charset) and
 * no content coding but identity. Checked before a byte of the body is read.
 */
export function checkJsonHeaders(req: IncomingMessage, maxBytes: number): EdgeRefusal | undefined {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (type !== 'application/json') return REFUSALS.mediaType;
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') return REFUSALS.encoding;
  const declared = req.headers['content-length'];
  if (declared !== undefined && (!/^\d{1,15}$/.test(declared) || Number(declared) > maxBytes)) return REFUSALS.tooLarge;
  return undefined;
}

export type BodyResult = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly refusal: EdgeRefusal };

/**
 * Read the body into memory, counting the bytes actually received (a `Content-Length` is never trusted): past
 * `maxBytes` reading stops at once and the answer is 413. Nothing is decompressed and nothing is written to disk.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) return finish({ ok: false, refusal: REFUSALS.tooLarge });
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, bytes: Buffer.concat(chunks, received) });
    const onError = (): void => finish({ ok: false, refusal: REFUSALS.incomplete });
    const onAborted = (): void => finish({ ok: false, refusal: REFUSALS.incomplete });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** What {@link parseJson} gives for a body that is not JSON (invalid UTF-8 counts as not JSON). */
export const NOT_JSON: unique symbol = Symbol('not JSON');

/** The body as JSON, or {@link NOT_JSON}. */
export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return NOT_JSON;
  }
}

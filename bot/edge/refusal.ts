import type { ServerResponse } from 'node:http';

/**
 * A request the edge refuses before any bot code runs: an HTTP status, a stable code for the caller and the log,
 * and one short Dutch sentence. Never a parser's or framework's own text.
 */
export interface EdgeRefusal {
  readonly status: 400 | 401 | 403 | 404 | 405 | 408 | 413 | 415 | 500 | 503;
  readonly error: string;
  readonly message: string;
}

export const REFUSALS = {
  unauthorized: { status: 401, error: 'unauthorized', message: 'Niet aangemeld: het verzoek heeft geen geldig token.' },
  authUnavailable: {
    status: 503,
    error: 'authentication_unavailable',
    message: 'De aanmelding kan nu niet worden gecontroleerd. Probeer het zo opnieuw.',
  },
  mediaType: { status: 415, error: 'unsupported_media_type', message: 'Alleen JSON (application/json) wordt aangenomen.' },
  encoding: { status: 415, error: 'unsupported_encoding', message: 'Gecomprimeerde inhoud wordt niet aangenomen.' },
  tooLarge: { status: 413, error: 'body_too_large', message: 'Het verzoek is te groot.' },
  incomplete: { status: 400, error: 'incomplete_body', message: 'Het verzoek kwam niet volledig binnen.' },
  timeout: { status: 408, error: 'request_timeout', message: 'Het verzoek kwam niet op tijd binnen.' },
  invalidJson: { status: 400, error: 'invalid_json', message: 'De inhoud is geen geldige JSON.' },
  invalidActivity: { status: 400, error: 'invalid_activity', message: 'Dit is geen bericht dat Teams stuurt.' },
  serviceUrl: {
    status: 403,
    error: 'service_url_not_allowed',
    message: 'Zonder app-id antwoordt de bot alleen aan een adres op deze computer.',
  },
  tenant: { status: 403, error: 'tenant_not_allowed', message: 'Deze organisatie mag deze bot niet gebruiken.' },
  notFound: { status: 404, error: 'not_found', message: 'Dit adres bestaat niet.' },
  internal: { status: 500, error: 'internal', message: 'Er ging iets mis in de bot.' },
  method: { status: 405, error: 'method_not_allowed', message: 'Deze methode wordt hier niet aangenomen.' },
} as const satisfies Record<string, EdgeRefusal>;

/**
 * Answer a refusal as a short JSON error. When the body was not read (or not to its end) the connection is
 * closed after the answer, so an unread body is never taken for the next request and never read further.
 */
export function sendRefusal(res: ServerResponse, refusal: EdgeRefusal, options: { bodyUnread?: boolean; headers?: Record<string, string> } = {}): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ error: refusal.error, message: refusal.message });
  res.statusCode = refusal.status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  if (options.bodyUnread) res.setHeader('Connection', 'close');
  res.end(body);
}

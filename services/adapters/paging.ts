import { DomainError } from '../domain/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageOptions, type StoredCase } from '../ports/case-store';

const BAD_TOKEN = 'Het vervolgkenmerk van de lijst is ongeldig.';
const TOKEN_VERSION = 1;

/** The page size asked for, checked: 1 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when absent. */
export function pageSizeOf(options: PageOptions | undefined): number {
  const size = options?.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new DomainError('CASE.INVALID_INPUT', `Vraag tussen 1 en ${MAX_PAGE_SIZE} casussen per keer op.`);
  }
  return size;
}

/**
 * An instant as a sort key: the canonical UTC form (`2026-11-23T09:00:00.000Z`), so instants written with an
 * offset or another precision still order by time. A value that is not an instant is CASE.INVALID_INPUT.
 */
export function instantKey(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new DomainError('CASE.INVALID_INPUT', 'Geef een geldig tijdstip op.');
  return new Date(time).toISOString();
}

/** A position in a listing: the sort key of an item, and of the last item returned (keyset paging, stable under changes). */
export type Position = readonly [string, string];

/** Read our own token envelope `{v, l, ...}` for this listing; anything else is CASE.INVALID_INPUT. */
function openEnvelope(listing: string, token: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const envelope = parsed as Record<string, unknown>;
      if (envelope.v === TOKEN_VERSION && envelope.l === listing) return envelope;
    }
  } catch {
    // falls through to the refusal below
  }
  throw new DomainError('CASE.INVALID_INPUT', BAD_TOKEN);
}

const sealEnvelope = (listing: string, body: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify({ v: TOKEN_VERSION, l: listing, ...body })).toString('base64url');

/** An opaque continuation token for a keyset position in the named listing. */
export function encodeToken(listing: string, position: Position): string {
  return sealEnvelope(listing, { k: position });
}

/** The keyset position in a token of the named listing; undefined for the first page. */
export function decodeToken(listing: string, token: string | undefined): Position | undefined {
  if (token === undefined) return undefined;
  const k = openEnvelope(listing, token).k;
  if (Array.isArray(k) && k.length === 2 && k.every((x) => typeof x === 'string' && x.length <= 200)) {
    return [k[0] as string, k[1] as string];
  }
  throw new DomainError('CASE.INVALID_INPUT', BAD_TOKEN);
}

/** How a listing orders its items: a key per item and a direction. */
export interface Ordering<T> {
  readonly name: string;
  key(item: T): Position;
  readonly descending: boolean;
}

/** Code-unit order, as Cosmos DB's ORDER BY on strings: independent of the machine's locale. */
const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Positions in ascending order: the sort key first, then the id. */
export const comparePositions = (a: Position, b: Position): number => ordinal(a[0], b[0]) || ordinal(a[1], b[1]);

/** "Mijn casussen": newest change first, ties by id (descending). */
export const BY_UPDATED_DESC: Ordering<StoredCase> = {
  name: 'member',
  key: (s) => [instantKey(s.case.updatedAt), s.case.id],
  descending: true,
};

/** Cases with an outbox to work on: earliest first, ties by id. Only for cases that have an `outboxDueAt`. */
export const BY_OUTBOX_ASC: Ordering<StoredCase> = {
  name: 'outbox',
  key: (s) => [s.case.outboxDueAt === undefined ? '' : instantKey(s.case.outboxDueAt), s.case.id],
  descending: false,
};

/** A team's cases for the resultaten: oldest `createdAt` first, ties by id. */
export const BY_CREATED_ASC: Ordering<StoredCase> = {
  name: 'results',
  key: (s) => [instantKey(s.case.createdAt), s.case.id],
  descending: false,
};

/** Due items: earliest first, ties by id. Only for cases that have a `nextDueAt`. */
export const BY_DUE_ASC: Ordering<StoredCase> = {
  name: 'due',
  key: (s) => [s.case.nextDueAt === undefined ? '' : instantKey(s.case.nextDueAt), s.case.id],
  descending: false,
};

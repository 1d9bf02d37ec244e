import { DomainError } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageOptions, type StoredCase } from '../ports/case-store';

const BAD_TOKEN = 'Het vervolgkenmerk van de lijst is ongeldig.';

/** The page size asked for, checked: 1 to MAX_PAGE_SIZE. */
export function pageSizeOf(options: PageOptions | undefined): number {
  const size = options?.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new DomainError('CASE.INVALID_INPUT', `Vraag tussen 1 en ${MAX_PAGE_SIZE} casussen per keer op.`);
  }
  return size;
}

/** A position in a listing: the sort key of the last item returned (keyset paging, stable under changes). */
type Position = readonly [string, string];

export function encodeToken(listing: string, position: Position): string {
  return Buffer.from(JSON.stringify({ v: 1, l: listing, k: position })).toString('base64url');
}

export function decodeToken(listing: string, token: string | undefined): Position | undefined {
  if (token === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: unknown; l?: unknown; k?: unknown };
    const k = parsed.k;
    if (parsed.v === 1 && parsed.l === listing && Array.isArray(k) && k.length === 2 && k.every((x) => typeof x === 'string')) {
      return [k[0] as string, k[1] as string];
    }
  } catch {
    // falls through to the refusal below
  }
  throw new DomainError('CASE.INVALID_INPUT', BAD_TOKEN);
}

/** Wrap an adapter's own continuation token (e.g. Cosmos DB's) in our opaque, checked form. */
export function encodeSdkToken(listing: string, token: string): string {
  return Buffer.from(JSON.stringify({ v: 1, l: listing, t: token })).toString('base64url');
}

export function decodeSdkToken(listing: string, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: unknown; l?: unknown; t?: unknown };
    if (parsed.v === 1 && parsed.l === listing && typeof parsed.t === 'string' && parsed.t.length > 0) return parsed.t;
  } catch {
    // falls through to the refusal below
  }
  throw new DomainError('CASE.INVALID_INPUT', BAD_TOKEN);
}

/** How a listing orders its items: a key per item and a direction. */
export interface Ordering<T> {
  readonly name: string;
  key(item: T): Position;
  readonly descending: boolean;
}

const compare = (a: Position, b: Position) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]);

/** One page of `items` (already filtered) in the ordering, after the token's position. */
export function keysetPage<T>(items: readonly T[], ordering: Ordering<T>, options: PageOptions | undefined): Page<T> {
  const size = pageSizeOf(options);
  const after = decodeToken(ordering.name, options?.continuationToken);
  const sign = ordering.descending ? -1 : 1;
  const sorted = [...items].sort((a, b) => sign * compare(ordering.key(a), ordering.key(b)));
  const rest = after ? sorted.filter((item) => sign * compare(ordering.key(item), after) > 0) : sorted;
  const page = rest.slice(0, size);
  const last = page.at(-1);
  return rest.length > size && last ? { items: page, continuationToken: encodeToken(ordering.name, ordering.key(last)) } : { items: page };
}

/** "Mijn casussen": newest change first. */
export const BY_UPDATED_DESC: Ordering<StoredCase> = { name: 'member', key: (s) => [s.case.updatedAt, s.case.id], descending: true };
/** Due items: earliest first. */
export const BY_DUE_ASC: Ordering<StoredCase> = { name: 'due', key: (s) => [s.case.nextDueAt ?? '', s.case.id], descending: false };

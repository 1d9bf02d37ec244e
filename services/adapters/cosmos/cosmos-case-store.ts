import type { Container, CosmosClient, SqlParameter } from '@azure/cosmos';
import { DomainError } from '../../domain/errors';
import { caseSchema, caseToWrite, type Case } from '../../domain/model/case';
import type { CaseStore, Page, PageOptions, StoredCase } from '../../ports/case-store';
import { decodeToken, encodeToken, instantKey, pageSizeOf } from '../paging';
import { CASES_CONTAINER } from './containers';
import { cosmosCall } from './errors';
import { ensureContainer, type EnsureOptions } from './ensure';

const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

type Raw = Record<string, unknown> & { id?: string; _etag?: string };

/** A stored document as a case: system properties stripped, validated; a failure is reported, never served. */
function toStored(raw: Raw): StoredCase {
  const document: Record<string, unknown> = { ...raw };
  for (const key of SYSTEM_PROPERTIES) delete document[key];
  const parsed = caseSchema.safeParse(document);
  if (!parsed.success || typeof raw._etag !== 'string') {
    throw new DomainError('STORE.INVALID_DOCUMENT', `De opgeslagen casus ${String(raw.id)} is beschadigd en wordt niet getoond; een beheerder moet ernaar kijken.`);
  }
  return { case: parsed.data, etag: raw._etag };
}

/** Listings skip a document that fails the schema (get() reports it); nothing is overwritten. */
function validOrSkip(raw: Raw): StoredCase[] {
  try {
    return [toStored(raw)];
  } catch {
    return [];
  }
}

/** A keyset listing: a filter, and the field it sorts on (then `id`, in the same direction). */
interface Listing {
  readonly name: 'member' | 'due' | 'outbox' | 'results';
  readonly where: string;
  readonly parameters: SqlParameter[];
  readonly field: 'updatedAt' | 'nextDueAt' | 'outboxDueAt' | 'createdAt';
  readonly descending: boolean;
}

/**
 * The query for one page after `after` (the sort key and id of the previous page's last document). `TOP` takes
 * one more than the page so the store knows whether another page follows. Every value is a parameter.
 */
export function pageQuery(listing: Listing, size: number, after: readonly [string, string] | undefined): { query: string; parameters: SqlParameter[] } {
  const { field, descending } = listing;
  const beyond = descending ? '<' : '>';
  const direction = descending ? 'DESC' : 'ASC';
  const keyset = after ? ` AND (c.${field} ${beyond} @afterKey OR (c.${field} = @afterKey AND c.id ${beyond} @afterId))` : '';
  return {
    query: `SELECT TOP @take * FROM c WHERE ${listing.where}${keyset} ORDER BY c.${field} ${direction}, c.id ${direction}`,
    parameters: [
      ...listing.parameters,
      { name: '@take', value: size + 1 },
      ...(after ? [{ name: '@afterKey', value: after[0] }, { name: '@afterId', value: after[1] }] : []),
    ],
  };
}

/**
 * The production CaseStore on Azure Cosmos DB (NoSQL API): one case per logical partition (`/id`), optimistic
 * concurrency with `IfMatch` on `_etag`, listings paged by keyset (never a whole container), throttling retried
 * by the SDK within a bound and then reported as STORE.UNAVAILABLE.
 *
 * Why keyset and not the SDK's continuation token: listings are cross-partition ORDER BY queries. When the
 * container has more than one physical partition the gateway hands them back to the SDK (query plan), and
 * @azure/cosmos 4.9 then either returns no continuation token at all (the listing would silently stop after one
 * page) or, with `enableQueryControl`, resumes a two-field ORDER BY with a filter that skips documents.
 * Our own token holds the last (sort key, id); the next page asks for what comes strictly after it.
 */
export class CosmosCaseStore implements CaseStore {
  private constructor(private readonly container: Container) {}

  /**
   * Create the database and container if missing, with the indexing policy from containers.ts; an existing
   * container gets the indexes it lacks (services/adapters/cosmos/ensure.ts).
   */
  static async open(client: CosmosClient, databaseId: string, options: EnsureOptions = {}): Promise<CosmosCaseStore> {
    const container = await ensureContainer(client, databaseId, CASES_CONTAINER, options);
    return new CosmosCaseStore(container);
  }

  async get(id: string): Promise<StoredCase | undefined> {
    const { resource } = await cosmosCall(() => this.container.item(id, id).read<Raw>());
    return resource ? toStored(resource) : undefined;
  }

  async findByReference(reference: string): Promise<StoredCase | undefined> {
    const query = {
      query: 'SELECT TOP 5 * FROM c WHERE c.reference = @reference',
      parameters: [{ name: '@reference', value: reference.trim().toUpperCase() }],
    };
    // fetchAll, bounded by TOP: a cross-partition query may answer with empty pages before the one that matches.
    const { resources } = await cosmosCall(() => this.container.items.query<Raw>(query, { maxItemCount: 5 }).fetchAll());
    return resources.flatMap((r) => validOrSkip(r))[0];
  }

  async create(value: Case): Promise<StoredCase> {
    const valid = caseToWrite(value);
    const { resource } = await cosmosCall(() => this.container.items.create<Case>(valid));
    return { case: valid, etag: (resource as Raw | undefined)?._etag as string };
  }

  async replace(value: Case, etag: string): Promise<StoredCase> {
    const valid = caseToWrite(value);
    const { resource } = await cosmosCall(() =>
      this.container.item(valid.id, valid.id).replace<Case>(valid, { accessCondition: { type: 'IfMatch', condition: etag } }),
    );
    return { case: valid, etag: (resource as Raw | undefined)?._etag as string };
  }

  listByMember(userId: string, options?: PageOptions & { readonly includeClosed?: boolean }): Promise<Page<StoredCase>> {
    const closed = options?.includeClosed ? '' : " AND c.step != 'afgesloten'";
    const where = `ARRAY_CONTAINS(c.memberIds, @userId)${closed}`;
    return this.page({ name: 'member', where, parameters: [{ name: '@userId', value: userId }], field: 'updatedAt', descending: true }, options);
  }

  listDue(before: string, options?: PageOptions): Promise<Page<StoredCase>> {
    // Instants are stored in canonical UTC (the service writes toUTC().toISO()): string order is time order.
    const where = 'IS_DEFINED(c.nextDueAt) AND c.nextDueAt <= @before';
    return this.page({ name: 'due', where, parameters: [{ name: '@before', value: instantKey(before) }], field: 'nextDueAt', descending: false }, options);
  }

  listOutbox(before: string, options?: PageOptions): Promise<Page<StoredCase>> {
    const where = 'IS_DEFINED(c.outboxDueAt) AND c.outboxDueAt <= @before';
    return this.page({ name: 'outbox', where, parameters: [{ name: '@before', value: instantKey(before) }], field: 'outboxDueAt', descending: false }, options);
  }

  async listForResults(teamId: string, from: string, to: string, options?: PageOptions): Promise<Page<StoredCase>> {
    // Every filtered path is in the indexing policy (containers.ts), with a composite index for the order.
    const where = "c.teamId = @teamId AND c.createdAt < @to AND (c.step != 'afgesloten' OR c.updatedAt >= @from)";
    const parameters = [
      { name: '@teamId', value: teamId },
      { name: '@from', value: instantKey(from) },
      { name: '@to', value: instantKey(to) },
    ];
    return this.page({ name: 'results', where, parameters, field: 'createdAt', descending: false }, options);
  }

  /** One page strictly after the token's position; the token is ours (checked), never the SDK's. */
  private async page(listing: Listing, options: PageOptions | undefined): Promise<Page<StoredCase>> {
    const size = pageSizeOf(options);
    const after = decodeToken(listing.name, options?.continuationToken);
    const spec = pageQuery(listing, size, after);
    // fetchAll is bounded by TOP (size + 1); it follows the SDK's pages, which may be empty on a real account.
    const { resources } = await cosmosCall(() => this.container.items.query<Raw>(spec, { maxItemCount: size + 1 }).fetchAll());
    const raw = resources.slice(0, size);
    const items = raw.flatMap((r) => validOrSkip(r));
    const last = raw.at(-1);
    // The position is the last document read, valid or not, so a corrupt one cannot stall the listing.
    return resources.length > size && last ? { items, continuationToken: encodeToken(listing.name, [String(last[listing.field]), String(last.id)]) } : { items };
  }
}

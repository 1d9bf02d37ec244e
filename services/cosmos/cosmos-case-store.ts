import type { Container, CosmosClient, SqlQuerySpec } from '@azure/cosmos';
import { DomainError } from '../errors';
import { caseSchema, type Case } from '../model/case';
import { parseOrThrow } from '../model/validation';
import type { CaseStore, Page, PageOptions, StoredCase } from '../ports/case-store';
import { decodeSdkToken, encodeSdkToken, pageSizeOf } from '../store/paging';
import { CASES_CONTAINER } from './containers';
import { cosmosCall } from './errors';
import { ensureContainer } from './ensure';

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

/**
 * The production CaseStore on Azure Cosmos DB (NoSQL API): one case per logical partition (`/id`), optimistic
 * concurrency with `IfMatch` on `_etag`, listings paged with the SDK's continuation tokens (never a whole
 * container), throttling retried by the SDK within a bound and then reported as STORE.UNAVAILABLE.
 */
export class CosmosCaseStore implements CaseStore {
  private constructor(private readonly container: Container) {}

  /** Create the database and container if missing, with the indexing policy from containers.ts. */
  static async open(client: CosmosClient, databaseId: string): Promise<CosmosCaseStore> {
    const container = await ensureContainer(client, databaseId, CASES_CONTAINER);
    return new CosmosCaseStore(container);
  }

  async get(id: string): Promise<StoredCase | undefined> {
    const { resource } = await cosmosCall(() => this.container.item(id, id).read<Raw>());
    return resource ? toStored(resource) : undefined;
  }

  async findByReference(reference: string): Promise<StoredCase | undefined> {
    const query = { query: 'SELECT * FROM c WHERE c.reference = @reference', parameters: [{ name: '@reference', value: reference.trim().toUpperCase() }] };
    const { resources } = await cosmosCall(() => this.container.items.query<Raw>(query, { maxItemCount: 5 }).fetchNext());
    const valid = resources.flatMap((r) => validOrSkip(r));
    return valid[0];
  }

  async create(value: Case): Promise<StoredCase> {
    const valid = parseOrThrow(caseSchema, value);
    const { resource } = await cosmosCall(() => this.container.items.create<Case>(valid));
    return { case: valid, etag: (resource as Raw | undefined)?._etag as string };
  }

  async replace(value: Case, etag: string): Promise<StoredCase> {
    const valid = parseOrThrow(caseSchema, value);
    const { resource } = await cosmosCall(() =>
      this.container.item(valid.id, valid.id).replace<Case>(valid, { accessCondition: { type: 'IfMatch', condition: etag } }),
    );
    return { case: valid, etag: (resource as Raw | undefined)?._etag as string };
  }

  listByMember(userId: string, options?: PageOptions & { readonly includeClosed?: boolean }): Promise<Page<StoredCase>> {
    const closed = options?.includeClosed ? '' : " AND c.step != 'afgesloten'";
    return this.page('member', {
      query: `SELECT * FROM c WHERE ARRAY_CONTAINS(c.memberIds, @userId)${closed} ORDER BY c.updatedAt DESC, c.id DESC`,
      parameters: [{ name: '@userId', value: userId }],
    }, options);
  }

  listDue(before: string, options?: PageOptions): Promise<Page<StoredCase>> {
    return this.page('due', {
      query: 'SELECT * FROM c WHERE IS_DEFINED(c.nextDueAt) AND c.nextDueAt <= @before ORDER BY c.nextDueAt ASC, c.id ASC',
      parameters: [{ name: '@before', value: before }],
    }, options);
  }

  /** One page of a query; the SDK's continuation token travels inside our own opaque, checked token. */
  private async page(listing: string, query: SqlQuerySpec, options: PageOptions | undefined): Promise<Page<StoredCase>> {
    const maxItemCount = pageSizeOf(options);
    let token = decodeSdkToken(listing, options?.continuationToken);
    const items: StoredCase[] = [];
    do {
      const response = await cosmosCall(() => this.container.items.query<Raw>(query, { maxItemCount, ...(token ? { continuationToken: token } : {}) }).fetchNext()).catch(
        (error: unknown) => {
          // A token that decoded but that the service does not accept is as bad as one that did not decode.
          if ((error as { code?: unknown }).code === 400 && token) throw new DomainError('CASE.INVALID_INPUT', 'Het vervolgkenmerk van de lijst is ongeldig.');
          throw error;
        },
      );
      items.push(...response.resources.flatMap((r) => validOrSkip(r)));
      token = response.continuationToken ?? undefined;
      if (response.resources.length > 0) break;
    } while (token);
    return token ? { items, continuationToken: encodeSdkToken(listing, token) } : { items };
  }
}

/** Listings skip a document that fails the schema (get() reports it); nothing is overwritten. */
function validOrSkip(raw: Raw): StoredCase[] {
  try {
    return [toStored(raw)];
  } catch {
    return [];
  }
}

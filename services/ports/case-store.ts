import type { Case } from '../domain/model/case';

/** A case as stored, with the ETag that a replace must present. */
export interface StoredCase {
  readonly case: Case;
  readonly etag: string;
}

/** One page of a listing; pass `continuationToken` back to get the next page. Absent on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly continuationToken?: string;
}

export interface PageOptions {
  /** At most this many items (default 20, max 100). */
  readonly pageSize?: number;
  readonly continuationToken?: string;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Where cases live. Every adapter (in-memory, embedded file, Cosmos DB) passes the same contract suite
 * (test/contract/case-store.contract.ts).
 *
 * - Documents are validated with `caseSchema` on the way in and out: a stored document that fails is reported as
 *   `STORE.INVALID_DOCUMENT` and never silently overwritten.
 * - `create` refuses an existing id with `STORE.ALREADY_EXISTS`.
 * - `replace` is optimistic: a stale ETag gives `STORE.CONFLICT` and changes nothing.
 * - Listings page with opaque continuation tokens and never load a whole container; an unknown or tampered token
 *   gives `CASE.INVALID_INPUT`.
 *
 * The store does no access checks: that is the case service's job (services/cases), which also audits.
 */
export interface CaseStore {
  get(id: string): Promise<StoredCase | undefined>;
  findByReference(reference: string): Promise<StoredCase | undefined>;
  create(value: Case): Promise<StoredCase>;
  replace(value: Case, etag: string): Promise<StoredCase>;
  /** Cases whose `memberIds` contain the user; newest `updatedAt` first (ties by id). Closed cases only if asked. */
  listByMember(userId: string, options?: PageOptions & { readonly includeClosed?: boolean }): Promise<Page<StoredCase>>;
  /** Cases with `nextDueAt` at or before the instant (ISO); earliest first (ties by id). */
  listDue(before: string, options?: PageOptions): Promise<Page<StoredCase>>;
  /**
   * Cases with notifications the dispatcher can work on: `outboxDueAt` at or before the instant (ISO); earliest first
   * (ties by id). Served by an index, never a scan.
   */
  listOutbox(before: string, options?: PageOptions): Promise<Page<StoredCase>>;
  /**
   * The resultaten's query: the team's cases that may count in a period [`from`, `to`) (ISO instants): created before
   * `to`, and still open or changed (`updatedAt`) at or after `from`. A case closed before the period and not touched
   * since cannot have anything in it, so a report costs what the period's cases cost, not every case ever. Oldest
   * `createdAt` first (ties by id). Served by an index (Cosmos: teamId, createdAt, step, updatedAt).
   */
  listForResults(teamId: string, from: string, to: string, options?: PageOptions): Promise<Page<StoredCase>>;
}

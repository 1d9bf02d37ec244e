import { AsyncLocalStorage } from 'node:async_hooks';
import type { CaseStore, Page, PageOptions, StoredCase } from '../ports/case-store';
import type { Case } from '../domain/model/case';

/**
 * One bot turn's view of the cases it touches: each case is read from the store once per turn (later reads in the
 * same turn get that copy, or the one the turn itself just wrote, with its ETag), and the audit trail records one
 * `read` per case per turn, not one per helper. The edge runs every turn inside {@link inTurn}; outside a turn
 * (start-up, a sweep) nothing is cached.
 */
export interface TurnScope {
  readonly cases: Map<string, StoredCase>;
  readonly auditedReads: Set<string>;
}

const scopes = new AsyncLocalStorage<TurnScope>();

/** Run one turn in its own scope. */
export function inTurn<T>(work: () => Promise<T>): Promise<T> {
  return scopes.run({ cases: new Map(), auditedReads: new Set() }, work);
}

/** The scope of the turn running now, if any. */
export const currentTurn = (): TurnScope | undefined => scopes.getStore();

/**
 * A CaseStore that keeps each case it reads or writes for the rest of the turn. Copies go in and out, so nobody
 * changes the kept case by accident; a write that fails (a conflict: someone else wrote meanwhile) forgets it, so
 * the retry reads the fresh case.
 */
export class TurnCachedCaseStore implements CaseStore {
  constructor(private readonly inner: CaseStore) {}

  async get(id: string): Promise<StoredCase | undefined> {
    const scope = currentTurn();
    const kept = scope?.cases.get(id);
    if (kept) return structuredClone(kept);
    const stored = await this.inner.get(id);
    if (scope && stored) scope.cases.set(id, structuredClone(stored));
    return stored;
  }

  findByReference(reference: string): Promise<StoredCase | undefined> {
    return this.inner.findByReference(reference);
  }

  async create(value: Case): Promise<StoredCase> {
    return this.keep(await this.inner.create(value));
  }

  async replace(value: Case, etag: string): Promise<StoredCase> {
    try {
      return this.keep(await this.inner.replace(value, etag));
    } catch (error) {
      currentTurn()?.cases.delete(String(value?.id));
      throw error;
    }
  }

  listByMember(userId: string, options?: PageOptions & { readonly includeClosed?: boolean }): Promise<Page<StoredCase>> {
    return this.inner.listByMember(userId, options);
  }

  listDue(before: string, options?: PageOptions): Promise<Page<StoredCase>> {
    return this.inner.listDue(before, options);
  }

  listOutbox(before: string, options?: PageOptions): Promise<Page<StoredCase>> {
    return this.inner.listOutbox(before, options);
  }

  listForResults(teamId: string, from: string, to: string, options?: PageOptions): Promise<Page<StoredCase>> {
    return this.inner.listForResults(teamId, from, to, options);
  }

  private keep(stored: StoredCase): StoredCase {
    currentTurn()?.cases.set(stored.case.id, structuredClone(stored));
    return stored;
  }
}

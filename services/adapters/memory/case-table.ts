import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors';
import { caseToWrite, type Case } from '../../domain/model/case';
import type { Page, PageOptions, StoredCase } from '../../ports/case-store';
import { CaseEntries } from './case-entries';
import { KeysetIndex } from './keyset-index';
import { BY_CREATED_ASC, BY_UPDATED_DESC, instantKey } from '../paging';

/** The listing of a user who is on no case: still checks the page size and token. */
const NO_CASES = new KeysetIndex(BY_UPDATED_DESC);
/** The resultaten's listing of a team with no cases. */
const NO_TEAM_CASES = new KeysetIndex(BY_CREATED_ASC);

/**
 * The in-memory table behind the memory and the file store: validation on the way in, ETag compare-and-swap,
 * and the listings, served from the entries' indexes (a look-up costs what it returns, whatever the number of
 * cases). Values are deep-copied in and out, so nobody can change a stored case by accident; a listing copies only
 * the page it returns.
 */
export class CaseTable {
  constructor(readonly entries: CaseEntries = new CaseEntries()) {}

  get(id: string): StoredCase | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.kind === 'invalid') {
      throw new DomainError('STORE.INVALID_DOCUMENT', `De opgeslagen casus ${id} is beschadigd en wordt niet getoond; een beheerder moet ernaar kijken.`);
    }
    return structuredClone(entry.stored);
  }

  /** Check that a create may happen; returns the entry to store. */
  prepareCreate(value: Case): StoredCase {
    const valid = caseToWrite(value);
    if (this.entries.has(valid.id)) throw new DomainError('STORE.ALREADY_EXISTS');
    return { case: structuredClone(valid), etag: randomUUID() };
  }

  /** Check that a replace may happen against the current entry; returns the entry to store. */
  prepareReplace(value: Case, etag: string): StoredCase {
    const valid = caseToWrite(value);
    const current = this.entries.get(valid.id);
    if (!current) throw new DomainError('CASE.NOT_FOUND');
    if (current.kind === 'invalid') {
      throw new DomainError('STORE.INVALID_DOCUMENT', `De opgeslagen casus ${valid.id} is beschadigd en wordt niet overschreven.`);
    }
    if (current.stored.etag !== etag) throw new DomainError('STORE.CONFLICT');
    return { case: structuredClone(valid), etag: randomUUID() };
  }

  commit(stored: StoredCase): StoredCase {
    this.entries.set(stored.case.id, { kind: 'valid', stored });
    return structuredClone(stored);
  }

  findByReference(reference: string): StoredCase | undefined {
    const id = this.entries.idByReference(reference.trim().toUpperCase());
    return id === undefined ? undefined : this.copyOf(id);
  }

  listByMember(userId: string, options?: PageOptions & { readonly includeClosed?: boolean }): Page<StoredCase> {
    const index = this.entries.memberIndex(userId, Boolean(options?.includeClosed)) ?? NO_CASES;
    return index.page(options, (key) => this.copyOf(key[1]));
  }

  /** Cases due at or before `before` (compared as instants, whatever their offset), earliest first. */
  listDue(before: string, options?: PageOptions): Page<StoredCase> {
    const limit = instantKey(before);
    return this.entries.due.page(options, (key) => this.copyOf(key[1]), (key) => key[0] <= limit);
  }

  /** Cases whose outbox can be worked on at or before `before`, earliest first. */
  listOutbox(before: string, options?: PageOptions): Page<StoredCase> {
    const limit = instantKey(before);
    return this.entries.outbox.page(options, (key) => this.copyOf(key[1]), (key) => key[0] <= limit);
  }

  /**
   * The team's cases created before `to`, open or changed at or after `from`, oldest first: a walk of the team's index
   * up to `to`, skipping the cases closed before `from` (a look-up by id each, no copy).
   */
  listForResults(teamId: string, from: string, to: string, options?: PageOptions): Page<StoredCase> {
    const [start, end] = [instantKey(from), instantKey(to)];
    const index = this.entries.teamIndex(teamId) ?? NO_TEAM_CASES;
    const relevant = (id: string) => {
      const entry = this.entries.get(id);
      // Stored instants are canonical UTC (fields.ts), so text order is time order.
      return entry?.kind === 'valid' && (entry.stored.case.step !== 'afgesloten' || entry.stored.case.updatedAt >= start);
    };
    return index.page(options, (key) => this.copyOf(key[1]), (key) => key[0] < end, (key) => relevant(key[1]));
  }

  /** A copy of an indexed case (the indexes hold valid entries only; a listing's position ends with the id). */
  private copyOf(id: string): StoredCase {
    const entry = this.entries.get(id);
    if (entry?.kind !== 'valid') throw new Error(`Case index out of step with the entries at ${id}.`);
    return structuredClone(entry.stored);
  }
}

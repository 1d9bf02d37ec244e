import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors';
import { caseSchema, type Case } from '../model/case';
import { parseOrThrow } from '../model/validation';
import type { Page, PageOptions, StoredCase } from '../ports/case-store';
import { BY_DUE_ASC, BY_UPDATED_DESC, instantKey, keysetPage, type Ordering } from './paging';

/** A stored entry: a valid case with its ETag, or a document that failed the schema (kept, never served). */
export type Entry = { readonly kind: 'valid'; readonly stored: StoredCase } | { readonly kind: 'invalid'; readonly raw: unknown };

/**
 * The in-memory table behind the memory and the file store: validation on the way in, ETag compare-and-swap,
 * and the listings. Values are deep-copied in and out, so nobody can change a stored case by accident.
 */
export class CaseTable {
  constructor(readonly entries: Map<string, Entry> = new Map()) {}

  /** Validate a case before it is written (CASE.INVALID_INPUT with the Dutch reason). */
  static validate(value: Case): Case {
    return parseOrThrow(caseSchema, value);
  }

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
    const valid = CaseTable.validate(value);
    if (this.entries.has(valid.id)) throw new DomainError('STORE.ALREADY_EXISTS');
    return { case: structuredClone(valid), etag: randomUUID() };
  }

  /** Check that a replace may happen against the current entry; returns the entry to store. */
  prepareReplace(value: Case, etag: string): StoredCase {
    const valid = CaseTable.validate(value);
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
    const wanted = reference.trim().toUpperCase();
    for (const entry of this.entries.values()) {
      if (entry.kind === 'valid' && entry.stored.case.reference === wanted) return structuredClone(entry.stored);
    }
    return undefined;
  }

  private valid(): StoredCase[] {
    return [...this.entries.values()].flatMap((e) => (e.kind === 'valid' ? [e.stored] : []));
  }

  listByMember(userId: string, options?: PageOptions & { readonly includeClosed?: boolean }): Page<StoredCase> {
    const mine = this.valid().filter((s) => s.case.memberIds.includes(userId) && (options?.includeClosed || s.case.step !== 'afgesloten'));
    return this.page(mine, BY_UPDATED_DESC, options);
  }

  /** Cases due at or before `before` (compared as instants, whatever their offset), earliest first. */
  listDue(before: string, options?: PageOptions): Page<StoredCase> {
    const limit = instantKey(before);
    const due = this.valid().filter((s) => s.case.nextDueAt !== undefined && instantKey(s.case.nextDueAt) <= limit);
    return this.page(due, BY_DUE_ASC, options);
  }

  /** One page, deep-copied out. */
  private page(items: StoredCase[], ordering: Ordering<StoredCase>, options: PageOptions | undefined): Page<StoredCase> {
    const page = keysetPage(items, ordering, options);
    return { ...page, items: page.items.map((s) => structuredClone(s)) };
  }
}

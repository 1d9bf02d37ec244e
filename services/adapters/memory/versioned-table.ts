import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { parseOrThrow } from '../../domain/model/validation';
import type { Versioned } from '../../ports/versioned-store';

export type VersionedEntry<T> = { readonly kind: 'valid'; readonly stored: Versioned<T> } | { readonly kind: 'invalid' };

/** The in-memory logic behind the memory and file versioned stores: validation and ETag compare-and-swap. */
export class VersionedTable<T> {
  constructor(
    private readonly schema: z.ZodType<T>,
    readonly entries: Map<string, VersionedEntry<T>> = new Map(),
  ) {}

  get(id: string): Versioned<T> | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.kind === 'invalid') throw new DomainError('STORE.INVALID_DOCUMENT', `Het opgeslagen document ${id} is beschadigd; een beheerder moet ernaar kijken.`);
    return structuredClone(entry.stored);
  }

  prepare(id: string, value: T, expect: 'absent' | 'any' | { etag: string }): Versioned<T> {
    const valid = parseOrThrow(this.schema, value);
    const current = this.entries.get(id);
    if (current?.kind === 'invalid') throw new DomainError('STORE.INVALID_DOCUMENT', `Het opgeslagen document ${id} is beschadigd en wordt niet overschreven.`);
    if (expect === 'absent' && current) throw new DomainError('STORE.ALREADY_EXISTS');
    if (typeof expect === 'object') {
      if (!current) throw new DomainError('CASE.NOT_FOUND', 'Dit document bestaat niet (meer).');
      if (current.stored.etag !== expect.etag) throw new DomainError('STORE.CONFLICT');
    }
    return { value: structuredClone(valid), etag: randomUUID() };
  }

  commit(id: string, stored: Versioned<T>): Versioned<T> {
    this.entries.set(id, { kind: 'valid', stored });
    return structuredClone(stored);
  }
}

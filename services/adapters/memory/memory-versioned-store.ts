import type { z } from 'zod';
import type { Versioned, VersionedStore } from '../../ports/versioned-store';
import { VersionedTable, type VersionedEntry } from './versioned-table';

/** A VersionedStore in memory: tests; two instances over one `entries` map act like two bot instances. */
export class MemoryVersionedStore<T> implements VersionedStore<T> {
  private readonly table: VersionedTable<T>;

  constructor(schema: z.ZodType<T>, entries: Map<string, VersionedEntry<T>> = new Map()) {
    this.table = new VersionedTable(schema, entries);
  }

  get entries(): Map<string, VersionedEntry<T>> {
    return this.table.entries;
  }

  async get(id: string): Promise<Versioned<T> | undefined> {
    return this.table.get(id);
  }

  async create(id: string, value: T): Promise<Versioned<T>> {
    return this.table.commit(id, this.table.prepare(id, value, 'absent'));
  }

  async replace(id: string, value: T, etag: string): Promise<Versioned<T>> {
    return this.table.commit(id, this.table.prepare(id, value, { etag }));
  }

  async upsert(id: string, value: T): Promise<Versioned<T>> {
    return this.table.commit(id, this.table.prepare(id, value, 'any'));
  }
}

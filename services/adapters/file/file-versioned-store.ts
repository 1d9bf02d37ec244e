import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { DocumentKind, Versioned, VersionedStore } from '../../ports/versioned-store';
import { KeyedMutex } from './keyed-mutex';
import { VersionedTable, type VersionedEntry } from '../memory/versioned-table';
import { writeFileAtomically } from './atomic-write';


/**
 * A VersionedStore in files under `<dataDir>/<kind>/` (one JSON file per document, written atomically), read into
 * memory at open. Used inside the data folder that FileCaseStore locks for one bot process.
 */
export class FileVersionedStore<T> implements VersionedStore<T> {
  private readonly mutex = new KeyedMutex();

  private constructor(
    private readonly dir: string,
    private readonly table: VersionedTable<T>,
  ) {}

  static async open<T>(dataDir: string, kind: DocumentKind, schema: z.ZodType<T>): Promise<FileVersionedStore<T>> {
    const dir = path.join(dataDir, kind);
    await mkdir(dir, { recursive: true });
    const entries = new Map<string, VersionedEntry<T>>();
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const raw = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { id: string; etag: string; value: unknown };
        const parsed = schema.safeParse(raw.value);
        entries.set(raw.id, parsed.success && typeof raw.etag === 'string' ? { kind: 'valid', stored: { value: parsed.data, etag: raw.etag } } : { kind: 'invalid' });
      } catch {
        // A file that is not even JSON cannot be tied to an id; it is left alone on disk.
      }
    }
    return new FileVersionedStore(dir, new VersionedTable(schema, entries));
  }

  private fileOf(id: string): string {
    return path.join(this.dir, `${createHash('sha256').update(id).digest('hex')}.json`);
  }

  private write(id: string, expect: 'absent' | 'any' | { etag: string }, value: T): Promise<Versioned<T>> {
    return this.mutex.run(id, async () => {
      const stored = this.table.prepare(id, value, expect);
      await writeFileAtomically(this.fileOf(id), JSON.stringify({ id, etag: stored.etag, value: stored.value }));
      return this.table.commit(id, stored);
    });
  }

  async get(id: string): Promise<Versioned<T> | undefined> {
    return this.table.get(id);
  }

  create(id: string, value: T): Promise<Versioned<T>> {
    return this.write(id, 'absent', value);
  }

  replace(id: string, value: T, etag: string): Promise<Versioned<T>> {
    return this.write(id, { etag }, value);
  }

  upsert(id: string, value: T): Promise<Versioned<T>> {
    return this.write(id, 'any', value);
  }
}

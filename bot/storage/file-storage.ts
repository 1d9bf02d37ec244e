import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import writeFileAtomic from 'write-file-atomic';
import { KeyedMutex } from '../../services/adapters/file/keyed-mutex';

/**
 * Bot Framework state (dialog stacks, the conversation's active case) in files under `<dataDir>/botstate`, so a
 * restart in the middle of a dialog continues where it was. ETags as botbuilder's storages have them: a write
 * with a stale eTag is refused, `*` or none overwrites. One file per key, written atomically.
 */
export class FileStorage implements Storage {
  private readonly dir: string;
  /** Writes and deletes run one at a time, so an eTag check and its write cannot interleave with another. */
  private readonly mutex = new KeyedMutex();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'botstate');
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private async load(key: string): Promise<{ eTag: string; item: Record<string, unknown> } | undefined> {
    try {
      const stored = JSON.parse(await readFile(this.fileOf(key), 'utf8')) as { key: string; eTag: string; item: Record<string, unknown> };
      return stored.key === key ? { eTag: stored.eTag, item: stored.item } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    return this.mutex.run('botstate', work);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const stored = await this.load(key);
      if (stored) items[key] = { ...stored.item, eTag: stored.eTag };
    }
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    return this.serial(async () => {
      await mkdir(this.dir, { recursive: true });
      for (const [key, change] of Object.entries(changes)) {
        const { eTag, ...item } = (change ?? {}) as Record<string, unknown> & { eTag?: string };
        if (eTag && eTag !== '*') {
          const current = await this.load(key);
          if (current && current.eTag !== eTag) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        await writeFileAtomic(this.fileOf(key), JSON.stringify({ key, eTag: randomUUID(), item }), { fsync: true });
      }
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.serial(async () => {
      for (const key of keys) await rm(this.fileOf(key), { force: true });
    });
  }
}

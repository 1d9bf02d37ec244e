import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { KeyedMutex } from '../../services/adapters/file/keyed-mutex';
import { OwnFolder } from '../../services/adapters/file/folder';
import { writeFileAtomically } from '../../services/adapters/file/atomic-write';

/** Writes a whole file so that a reader sees the old or the new content, never a part; durable once it resolves. */
export type WriteFile = (file: string, data: string) => Promise<void>;

/** Dialog state holds case text the professional typed: written like every file of the embedded store. */
const writeAtomically: WriteFile = writeFileAtomically;

/** Conversations whose state is kept in memory besides the file (a few hundred bytes to a few KiB each). */
const CACHED_KEYS = 5_000;

/**
 * Bot Framework state (dialog stacks, the conversation's active case) in files under `<dataDir>/botstate`, so a
 * restart in the middle of a dialog continues where it was. ETags as botbuilder's storages have them: a write
 * with a stale eTag is refused, `*` or none overwrites. One file per key, written atomically.
 */
export class FileStorage implements Storage {
  private readonly dir: string;
  private readonly folder: OwnFolder;
  /**
   * Per key, writes and deletes run one at a time, so an eTag check and its write cannot interleave with another
   * of the same key; other keys (other conversations) are written meanwhile.
   */
  private readonly mutex = new KeyedMutex();
  /**
   * What was last read or written per key (the JSON as on disk, or `null` for no file), so a turn's read and the
   * eTag check of its write do not go to the disk. The folder is locked for this one process (FileCaseStore), so
   * nothing else changes the files. The least recently used keys leave the cache beyond CACHED_KEYS.
   */
  private readonly cache = new Map<string, string | null>();

  /** `writeFile` is for tests (a slow disk); the default writes atomically with an fsync. */
  constructor(
    dataDir: string,
    private readonly writeFile: WriteFile = writeAtomically,
  ) {
    this.dir = path.join(dataDir, 'botstate');
    this.folder = new OwnFolder(this.dir);
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private async load(key: string): Promise<{ eTag: string; item: Record<string, unknown> } | undefined> {
    let data = this.cache.get(key);
    if (data === undefined) {
      data = await readFile(this.fileOf(key), 'utf8').catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      });
    }
    this.remember(key, data);
    if (data === null) return undefined;
    const stored = JSON.parse(data) as { key: string; eTag: string; item: Record<string, unknown> };
    return stored.key === key ? { eTag: stored.eTag, item: stored.item } : undefined;
  }

  private remember(key: string, data: string | null): void {
    this.cache.delete(key);
    this.cache.set(key, data);
    if (this.cache.size > CACHED_KEYS) this.cache.delete(this.cache.keys().next().value as string);
  }

  /**
   * `work` for each key in turn, each under its own key's lock. Every key's place in its queue is taken at the call,
   * so the writes of one key happen in the order they were asked; within one call the keys go in order, and a
   * failure (an eTag conflict) leaves the keys after it unwritten.
   */
  private eachKey(keys: readonly string[], work: (key: string) => Promise<void>): Promise<void> {
    let previous: Promise<void> = Promise.resolve();
    for (const key of keys) {
      const before = previous;
      previous = this.mutex.run(key, async () => {
        await before;
        await work(key);
      });
    }
    return previous;
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
    const asked = { ...changes };
    return this.eachKey(Object.keys(asked), async (key) => {
      const { eTag, ...item } = (asked[key] ?? {}) as Record<string, unknown> & { eTag?: string };
      if (eTag && eTag !== '*') {
        const current = await this.load(key);
        if (current && current.eTag !== eTag) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      const data = JSON.stringify({ key, eTag: randomUUID(), item });
      try {
        await this.folder.write(() => this.writeFile(this.fileOf(key), data));
      } catch (error) {
        // The file may hold the old or the new state now: read it again next time.
        this.cache.delete(key);
        throw error;
      }
      this.remember(key, data);
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.eachKey(keys, async (key) => {
      this.cache.delete(key);
      await rm(this.fileOf(key), { force: true });
      this.remember(key, null);
    });
  }
}

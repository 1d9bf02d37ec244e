import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { DomainError } from '../errors';
import { caseSchema, type Case } from '../model/case';
import type { CaseStore, Page, PageOptions, StoredCase } from '../ports/case-store';
import { CaseTable, type Entry } from './case-table';
import { KeyedMutex } from './keyed-mutex';

const SAFE_ID = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * The embedded default CaseStore: one JSON file per case under `<dir>/cases`, written atomically (temp file,
 * fsync, rename), with ETags. All cases are read into memory at open, so listings never scan the disk. The data
 * folder is locked for one bot process: a second one on the same folder refuses to start (the embedded store is
 * for one instance; several instances use Cosmos DB).
 */
export class FileCaseStore implements CaseStore {
  private readonly mutex = new KeyedMutex();

  private constructor(
    private readonly casesDir: string,
    private readonly table: CaseTable,
    private readonly release: () => Promise<void>,
  ) {}

  /** Open (and lock) the data folder, reading every stored case. */
  static async open(options: { dir: string }): Promise<FileCaseStore> {
    const casesDir = path.join(options.dir, 'cases');
    await mkdir(casesDir, { recursive: true });
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(options.dir, { lockfilePath: path.join(options.dir, '.lock'), stale: 15_000, update: 5_000 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      throw new DomainError('STORE.LOCKED', `De gegevensmap ${options.dir} is al in gebruik door een andere bot. Stop die eerst, of kies een andere DATA_DIR.`);
    }
    const entries = new Map<string, Entry>();
    for (const name of await readdir(casesDir)) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      entries.set(id, parseFile(id, await readFile(path.join(casesDir, name), 'utf8')));
    }
    return new FileCaseStore(casesDir, new CaseTable(entries), release);
  }

  /** Release the data folder. */
  async close(): Promise<void> {
    await this.release();
  }

  private fileOf(id: string): string {
    if (!SAFE_ID.test(id)) throw new DomainError('CASE.INVALID_INPUT', 'Het kenmerk van de casus is ongeldig.');
    return path.join(this.casesDir, `${id}.json`);
  }

  private async write(stored: StoredCase): Promise<StoredCase> {
    await writeFileAtomic(this.fileOf(stored.case.id), JSON.stringify({ etag: stored.etag, document: stored.case }), { fsync: true });
    return this.table.commit(stored);
  }

  async get(id: string): Promise<StoredCase | undefined> {
    return this.table.get(id);
  }

  async findByReference(reference: string): Promise<StoredCase | undefined> {
    return this.table.findByReference(reference);
  }

  create(value: Case): Promise<StoredCase> {
    return this.mutex.run(value.id, () => this.write(this.table.prepareCreate(value)));
  }

  replace(value: Case, etag: string): Promise<StoredCase> {
    return this.mutex.run(value.id, () => this.write(this.table.prepareReplace(value, etag)));
  }

  async listByMember(userId: string, options?: PageOptions & { readonly includeClosed?: boolean }): Promise<Page<StoredCase>> {
    return this.table.listByMember(userId, options);
  }

  async listDue(before: string, options?: PageOptions): Promise<Page<StoredCase>> {
    return this.table.listDue(before, options);
  }
}

/** A stored file as an entry: valid, or kept as invalid (reported, never served, never overwritten). */
function parseFile(id: string, text: string): Entry {
  try {
    const raw = JSON.parse(text) as { etag?: unknown; document?: unknown };
    const parsed = caseSchema.safeParse(raw.document);
    if (typeof raw.etag === 'string' && parsed.success && parsed.data.id === id) {
      return { kind: 'valid', stored: { case: parsed.data, etag: raw.etag } };
    }
    return { kind: 'invalid', raw };
  } catch {
    return { kind: 'invalid', raw: text };
  }
}

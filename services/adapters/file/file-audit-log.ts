import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEntry, AuditLog } from '../../ports/audit-log';
import { KeyedMutex } from './keyed-mutex';
import { instantKey } from '../paging';
import { OwnFolder } from './folder';

/**
 * The audit trail on disk: one JSON line per read or write of a case, in `<dir>/audit/<YYYY-MM-DD>.jsonl`, the
 * UTC date of the entry's `at`. Lines hold exactly the entry's fields: who, when, which case, what operation;
 * never content.
 */
export class FileAuditLog implements AuditLog {
  private readonly dir: string;
  /** Appends to one file run one at a time, so lines never interleave. */
  private readonly mutex = new KeyedMutex();
  private readonly folder: OwnFolder;

  /** `dataDir` is the bot's data folder (DATA_DIR); the log goes in its `audit` subfolder. */
  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'audit');
    this.folder = new OwnFolder(this.dir);
  }

  /** Append one entry; resolves once it is written. An `at` that is not an instant is CASE.INVALID_INPUT. */
  async record(entry: AuditEntry): Promise<void> {
    const { at, actorId, caseId, action, operation } = entry;
    // The file name comes from the parsed instant, never from the raw string, so `at` cannot steer the path.
    const file = path.join(this.dir, `${instantKey(at).slice(0, 10)}.jsonl`);
    const line = `${JSON.stringify({ at, actorId, caseId, action, operation })}\n`;
    return this.mutex.run(file, () => this.folder.write(() => appendFile(file, line, { encoding: 'utf8', mode: 0o600 })));
  }
}

import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEntry, AuditLog } from '../ports/audit-log';
import { KeyedMutex } from './keyed-mutex';

/**
 * The audit trail on disk: one JSON line per read or write of a case, in `<dir>/audit/<YYYY-MM-DD>.jsonl` (UTC).
 * Lines hold exactly the entry's fields: who, when, which case, what operation; never content.
 */
export class FileAuditLog implements AuditLog {
  private readonly dir: string;
  /** Appends to one file run one at a time, so lines never interleave. */
  private readonly mutex = new KeyedMutex();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'audit');
  }

  record(entry: AuditEntry): Promise<void> {
    const line = `${JSON.stringify({ at: entry.at, actorId: entry.actorId, caseId: entry.caseId, action: entry.action, operation: entry.operation })}\n`;
    const file = path.join(this.dir, `${entry.at.slice(0, 10)}.jsonl`);
    return this.mutex.run(file, async () => {
      await mkdir(this.dir, { recursive: true });
      await appendFile(file, line, 'utf8');
    });
  }
}

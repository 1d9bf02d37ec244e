import type { AuditEntry, AuditLog } from '../../ports/audit-log';

/** Keeps entries in memory: for tests, and as the default when nothing else is configured. */
export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(Object.freeze({ ...entry }));
  }
}

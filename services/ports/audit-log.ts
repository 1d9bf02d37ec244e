/**
 * Every read and write of a case is attributable to a Teams user. An audit entry says who did what to which case
 * and when, and nothing of the case's content (no names, no free text).
 */
export const AUDIT_ACTIONS = ['create', 'read', 'update', 'list', 'denied'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  readonly at: string;
  /** The Teams user (AAD object id). */
  readonly actorId: string;
  /** The case id, or '*' for a listing. */
  readonly caseId: string;
  readonly action: AuditAction;
  /** The command or query by name (e.g. 'transition:mdoAfgerond', 'recordDeelB'); never content. */
  readonly operation: string;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

/**
 * Every read and write of a case is attributable to a Teams user. An audit entry says who did what to which case
 * and when, and nothing of the case's content (no names, no free text). Asking for the resultaten of a team and period
 * is recorded too (`report`, case id '*'), as is a refusal of it (`denied`).
 */
export const AUDIT_ACTIONS = ['create', 'read', 'update', 'list', 'denied', 'report'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  readonly at: string;
  /** The Teams user (AAD object id). */
  readonly actorId: string;
  /** The case id, or '*' for a listing or a report over cases. */
  readonly caseId: string;
  readonly action: AuditAction;
  /** The command or query by name (e.g. 'transition:mdoAfgerond', 'recordDeelB', 'resultaten:wijkteam:2026-Q4'); never content. */
  readonly operation: string;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

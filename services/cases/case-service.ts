import type { DateTime } from 'luxon';
import { DomainError, isDomainError } from '../domain/errors';
import type { ApprovalPolicy } from '../domain/model/approval';
import { caseReference, type Case, type TransitionName } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { parseOrThrow } from '../domain/model/validation';
import { redactFor, sightOf } from '../domain/model/visibility';
import type { AuditAction, AuditLog } from '../ports/audit-log';
import type { CaseStore, Page, PageOptions, StoredCase } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { People } from '../ports/people';
import type { NaamEntry } from '../domain/model/namen';
import type { MachineContext } from '../domain/stappenplan/context';
import type { CaseCommandInput } from '../domain/stappenplan/commands';
import { check, decide, newCase, type NewCaseInput } from '../domain/stappenplan/machine';
import type { ReminderPolicy } from '../domain/model/reminder';
import type { WerkdagKalender } from '../domain/werkdagen';
import { randomIds, type IdSource } from './ids';
import { currentTurn } from './turn-scope';

export interface CaseServiceDeps {
  readonly store: CaseStore;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly policy: ApprovalPolicy;
  readonly kalender: WerkdagKalender;
  /** What reminders wait for (default DEFAULT_REMINDER_POLICY). */
  readonly reminders?: ReminderPolicy;
  readonly ids?: IdSource;
  /** The address book: the organisation of whoever first writes to a case, and the names of the people a command asks. */
  readonly people?: People;
  /** How often a command is re-decided on fresh state after a concurrent write (default 5). */
  readonly maxAttempts?: number;
}

export type OpenCaseInput = Omit<NewCaseInput, 'id' | 'reference'>;

/**
 * The one way the edge reads and changes cases. It enforces the access rule (only people on a case see it; to
 * everyone else it does not exist), attributes every read and write to a Teams user in the audit log, asks the
 * state machine for every change, and writes with optimistic concurrency: on a conflict the command is decided
 * again on the fresh case, so two people pressing at once yield one outcome and a clear answer for the other.
 */
export class CaseService {
  private readonly ids: IdSource;
  private readonly maxAttempts: number;

  constructor(private readonly deps: CaseServiceDeps) {
    this.ids = deps.ids ?? randomIds;
    this.maxAttempts = deps.maxAttempts ?? 5;
  }

  /** Stap 1: a new case with the actor as casusregisseur. */
  async open(actor: Actor, input: OpenCaseInput): Promise<Case> {
    const ctx = { ...this.context(actor), namen: await this.lookUp([actor.userId]) };
    for (let attempt = 1; ; attempt++) {
      const reference = this.ids.newReference(ctx.now.year);
      const result = newCase({ ...input, id: this.ids.newId(), reference }, ctx);
      if (!result.ok) throw result.error;
      // A kenmerk must be unique; a collision is rare (32^6 per year) and simply draws again.
      if (attempt < this.maxAttempts && (await this.deps.store.findByReference(reference))) continue;
      const stored = await this.deps.store.create(result.value);
      await this.audit(actor, stored.case.id, 'create', 'open');
      return stored.case;
    }
  }

  /**
   * One case, if the actor is on it, as the inwoner's consent lets them see it (services/domain/model/visibility.ts);
   * CASE.NOT_FOUND otherwise (the same answer as for a case that does not exist).
   */
  async get(actor: Actor, caseId: string): Promise<StoredCase> {
    const stored = await this.readFor(actor, caseId, 'get');
    await this.audit(actor, caseId, 'read', 'get');
    return seenBy(actor, stored);
  }

  /**
   * CASE.NOT_FOUND unless the actor is on the case, without reading it for them (a refusal is audited as denied):
   * for actions about a case that show nothing of it, such as declining a file.
   */
  async assertAccess(actor: Actor, caseId: string, operation: string): Promise<void> {
    await this.readFor(actor, caseId, operation);
  }

  /** One case by its kenmerk (as typed: "casus ha-2026-7k3fq9"). */
  async getByReference(actor: Actor, reference: string): Promise<StoredCase> {
    const normalised = parseOrThrow(caseReference, reference);
    const stored = await this.deps.store.findByReference(normalised);
    if (!stored) throw new DomainError('CASE.NOT_FOUND');
    return this.get(actor, stored.case.id);
  }

  /** "Mijn casussen": the cases the actor is on, newest first, a page at a time. */
  async listMine(actor: Actor, options: PageOptions & { includeClosed?: boolean } = {}): Promise<Page<Case>> {
    const page = await this.deps.store.listByMember(actor.userId, options);
    await this.audit(actor, '*', 'list', 'listMine');
    return { items: page.items.map((s) => redactFor(s.case, actor.userId)), ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) };
  }

  /**
   * Apply one command (parsed by the machine) and store the result. Refusals throw a DomainError and store
   * nothing. A concurrent write is retried on the fresh case, where the command may now be refused (for
   * example APPROVAL.ALREADY_DECIDED for the second of two approvers).
   */
  async execute(actor: Actor, caseId: string, command: CaseCommandInput, current?: StoredCase): Promise<Case> {
    return (await this.executeStored(actor, caseId, command, current)).case;
  }

  /**
   * {@link execute}, returning the written case with its ETag (as the actor may see it). `current` is the case as this
   * turn already read it (for the actor, through {@link get}): the first attempt decides on it without reading again,
   * unless the actor sees only part of the case (then `current` lacks what they may not see, and the machine decides
   * on the case as stored, which this turn's cache already holds); a conflict reads the fresh case.
   */
  async executeStored(actor: Actor, caseId: string, command: CaseCommandInput, current?: StoredCase): Promise<StoredCase> {
    const operation = operationName(command);
    for (let attempt = 1; ; attempt++) {
      const whole = attempt === 1 && current?.case.id === caseId && current.case.memberIds.includes(actor.userId) && sightOf(current.case, actor.userId).all;
      const stored = whole ? current : await this.readFor(actor, caseId, operation);
      const namen = await this.lookUp(unnamed(stored.case, [actor.userId, ...askedIn(command)]));
      const result = decide(stored.case, command, { ...this.context(actor), namen });
      if (!result.ok) throw result.error;
      try {
        const written = await this.deps.store.replace(result.value, stored.etag);
        await this.audit(actor, caseId, 'update', operation);
        return seenBy(actor, written);
      } catch (error) {
        if (!isDomainError(error, 'STORE.CONFLICT') || attempt >= this.maxAttempts) throw error;
      }
    }
  }

  /** What a command would do now, without storing anything (a refusal, or the case it would become). */
  async preview(actor: Actor, caseId: string, command: CaseCommandInput): Promise<Case> {
    return this.previewOn(actor, await this.get(actor, caseId), command);
  }

  /** {@link preview} on a case this turn already read. */
  previewOn(actor: Actor, stored: StoredCase, command: CaseCommandInput): Case {
    const result = decide(stored.case, command, this.context(actor));
    if (!result.ok) throw result.error;
    return result.value;
  }

  /** Whether a transition would be accepted now, and if not, why (for dialogs that offer the next step). */
  async check(actor: Actor, caseId: string, transition: TransitionName): Promise<DomainError | undefined> {
    // Decided on the whole case, as execute would; the answer is a refusal sentence, never the case's content.
    const stored = await this.readFor(actor, caseId, 'check');
    await this.audit(actor, caseId, 'read', 'check');
    return check(stored.case, transition, this.context(actor));
  }

  /** The approval policy in force (who may decide which request). */
  get policy(): ApprovalPolicy {
    return this.deps.policy;
  }

  /** The machine's context for this actor, now. */
  context(actor: Actor, now: DateTime = this.deps.clock.now()): MachineContext {
    return { actor, now, policy: this.deps.policy, kalender: this.deps.kalender, ...(this.deps.reminders ? { reminders: this.deps.reminders } : {}), newId: () => this.ids.newId() };
  }

  /** The address book's names of these people (none without an address book; a failing lookup only costs the name). */
  private async lookUp(ids: readonly string[]): Promise<Record<string, NaamEntry>> {
    const people = this.deps.people;
    if (!people || ids.length === 0) return {};
    const found = await Promise.all(ids.map((id) => people.find(id).catch(() => undefined)));
    return Object.fromEntries(found.flatMap((p) => (p ? [[p.id, { naam: p.displayName, ...(p.organisatie ? { organisatie: p.organisatie } : {}) }]] : [])));
  }

  private async readFor(actor: Actor, caseId: string, operation: string): Promise<StoredCase> {
    const stored = await this.deps.store.get(caseId);
    if (!stored || !stored.case.memberIds.includes(actor.userId)) {
      if (stored) await this.audit(actor, caseId, 'denied', operation);
      throw new DomainError('CASE.NOT_FOUND');
    }
    return stored;
  }

  private async audit(actor: Actor, caseId: string, action: AuditAction, operation: string): Promise<void> {
    // One read per case per turn in the audit trail, however many helpers of the turn look at the case.
    const turn = currentTurn();
    if (action === 'read' && turn) {
      const key = `${actor.userId}\u0000${caseId}`;
      if (turn.auditedReads.has(key)) return;
      turn.auditedReads.add(key);
    }
    return this.deps.audit.record({ at: this.deps.clock.now().toUTC().toISO() as string, actorId: actor.userId, caseId, action, operation });
  }
}

/** The stored case as the actor may see it (the ETag stays: it names the version, not the content). */
function seenBy(actor: Actor, stored: StoredCase): StoredCase {
  const seen = redactFor(stored.case, actor.userId);
  return seen === stored.case ? stored : { case: seen, etag: stored.etag };
}

/** Of these people, whom the case has no name for yet (looked up once: later the case remembers them). */
function unnamed(c: Case, ids: readonly string[]): string[] {
  return [...new Set(ids)].filter((id) => !c.namen?.[id] && !c.professionals.some((p) => p.userId === id && p.displayName && p.organisatie));
}

/** The people a command asks (approvers, the procesregisseur of an escalation), as the edge resolved them. */
function askedIn(command: unknown): string[] {
  const asked = typeof command === 'object' && command !== null ? (command as { askedUserIds?: unknown }).askedUserIds : undefined;
  return Array.isArray(asked) ? asked.filter((id): id is string => typeof id === 'string').slice(0, 20) : [];
}

/** The command's name for the audit log: its type, and for a transition which one. Never its content. */
function operationName(command: unknown): string {
  if (typeof command !== 'object' || command === null) return 'ongeldig';
  const { type, transition } = command as { type?: unknown; transition?: unknown };
  const safe = (v: unknown) => (typeof v === 'string' && /^[A-Za-z]{1,40}$/.test(v) ? v : 'ongeldig');
  return type === 'overgang' ? `overgang:${safe(transition)}` : safe(type);
}

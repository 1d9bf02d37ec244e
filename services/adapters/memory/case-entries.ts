import type { StoredCase } from '../../ports/case-store';
import { KeysetIndex } from './keyset-index';
import { BY_CREATED_ASC, BY_DUE_ASC, BY_OUTBOX_ASC, BY_UPDATED_DESC, type Position } from '../paging';

/** A stored entry: a valid case with its ETag, or a document that failed the schema (kept, never served). */
export type Entry = { readonly kind: 'valid'; readonly stored: StoredCase } | { readonly kind: 'invalid'; readonly raw: unknown };

/** What one valid case put in the indexes, kept so that the next write of it takes out exactly that. */
interface Indexed {
  readonly reference: string;
  readonly memberIds: readonly string[];
  readonly open: boolean;
  readonly updated: Position;
  readonly due: Position | undefined;
  readonly outbox: Position | undefined;
  readonly teamId: string;
  readonly created: Position;
}

/** One user's "mijn casussen": the open cases, and all of them (for `includeClosed`). */
interface MemberIndexes {
  readonly open: KeysetIndex;
  readonly all: KeysetIndex;
}

/**
 * The entries of a case table by id, with the indexes its look-ups use, updated on every `set`: member id → the
 * member's cases by `updatedAt`, kenmerk → id, `nextDueAt` and `outboxDueAt` in order. Only valid entries are indexed. The
 * indexes live with the entries, so two tables over one `CaseEntries` (two bot instances over one database in
 * the memory store) see each other's writes in their listings too. Stored cases are held as they are: copying in
 * and out is the table's job.
 */
export class CaseEntries {
  private readonly entries = new Map<string, Entry>();
  /** When each id was first stored: the order a scan of the entries meets them, which picks among equal kenmerken. */
  private readonly firstStored = new Map<string, number>();
  private readonly indexed = new Map<string, Indexed>();
  private readonly members = new Map<string, MemberIndexes>();
  private readonly references = new Map<string, string[]>();
  /** Per team, its cases by `createdAt` (the resultaten's listing). */
  private readonly teams = new Map<string, KeysetIndex>();
  /** Cases with a `nextDueAt`, earliest first. */
  readonly due = new KeysetIndex(BY_DUE_ASC);
  /** Cases with an `outboxDueAt`, earliest first (the dispatcher's listing). */
  readonly outbox = new KeysetIndex(BY_OUTBOX_ASC);
  /** While the constructor loads: positions are appended and each index is sorted once at the end. */
  private loading = true;

  /** Load entries (an open of the file store), building each index once. */
  constructor(initial: Iterable<readonly [string, Entry]> = []) {
    for (const [id, entry] of initial) this.set(id, entry);
    this.loading = false;
    this.due.settle();
    this.outbox.settle();
    for (const member of this.members.values()) {
      member.open.settle();
      member.all.settle();
    }
    for (const team of this.teams.values()) team.settle();
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** Store an entry under its case's id, replacing what was there, and update the indexes. */
  set(id: string, entry: Entry): this {
    this.unindex(id);
    if (!this.firstStored.has(id)) this.firstStored.set(id, this.firstStored.size);
    this.entries.set(id, entry);
    if (entry.kind === 'valid') this.index(id, entry.stored);
    return this;
  }

  /** The user's cases by newest change (open ones, or all); undefined when the user is on no case. */
  memberIndex(userId: string, includeClosed: boolean): KeysetIndex | undefined {
    const member = this.members.get(userId);
    return includeClosed ? member?.all : member?.open;
  }

  /** The team's cases by `createdAt`; undefined when the team has none. */
  teamIndex(teamId: string): KeysetIndex | undefined {
    return this.teams.get(teamId);
  }

  /** The id of the valid case with exactly this kenmerk; of several (the service never makes them), the first stored. */
  idByReference(reference: string): string | undefined {
    const ids = this.references.get(reference);
    const order = (id: string) => this.firstStored.get(id) ?? Infinity;
    return ids?.reduce((first, id) => (order(id) < order(first) ? id : first));
  }

  private index(id: string, stored: StoredCase): void {
    const c = stored.case;
    const indexed: Indexed = {
      reference: c.reference,
      memberIds: [...new Set(c.memberIds)],
      open: c.step !== 'afgesloten',
      updated: BY_UPDATED_DESC.key(stored),
      due: c.nextDueAt === undefined ? undefined : BY_DUE_ASC.key(stored),
      outbox: c.outboxDueAt === undefined ? undefined : BY_OUTBOX_ASC.key(stored),
      teamId: c.teamId,
      created: BY_CREATED_ASC.key(stored),
    };
    this.indexed.set(id, indexed);
    for (const userId of indexed.memberIds) {
      let member = this.members.get(userId);
      if (!member) {
        member = { open: new KeysetIndex(BY_UPDATED_DESC), all: new KeysetIndex(BY_UPDATED_DESC) };
        this.members.set(userId, member);
      }
      this.add(member.all, indexed.updated);
      if (indexed.open) this.add(member.open, indexed.updated);
    }
    if (indexed.due) this.add(this.due, indexed.due);
    if (indexed.outbox) this.add(this.outbox, indexed.outbox);
    let team = this.teams.get(indexed.teamId);
    if (!team) {
      team = new KeysetIndex(BY_CREATED_ASC);
      this.teams.set(indexed.teamId, team);
    }
    this.add(team, indexed.created);
    const sameReference = this.references.get(indexed.reference);
    if (sameReference) sameReference.push(id);
    else this.references.set(indexed.reference, [id]);
  }

  private add(index: KeysetIndex, key: Position): void {
    if (this.loading) index.append(key);
    else index.add(key);
  }

  private unindex(id: string): void {
    const indexed = this.indexed.get(id);
    if (!indexed) return;
    this.indexed.delete(id);
    for (const userId of indexed.memberIds) {
      const member = this.members.get(userId);
      if (!member) continue;
      member.all.remove(indexed.updated);
      if (indexed.open) member.open.remove(indexed.updated);
      if (member.all.size === 0) this.members.delete(userId);
    }
    if (indexed.due) this.due.remove(indexed.due);
    if (indexed.outbox) this.outbox.remove(indexed.outbox);
    this.teams.get(indexed.teamId)?.remove(indexed.created);
    const rest = (this.references.get(indexed.reference) ?? []).filter((other) => other !== id);
    if (rest.length > 0) this.references.set(indexed.reference, rest);
    else this.references.delete(indexed.reference);
  }
}

import { DateTime } from 'luxon';
import { isDomainError } from '../domain/errors';
import type { OutboxItem } from '../domain/model/outbox';
import { MAX_SNOOZE_DAYS, type Reminder } from '../domain/model/reminder';
import type { OrgRole } from '../domain/model/roles';
import { claimOutbox, settleOutbox, type DeliveryOutcome } from '../domain/outbox';
import { claimReminders, dueRoles, settleReminders, type ReminderOutcome } from '../domain/reminders';
import { createWerkdagKalender, isQuietTime, type WerkdagKalender } from '../domain/werkdagen';
import type { CaseStore, StoredCase } from '../ports/case-store';
import { ZONE } from '../ports/clock';
import { noMetrics, type Metrics } from '../ports/metrics';
import { DeliveryFailure, type Notifier } from '../ports/notifier';
import { outboxMessage, type RenderChanges } from './outbox-message';
import { SendPace } from './send-pace';
import { reminderAsText, reminderNews, type RenderReminder } from './reminder-message';

/** What the dispatcher logs: events with counts and codes, never a person or a text. */
export interface DispatcherLog {
  info(event: string, fields?: Record<string, string | number>): void;
  warn(event: string, fields?: Record<string, string | number>): void;
}

export interface DispatcherOptions {
  /** This bot instance, as written into its claims. */
  readonly instanceId: string;
  /** Pause between two sweeps. */
  readonly intervalMs: number;
  /** How long a claim holds; a crashed instance's items are taken over after it. Default 60 s. */
  readonly leaseMs?: number;
  /** Cases read per page of the listing. Default 50. */
  readonly pageSize?: number;
  /** At least this long between two messages to one person (Teams: about one a second per conversation). Default 1 s. */
  readonly perConversationMs?: number;
  /**
   * At most this many messages per second from this instance, to all conversations together (default 20): Teams
   * allows a bot about 50 requests a second per tenant, so two instances stay under it; more instances are slowed by
   * Teams' own 429 with Retry-After, which pauses this instance's sends.
   */
  readonly maxPerSecond?: number;
  /** The first retry waits this long, doubling each attempt up to `maxBackoffMs`. Default 30 s and 6 hours. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly now?: () => Date;
  readonly log?: DispatcherLog;
  /** Counts each message delivered: notifications_delivered and reminders_sent (by kind). */
  readonly metrics?: Metrics;
  /** How the news is put for the channel (a card in Teams, composed at the edge); plain text by default. */
  readonly render?: RenderChanges;
  /** How a reminder is put for the channel (a card in Teams); plain text by default. */
  readonly renderReminder?: RenderReminder;
  /**
   * Reminders are looked for at most this often (default: every sweep). Nothing goes out at night, at the weekend or
   * on a holiday (`kalender`): then due reminders wait for 09:00 on the next werkdag.
   */
  readonly reminderIntervalMs?: number;
  readonly kalender?: WerkdagKalender;
  /** The people who hold a role (the directory), for a reminder to the next AVE phase; without it such reminders wait. */
  readonly roleHolders?: (role: OrgRole) => Promise<readonly string[]>;
}

const ignore = (): void => undefined;
/** What one claim took from a case: outbox items and reminders. */
interface Claimed {
  readonly stored: StoredCase;
  readonly items: OutboxItem[];
  readonly reminders: Reminder[];
}
/** A delivery outcome before it is given the ids of the items it covers. */
type SendResult = { readonly result: 'delivered' | 'unreachable' } | { readonly result: 'retry'; readonly notBefore: string };
const CLAIM_ATTEMPTS = 3;
const SETTLE_ATTEMPTS = 8;
/** Items claimed from one case at once. */
const MAX_CLAIM = 50;

/**
 * Delivers the notifications in the cases' outboxes (written by the state machine with each change), in every bot
 * instance side by side. A sweep pages through the cases whose outbox can be worked on now (`listOutbox`, an index),
 * claims the ready items of a case with an ETag write (instance id and an expiry), sends each recipient one message
 * for the items of that case, and writes the outcomes back in the write that releases the claim.
 *
 * Exactly once, as far as it goes: two instances never both hold a claim (the ETag decides), and a delivered item
 * leaves the outbox in the releasing write. The send happens between claim and release; an instance that dies after
 * Teams accepted a message but before that write leaves its claim to expire, and the next instance sends that
 * message again: at most once more, only then. The Bot Connector offers no idempotency key for a proactive message
 * that could close this gap. A send is not started when the claim is about to run out, so a slow instance does not
 * overlap with the one taking over.
 *
 * Reminders (services/domain/reminders.ts) go the same way: a sweep also pages through the cases with a reminder due
 * (`listDue`, the indexed `nextDueAt`), unless it is night, weekend or a holiday; the due reminders are claimed in the
 * same ETag write as the outbox items, each sent as its own message, and marked sent in the releasing write. A
 * reminder that is no longer true when it is sent (the action was done meanwhile) is dropped.
 *
 * Failures are never lost: a throttled send (429, after the SDK's own retries) waits for `Retry-After` and this
 * instance holds all its sends that long; another failure, or someone the bot cannot reach yet, is retried with a
 * doubling backoff. A chat that is gone (403/404) is marked on the case and the casusregisseur hears of it once.
 */
export class OutboxDispatcher {
  private readonly leaseMs: number;
  private readonly pageSize: number;
  private readonly pace: SendPace;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => Date;
  private readonly kalender: WerkdagKalender;
  private lastReminderSweep = -Infinity;
  private log: DispatcherLog;
  private readonly metrics: Metrics;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  /** Set by `stop`: no new send starts. */
  private halted = false;

  constructor(
    private readonly store: CaseStore,
    private readonly notifier: Notifier,
    private readonly options: DispatcherOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pageSize = options.pageSize ?? 50;
    this.backoffMs = options.backoffMs ?? 30_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 6 * 3600_000;
    this.now = options.now ?? (() => new Date());
    this.pace = new SendPace(this.now, options.perConversationMs ?? 1_000, options.maxPerSecond ?? 20);
    this.kalender = options.kalender ?? createWerkdagKalender();
    this.log = options.log ?? { info: ignore, warn: ignore };
    this.metrics = options.metrics ?? noMetrics;
  }

  /** Sweep now and then every `intervalMs` after the previous sweep ended, until `stop`; `log` replaces the options' one. */
  start(log?: DispatcherLog): void {
    if (log) this.log = log;
    if (this.started) return;
    this.started = true;
    this.halted = false;
    this.schedule(0);
  }

  /**
   * No new sweep or send; resolves when the running sweep has written back what it did, or after `waitMs` (a send that
   * hangs must not hold up a shutdown: its claim simply runs out).
   */
  async stop(waitMs = 10_000): Promise<void> {
    this.halted = true;
    this.started = false;
    clearTimeout(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  private schedule(delayMs: number): void {
    if (this.halted) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then(ignore, (error: unknown) => this.log.warn('outbox.sweep_failed', { code: codeOf(error) }))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.options.intervalMs);
        });
    }, delayMs);
    this.timer.unref?.();
  }

  /** One pass over the cases with work now (news, and reminders when it is time for them); the number of messages sent. */
  async sweep(): Promise<number> {
    const now = this.now();
    const reminders = now.getTime() - this.lastReminderSweep >= (this.options.reminderIntervalMs ?? 0) && !this.quiet(now);
    if (reminders) this.lastReminderSweep = now.getTime();
    const seen = new Set<string>();
    let sent = await this.pass((options) => this.store.listOutbox(this.now().toISOString(), options), reminders, seen);
    if (reminders && !this.halted) sent += await this.pass((options) => this.store.listDue(this.now().toISOString(), options), true, seen);
    return sent;
  }

  /** Whether reminders must wait now (night, weekend, a holiday in Europe/Amsterdam). */
  private quiet(now: Date): boolean {
    return isQuietTime(DateTime.fromJSDate(now, { zone: ZONE }), this.kalender);
  }

  private async pass(list: (options: { pageSize: number; continuationToken?: string }) => ReturnType<CaseStore['listDue']>, reminders: boolean, seen: Set<string>): Promise<number> {
    let sent = 0;
    let token: string | undefined;
    do {
      const page = await list({ pageSize: this.pageSize, ...(token ? { continuationToken: token } : {}) });
      // Instances sweeping side by side meet the cases in different orders, so they rarely race for the same one.
      for (const stored of shuffled(page.items)) {
        if (this.halted) return sent;
        if (seen.has(stored.case.id)) continue;
        seen.add(stored.case.id);
        sent += await this.dispatch(stored, reminders);
      }
      token = page.continuationToken;
    } while (token);
    return sent;
  }

  /** Claim, deliver and release one case's ready items and due reminders; the number of messages sent. */
  private async dispatch(listed: StoredCase, withReminders: boolean): Promise<number> {
    const claim = await this.claim(listed, withReminders);
    if (!claim) return 0;
    const { stored, items } = claim;
    const claimedUntil = this.now().getTime() + this.leaseMs;
    const outcomes: DeliveryOutcome[] = [];
    const reminderOutcomes: ReminderOutcome[] = [];
    let sent = 0;
    for (const [to, own] of byRecipient(items)) {
      const message = outboxMessage(stored.case, to, own, this.options.render);
      if (!message) {
        outcomes.push(...own.map((item) => ({ id: item.id, result: 'dropped' as const })));
        continue;
      }
      // Not started when the claim could run out during it (another instance would take the items over) or on stop.
      if (this.halted) break;
      if (!(await this.paced(to, claimedUntil))) break;
      const attempts = Math.max(...own.map((item) => item.attempts));
      const result = await this.send(to, message, attempts);
      if (result.result === 'delivered') {
        sent++;
        this.metrics.count('notifications_delivered');
      }
      outcomes.push(...own.map((item): DeliveryOutcome => ({ ...result, id: item.id })));
    }
    for (const reminder of claim.reminders) {
      const to = reminder.to as string;
      const now = DateTime.fromJSDate(this.now(), { zone: ZONE });
      const news = reminderNews(stored.case, reminder, this.kalender, now, MAX_SNOOZE_DAYS);
      if (!news) {
        reminderOutcomes.push({ id: reminder.id, result: 'dropped' });
        continue;
      }
      if (this.halted) break;
      if (!(await this.paced(to, claimedUntil))) break;
      const result = await this.send(to, (this.options.renderReminder ?? reminderAsText)(news), reminder.attempts);
      if (result.result === 'delivered') {
        sent++;
        this.metrics.count('reminders_sent', { kind: reminder.kind });
      }
      reminderOutcomes.push({ ...result, id: reminder.id });
    }
    await this.settle(stored, outcomes, reminderOutcomes);
    return sent;
  }

  /** The case with this instance's claim written, and what it claimed; undefined when there is nothing for it. */
  private async claim(listed: StoredCase, withReminders: boolean): Promise<Claimed | undefined> {
    let current: StoredCase | undefined = listed;
    for (let attempt = 1; current && attempt <= CLAIM_ATTEMPTS; attempt++) {
      const now = this.now();
      const outbox = claimOutbox(current.case, this.options.instanceId, now, this.leaseMs, MAX_CLAIM);
      const base = outbox?.next ?? current.case;
      const reminders = withReminders && !this.quiet(now) ? claimReminders(base, this.options.instanceId, now, this.leaseMs, MAX_CLAIM, await this.holders(base, now)) : undefined;
      const next = reminders?.next ?? outbox?.next;
      if (!next) return undefined;
      try {
        return { stored: await this.store.replace(next, current.etag), items: outbox?.claimed ?? [], reminders: reminders?.claimed ?? [] };
      } catch (error) {
        if (!isDomainError(error, 'STORE.CONFLICT')) throw error;
        current = await this.store.get(listed.case.id);
      }
    }
    return undefined;
  }

  /** The people of each role a due reminder of the case is for (the next AVE phase), from the directory. */
  private async holders(c: StoredCase['case'], now: Date): Promise<Map<OrgRole, readonly string[]>> {
    // Without a directory nobody holds a role: such a reminder is done without a send.
    const lookup = this.options.roleHolders ?? (async () => []);
    const found = new Map<OrgRole, readonly string[]>();
    for (const role of dueRoles(c, now)) found.set(role, await lookup(role));
    return found;
  }

  /** Write the outcomes and release the claim, on the freshest case (the professionals go on working meanwhile). */
  private async settle(claimed: StoredCase, outcomes: readonly DeliveryOutcome[], reminders: readonly ReminderOutcome[]): Promise<void> {
    let current: StoredCase | undefined = claimed;
    for (let attempt = 1; current && attempt <= SETTLE_ATTEMPTS; attempt++) {
      try {
        const settled = settleReminders(settleOutbox(current.case, this.options.instanceId, outcomes, this.now()), this.options.instanceId, reminders, this.now());
        await this.store.replace(settled, current.etag);
        return;
      } catch (error) {
        if (!isDomainError(error, 'STORE.CONFLICT')) throw error;
        current = await this.store.get(claimed.case.id);
      }
    }
    // Still not written: the claim runs out and the items are delivered again (the same as a crash here).
    this.log.warn('outbox.settle_failed', { code: 'STORE.CONFLICT' });
  }

  /** Wait for this recipient's and the tenant's pace; false when the claim would run out first. */
  private paced(to: string, claimedUntil: number): Promise<boolean> {
    // Leave a margin for the send itself (the SDK may retry a 429 for a few seconds).
    return this.pace.waitFor(to, claimedUntil - this.leaseMs / 4);
  }

  private async send(to: string, message: Parameters<Notifier['send']>[1], attempts: number): Promise<SendResult> {
    const later = (ms: number) => ({ result: 'retry' as const, notBefore: new Date(this.now().getTime() + ms).toISOString() });
    const backoff = Math.min(this.backoffMs * 2 ** Math.min(attempts, 20), this.maxBackoffMs);
    try {
      const id = await this.notifier.send(to, message);
      if (id !== undefined) return { result: 'delivered' };
      // No chat with the bot yet (and none could be installed): the item waits until there is one.
      this.log.info('outbox.not_reachable_yet', { attempts });
      return later(backoff);
    } catch (error) {
      const failure = error instanceof DeliveryFailure ? error : new DeliveryFailure('failed');
      this.log.warn('outbox.send_failed', { reason: failure.reason, status: failure.status ?? 0 });
      if (failure.reason === 'unreachable') return { result: 'unreachable' };
      if (failure.reason === 'throttled') {
        const wait = failure.retryAfterMs ?? backoff;
        this.pace.pause(wait);
        return later(wait);
      }
      return later(backoff);
    }
  }
}

/** The items grouped by recipient, in the order they were written. */
function byRecipient(items: readonly OutboxItem[]): Map<string, OutboxItem[]> {
  const groups = new Map<string, OutboxItem[]>();
  for (const item of items) groups.set(item.to, [...(groups.get(item.to) ?? []), item]);
  return groups;
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function codeOf(error: unknown): string {
  if (isDomainError(error)) return error.code;
  return error instanceof Error ? error.name : typeof error;
}

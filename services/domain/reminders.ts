import type { Case } from './model/case';
import { reminderReadyAt, type Reminder } from './model/reminder';
import type { OrgRole } from './model/roles';
import { markUnreachable, clearUnreachable } from './outbox';
import { finished, tooLate } from './stappenplan/reminders';
import { withNextDueAt, withOutboxDueAt } from './stappenplan/derive';

/**
 * The dispatcher's decisions on a case's reminders, pure, beside those on its outbox (services/domain/outbox.ts):
 * which due reminders an instance may claim, and how a send is written back. Each result is written with the case's
 * ETag, so two instances never both hold a claim on a reminder.
 */

/** The role reminders due now on the case: whose people the dispatcher looks up before it claims. */
export function dueRoles(c: Case, now: Date): OrgRole[] {
  const at = now.toISOString();
  const roles = new Set<OrgRole>();
  for (const r of c.reminders) {
    const ready = reminderReadyAt(r);
    if (r.rol && ready !== undefined && ready <= at) roles.add(r.rol);
  }
  return [...roles];
}

/**
 * Claim the reminders that are due (`now` past their moment, backoff and any claim that ran out) for `instance` until
 * `now + leaseMs`, at most `max`. A reminder that came too late to be of use (an MDO that has begun) is done without a
 * send. A reminder for a role becomes one reminder per person holding it (`holders`, looked up by the dispatcher;
 * without them it waits). Returns the case to write and the reminders claimed; undefined when nothing changed.
 */
export function claimReminders(
  c: Case,
  instance: string,
  now: Date,
  leaseMs: number,
  max: number,
  holders: ReadonlyMap<OrgRole, readonly string[]> = new Map(),
): { next: Case; claimed: Reminder[] } | undefined {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const next = structuredClone(c);
  const claimed: Reminder[] = [];
  let changed = false;
  const children: Reminder[] = [];
  next.reminders = next.reminders.map((r) => {
    const ready = reminderReadyAt(r);
    if (ready === undefined || ready > at) return r;
    if (tooLate(r, at)) {
      changed = true;
      return finished(r, at);
    }
    if (r.rol) {
      const people = holders.get(r.rol);
      if (!people) return r;
      changed = true;
      for (const to of people) {
        const { rol: _r, claimedBy: _c, claimedUntil: _u, ...rest } = r;
        children.push({ ...rest, id: `${r.id}>${to}`, to, parent: r.id, state: 'open', attempts: 0 });
      }
      // The role reminder itself is sent by sending its people theirs; with nobody in the role it is done.
      return people.length ? { ...r, state: 'sent', sentAt: at } : finished(r, at);
    }
    return r;
  });
  next.reminders.push(...children.filter((child) => !next.reminders.some((r) => r.id === child.id)));
  for (const r of next.reminders) {
    if (claimed.length >= max) break;
    const ready = reminderReadyAt(r);
    if (r.rol || r.to === undefined || ready === undefined || ready > at) continue;
    r.claimedBy = instance;
    r.claimedUntil = until;
    claimed.push(structuredClone(r));
    changed = true;
  }
  // A case whose index is behind its reminders (written before they existed) is listed on every sweep: write it right.
  const indexed = withNextDueAt(next);
  if (indexed.nextDueAt !== c.nextDueAt) changed = true;
  return changed ? { next: indexed, claimed } : undefined;
}

/** What became of one claimed reminder. */
export type ReminderOutcome =
  | { readonly id: string; readonly result: 'delivered' | 'dropped' | 'unreachable' }
  | { readonly id: string; readonly result: 'retry'; readonly notBefore: string };

/**
 * Write the outcomes back, in the write that releases the claim: a delivered reminder is sent (a snoozed one only when
 * its new day had come; snoozed again meanwhile, it stays so); one dropped (no longer true, nothing to say) is done;
 * an unreachable recipient is marked on the case (the casusregisseur hears of it once) and the reminder done; a retry
 * counts an attempt and waits. Anything else still claimed by `instance` is released untouched.
 */
export function settleReminders(c: Case, instance: string, outcomes: readonly ReminderOutcome[], now: Date): Case {
  const next = structuredClone(c);
  const at = now.toISOString();
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  const unreachable: string[] = [];
  next.reminders = next.reminders.map((r) => {
    const outcome = byId.get(r.id);
    const ours = r.claimedBy === instance;
    const { claimedBy: _c, claimedUntil: _u, ...released } = r;
    if (!outcome) return ours ? released : r;
    if (r.state === 'done') return released;
    switch (outcome.result) {
      case 'delivered': {
        if (r.to) clearUnreachable(next, r.to);
        const due = r.state === 'open' || (r.state === 'snoozed' && (r.snoozedUntil ?? '') <= at);
        if (!due) return released;
        const { notBefore: _n, ...sent } = released;
        return { ...sent, state: 'sent', sentAt: at, attempts: 0 };
      }
      case 'dropped':
        return finished(r, at);
      case 'unreachable':
        if (r.to) unreachable.push(r.to);
        return finished(r, at);
      case 'retry':
        return ours ? { ...released, attempts: r.attempts + 1, notBefore: outcome.notBefore } : r;
    }
  });
  for (const to of new Set(unreachable)) markUnreachable(next, to, at);
  // markUnreachable may have put news for the casusregisseur in the outbox: it is listed by `outboxDueAt`.
  return withOutboxDueAt(withNextDueAt(next));
}

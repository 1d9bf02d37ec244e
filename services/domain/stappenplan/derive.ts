import { DateTime } from 'luxon';
import type { Case, DueItem } from '../model/case';
import { outboxDueAt } from '../model/outbox';
import { DEFAULT_REMINDER_POLICY, remindersDueAt } from '../model/reminder';
import { derivedReminders, type ReminderContext } from './reminders';
import { ZONE } from '../../ports/clock';

const dueInstants = new Map<string, string>();

/** A due date (YYYY-MM-DD) counts from 09:00 Amsterdam time on that day (remembered: the same dates come back on every write). */
export function dueInstant(date: string): string {
  let at = dueInstants.get(date);
  if (at === undefined) {
    at = DateTime.fromISO(date, { zone: ZONE }).set({ hour: 9 }).toUTC().toISO() as string;
    if (dueInstants.size >= 50_000) dueInstants.clear();
    dueInstants.set(date, at);
  }
  return at;
}

const toIso = (d: DateTime): string => d.toUTC().toISO() as string;

/** The latest MDO with its outcomes recorded. */
export function latestAfgerondMdo(c: Case) {
  return [...c.mdos].reverse().find((m) => m.afgerondAt !== undefined);
}

/**
 * Fields derived from the rest of the case, recomputed after every change so they can never drift:
 * `memberIds` (access and "mijn casussen"), `due` and `nextDueAt` (reminders), `outboxDueAt` (the dispatcher).
 */
export function withDerived(c: Case, ctx: ReminderContext): Case {
  const members = new Set<string>();
  for (const p of c.professionals) if (p.active) members.add(p.userId);
  for (const r of c.approvals) r.askedUserIds.forEach((u) => members.add(u));
  for (const e of c.escalaties) e.askedUserIds.forEach((u) => members.add(u));
  // A party whose place ended (consent withdrawn, taken off) is off the case, also when it was once asked to decide.
  for (const p of c.professionals) if (!p.active && p.einde) members.delete(p.userId);

  const due: DueItem[] = [];
  if (c.step !== 'afgesloten') {
    if (['plan', 'onderbouwing', 'uitvoering', 'escaleren', 'evaluatie'].includes(c.step)) {
      for (const a of c.deelA.acties) {
        if (a.status === 'open' || a.status === 'bezig') due.push({ kind: 'actie', dueAt: dueInstant(a.wanneer), ref: a.id });
      }
    }
    const mdo = latestAfgerondMdo(c);
    if (mdo?.uitkomsten.evaluatieDatum && c.deelC.gerealiseerd === undefined) {
      due.push({ kind: 'evaluatie', dueAt: dueInstant(mdo.uitkomsten.evaluatieDatum), ref: mdo.id });
    } else if (!mdo && c.uitvoeringSinds && c.deelC.gerealiseerd === undefined) {
      // As the reminder has it: six weeks later at 09:00 in Helmond, across a change to summer time.
      const day = DateTime.fromISO(c.uitvoeringSinds, { zone: ZONE }).plus({ weeks: 6 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
      due.push({ kind: 'evaluatie', dueAt: toIso(day), ref: 'uitvoering' });
    }
    for (const r of c.approvals) {
      if (r.status === 'open') {
        const at = ctx.kalender.plusWerkdagen(DateTime.fromISO(r.requestedAt, { zone: ZONE }), ctx.policy.stuckAfterWerkdagen);
        due.push({ kind: 'akkoord', dueAt: toIso(at), ref: r.id });
      }
    }
    for (const e of c.escalaties) {
      if (!e.afgerondAt) {
        const days = (ctx.reminders ?? DEFAULT_REMINDER_POLICY).escalatieWerkdagen;
        const at = ctx.kalender.plusWerkdagen(DateTime.fromISO(e.opschalingen.at(-1)?.at ?? e.openedAt, { zone: ZONE }), days);
        due.push({ kind: 'escalatie', dueAt: toIso(at), ref: e.id });
      }
    }
  }
  due.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.ref.localeCompare(b.ref));
  const derived: Case = { ...c, memberIds: [...members].sort(), due, reminders: derivedReminders(c, ctx) };
  return withOutboxDueAt(withNextDueAt(derived));
}

/** The case with `nextDueAt` recomputed from its reminders (also after a dispatcher's write, which changes nothing else). */
export function withNextDueAt<T extends Pick<Case, 'reminders' | 'nextDueAt'>>(c: T): T {
  const at = remindersDueAt(c.reminders);
  const derived = { ...c };
  if (at) derived.nextDueAt = at;
  else delete derived.nextDueAt;
  return derived;
}

/** The case with `outboxDueAt` recomputed from its outbox (also after a dispatcher's write, which changes nothing else). */
export function withOutboxDueAt<T extends Pick<Case, 'outbox' | 'outboxDueAt'>>(c: T): T {
  const at = outboxDueAt(c.outbox);
  const derived = { ...c };
  if (at) derived.outboxDueAt = at;
  else delete derived.outboxDueAt;
  return derived;
}

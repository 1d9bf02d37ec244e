import { DateTime } from 'luxon';
import type { CaseService } from '../cases/case-service';
import type { Case } from '../domain/model/case';
import { AVE_FASE_LABELS } from '../domain/model/escalation';
import type { ReminderKind } from '../domain/model/reminder';
import type { Actor } from '../domain/model/roles';
import { actionOwner } from '../domain/stappenplan/reminders';
import { SEND_HOUR } from '../domain/werkdagen';
import { ZONE } from '../ports/clock';

/** What one thing on someone's list is: a reminder of theirs, a Deel B decision, an escalation, an action. */
export type TodoKind = 'herinnering' | 'besluit' | 'escalatie' | 'actie';

/** One thing due for a professional ("wat moet ik doen"), from a case as they may see it. */
export interface TodoItem {
  readonly caseId: string;
  readonly reference: string;
  readonly kind: TodoKind;
  /** What it is, in Dutch ("Besluit over Deel B"). */
  readonly title: string;
  /** A line about it, when the case holds one for them: the action's words, the escalation's question. */
  readonly detail?: string;
  /** The moment it is due (an instant), which the list is sorted by. */
  readonly at: string;
  /** A decision: the request, whose card the button brings. */
  readonly requestId?: string;
}

/** What each reminder asks of its recipient, as a line of a to-do list (not "…morgen": it may be weeks ahead). */
const TODO_LABELS: Readonly<Record<ReminderKind, string>> = Object.freeze({
  evaluatieVooraf: 'Evaluatie van het plan',
  evaluatie: 'Evaluatie van het plan',
  actie: 'Actie van het plan',
  uitvoering: 'Uitvoering starten',
  akkoord: 'Besluit over Deel B',
  akkoordEscaleren: 'Deel B wacht op een besluit',
  escalatie: 'Escalatie wacht op een uitkomst',
  escalatieOpschalen: 'Escalatie loopt vast',
  evaluatieNaRealisatie: 'Evaluatie (Deel C)',
  mdoMorgen: 'MDO',
});

/** The steps in which the plan's actions are carried out (as the reminders count them). */
const ACTION_STEPS: ReadonlySet<Case['step']> = new Set(['plan', 'onderbouwing', 'uitvoering', 'escaleren', 'evaluatie']);

const iso = (d: DateTime): string => d.toUTC().toISO() as string;

/**
 * Everything due for `userId` on these cases (as they may see them), one line per thing, sorted by the moment it is
 * due: Deel B requests they are asked to decide, escalations that ask them, actions of the plan that are theirs
 * (actionOwner) and still open, and their own reminders that are not done. A reminder about something already listed
 * (an action, a request, an escalation) is not listed twice, nor the two reminders of one evaluation.
 */
export function todoFor(cases: readonly Case[], userId: string): TodoItem[] {
  const items: TodoItem[] = [];
  for (const c of cases) {
    if (c.step === 'afgesloten') continue;
    const base = { caseId: c.id, reference: c.reference };
    const mine = c.reminders.filter((r) => r.to === userId && r.state !== 'done');
    const reminderAt = (kind: ReminderKind, ref: string) => {
      const r = mine.find((x) => x.kind === kind && x.ref === ref);
      return r && (r.state === 'snoozed' && r.snoozedUntil ? r.snoozedUntil : r.dueAt);
    };
    const covered = new Set<string>();

    for (const request of c.approvals) {
      if (request.status !== 'open' || !request.askedUserIds.includes(userId)) continue;
      covered.add(`akkoord:${request.id}`);
      items.push({ ...base, kind: 'besluit', title: TODO_LABELS.akkoord, at: reminderAt('akkoord', request.id) ?? request.requestedAt, requestId: request.id });
    }
    for (const e of c.escalaties) {
      if (e.afgerondAt || !e.askedUserIds.includes(userId)) continue;
      const ref = `${e.id}.f${e.aveFase}`;
      covered.add(`escalatie:${ref}`);
      const since = e.opschalingen.at(-1)?.at ?? e.openedAt;
      items.push({
        ...base,
        kind: 'escalatie',
        title: `Escalatie (${AVE_FASE_LABELS[e.aveFase].toLowerCase()}) wacht op jouw uitkomst`,
        ...(e.vraag && e.vraag !== '—' ? { detail: e.vraag } : {}),
        at: reminderAt('escalatie', ref) ?? since,
      });
    }
    if (ACTION_STEPS.has(c.step)) {
      for (const a of c.deelA.acties) {
        if ((a.status !== 'open' && a.status !== 'bezig') || actionOwner(c, a.wie) !== userId) continue;
        covered.add(`actie:${a.id}`);
        items.push({ ...base, kind: 'actie', title: TODO_LABELS.actie, detail: `${a.wat} (${a.wie})`, at: iso(DateTime.fromISO(a.wanneer, { zone: ZONE }).set({ hour: SEND_HOUR })) });
      }
    }
    for (const r of mine) {
      // The evaluation's two reminders (the werkdag before, the day) are one thing to do.
      const kind = r.kind === 'evaluatieVooraf' ? 'evaluatie' : r.kind;
      const key = `${kind}:${r.ref}`;
      if (covered.has(key)) continue;
      covered.add(key);
      const mdo = r.kind === 'mdoMorgen' ? c.mdos.find((m) => m.id === r.ref) : undefined;
      const ahead = kind === 'evaluatie' || kind === 'mdoMorgen';
      items.push({
        ...base,
        kind: 'herinnering',
        title: mdo ? `MDO ${mdo.nummer}` : TODO_LABELS[r.kind],
        at: r.state === 'snoozed' && r.snoozedUntil ? r.snoozedUntil : ahead ? r.sinds : r.dueAt,
      });
    }
  }
  return items.sort((a, b) => a.at.localeCompare(b.at) || a.reference.localeCompare(b.reference) || a.title.localeCompare(b.title));
}

/** At most this many cases are looked through (pages of 50): more is a matter for "mijn casussen". */
const MAX_CASES = 1000;

/** "Wat moet ik doen": {@link todoFor} over every open case the actor is on, as CaseService shows it to them. */
export async function todoOf(cases: CaseService, actor: Actor): Promise<TodoItem[]> {
  const all: Case[] = [];
  let token: string | undefined;
  do {
    const page = await cases.listMine(actor, { pageSize: 50, ...(token ? { continuationToken: token } : {}) });
    all.push(...page.items);
    token = page.continuationToken;
  } while (token && all.length < MAX_CASES);
  return todoFor(all, actor.userId);
}

import { z } from 'zod';
import { instant, userId } from './fields';
import { instanceId } from './outbox';
import { ORG_ROLES } from './roles';

/**
 * Herinneringen: reminders are data on the case, derived by the core from the case itself after every change
 * (services/domain/stappenplan/reminders.ts), each for one party (or, for the next AVE phase, for a role whose people
 * are looked up when it is sent), with a due moment and a state. The dispatcher claims due ones with the case's ETag
 * and marks them sent in the write that releases the claim (services/domain/reminders.ts). A reminder holds no content
 * of the case: the message is made from the case when it is sent.
 */
export const REMINDER_KINDS = [
  /** The evaluation after the MDO, one werkdag before the day (to the casusregisseur). */
  'evaluatieVooraf',
  /** The evaluation after the MDO, on the day (to the casusregisseur). */
  'evaluatie',
  /** An action of Deel A whose date has passed and that is not done (to whoever does it). */
  'actie',
  /** Uitvoering not started six weeks after the plan (stap 6 "binnen zes weken"). */
  'uitvoering',
  /** An approval request without a decision after the set werkdagen (to the approvers asked). */
  'akkoord',
  /** The same request twice as long: to the casusregisseur, with the offer to escalate (AVE). */
  'akkoordEscaleren',
  /** An escalation without an outcome after the set werkdagen (to whoever it asked: the procesregisseur). */
  'escalatie',
  /** The same escalation twice as long: to the people of the next AVE phase's role. */
  'escalatieOpschalen',
  /** Deel C: evaluate some months after the plan is realised (seed 000 stap 7). */
  'evaluatieNaRealisatie',
  /** An MDO on the next werkdag, to everyone invited. */
  'mdoMorgen',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** What each reminder is about, as a professional reads it ("Herinnering: …"). */
export const REMINDER_LABELS: Readonly<Record<ReminderKind, string>> = Object.freeze({
  evaluatieVooraf: 'Evaluatie binnenkort',
  evaluatie: 'Evaluatie van het plan',
  actie: 'Actie over de datum',
  uitvoering: 'Uitvoering nog niet gestart',
  akkoord: 'Besluit over Deel B gevraagd',
  akkoordEscaleren: 'Deel B wacht lang op een besluit',
  escalatie: 'Escalatie wacht op een uitkomst',
  escalatieOpschalen: 'Escalatie loopt vast',
  evaluatieNaRealisatie: 'Evaluatie (Deel C)',
  mdoMorgen: 'MDO binnenkort',
});

export const REMINDER_STATES = ['open', 'sent', 'snoozed', 'done'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/** A reminder's id: its kind, what it is about and for whom, so it is derived the same way on every write. */
export const reminderId = z.string().regex(/^[A-Za-z0-9:_\-.@>]{1,400}$/, { error: 'Die herinnering bestaat niet (meer).' });

export const reminder = z.object({
  id: reminderId,
  kind: z.enum(REMINDER_KINDS),
  /** The part of the case it is about: an action, an approval request, an escalation, an MDO. */
  ref: z.string().max(100),
  /** For whom; absent when it is for a role (`rol`), whose people are asked when it is sent. */
  to: userId.optional(),
  rol: z.enum(ORG_ROLES).optional(),
  /** A reminder made for one person of a role reminder (its id). */
  parent: reminderId.optional(),
  /** What it is about happened or was due then: the action's date, the request, the evaluation day. */
  sinds: instant,
  /** When it goes out: always on a werkdag in daytime (Europe/Amsterdam). */
  dueAt: instant,
  state: z.enum(REMINDER_STATES),
  sentAt: instant.optional(),
  /** Later herinneren: until when, and that it was used (once per reminder). */
  snoozedUntil: instant.optional(),
  uitgesteld: z.boolean().default(false),
  doneAt: instant.optional(),
  /** Delivery attempts that failed so far; the next is not before `notBefore`. */
  attempts: z.number().int().min(0).default(0),
  notBefore: instant.optional(),
  /** The dispatcher instance sending it now, until when (a crashed instance's claim runs out and is taken over). */
  claimedBy: instanceId.optional(),
  claimedUntil: instant.optional(),
});
export type Reminder = z.infer<typeof reminder>;

/** Reminders one case keeps at most: the oldest that are done go first. */
export const MAX_REMINDERS = 300;

/** The instant from which a reminder can be sent: open or snoozed, after its backoff and any claim; undefined otherwise. */
export function reminderReadyAt(r: Reminder): string | undefined {
  if (r.state !== 'open' && r.state !== 'snoozed') return undefined;
  let at = r.state === 'snoozed' && r.snoozedUntil ? r.snoozedUntil : r.dueAt;
  if (r.notBefore && r.notBefore > at) at = r.notBefore;
  if (r.claimedUntil && r.claimedUntil > at) at = r.claimedUntil;
  return at;
}

/** The earliest moment any reminder of the case can be sent (the indexed `nextDueAt`). */
export function remindersDueAt(reminders: readonly Reminder[]): string | undefined {
  let earliest: string | undefined;
  for (const r of reminders) {
    const at = reminderReadyAt(r);
    if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}

/** Reminders someone can still act on: not done, and for them. */
export const isOpenFor = (r: Reminder, userId: string): boolean => r.to === userId && r.state !== 'done';

/** Later herinneren: at most this many days ahead. */
export const MAX_SNOOZE_DAYS = 14;

/** What the reminders wait for, besides the approval policy's werkdagen. */
export interface ReminderPolicy {
  /** Werkdagen an escalation may go without an outcome before the procesregisseur is reminded (twice: the next phase). */
  readonly escalatieWerkdagen: number;
  /** Months after the plan is realised that Deel C is due (seed 000 stap 7: "bijvoorbeeld 3 maanden"). */
  readonly evaluatieNaMaanden: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { escalatieWerkdagen: 5, evaluatieNaMaanden: 3 };

import type { DateTime } from 'luxon';
import type { ApprovalPolicy } from '../model/approval';
import type { NaamEntry } from '../model/namen';
import type { ReminderPolicy } from '../model/reminder';
import type { Actor } from '../model/roles';
import type { WerkdagKalender } from '../werkdagen';

/**
 * Everything the pure state machine needs from outside, passed in: who acts, the time (the machine has no clock
 * of its own), the approval policy, the werkdag calendar, and an id source for new parts of a case.
 */
export interface MachineContext {
  readonly actor: Actor;
  readonly now: DateTime;
  readonly policy: ApprovalPolicy;
  readonly kalender: WerkdagKalender;
  /** What reminders wait for (defaults: DEFAULT_REMINDER_POLICY). */
  readonly reminders?: ReminderPolicy;
  /** Names of others the edge looked up for this command (the people it asks), remembered on the case. */
  readonly namen?: Readonly<Record<string, NaamEntry>>;
  newId(): string;
}

/** The instant of the context as the ISO string stored on a case. */
export const nowIso = (ctx: MachineContext): string => ctx.now.toUTC().toISO() as string;

import { z } from 'zod';
import { CONSENT_PARTS } from './consent';
import { entityId, instant, userId } from './fields';

/**
 * The case's outbox: notifications of a change to the other parties on the case, written by the state machine in the
 * same ETag write as the change itself, and delivered later by the dispatcher (services/notify/dispatcher.ts). An
 * item holds no content of the case: what kind of change, by whom, which part of the case it concerns (so delivery
 * can check that the recipient may still see that part); the message is made from the case at delivery.
 */
export const CHANGE_KINDS = [
  'partijToegevoegd',
  'partijVerwijderd',
  'toestemmingGewijzigd',
  'toestemmingIngetrokken',
  /** To the party itself, when its access ended (consent withdrawn, removed): no content at all. */
  'toegangBeeindigd',
  'casusregieOvergedragen',
  'mdoGepland',
  'mdoVerplaatst',
  'mdoGeannuleerd',
  'mdoAfgerond',
  'actieToegevoegd',
  'actieGewijzigd',
  'actieGedaan',
  'actieVerwijderd',
  'belemmering',
  'escalatieGeopend',
  'escalatieOpgeschaald',
  'escalatieAfgerond',
  'besluitDeelB',
  /** The casusregisseur spent under the mandaat (money for the household, so of Deel B): told with amount and purpose. */
  'mandaatUitgave',
  'evaluatie',
  'stap',
  'nieuweRonde',
  'casusAfgesloten',
  /** To the casusregisseur: a party's chat cannot be reached (the app blocked or removed). */
  'onbereikbaar',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change as a recipient hears of it. */
export const outboxChange = z.object({
  kind: z.enum(CHANGE_KINDS),
  /** Who made it (absent: the bot itself, e.g. an unreachable chat). */
  by: userId.optional(),
  /** The party it is about (added, removed, consent, unreachable). */
  subject: userId.optional(),
  /** The part of the case it concerns: a recipient without consent for that part does not hear of it. */
  part: z.enum(CONSENT_PARTS).optional(),
  /** The spending under the mandaat it is about (its id only: amount and purpose are read from the case at delivery). */
  uitgave: entityId.optional(),
});
export type OutboxChange = z.infer<typeof outboxChange>;

/** Changes one item keeps; beyond this the oldest are left out and the message says there were more. */
export const MAX_CHANGES_PER_ITEM = 30;
/** Items one case holds at most (about two per party: one being delivered, one collecting changes). */
export const MAX_OUTBOX_ITEMS = 200;

/** Who may claim an item: a bot instance's id. */
export const instanceId = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/);

export const outboxItem = z.object({
  id: entityId,
  /** When the first of its changes was made. */
  at: instant,
  to: userId,
  changes: z.array(outboxChange).min(1).max(MAX_CHANGES_PER_ITEM),
  /** Older changes were left out to keep the item bounded. */
  more: z.boolean().optional(),
  /** Delivery attempts that failed so far; the next is not before `notBefore` (backoff, Retry-After). */
  attempts: z.number().int().min(0),
  notBefore: instant.optional(),
  /** The dispatcher instance delivering it now, until when (a crashed instance's claim runs out and is taken over). */
  claimedBy: instanceId.optional(),
  claimedUntil: instant.optional(),
});
export type OutboxItem = z.infer<typeof outboxItem>;

/** The instant from which an item may be (re)claimed: after its backoff and after any claim on it ran out. */
export function readyAt(item: OutboxItem): string {
  let at = item.notBefore && item.notBefore > item.at ? item.notBefore : item.at;
  if (item.claimedUntil && item.claimedUntil > at) at = item.claimedUntil;
  return at;
}

/** The earliest instant at which some item of the outbox can be worked on (the indexed `outboxDueAt`). */
export function outboxDueAt(items: readonly OutboxItem[]): string | undefined {
  let earliest: string | undefined;
  for (const item of items) {
    const at = readyAt(item);
    if (earliest === undefined || at < earliest) earliest = at;
  }
  return earliest;
}

const sameChange = (a: OutboxChange, b: OutboxChange) => a.kind === b.kind && a.by === b.by && a.subject === b.subject && a.part === b.part && a.uitgave === b.uitgave;

/** The fields a case carries for its outbox. */
export interface WithOutbox {
  outbox: OutboxItem[];
  outboxSeq: number;
}

/**
 * Put changes in the outbox for `to`. One recipient has at most one item collecting changes (not claimed by a
 * dispatcher): new changes join it, so several changes (in one command or in several before delivery) become one
 * message. A change already in it is not repeated.
 */
export function enqueue(c: WithOutbox, to: string, changes: readonly OutboxChange[], at: string): void {
  if (changes.length === 0) return;
  const open = c.outbox.find((item) => item.to === to && item.claimedBy === undefined);
  if (open) {
    for (const change of changes) if (!open.changes.some((known) => sameChange(known, change))) open.changes.push(change);
    if (open.changes.length > MAX_CHANGES_PER_ITEM) {
      open.changes = open.changes.slice(-MAX_CHANGES_PER_ITEM);
      open.more = true;
    }
    return;
  }
  c.outboxSeq += 1;
  const unique = changes.filter((change, i) => changes.findIndex((other) => sameChange(other, change)) === i).slice(-MAX_CHANGES_PER_ITEM);
  c.outbox.push({ id: `ob${String(c.outboxSeq).padStart(6, '0')}`, at, to, changes: unique, attempts: 0 });
  // Bounded: with one collecting item per recipient this is reached only with hundreds of parties; the oldest go.
  if (c.outbox.length > MAX_OUTBOX_ITEMS) c.outbox.splice(0, c.outbox.length - MAX_OUTBOX_ITEMS);
}

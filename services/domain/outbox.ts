import { activeCasusregisseur, activeWorkers, type Case } from './model/case';
import { enqueue, readyAt, type OutboxChange, type OutboxItem } from './model/outbox';
import { sightOf } from './model/visibility';
import { withOutboxDueAt } from './stappenplan/derive';

/**
 * The dispatcher's decisions on a case's outbox, pure: which items an instance may claim, what a recipient may still
 * hear of an item, and how the outcome of a delivery is written back. Each result is written with the case's ETag, so
 * two instances never both hold a claim (the second write fails and re-reads).
 */

/**
 * Claim the items that are ready (`now` past their backoff, unclaimed or with a claim that ran out) for `instance`
 * until `now + leaseMs`, at most `max`. Undefined when there is nothing to claim.
 */
export function claimOutbox(c: Case, instance: string, now: Date, leaseMs: number, max: number): { next: Case; claimed: OutboxItem[] } | undefined {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const next = structuredClone(c);
  const claimed: OutboxItem[] = [];
  for (const item of next.outbox) {
    if (claimed.length >= max) break;
    if (readyAt(item) > at) continue;
    item.claimedBy = instance;
    item.claimedUntil = until;
    claimed.push(structuredClone(item));
  }
  return claimed.length ? { next: withOutboxDueAt(next), claimed } : undefined;
}

/**
 * The changes of an item that its recipient may hear of now, on the case as it is at delivery: a party that left the
 * case hears only that its access ended; everyone else only of the parts its consent (still) covers.
 */
export function deliverableChanges(c: Case, item: OutboxItem): OutboxChange[] {
  const active = activeWorkers(c).some((p) => p.userId === item.to);
  if (!active) return item.changes.filter((change) => change.kind === 'toegangBeeindigd');
  const sight = sightOf(c, item.to);
  return item.changes.filter((change) => change.kind !== 'toegangBeeindigd' && (change.part === undefined || sight.parts.has(change.part)));
}

/** What became of one claimed item. */
export type DeliveryOutcome =
  | { readonly id: string; readonly result: 'delivered' | 'dropped' | 'unreachable' }
  | { readonly id: string; readonly result: 'retry'; readonly notBefore: string };

/**
 * Write the outcomes back (the write that releases the claim). Delivered and dropped items leave the outbox (also when
 * another instance claimed them meanwhile: sent is sent). A retry counts an attempt and waits until `notBefore`, if the
 * claim is still ours. An unreachable recipient (the app blocked or removed) is marked on the case, and the first time
 * the casusregisseur hears of it once. Anything else still claimed by `instance` is released untouched.
 */
export function settleOutbox(c: Case, instance: string, outcomes: readonly DeliveryOutcome[], now: Date): Case {
  const next = structuredClone(c);
  const at = now.toISOString();
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  const kept: OutboxItem[] = [];
  const unreachable: string[] = [];
  for (const item of next.outbox) {
    const outcome = byId.get(item.id);
    const ours = item.claimedBy === instance;
    if (outcome?.result === 'delivered' || outcome?.result === 'dropped') {
      if (outcome.result === 'delivered') clearUnreachable(next, item.to);
      continue;
    }
    if (outcome?.result === 'unreachable') {
      unreachable.push(item.to);
      continue;
    }
    if (ours) {
      delete item.claimedBy;
      delete item.claimedUntil;
      if (outcome?.result === 'retry') {
        item.attempts += 1;
        item.notBefore = outcome.notBefore;
      }
    }
    kept.push(item);
  }
  next.outbox = kept;
  for (const to of new Set(unreachable)) markUnreachable(next, to, at);
  return withOutboxDueAt(next);
}

/** A delivery reached the party: it is reachable again. */
export function clearUnreachable(c: Case, userId: string): void {
  for (const p of c.professionals) if (p.userId === userId) delete p.onbereikbaarSinds;
}

/** The party's chat cannot be reached (the app blocked or removed): marked, and the casusregisseur hears of it once. */
export function markUnreachable(c: Case, userId: string, at: string): void {
  const party = c.professionals.find((p) => p.active && p.userId === userId);
  if (!party || party.onbereikbaarSinds) return;
  party.onbereikbaarSinds = at;
  const regisseur = activeCasusregisseur(c);
  if (regisseur && regisseur.userId !== userId) enqueue(c, regisseur.userId, [{ kind: 'onbereikbaar', subject: userId }], at);
}

/** Whether others will hear of what `actor` just did: the outbox holds a change of theirs for someone else. */
export function othersWillHear(c: Pick<Case, 'outbox'>, actor: string): boolean {
  return c.outbox.some((item) => item.to !== actor && item.changes.some((change) => change.by === actor));
}

import { z } from 'zod';
import { DomainError } from '../errors';
import { entityId, euroCents, instant, userId } from '../model/fields';
import { parseOrThrow } from '../model/validation';
import type { VersionedStore } from '../ports/versioned-store';
import { formatEuro as euro } from '../text/format';
import { retryOnConflict } from '../store/retry';

/** A budget period: a year (2026) or a quarter (2026-Q4). */
export const budgetPeriod = z.string().regex(/^\d{4}(-Q[1-4])?$/, { error: 'Een periode is een jaar (2026) of een kwartaal (2026-Q4).' });

/** The highest budget a beheerder can set: € 10.000.000,00. */
export const MAX_BUDGET_CENTS = 1_000_000_000;

/** A team's doorbraakbudget for a period, as a beheerder sets it; the refusals name the amount and the limit. */
export const budgetAmountCents = z
  .number({ error: 'Geef het budget als bedrag op.' })
  .int({ error: 'Het budget moet een bedrag in hele centen zijn.' })
  .min(0, { error: 'Een budget kan niet negatief zijn.' })
  .max(MAX_BUDGET_CENTS, { error: `Dat bedrag is te hoog; het budget kan hooguit ${euro(MAX_BUDGET_CENTS)} zijn.` });

export const booking = z.object({
  /** The approval request the grant belongs to: booking is idempotent on it. */
  requestId: entityId,
  caseId: entityId,
  amountCents: euroCents('het bedrag'),
  at: instant,
  by: userId,
});
export type Booking = z.infer<typeof booking>;

/** One doorbraakbudget: a team (or organisation) and a period, its amount, and every grant booked against it. */
export const budgetDocument = z
  .object({
    schemaVersion: z.literal(1),
    teamId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    period: budgetPeriod,
    amountCents: budgetAmountCents,
    setBy: userId,
    setAt: instant,
    bookings: z.array(booking).max(10_000),
  })
  .refine((b) => b.bookings.reduce((sum, x) => sum + x.amountCents, 0) <= b.amountCents, { error: 'Een budget kan nooit worden overschreden.' });
export type BudgetDocument = z.infer<typeof budgetDocument>;

export const booked = (b: BudgetDocument) => b.bookings.reduce((sum, x) => sum + x.amountCents, 0);
export const remaining = (b: BudgetDocument) => b.amountCents - booked(b);

const keyOf = (teamId: string, period: string) => `${teamId}:${period}`;

/**
 * The doorbraakbudget ledger. Every grant is booked against one document per team and period with optimistic
 * concurrency, so the budget can never be overdrawn, however many approvals land at once; a retried booking (same
 * request) is recognised and never books twice.
 */
export class BudgetLedger {
  constructor(
    private readonly store: VersionedStore<BudgetDocument>,
    private readonly options: { maxAttempts?: number; backoffMs?: number } = {},
  ) {}

  async get(teamId: string, period: string): Promise<BudgetDocument | undefined> {
    return (await this.store.get(keyOf(teamId, period)))?.value;
  }

  /** Set (or change) the budget; never below what has already been granted, never above {@link MAX_BUDGET_CENTS}. */
  async setBudget(input: { teamId: string; period: string; amountCents: number; by: string; at: string }): Promise<BudgetDocument> {
    parseOrThrow(budgetAmountCents, input.amountCents);
    return this.retrying(async () => {
      const key = keyOf(input.teamId, input.period);
      const current = await this.store.get(key);
      if (current && booked(current.value) > input.amountCents) {
        throw new DomainError('BUDGET.BELOW_BOOKED', `Er is al ${euro(booked(current.value))} toegekend; het budget kan niet lager dan dat.`);
      }
      const next: BudgetDocument = {
        schemaVersion: 1, teamId: input.teamId, period: input.period, amountCents: input.amountCents,
        setBy: input.by, setAt: input.at, bookings: current?.value.bookings ?? [],
      };
      return (current ? await this.store.replace(key, next, current.etag) : await this.store.create(key, next)).value;
    });
  }

  /** Book a grant. Idempotent on `requestId`; refuses with BUDGET.INSUFFICIENT when it would overdraw. */
  async book(teamId: string, period: string, grant: Booking): Promise<{ budget: BudgetDocument; alreadyBooked: boolean }> {
    const valid = booking.parse(grant);
    return this.retrying(async () => {
      const key = keyOf(teamId, period);
      const current = await this.store.get(key);
      if (!current) throw new DomainError('BUDGET.NOT_SET');
      if (current.value.bookings.some((b) => b.requestId === valid.requestId)) return { budget: current.value, alreadyBooked: true };
      const left = remaining(current.value);
      if (valid.amountCents > left) {
        throw new DomainError('BUDGET.INSUFFICIENT', `Het doorbraakbudget heeft nog ${euro(left)}; ${euro(valid.amountCents)} past daar niet in.`);
      }
      const next = { ...current.value, bookings: [...current.value.bookings, valid] };
      return { budget: (await this.store.replace(key, next, current.etag)).value, alreadyBooked: false };
    });
  }

  /**
   * Take a booking back (its request was not approved after all, e.g. another approver decided first). Idempotent:
   * releasing what is not booked changes nothing.
   */
  async release(teamId: string, period: string, requestId: string): Promise<void> {
    await this.retrying(async () => {
      const key = keyOf(teamId, period);
      const current = await this.store.get(key);
      if (!current || !current.value.bookings.some((b) => b.requestId === requestId)) return;
      const next = { ...current.value, bookings: current.value.bookings.filter((b) => b.requestId !== requestId) };
      await this.store.replace(key, next, current.etag);
    });
  }

  private retrying<T>(attempt: () => Promise<T>): Promise<T> {
    return retryOnConflict(attempt, this.options);
  }
}

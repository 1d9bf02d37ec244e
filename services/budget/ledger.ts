import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { entityId, euroCents, instant, userId } from '../domain/model/fields';
import { leefgebied } from '../domain/model/samenwerkplan';
import type { VersionedStore } from '../ports/versioned-store';
import { formatEuro as euro } from '../domain/text/format';
import { retryOnConflict } from '../ports/retry-on-conflict';
import { budgetPeriod, isQuarter, periodsAt, yearOfPeriod } from './period';

/** The highest budget a beheerder can set: € 10.000.000,00. */
export const MAX_BUDGET_CENTS = 1_000_000_000;

/** A team's doorbraakbudget for a period, as a beheerder sets it; the refusals name the amount and the limit. */
export const budgetAmountCents = z
  .number({ error: 'Geef het budget als bedrag op.' })
  .int({ error: 'Het budget moet een bedrag in hele centen zijn.' })
  .min(0, { error: 'Een budget kan niet negatief zijn.' })
  .max(MAX_BUDGET_CENTS, { error: `Dat bedrag is te hoog; het budget kan hooguit ${euro(MAX_BUDGET_CENTS)} zijn.` });

/** A grant booked on a period's budget; idempotent on the approval request. */
export const booking = z.object({
  /** The approval request the grant belongs to: booking is idempotent on it. */
  requestId: entityId,
  caseId: entityId,
  amountCents: euroCents('het bedrag'),
  at: instant,
  by: userId,
  /** Spent by the casusregisseur under the mandaat (without Deel B): reported apart from the approved grants. */
  mandaat: z.literal(true).optional(),
  /** The leefgebied the money serves (Deel B's verzoek or the mandaat spending): the resultaten count by it. */
  categorie: leefgebied.optional(),
});
export type Booking = z.infer<typeof booking>;

const teamIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const budgetEntry = z.object({
  period: budgetPeriod,
  amountCents: budgetAmountCents,
  setBy: userId,
  setAt: instant,
});

/**
 * The stored document: one per team and year, holding the year's budget (one year budget, or up to four quarter
 * budgets) and every grant booked in that year with the period it drew on. One document means a booking is one
 * read and one compare-and-swap write, whichever period it draws on, and a retried booking is recognised anywhere
 * in the year.
 */
export const budgetYearDocument = z
  .object({
    schemaVersion: z.literal(2),
    teamId: teamIdSchema,
    year: z.number().int().min(2000).max(2999),
    budgets: z.array(budgetEntry).max(4),
    bookings: z.array(booking.extend({ period: budgetPeriod })).max(10_000),
  })
  .superRefine((doc, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    const periods = doc.budgets.map((b) => b.period);
    if (new Set(periods).size !== periods.length) problem('Een periode heeft één budget.');
    if (periods.some((p) => yearOfPeriod(p) !== doc.year)) problem('Een budget hoort bij het jaar van het document.');
    if (periods.some(isQuarter) && periods.some((p) => !isQuarter(p))) problem('Een jaar heeft een jaarbudget of kwartaalbudgetten, niet allebei.');
    for (const entry of doc.budgets) {
      const sum = doc.bookings.filter((x) => x.period === entry.period).reduce((total, x) => total + x.amountCents, 0);
      if (sum > entry.amountCents) problem('Een budget kan nooit worden overschreden.');
    }
    if (doc.bookings.some((x) => !periods.includes(x.period))) problem('Een toekenning hoort bij een vastgesteld budget.');
  });
export type BudgetYearDocument = z.infer<typeof budgetYearDocument>;

/**
 * The document as the first version stored it (one per team and period). A year budget is read as the year's
 * document; a quarter budget of that version was never drawn on and is not read.
 */
const budgetDocumentV1 = z
  .object({
    schemaVersion: z.literal(1),
    teamId: teamIdSchema,
    period: z.string().regex(/^\d{4}$/),
    amountCents: z.number().int().min(0).max(MAX_BUDGET_CENTS),
    setBy: userId,
    setAt: instant,
    bookings: z.array(booking).max(10_000),
  })
  .transform(
    (v1): BudgetYearDocument => ({
      schemaVersion: 2,
      teamId: v1.teamId,
      year: Number(v1.period),
      budgets: [{ period: v1.period, amountCents: v1.amountCents, setBy: v1.setBy, setAt: v1.setAt }],
      bookings: v1.bookings.map((b) => ({ ...b, period: v1.period })),
    }),
  );

/** What the ledger store holds: the current document, or one of the first version (upgraded when read). */
export const budgetDocument = z.union([budgetYearDocument, budgetDocumentV1]) as unknown as z.ZodType<BudgetYearDocument>;

/** One period's budget as it is shown and checked: its amount and the grants that drew on it. */
export interface PeriodBudget {
  readonly teamId: string;
  readonly period: string;
  readonly amountCents: number;
  readonly setBy: string;
  readonly setAt: string;
  readonly bookings: readonly Booking[];
}

export const booked = (b: PeriodBudget) => b.bookings.reduce((sum, x) => sum + x.amountCents, 0);
export const remaining = (b: PeriodBudget) => b.amountCents - booked(b);
/** Of what a period granted, what casusregisseurs spent under their mandaat. */
export const bookedUnderMandaat = (b: PeriodBudget) => b.bookings.reduce((sum, x) => sum + (x.mandaat ? x.amountCents : 0), 0);

const keyOf = (teamId: string, year: number) => `${teamId}:${year}`;

function view(doc: BudgetYearDocument | undefined, period: string): PeriodBudget | undefined {
  const entry = doc?.budgets.find((b) => b.period === period);
  if (!doc || !entry) return undefined;
  const bookings = doc.bookings.filter((b) => b.period === period).map(({ period: _period, ...rest }) => rest);
  return { teamId: doc.teamId, ...entry, bookings };
}

/** The period a grant at `at` draws on, given the year's document: its quarter if the year is budgeted by quarter. */
function periodOf(doc: BudgetYearDocument | undefined, at: string): string {
  const { year, quarter } = periodsAt(at);
  return doc?.budgets.some((b) => isQuarter(b.period)) ? quarter : year;
}

/**
 * The doorbraakbudget ledger. Every grant is booked with optimistic concurrency on the team's document for the
 * year, so a budget can never be overdrawn however many approvals land at once; a retried booking (same request)
 * is recognised and never books twice.
 */
export class BudgetLedger {
  constructor(
    private readonly store: VersionedStore<BudgetYearDocument>,
    private readonly options: { maxAttempts?: number; backoffMs?: number } = {},
  ) {}

  /** One period's budget, or undefined when none is set for it. */
  async get(teamId: string, period: string): Promise<PeriodBudget | undefined> {
    return view((await this.store.get(keyOf(teamId, yearOfPeriod(period))))?.value, period);
  }

  /** How a team's year is budgeted (one read): as a whole (`year`), by quarter (`quarters`), or not at all (undefined). */
  async yearKind(teamId: string, year: number): Promise<'year' | 'quarters' | undefined> {
    const doc = (await this.store.get(keyOf(teamId, year)))?.value;
    if (!doc || doc.budgets.length === 0) return undefined;
    return doc.budgets.some((b) => isQuarter(b.period)) ? 'quarters' : 'year';
  }

  /** The budget a grant at `at` would draw on (one read): its period, and the budget when one is set. */
  async budgetAt(teamId: string, at: string): Promise<{ period: string; budget: PeriodBudget | undefined }> {
    const doc = (await this.store.get(keyOf(teamId, Number(periodsAt(at).year))))?.value;
    const period = periodOf(doc, at);
    return { period, budget: view(doc, period) };
  }

  /**
   * Set (or change) a period's budget: never below what it has granted, never above {@link MAX_BUDGET_CENTS}, and a
   * year has one year budget or quarter budgets, not both.
   */
  async setBudget(input: { teamId: string; period: string; amountCents: number; by: string; at: string }): Promise<PeriodBudget> {
    const period = budgetPeriod.parse(input.period);
    const amount = budgetAmountCents.safeParse(input.amountCents);
    if (!amount.success) throw new DomainError('BUDGET.INVALID_AMOUNT', amount.error.issues[0]?.message);
    const year = yearOfPeriod(period);
    return this.retrying(async () => {
      const key = keyOf(input.teamId, year);
      const current = await this.store.get(key);
      const doc: BudgetYearDocument = current?.value ?? { schemaVersion: 2, teamId: input.teamId, year, budgets: [], bookings: [] };
      const other = doc.budgets.find((b) => isQuarter(b.period) !== isQuarter(period));
      if (other) {
        throw new DomainError(
          'BUDGET.PERIOD_MIXED',
          isQuarter(period)
            ? `Voor ${year} is een jaarbudget vastgesteld; een kwartaalbudget kan daar niet naast. Verander het jaarbudget met **budget <bedrag> ${year}**.`
            : `Voor ${year} zijn kwartaalbudgetten vastgesteld; een jaarbudget kan daar niet naast. Verander een kwartaal met **budget <bedrag> ${year}-Q1** (t/m Q4).`,
        );
      }
      const granted = doc.bookings.filter((b) => b.period === period).reduce((sum, b) => sum + b.amountCents, 0);
      if (granted > input.amountCents) {
        throw new DomainError('BUDGET.BELOW_BOOKED', `Er is al ${euro(granted)} toegekend; het budget kan niet lager dan dat.`);
      }
      const entry = { period, amountCents: input.amountCents, setBy: input.by, setAt: input.at };
      const next: BudgetYearDocument = { ...doc, budgets: [...doc.budgets.filter((b) => b.period !== period), entry].sort((a, b) => a.period.localeCompare(b.period)) };
      const written = current ? await this.store.replace(key, next, current.etag) : await this.store.create(key, next);
      return view(written.value, period) as PeriodBudget;
    });
  }

  /**
   * Book a grant on the period that holds its date (its quarter when the year is budgeted by quarter, else its
   * year): one read and one write. Idempotent on `requestId`; BUDGET.NOT_SET without a budget for that period,
   * BUDGET.INSUFFICIENT when it would overdraw.
   */
  bookAt(teamId: string, grant: Booking): Promise<{ period: string; budget: PeriodBudget; alreadyBooked: boolean }> {
    return this.bookOn(teamId, grant, (doc) => periodOf(doc, grant.at));
  }

  /** Book a grant on a given period's budget; see {@link bookAt}. */
  async book(teamId: string, period: string, grant: Booking): Promise<{ budget: PeriodBudget; alreadyBooked: boolean }> {
    const { budget, alreadyBooked } = await this.bookOn(teamId, grant, () => budgetPeriod.parse(period), yearOfPeriod(period));
    return { budget, alreadyBooked };
  }

  /**
   * Take a booking back (its request was not approved after all, e.g. another approver decided first). Idempotent:
   * releasing what is not booked changes nothing. `at` is the moment it was booked for. Returns the budget a grant at
   * `at` draws on, as it is afterwards (so a caller needs no second read to show it).
   */
  async release(teamId: string, at: string, requestId: string): Promise<{ period: string; budget: PeriodBudget | undefined }> {
    return this.retrying(async () => {
      const key = keyOf(teamId, Number(periodsAt(at).year));
      const current = await this.store.get(key);
      const after = (doc: BudgetYearDocument | undefined) => ({ period: periodOf(doc, at), budget: view(doc, periodOf(doc, at)) });
      if (!current || !current.value.bookings.some((b) => b.requestId === requestId)) return after(current?.value);
      const next = { ...current.value, bookings: current.value.bookings.filter((b) => b.requestId !== requestId) };
      return after((await this.store.replace(key, next, current.etag)).value);
    });
  }

  private bookOn(
    teamId: string,
    grant: Booking,
    periodFor: (doc: BudgetYearDocument | undefined) => string,
    year = Number(periodsAt(grant.at).year),
  ): Promise<{ period: string; budget: PeriodBudget; alreadyBooked: boolean }> {
    const valid = booking.parse(grant);
    return this.retrying(async () => {
      const key = keyOf(teamId, year);
      const current = await this.store.get(key);
      const earlier = current?.value.bookings.find((b) => b.requestId === valid.requestId);
      if (current && earlier) return { period: earlier.period, budget: view(current.value, earlier.period) as PeriodBudget, alreadyBooked: true };
      const period = periodFor(current?.value);
      const budget = view(current?.value, period);
      if (!current || !budget) throw new DomainError('BUDGET.NOT_SET');
      const left = remaining(budget);
      if (valid.amountCents > left) {
        throw new DomainError('BUDGET.INSUFFICIENT', `Het doorbraakbudget heeft nog ${euro(left)}; ${euro(valid.amountCents)} past daar niet in.`);
      }
      const next = { ...current.value, bookings: [...current.value.bookings, { ...valid, period }] };
      const written = await this.store.replace(key, next, current.etag);
      return { period, budget: view(written.value, period) as PeriodBudget, alreadyBooked: false };
    });
  }

  private retrying<T>(attempt: () => Promise<T>): Promise<T> {
    return retryOnConflict(attempt, this.options);
  }
}

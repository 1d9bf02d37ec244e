import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../ports/clock';

/**
 * The one definition of a doorbraakbudget period, used by setting, booking, showing and reporting: a year (`2026`)
 * or a quarter (`2026-Q4`), in Helmond's time. A team's year holds either one year budget or quarter budgets, and a
 * grant draws on the period that holds its date: its quarter when the year is budgeted by quarter, else its year.
 */
export const budgetPeriod = z.string().regex(/^\d{4}(-Q[1-4])?$/, { error: 'Een periode is een jaar (2026) of een kwartaal (2026-Q4).' });

/** The year a period belongs to. */
export const yearOfPeriod = (period: string): number => Number(period.slice(0, 4));

export const isQuarter = (period: string): boolean => period.length > 4;

/** The year and the quarter that hold a moment, in Helmond's time. */
export function periodsAt(at: string | DateTime): { readonly year: string; readonly quarter: string } {
  const local = (typeof at === 'string' ? DateTime.fromISO(at, { setZone: true }) : at).setZone(ZONE);
  return { year: String(local.year), quarter: `${local.year}-Q${local.quarter}` };
}

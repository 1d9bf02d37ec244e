/**
 * The calendar of a resultaten report, in Europe/Amsterdam: a budget period's bounds and months, and the days, months
 * and werkdagen of instants (remembered per report, so 100,000 cases cost few time-zone conversions).
 */
import { DateTime } from 'luxon';
import { ZONE } from '../../ports/clock';
import type { WerkdagKalender } from '../werkdagen';

/** A period's bounds in Europe/Amsterdam: its first moment, the first moment after it, and its months (`2026-03`). */
export function periodeGrenzen(periode: string): { readonly van: DateTime; readonly tot: DateTime; readonly maanden: readonly string[] } {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(periode);
  if (!match) throw new Error(`Not a budget period: ${periode}`);
  const quarter = match[2] ? Number(match[2]) : undefined;
  const van = DateTime.fromObject({ year: Number(match[1]), month: quarter ? (quarter - 1) * 3 + 1 : 1, day: 1 }, { zone: ZONE });
  const months = quarter ? 3 : 12;
  const maanden = Array.from({ length: months }, (_, i) => van.plus({ months: i }).toFormat('yyyy-MM'));
  return { van, tot: van.plus({ months }), maanden };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Amsterdam calendar days and months of instants, and werkdagen between them, remembered per call: luxon asks Intl
 * for a zone offset on each conversion, which for 100,000 cases of distinct instants was most of a report's time.
 * Amsterdam's offset is whole hours, so every instant in one UTC hour lies on one Amsterdam day; a period holds at
 * most 8,784 hours and 366 days, so this is bounded whatever the number of cases.
 */
export function amsterdamseDagen(kalender: WerkdagKalender) {
  const perUur = new Map<number, { readonly dag: number; readonly maand: string }>();
  const werkdag = new Map<number, boolean>();
  const dagVan = (iso: string) => {
    const uur = Math.floor(Date.parse(iso) / HOUR);
    let found = perUur.get(uur);
    if (!found) {
      const local = DateTime.fromMillis(uur * HOUR, { zone: ZONE });
      found = { dag: Math.floor((uur * HOUR + local.offset * 60_000) / DAY), maand: local.toFormat('yyyy-MM') };
      perUur.set(uur, found);
    }
    return found;
  };
  const isWerkdag = (dag: number) => {
    let found = werkdag.get(dag);
    if (found === undefined) {
      // Noon UTC of the date is 13:00 or 14:00 in Amsterdam: the same calendar day.
      found = kalender.isWerkdag(DateTime.fromMillis(dag * DAY + 12 * HOUR, { zone: ZONE }));
      werkdag.set(dag, found);
    }
    return found;
  };
  return {
    /** Kalenderdagen between the Amsterdam days of two instants. */
    dagenTussen: (from: string, to: string) => dagVan(to).dag - dagVan(from).dag,
    /** Werkdagen after the day of `from` up to and including that of `to`, as WerkdagKalender.werkdagenTussen. */
    werkdagenTussen: (from: string, to: string) => {
      let count = 0;
      for (let dag = dagVan(from).dag + 1, end = dagVan(to).dag; dag <= end; dag++) if (isWerkdag(dag)) count++;
      return count;
    },
    maandVan: (iso: string) => dagVan(iso).maand,
  };
}

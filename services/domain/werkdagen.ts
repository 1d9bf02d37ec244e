import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { ZONE } from '../ports/clock';

/**
 * Werkdagen: Monday to Friday, not a Dutch public holiday (Nieuwjaarsdag, Pasen, Koningsdag, Hemelvaart,
 * Pinksteren, Kerst; the holidays date-holidays marks as `public` for NL). Bevrijdingsdag and Goede Vrijdag are
 * not counted as holidays: most wijkteams work then.
 */
export interface WerkdagKalender {
  isWerkdag(day: DateTime): boolean;
  /** The Dutch name of the public holiday on that day, if any. */
  feestdag(day: DateTime): string | undefined;
  /** Whole werkdagen after `from` up to and including `to` (0 when `to` is not later). */
  werkdagenTussen(from: DateTime, to: DateTime): number;
  /** The day `count` werkdagen after `from` (same time of day). */
  plusWerkdagen(from: DateTime, count: number): DateTime;
}

/** Create a calendar; it remembers the holidays of each year it has looked at. */
export function createWerkdagKalender(): WerkdagKalender {
  const holidays = new Holidays('NL');
  const perYear = new Map<number, Map<string, string>>();

  const holidaysOf = (year: number): Map<string, string> => {
    let days = perYear.get(year);
    if (!days) {
      days = new Map(
        holidays
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => [h.date.slice(0, 10), h.name] as const),
      );
      perYear.set(year, days);
    }
    return days;
  };

  const feestdag = (day: DateTime): string | undefined => {
    const local = day.setZone(ZONE);
    return holidaysOf(local.year).get(local.toISODate() ?? '');
  };
  const isWerkdag = (day: DateTime): boolean => day.setZone(ZONE).weekday <= 5 && feestdag(day) === undefined;

  return {
    isWerkdag,
    feestdag,
    werkdagenTussen(from, to) {
      let count = 0;
      let day = from.setZone(ZONE).startOf('day').plus({ days: 1 });
      const end = to.setZone(ZONE).startOf('day');
      while (day <= end) {
        if (isWerkdag(day)) count++;
        day = day.plus({ days: 1 });
      }
      return count;
    },
    plusWerkdagen(from, count) {
      let day = from.setZone(ZONE);
      let left = count;
      while (left > 0) {
        day = day.plus({ days: 1 });
        if (isWerkdag(day)) left--;
      }
      return day;
    },
  };
}

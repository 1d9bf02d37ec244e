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
  /** The last werkdag before `day` (same time of day). */
  vorigeWerkdag(day: DateTime): DateTime;
}

/** Reminders go out on werkdagen between these hours (Europe/Amsterdam); outside them at `SEND_HOUR` on the next werkdag. */
export const DAYTIME = { from: 8, until: 18 } as const;
export const SEND_HOUR = 9;

/**
 * The moment a reminder due at `at` may go out: `at` itself on a werkdag in daytime, else 09:00 on the next werkdag
 * (09:00 the same day when it is early morning on a werkdag). Nothing at night, at the weekend or on a holiday.
 */
export function sendMoment(at: DateTime, kalender: WerkdagKalender): DateTime {
  const local = at.setZone(ZONE);
  if (kalender.isWerkdag(local) && local.hour >= DAYTIME.from && local.hour < DAYTIME.until) return local;
  const nine = (d: DateTime) => d.set({ hour: SEND_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (kalender.isWerkdag(local) && local.hour < DAYTIME.from) return nine(local);
  let day = local.startOf('day').plus({ days: 1 });
  while (!kalender.isWerkdag(day)) day = day.plus({ days: 1 });
  return nine(day);
}

/** Whether nothing may go out now (night, weekend, holiday). */
export const isQuietTime = (at: DateTime, kalender: WerkdagKalender): boolean => sendMoment(at, kalender).toMillis() !== at.toMillis();

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
    vorigeWerkdag(day) {
      let d = day.setZone(ZONE).minus({ days: 1 });
      while (!isWerkdag(d)) d = d.minus({ days: 1 });
      return d;
    },
  };
}

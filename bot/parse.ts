import { DateTime } from 'luxon';
import { ZONE } from '../services/ports/clock';

/**
 * Dates as professionals type them: 26-11-2026, 26/11/2026, 26-11 (this year, or next when already past),
 * or 2026-11-26. Returns YYYY-MM-DD, or undefined when it is not a real date.
 */
export function parseDutchDate(text: string, now: DateTime): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}))?$/.exec(trimmed);
  let date: DateTime | undefined;
  if (iso) date = DateTime.fromObject({ year: +iso[1]!, month: +iso[2]!, day: +iso[3]! }, { zone: ZONE });
  else if (dutch) {
    const today = now.setZone(ZONE).startOf('day');
    date = DateTime.fromObject({ year: dutch[3] ? +dutch[3] : today.year, month: +dutch[2]!, day: +dutch[1]! }, { zone: ZONE });
    if (!dutch[3] && date.isValid && date < today) date = date.plus({ years: 1 });
  }
  return date?.isValid ? (date.toISODate() as string) : undefined;
}

/** Why a typed date for something still to happen (a deadline, an afspraak) is refused. */
export const DATE_UNREADABLE = 'Die datum kan ik niet lezen; schrijf hem als dd-mm-jjjj.';
export const DATE_PAST = 'Die datum is al voorbij; kies vandaag of een latere datum.';

/** A date for something still to happen: YYYY-MM-DD, or the Dutch sentence why not (unreadable, in the past). */
export function upcomingDate(text: string, now: DateTime): { date: string } | { refusal: string } {
  const date = parseDutchDate(text, now);
  if (!date) return { refusal: DATE_UNREADABLE };
  return date < (now.setZone(ZONE).toISODate() as string) ? { refusal: DATE_PAST } : { date };
}

/** Why a date of something that already happened (the inwoner's consent) is refused. */
export const DATE_FUTURE = 'Die datum ligt in de toekomst; kies vandaag of een eerdere datum.';

/** A date (YYYY-MM-DD) of something that already happened: undefined when it is today or earlier, else the refusal. */
export function futureDateRefusal(date: string, now: DateTime): string | undefined {
  return date > (now.setZone(ZONE).toISODate() as string) ? DATE_FUTURE : undefined;
}

/** Euro amounts as typed: "€ 1.250,00", "1250", "1.250", "1250,5" → cents; undefined when not an amount. */
export function parseEuroCents(text: string): number | undefined {
  const cleaned = text.replace(/€|eur(o)?/gi, '').replace(/\s/g, '');
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const euros = Number((match[1] as string).replace(/\./g, ''));
  const cents = match[2] ? Number(match[2].padEnd(2, '0')) : 0;
  return euros * 100 + cents;
}

/**
 * Like parseEuroCents, but a minus sign in front ("-50", "€ -50", "- € 50") gives a negative amount, so the
 * amount's schema can refuse it in Dutch ("te laag", "niet negatief") instead of "not an amount".
 */
export function parseSignedEuroCents(text: string): number | undefined {
  const negative = /^\s*(€\s*)?-\s*(.*)$/.exec(text);
  if (!negative) return parseEuroCents(text);
  const cents = parseEuroCents(`${negative[1] ?? ''}${negative[2] ?? ''}`);
  return cents === undefined ? undefined : -cents;
}

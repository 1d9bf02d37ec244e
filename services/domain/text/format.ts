import { DateTime } from 'luxon';
import { ZONE } from '../../ports/clock';

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** An amount in euro cents as Dutch readers write it: "€ 1.250,00". (One formatter: making one costs far more than using it.) */
export function formatEuro(cents: number): string {
  return EURO.format(cents / 100);
}

/** A date or moment as a Dutch date in Helmond: "7 januari 2027". */
export function formatDutchDate(value: string | DateTime): string {
  const moment = typeof value === 'string' ? DateTime.fromISO(value, { zone: ZONE }) : value;
  return moment.setZone(ZONE).setLocale('nl').toFormat('d LLLL yyyy');
}

import { DateTime, Interval } from 'luxon';
import { ZONE } from '../ports/clock';
import type { WerkdagKalender } from '../domain/werkdagen';
import type { Busy } from '../ports/calendar';


export interface SlotSearch {
  /** Busy periods per attendee (only professionals: the inwoner is not in anyone's calendar). */
  readonly busy: Readonly<Record<string, readonly Busy[]>>;
  /** Search from this moment on (slots start at least an hour later, so nobody is surprised). */
  readonly from: DateTime;
  readonly durationMinutes: number;
  readonly werkdagen?: number;
  /** Working hours in Europe/Amsterdam, e.g. 9 to 17. */
  readonly dayStartHour?: number;
  readonly dayEndHour?: number;
  readonly count?: number;
}

/**
 * The best moments for an MDO: on werkdagen (Monday to Friday, no Dutch public holiday) within working hours in
 * Europe/Amsterdam, everyone free, over the next ten werkdagen. "Best" means early, but at most one proposal per
 * day, so the professional can choose between days. Times are local, so a daylight-saving change moves nothing.
 */
export function findSlots(search: SlotSearch, kalender: WerkdagKalender): Interval[] {
  const duration = { minutes: search.durationMinutes };
  const dayStart = search.dayStartHour ?? 9;
  const dayEnd = search.dayEndHour ?? 17;
  const earliest = search.from.setZone(ZONE).plus({ hours: 1 });
  const busy = Object.values(search.busy)
    .flat()
    .map((b) => Interval.fromDateTimes(DateTime.fromISO(b.start), DateTime.fromISO(b.end)))
    .filter((i) => i.isValid);
  const slots: Interval[] = [];
  let day = earliest.startOf('day');
  for (let werkdagen = 0; werkdagen < (search.werkdagen ?? 10) && slots.length < (search.count ?? 3); day = day.plus({ days: 1 })) {
    if (!kalender.isWerkdag(day)) continue;
    werkdagen++;
    for (let start = day.set({ hour: dayStart }); start.plus(duration) <= day.set({ hour: dayEnd }); start = start.plus({ minutes: 30 })) {
      if (start < earliest) continue;
      const slot = Interval.fromDateTimes(start, start.plus(duration));
      if (busy.some((b) => b.overlaps(slot))) continue;
      slots.push(slot);
      break; // one proposal per day
    }
  }
  return slots;
}

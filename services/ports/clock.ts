import { DateTime, IANAZone } from 'luxon';

/** Offsets remembered per quarter of an hour; beyond this many quarters (about three months) the memory starts over. */
const REMEMBERED_QUARTERS = 10_000;
const QUARTER_MS = 15 * 60 * 1000;

/**
 * An IANA time zone that remembers its UTC offset per quarter of an hour since the epoch. Luxon asks Intl for the
 * offset (a `formatToParts` call) on every conversion, which was the largest single item of a time-heavy turn
 * (an approval press: 4.5 % of its CPU). Every offset change of today's zones falls on a quarter hour in UTC
 * (Europe/Amsterdam changes at 01:00 UTC), so within one quarter the offset is one number.
 */
export class RememberingZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      offset = super.offset(ts);
      if (this.offsets.size >= REMEMBERED_QUARTERS) this.offsets.clear();
      this.offsets.set(quarter, offset);
    }
    return offset;
  }
}

/** The product's time zone: every date a professional sees or types is in Europe/Amsterdam. */
export const ZONE = new RememberingZone('Europe/Amsterdam');

/** Time as a port, so logic never calls `new Date()` and tests can freeze or move it. */
export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = { now: () => DateTime.now().setZone(ZONE) };

/** A clock that stands still until moved: for tests and benchmarks. */
export class FixedClock implements Clock {
  private current: DateTime;

  constructor(start: DateTime | string) {
    this.current = (typeof start === 'string' ? DateTime.fromISO(start) : start).setZone(ZONE);
  }

  now(): DateTime {
    return this.current;
  }

  set(to: DateTime | string): void {
    this.current = (typeof to === 'string' ? DateTime.fromISO(to) : to).setZone(ZONE);
  }

  advance(duration: { days?: number; hours?: number; minutes?: number; weeks?: number }): void {
    this.current = this.current.plus(duration);
  }
}

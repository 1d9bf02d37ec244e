import { DateTime } from 'luxon';

/** The product's time zone: every date a professional sees or types is in Europe/Amsterdam. */
export const ZONE = 'Europe/Amsterdam';

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

import { z } from 'zod';
import { isDomainError } from '../domain/errors';
import { instant } from '../domain/model/fields';
import type { VersionedStore } from '../ports/versioned-store';

export const leaseDocument = z.object({
  schemaVersion: z.literal(1),
  /** Which bot instance holds it. */
  owner: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/),
  until: instant,
});
export type LeaseDocument = z.infer<typeof leaseDocument>;

/**
 * Leases on due work (a reminder to send), so that several bot instances can sweep side by side and each reminder
 * is sent by exactly one of them. A lease is claimed with create-if-absent or an ETag replace of an expired one;
 * whoever loses that race does not send.
 */
export class ReminderLeases {
  constructor(private readonly store: VersionedStore<LeaseDocument>) {}

  /** True when `owner` now holds the lease on `key` until `now + ttlMs`. */
  async claim(key: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
    const lease: LeaseDocument = { schemaVersion: 1, owner, until: new Date(now.getTime() + ttlMs).toISOString() };
    try {
      const current = await this.store.get(key);
      if (!current) {
        await this.store.create(key, lease);
        return true;
      }
      const held = current.value.owner !== owner && new Date(current.value.until) > now;
      if (held) return false;
      await this.store.replace(key, lease, current.etag);
      return true;
    } catch (error) {
      if (isDomainError(error, 'STORE.CONFLICT') || isDomainError(error, 'STORE.ALREADY_EXISTS')) return false;
      throw error;
    }
  }
}

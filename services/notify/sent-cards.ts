import { z } from 'zod';
import { isDomainError } from '../errors';
import { userId } from '../model/fields';
import type { VersionedStore } from '../ports/versioned-store';

/** Which card copies went to whom for one request, so all of them can be updated after a decision. */
export const sentCardsDocument = z.object({
  schemaVersion: z.literal(1),
  cards: z.array(z.object({ userId, activityId: z.string().min(1).max(300) })).max(100),
});
export type SentCardsDocument = z.infer<typeof sentCardsDocument>;

export class SentCards {
  constructor(private readonly store: VersionedStore<SentCardsDocument>) {}

  async record(key: string, card: { userId: string; activityId: string }): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.store.get(key);
      const next = { schemaVersion: 1 as const, cards: [...(current?.value.cards ?? []), card] };
      try {
        if (current) await this.store.replace(key, next, current.etag);
        else await this.store.create(key, next);
        return;
      } catch (error) {
        if (!isDomainError(error, 'STORE.CONFLICT') && !isDomainError(error, 'STORE.ALREADY_EXISTS')) throw error;
      }
    }
  }

  async list(key: string): Promise<SentCardsDocument['cards']> {
    return (await this.store.get(key))?.value.cards ?? [];
  }
}

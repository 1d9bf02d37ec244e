import { z } from 'zod';
import { userId } from '../domain/model/fields';
import type { VersionedStore } from '../ports/versioned-store';
import { retryOnConflict } from '../ports/retry-on-conflict';

/** Which card copies went to whom for one request, so all of them can be updated after a decision. */
export const sentCardsDocument = z.object({
  schemaVersion: z.literal(1),
  cards: z.array(z.object({ userId, activityId: z.string().min(1).max(300) })).max(100),
});
export type SentCardsDocument = z.infer<typeof sentCardsDocument>;

export class SentCards {
  constructor(private readonly store: VersionedStore<SentCardsDocument>) {}

  async record(key: string, card: { userId: string; activityId: string }): Promise<void> {
    await retryOnConflict(async () => {
      const current = await this.store.get(key);
      const next = { schemaVersion: 1 as const, cards: [...(current?.value.cards ?? []), card] };
      if (current) await this.store.replace(key, next, current.etag);
      else await this.store.create(key, next);
    }, { maxAttempts: 20 });
  }

  async list(key: string): Promise<SentCardsDocument['cards']> {
    return (await this.store.get(key))?.value.cards ?? [];
  }
}

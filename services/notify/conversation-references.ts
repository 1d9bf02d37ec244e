import { z } from 'zod';
import type { VersionedStore } from '../ports/versioned-store';

/**
 * Where to reach a professional proactively (an approval card, a reminder): the minimum of a Bot Framework
 * conversation reference for their personal chat with the bot. No names, no message content.
 */
export const conversationReference = z.object({
  schemaVersion: z.literal(1),
  channelId: z.string().max(50),
  serviceUrl: z.string().url().max(500),
  conversationId: z.string().min(1).max(500),
  tenantId: z.string().max(100).optional(),
  userChannelId: z.string().min(1).max(300),
  botId: z.string().min(1).max(300),
});
export type StoredConversationReference = z.infer<typeof conversationReference>;

/** One reference per Teams user (last one wins: the personal chat they last used). */
export class ConversationReferences {
  constructor(private readonly store: VersionedStore<StoredConversationReference>) {}

  async remember(userId: string, reference: Omit<StoredConversationReference, 'schemaVersion'>): Promise<void> {
    const current = await this.store.get(userId);
    const next = { schemaVersion: 1 as const, ...reference };
    if (current && JSON.stringify(current.value) === JSON.stringify(next)) return; // nothing changed: no write
    await this.store.upsert(userId, next);
  }

  async lookup(userId: string): Promise<StoredConversationReference | undefined> {
    return (await this.store.get(userId))?.value;
  }
}

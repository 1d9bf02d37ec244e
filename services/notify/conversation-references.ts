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

export interface WaitOptions {
  /** Give up after this long: resolve with undefined. */
  readonly timeoutMs: number;
  /**
   * Also look in the store this often, for a reference remembered by another bot instance (the installationUpdate
   * may reach any of them). Unset: only this process's `remember` wakes the waiter.
   */
  readonly pollMs?: number;
  /** Stop waiting early (resolve with undefined), e.g. when the install turned out not to happen. */
  readonly signal?: AbortSignal;
}

type Wake = (reference: StoredConversationReference) => void;

/** One reference per Teams user (last one wins: the personal chat they last used). */
export class ConversationReferences {
  /** Who waits for whose reference, in this process. */
  private readonly waiting = new Map<string, Set<Wake>>();

  constructor(private readonly store: VersionedStore<StoredConversationReference>) {}

  async remember(userId: string, reference: Omit<StoredConversationReference, 'schemaVersion'>): Promise<void> {
    const current = await this.store.get(userId);
    const next = { schemaVersion: 1 as const, ...reference };
    // Unchanged: no write, but a waiter is still woken (it may have started after the last write).
    if (!current || JSON.stringify(current.value) !== JSON.stringify(next)) await this.store.upsert(userId, next);
    for (const wake of [...(this.waiting.get(userId) ?? [])]) wake(next);
  }

  async lookup(userId: string): Promise<StoredConversationReference | undefined> {
    return (await this.store.get(userId))?.value;
  }

  /**
   * The user's reference once it is remembered, or undefined when the wait ends without one. Start waiting before
   * whatever makes Teams send it (an install), so an early arrival is not missed.
   */
  waitFor(userId: string, options: WaitOptions): Promise<StoredConversationReference | undefined> {
    return new Promise((resolve) => {
      const wakers = this.waiting.get(userId) ?? new Set<Wake>();
      this.waiting.set(userId, wakers);
      let settled = false;
      const finish = (reference: StoredConversationReference | undefined) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        options.signal?.removeEventListener('abort', stop);
        wakers.delete(finish);
        if (wakers.size === 0 && this.waiting.get(userId) === wakers) this.waiting.delete(userId);
        resolve(reference);
      };
      const stop = () => finish(undefined);
      wakers.add(finish);
      const timer = setTimeout(stop, options.timeoutMs);
      const poll = options.pollMs
        ? setInterval(() => {
            this.lookup(userId).then((found) => found && finish(found), () => undefined);
          }, options.pollMs)
        : undefined;
      if (options.signal?.aborted) stop();
      else options.signal?.addEventListener('abort', stop, { once: true });
    });
  }
}

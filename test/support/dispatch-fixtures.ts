import { CosmosCaseStore } from '../../services/adapters/cosmos/cosmos-case-store';
import type { ConversationReferences } from '../../services/notify/conversation-references';
import type { CosmosTestServer } from './cosmos-server';
import type { ConnectorCall } from './local-connector';

/** The personal chat of a professional at the local connector, in the dispatcher tests. */
export const conversationOf = (userId: string): string => `conv-${userId}`;

/** Everyone named has a personal chat with the bot at the local connector (`serviceUrl`). */
export const rememberReachable = (references: ConversationReferences, serviceUrl: string, userIds: readonly string[]) =>
  Promise.all(userIds.map((userId) => references.remember(userId, { channelId: 'msteams', serviceUrl, conversationId: conversationOf(userId), userChannelId: `29:${userId}`, botId: '28:bot' })));

/** A fresh database and `n` stores on it: `n` bot instances side by side. */
export async function cosmosStores(cosmos: CosmosTestServer, n: number): Promise<CosmosCaseStore[]> {
  const database = cosmos.freshDatabase();
  const first = await CosmosCaseStore.open(cosmos.client(), database);
  return [first, ...(await Promise.all(Array.from({ length: n - 1 }, () => CosmosCaseStore.open(cosmos.client(), database))))];
}

/** How many messages each (conversation, kenmerk) got, keyed `<conversation> <kenmerk>`. */
export function deliveriesPerCase(calls: readonly ConnectorCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const reference = /HA-\d{4}-[0-9A-Z]{6}/.exec(String(call.body.text))?.[0];
    const key = `${call.conversationId} ${reference}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationReferences, StoredConversationReference } from '../services/notify/conversation-references';
import type { Notifier, OutgoingMessage } from '../services/ports/notifier';

function toReference(ref: StoredConversationReference): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: { id: ref.conversationId, conversationType: 'personal', isGroup: false, name: '', ...(ref.tenantId ? { tenantId: ref.tenantId } : {}) },
    user: { id: ref.userChannelId, name: '' },
    bot: { id: ref.botId, name: '' },
  };
}

/** A turn in a professional's personal chat with the bot, started by the bot. */
export interface PersonalChat {
  inPersonalChat(userId: string, work: (turn: TurnContext) => Promise<void>): Promise<boolean>;
}

/**
 * Proactive messages through the CloudAdapter (continueConversationAsync) to the personal chat a professional last
 * used. The adapter is attached once the HTTP edge exists (it owns the adapter).
 */
export class ProactiveNotifier implements Notifier, PersonalChat {
  private adapter: CloudAdapter | undefined;
  private botAppId = '';

  constructor(private readonly references: ConversationReferences) {}

  attach(adapter: CloudAdapter, botAppId: string | undefined): void {
    this.adapter = adapter;
    this.botAppId = botAppId ?? '';
  }

  async send(userId: string, message: OutgoingMessage): Promise<string | undefined> {
    const ref = await this.references.lookup(userId);
    if (!ref || !this.adapter) return undefined;
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, toReference(ref), async (turn) => {
      id = (await turn.sendActivity({ type: 'message', ...message, attachments: message.attachments ? [...message.attachments] : undefined }))?.id;
    });
    return id;
  }

  /**
   * Run `work` as a turn in the professional's personal chat with the bot (for a case command asked in a group chat,
   * whose answer must not be read by the group). False when there is no personal chat to continue yet.
   */
  async inPersonalChat(userId: string, work: (turn: TurnContext) => Promise<void>): Promise<boolean> {
    const ref = await this.references.lookup(userId);
    if (!ref || !this.adapter) return false;
    await this.adapter.continueConversationAsync(this.botAppId, toReference(ref), work);
    return true;
  }

  async update(userId: string, activityId: string, message: OutgoingMessage): Promise<boolean> {
    const ref = await this.references.lookup(userId);
    if (!ref || !this.adapter) return false;
    await this.adapter.continueConversationAsync(this.botAppId, toReference(ref), async (turn) => {
      await turn.updateActivity({ type: 'message', id: activityId, ...message, attachments: message.attachments ? [...message.attachments] : undefined });
    });
    return true;
  }
}

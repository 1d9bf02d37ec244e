import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { StoredConversationReference } from '../services/notify/conversation-references';
import type { ProactiveReach } from '../services/notify/proactive-reach';
import type { Notifier, OutgoingMessage } from '../services/ports/notifier';
import { silentLogger, type Logger } from './logging';

function toReference(ref: StoredConversationReference): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: { id: ref.conversationId, conversationType: 'personal', isGroup: false, name: '', ...(ref.tenantId ? { tenantId: ref.tenantId } : {}) },
    user: { id: ref.userChannelId, name: '' },
    bot: { id: ref.botId, name: '' },
  };
}

/**
 * Proactive messages through the CloudAdapter (continueConversationAsync) to the personal chat a professional last
 * used; someone the bot has never talked to gets the app installed first when Graph is configured (see
 * services/notify/proactive-reach.ts). The adapter is attached once the HTTP edge exists (it owns the adapter).
 */
export class ProactiveNotifier implements Notifier {
  private adapter: CloudAdapter | undefined;
  private botAppId = '';
  private logger: Logger = silentLogger;

  constructor(private readonly reach: ProactiveReach) {}

  attach(adapter: CloudAdapter, botAppId: string | undefined, logger?: Logger): void {
    this.adapter = adapter;
    this.botAppId = botAppId ?? '';
    if (logger) this.logger = logger;
  }

  async send(userId: string, message: OutgoingMessage): Promise<string | undefined> {
    if (!this.adapter) return undefined;
    const { reference, install } = await this.reach.referenceFor(userId);
    // Only the outcome: never who it was for.
    if (install) this.logger[install === 'installed' ? 'info' : 'warn']('proactive.install', { status: install });
    if (!reference) return undefined;
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, toReference(reference), async (turn) => {
      id = (await turn.sendActivity({ type: 'message', ...message, attachments: message.attachments ? [...message.attachments] : undefined }))?.id;
    });
    return id;
  }

  async update(userId: string, activityId: string, message: OutgoingMessage): Promise<boolean> {
    const ref = await this.reach.stored(userId);
    if (!ref || !this.adapter) return false;
    await this.adapter.continueConversationAsync(this.botAppId, toReference(ref), async (turn) => {
      await turn.updateActivity({ type: 'message', id: activityId, ...message, attachments: message.attachments ? [...message.attachments] : undefined });
    });
    return true;
  }
}

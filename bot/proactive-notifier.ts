import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
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

/** A turn in a professional's personal chat with the bot, started by the bot. */
export interface PersonalChat {
  inPersonalChat(userId: string, work: (turn: TurnContext) => Promise<void>): Promise<boolean>;
}

/**
 * Proactive messages through the CloudAdapter (continueConversationAsync) to the personal chat a professional last
 * used; someone the bot has never talked to gets the app installed first when Graph is configured (see
 * services/notify/proactive-reach.ts). The adapter is attached once the HTTP edge exists (it owns the adapter).
 */
export class ProactiveNotifier implements Notifier, PersonalChat {
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
    const reference = await this.referenceFor(userId);
    if (!reference) return undefined;
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, toReference(reference), async (turn) => {
      id = (await turn.sendActivity({ type: 'message', ...message, attachments: message.attachments ? [...message.attachments] : undefined }))?.id;
    });
    return id;
  }

  /**
   * Run `work` as a turn in the professional's personal chat with the bot (for a case command asked in a group chat,
   * whose answer must not be read by the group), installing the app for them first as `send` does. False when there
   * is no personal chat to continue (yet).
   */
  async inPersonalChat(userId: string, work: (turn: TurnContext) => Promise<void>): Promise<boolean> {
    if (!this.adapter) return false;
    const reference = await this.referenceFor(userId);
    if (!reference) return false;
    await this.adapter.continueConversationAsync(this.botAppId, toReference(reference), work);
    return true;
  }

  /** Where to reach the professional, installing the app for them when needed (logged by outcome, never by person). */
  private async referenceFor(userId: string): Promise<StoredConversationReference | undefined> {
    const { reference, install } = await this.reach.referenceFor(userId);
    if (install) this.logger[install === 'installed' ? 'info' : 'warn']('proactive.install', { status: install });
    return reference;
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

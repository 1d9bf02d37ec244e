import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { StoredConversationReference } from '../services/notify/conversation-references';
import type { ProactiveReach } from '../services/notify/proactive-reach';
import { DeliveryFailure, type Notifier, type OutgoingMessage } from '../services/ports/notifier';
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
 * The connector's refusal as the core reads it. botframework-connector throws a RestError with `statusCode` and the
 * response's headers, after its own pipeline already retried a 429 three times honouring `Retry-After` (measured on
 * loopback: four requests, then the error); the last `Retry-After` is passed on, in seconds or as an HTTP date.
 */
export function deliveryFailureOf(error: unknown): DeliveryFailure {
  const e = error as { statusCode?: unknown; response?: { headers?: { get?: (name: string) => string | undefined } } } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status === 429) {
    const header = e?.response?.headers?.get?.('retry-after');
    return new DeliveryFailure('throttled', status, retryAfterMs(header));
  }
  if (status === 403 || status === 404) return new DeliveryFailure('unreachable', status);
  return new DeliveryFailure('failed', status);
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
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
    try {
      await this.adapter.continueConversationAsync(this.botAppId, toReference(reference), async (turn) => {
        id = (await turn.sendActivity({ type: 'message', ...message, attachments: message.attachments ? [...message.attachments] : undefined }))?.id;
      });
    } catch (error) {
      throw deliveryFailureOf(error);
    }
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

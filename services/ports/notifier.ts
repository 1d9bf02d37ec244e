/** A message for a professional: text and/or card attachments (plain data, so the core needs no botbuilder). */
export interface OutgoingMessage {
  readonly text?: string;
  readonly attachments?: readonly { readonly contentType: string; readonly content: unknown }[];
}

/**
 * Proactive messages to a professional's personal chat with the bot (approval cards, their updates, reminders).
 * A professional the bot cannot reach yet (never opened the chat) is reported, not an error.
 */
export interface Notifier {
  /**
   * The sent activity's id, or undefined when the professional cannot be reached (no chat with the bot yet). A send
   * the channel refuses throws a {@link DeliveryFailure}.
   */
  send(userId: string, message: OutgoingMessage): Promise<string | undefined>;
  /** Replace a sent message (e.g. a card after a decision); false when it cannot be reached. */
  update(userId: string, activityId: string, message: OutgoingMessage): Promise<boolean>;
}

/** Why a message could not be delivered, as the dispatcher acts on it. */
export type DeliveryFailureReason =
  /** Teams asks to slow down (HTTP 429): try again after `retryAfterMs`. */
  | 'throttled'
  /** The professional's chat is gone (HTTP 403/404: the app blocked or removed, the bot disabled). */
  | 'unreachable'
  /** Anything else (a network fault, a 5xx): try again later. */
  | 'failed';

/** A failed send, classified by the adapter behind the Notifier (no message content, no person in it). */
export class DeliveryFailure extends Error {
  constructor(
    readonly reason: DeliveryFailureReason,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`Delivery failed: ${reason}${status ? ` (${status})` : ''}`);
    this.name = 'DeliveryFailure';
  }
}

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
  /** The sent activity's id, or undefined when the professional cannot be reached. */
  send(userId: string, message: OutgoingMessage): Promise<string | undefined>;
  /** Replace a sent message (e.g. a card after a decision); false when it cannot be reached. */
  update(userId: string, activityId: string, message: OutgoingMessage): Promise<boolean>;
}

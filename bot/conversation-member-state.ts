import { ConversationState, type TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';

/** A group chat or a channel: everyone in it reads what the bot posts there. */
export function isGroupConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return activity.conversation?.isGroup === true || type === 'groupChat' || type === 'channel';
}

/**
 * Conversation state that is never shared by the people of one conversation: in a personal chat the key is
 * botbuilder's ConversationState key as it always was (state kept before this class keeps its place); in a group chat
 * or a channel every member has a key of their own, so one user's message can never land in another's dialog.
 */
export class ConversationMemberState extends ConversationState {
  override getStorageKey(turn: TurnContext): string | undefined {
    const key = super.getStorageKey(turn);
    if (!key || !isGroupConversation(turn.activity)) return key;
    const user = turn.activity.from?.aadObjectId ?? turn.activity.from?.id;
    return user ? `${key}users/${encodeURIComponent(user)}` : undefined;
  }
}

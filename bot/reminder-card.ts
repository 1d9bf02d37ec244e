import { renderHerinneringCard } from '../cards/herinnering';
import { toAttachment } from '../cards/render';
import type { ReminderNews } from '../services/notify/reminder-message';
import type { OutgoingMessage } from '../services/ports/notifier';

/** A reminder as Teams shows it: the reminder card (cards/herinnering.json) with what its recipient may do. */
export function reminderAsCard(news: ReminderNews): OutgoingMessage {
  return { attachments: [toAttachment(renderHerinneringCard(news))] };
}

import { reminderAsText, type ReminderNews } from '../services/notify/reminder-message';
import type { OutgoingMessage } from '../services/ports/notifier';

/** A reminder as Teams shows it. */
export function reminderAsCard(news: ReminderNews): OutgoingMessage {
  return reminderAsText(news);
}

import { renderWijzigingCard } from '../cards/wijziging';
import { toAttachment } from '../cards/render';
import { accessEndedText, type CaseNews } from '../services/notify/outbox-message';
import type { OutgoingMessage } from '../services/ports/notifier';

/**
 * The news of a case's outbox as Teams shows it: a card with one line per change and a button that opens the case;
 * an ended access is one sentence, with nothing of the case to open.
 */
export function changesAsCard(news: CaseNews): OutgoingMessage {
  if (news.ended) return { text: accessEndedText(news.reference) };
  return { attachments: [toAttachment(renderWijzigingCard({ caseId: news.caseId, reference: news.reference, regels: news.lines }))] };
}

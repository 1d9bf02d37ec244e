import template from './notice.json';
import { expandCard } from './render';

/** A card that only tells something: the answer to a card action that cannot show its own card. */
export function renderNoticeCard(data: { title: string; text: string }) {
  return expandCard(template, data);
}

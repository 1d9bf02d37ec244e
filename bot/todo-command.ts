import { MessageFactory, type TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { toAttachment } from '../cards/render';
import { renderWatMoetIkDoenCard } from '../cards/wat-moet-ik-doen';
import { formatDutchDate } from '../services/domain/text/format';
import { ZONE } from '../services/ports/clock';
import { todoOf } from '../services/reminders/todo';
import { actorOf, type BotServices } from './turn-services';

/** Lines on one card at most: a card has a size limit in Teams, and a longer list is no help. */
const MAX_SHOWN = 25;

export const NOTHING_TO_DO = 'Er wacht nu niets op jou: geen herinneringen, besluiten, escalaties of acties. Typ **mijn casussen** voor het overzicht van je casussen.';

/** "wat moet ik doen": one card with everything due for the professional across their cases (services/reminders/todo.ts). */
export async function sendTodo(turn: TurnContext, services: BotServices): Promise<void> {
  const actor = await actorOf(turn, services.directory);
  const items = await todoOf(services.cases, actor);
  const now = services.clock.now().setZone(ZONE);
  const card = renderWatMoetIkDoenCard({
    items: items.slice(0, MAX_SHOWN).map((item) => {
      const at = DateTime.fromISO(item.at, { zone: ZONE });
      const late = at <= now;
      return { ...item, late, when: late ? `sinds ${formatDutchDate(at)}` : at.hasSame(now, 'day') ? 'vandaag' : `op ${formatDutchDate(at)}` };
    }),
    emptyText: NOTHING_TO_DO,
    ...(items.length > MAX_SHOWN ? { meer: `En nog ${items.length - MAX_SHOWN} later. Typ **mijn casussen** voor al je casussen.` } : {}),
  });
  await turn.sendActivity(MessageFactory.attachment(toAttachment(card)));
}

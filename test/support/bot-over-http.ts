import { createApp, type App } from '../../bot/app';
import { KEUZE } from '../../cards/verbs';
import { loadConfig } from '../../bot/config';
import { silentLogger, type Logger } from '../../bot/logging';
import type { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { createTestBot } from './bot-services';
import { OutboxDispatcher } from '../../services/notify/dispatcher';
import { changesAsCard } from '../../bot/change-message';
import { reminderAsCard } from '../../bot/reminder-card';
import { startLocalConnector, type LocalConnector } from './local-connector';
import { PEOPLE, TEAMS_NAMES, type Person } from './stappenplan-driver';
import { postActivity, teamsCardAction, teamsMessage, teamsSubmit, type TeamsContext } from './teams-activities';

/**
 * The real bot over HTTP on 127.0.0.1 with a local connector, for end-to-end tests that several people take part
 * in (the voorbeeldcasus' people by name). Proactive messages go through the same connector.
 */
export async function startBotOverHttp(directory: StaticDirectory, options: Parameters<typeof createTestBot>[1] & { logger?: Logger } = {}) {
  const ctx = createTestBot(directory, options);
  const connector: LocalConnector = await startLocalConnector();
  const metrics = options.metrics ? { metrics: options.metrics } : {};
  const app: App = await createApp(loadConfig({}), { bot: ctx.bot, logger: options.logger ?? silentLogger, ...metrics });
  const botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  ctx.notifier.attach(app.adapter, undefined);

  const as = (person: Person): TeamsContext => ({ serviceUrl: connector.serviceUrl, user: { aadObjectId: PEOPLE[person].userId, name: TEAMS_NAMES[person] } });

  /** A message from a person; the bot's texts in that turn, with the question text of button cards. */
  async function say(person: Person, text: string): Promise<string> {
    connector.reset();
    await postActivity(botUrl, teamsMessage(text, as(person)));
    // Questions with buttons are Adaptive Cards (cards/keuze.json): their texts are what the person reads.
    const cards = connector.calls.flatMap((call) => keuzeTexts(call.body.attachments ?? []));
    return [...connector.texts(), ...cards].join('\n');
  }

  /** A press on a button of a question (cards/keuze.json, Action.Submit); the bot's texts in that turn, as `say`. */
  async function choose(person: Person, label: string): Promise<string> {
    connector.reset();
    await postActivity(botUrl, teamsSubmit({ verb: KEUZE, keuze: label }, as(person)));
    const cards = connector.calls.flatMap((call) => keuzeTexts(call.body.attachments ?? []));
    return [...connector.texts(), ...cards].join('\n');
  }

  /** An Action.Execute press; the card that comes back, as JSON text. */
  async function press(person: Person, verb: string, data: Record<string, unknown>): Promise<string> {
    connector.reset();
    return JSON.stringify(JSON.parse((await postActivity(botUrl, teamsCardAction(verb, data, as(person)))).body).value);
  }

  /** One sweep of the cases' outboxes, as a bot instance's dispatcher does every few seconds; how many it settled. */
  const deliver = () =>
    new OutboxDispatcher(ctx.store, ctx.notifier, { instanceId: 'bot-test', intervalMs: 1000, perConversationMs: 0, render: changesAsCard, renderReminder: reminderAsCard, now: () => ctx.clock.now().toJSDate(), ...metrics }).sweep();

  /** What a person read in their personal chat since the last reset: each message's text and its cards' texts. */
  const readBy = (person: Person) => chatOf(person).map((call) => [call.body.text ?? '', ...cardTexts(call.body.attachments ?? [])].filter(Boolean).join('\n'));

  /** What reached a person's personal chat since the last reset. */
  const chatOf = (person: Person) => connector.calls.filter((call) => call.conversationId === `a:personal-${PEOPLE[person].userId}`);

  return {
    ...ctx,
    connector,
    botUrl,
    as,
    say,
    choose,
    press,
    chatOf,
    readBy,
    deliver,
    close: async () => {
      await app.close();
      await connector.close();
    },
  };
}
export type BotOverHttp = Awaited<ReturnType<typeof startBotOverHttp>>;

/** A question with buttons (cards/keuze.json): an Adaptive Card whose actions are all KEUZE submits. */
export function isKeuzeCard(attachment: { contentType?: string; content?: unknown }): boolean {
  const actions = (attachment.content as { actions?: { data?: { verb?: unknown } }[] } | undefined)?.actions ?? [];
  return attachment.contentType === 'application/vnd.microsoft.card.adaptive' && actions.length > 0 && actions.every((a) => a.data?.verb === KEUZE);
}

/** The hint and question of the choice cards among these attachments, as a person reads them. */
export const keuzeTexts = (attachments: readonly { contentType?: string; content?: unknown }[]) => cardTexts(attachments.filter(isKeuzeCard));

/** The texts of Adaptive Cards, in order (TextBlocks and TextRuns), as a person reads them. */
export function cardTexts(attachments: readonly { contentType?: string; content?: unknown }[]): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as { type?: string; text?: unknown };
    if ((element.type === 'TextBlock' || element.type === 'TextRun') && typeof element.text === 'string') texts.push(element.text);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));
  return texts;
}

import { ResultatenService } from '../../services/resultaten/resultaten-service';
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import type { DialogTestClient } from 'botbuilder-testing';
import { BudgetLedger, budgetDocument, type BudgetYearDocument } from '../../services/budget/ledger';
import type { CaseStore } from '../../services/ports/case-store';
import type { VersionedStore } from '../../services/ports/versioned-store';
import { CaseService } from '../../services/cases/case-service';
import { TurnCachedCaseStore } from '../../services/cases/turn-scope';
import type { IdSource } from '../../services/cases/ids';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import { MemoryAuditLog } from '../../services/adapters/memory/memory-audit-log';
import { FixedClock } from '../../services/ports/clock';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { StaticPeople } from '../../services/adapters/memory/static-people';
import type { People } from '../../services/ports/people';
import type { Metrics } from '../../services/ports/metrics';
import { conversationReference, ConversationReferences } from '../../services/notify/conversation-references';
import { MemoryCaseStore } from '../../services/adapters/memory/memory-case-store';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import { IcsCalendar } from '../../services/adapters/ics/ics-calendar';
import { MdoPlanner } from '../../services/calendar/mdo-planner';
import type { Calendar } from '../../services/ports/calendar';
import { MemoryStorage } from 'botbuilder';
import { ConversationMemberState } from '../../bot/conversation-member-state';
import { ApprovalService } from '../../services/approvals/approval-service';
import { MandaatService } from '../../services/budget/mandaat-service';
import { ApprovalCards } from '../../bot/card-actions/approval-cards';
import { ApprovalDelivery } from '../../bot/card-actions/approval-delivery';
import { Downloads } from '../../bot/downloads';
import { HelmondBot } from '../../bot/helmond-bot';
import { ProactiveNotifier } from '../../bot/proactive-notifier';
import { ProactiveReach, type ProactiveReachOptions } from '../../services/notify/proactive-reach';
import type { AppInstaller } from '../../services/ports/app-installer';
import { SentCards, sentCardsDocument } from '../../services/notify/sent-cards';
import type { BotServices } from '../../bot/turn-services';
import type { Case } from '../../services/domain/model/case';
import { PEOPLE, T0 } from './stappenplan-driver';
import { KEUZE } from '../../cards/verbs';

/** Ids and kenmerken in order: id-000001…, HA-2026-AAAAA1… */
export function sequentialIds(): IdSource {
  let n = 0;
  let r = 0;
  return {
    newId: () => `id-${String(++n).padStart(6, '0')}`,
    newReference: (year) => `HA-${year}-AAAAA${'123456789ABCDEFGHJKMNPQRSTVWXYZ'[r++ % 31]}`,
  };
}

/** The bot's services on in-memory adapters, with time frozen at T0. */
/** Wrap a store, e.g. to count its operations (test/support/counting.ts). */
export interface StoreWrappers {
  readonly caseStore?: (store: CaseStore) => CaseStore;
  readonly ledgerStore?: (store: VersionedStore<BudgetYearDocument>) => VersionedStore<BudgetYearDocument>;
}

export function createTestServices(directory = new StaticDirectory(), calendarOf: (clock: FixedClock) => Calendar = (clock) => new IcsCalendar(clock), wrap: StoreWrappers = {}, people: People = new StaticPeople(), metrics?: Metrics) {
  const memoryStore = new MemoryCaseStore();
  const store = wrap.caseStore ? wrap.caseStore(memoryStore) : memoryStore;
  const audit = new MemoryAuditLog();
  const clock = new FixedClock(T0);
  const kalender = createWerkdagKalender();
  const cases = new CaseService({ store: new TurnCachedCaseStore(store), audit, clock, policy: DEFAULT_APPROVAL_POLICY, kalender, ids: sequentialIds(), people });
  const references = new ConversationReferences(new MemoryVersionedStore(conversationReference));
  const ledgerStore = new MemoryVersionedStore(budgetDocument);
  const ledger = new BudgetLedger(wrap.ledgerStore ? wrap.ledgerStore(ledgerStore) : ledgerStore);
  const planner = new MdoPlanner({ cases, calendar: calendarOf(clock), clock, kalender });
  const approvals = new ApprovalService({ cases, ledger, directory, clock, ...(metrics ? { metrics } : {}) });
  const resultaten = new ResultatenService({ store, ledger, audit, clock, kalender });
  const services: BotServices = { cases, approvals, directory, people, clock, references, ledger, planner, mandaat: new MandaatService({ cases, ledger, clock }), resultaten };
  return { services, store, audit, clock, references, ledger, approvals };
}

/**
 * A case walked by the state machine driver (test/support/stappenplan-driver.ts), stored with the dialog test's
 * user ("user1", TestAdapter's default) as its casusregisseur.
 */
export async function storedForDialog(c: Case, directory = new StaticDirectory(), calendarOf?: Parameters<typeof createTestServices>[1]) {
  const ctx = createTestServices(directory, calendarOf);
  await ctx.store.create(JSON.parse(JSON.stringify(c).replaceAll(PEOPLE.regisseur.userId, 'user1')) as Case);
  return { ...ctx, caseId: c.id };
}

/** The data of a card reply's first Action.Submit (tells a test the caseId or mdoId to send back). */
export const submitDataOf = (reply: Partial<Activity>) =>
  ((reply.attachments?.[0]?.content as { actions: { data: Record<string, unknown> }[] }).actions[0]?.data ?? {});

/** The real Teams handler on in-memory adapters. */
export function createTestBot(directory = new StaticDirectory(), options: { downloads?: boolean; wrap?: StoreWrappers; installer?: AppInstaller; reach?: ProactiveReachOptions; people?: People; calendar?: Calendar; metrics?: Metrics } = {}) {
  const ctx = createTestServices(directory, options.calendar ? () => options.calendar as Calendar : undefined, options.wrap, options.people, options.metrics);
  const downloads = options.downloads ? new Downloads(ctx.clock) : undefined;
  const notifier = new ProactiveNotifier(new ProactiveReach(ctx.references, options.installer, options.reach));
  const cards = new ApprovalCards();
  const sentCards = new SentCards(new MemoryVersionedStore(sentCardsDocument));
  const delivery = new ApprovalDelivery(ctx.services, ctx.approvals, cards, notifier, sentCards);
  const bot = new HelmondBot(ctx.services, new ConversationMemberState(new MemoryStorage()), 'wijkteam-noord', { cards, delivery, notifier }, downloads);
  return { ...ctx, bot, notifier, delivery, sentCards, downloads };
}

export type Expected = string | RegExp | ((reply: Partial<Activity>) => void);

/** One row of a dialog table: what the professional says (text or a card submit) and what the bot answers. */
export type DialogRow = [says: string | Partial<Activity>, replies: Expected[]];

/** Play a table of turns against a DialogTestClient, checking each reply in order and that no more follow. */
export async function playDialog(client: DialogTestClient, rows: readonly DialogRow[]): Promise<void> {
  for (const [says, expected] of rows) {
    const first = await client.sendActivity(typeof says === 'string' ? says : ({ type: 'message', ...says } as Partial<Activity>));
    const replies: Partial<Activity>[] = first ? [first] : [];
    for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
    const label = typeof says === 'string' ? says : JSON.stringify(says.value ?? says.text);
    expect(replies.map(describe), `replies to ${label}`).to.have.length(expected.length);
    expected.forEach((e, i) => checkReply(replies[i] as Partial<Activity>, e, label));
  }
}

function describe(reply: Partial<Activity>): string {
  return reply.text ?? (reply.attachments?.length ? '[kaart]' : reply.type ?? '?');
}

function checkReply(reply: Partial<Activity>, expected: Expected, label: string): void {
  if (typeof expected === 'function') return expected(reply);
  // A question with buttons is read as its hint and question (what the professional sees on the choice card).
  const keuze = keuzeCardOf(reply);
  const text = reply.text ?? (keuze ? [keuze.hint, keuze.vraag].filter(Boolean).join('\n') : '');
  if (typeof expected === 'string') expect(text, `reply to ${label}`).to.equal(expected);
  else expect(text, `reply to ${label}`).to.match(expected);
}

/** A choice card (cards/keuze.json) in a reply: its question and hint, and its buttons' titles and data. */
export function keuzeCardOf(reply: Partial<Activity>) {
  const attachment = reply.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  const card = attachment?.content as { body?: { text?: string; color?: string }[]; actions?: { type: string; title: string; data: { verb?: string; keuze?: string } }[] } | undefined;
  if (!card?.actions?.length || !card.actions.every((a) => a.type === 'Action.Submit' && a.data.verb === KEUZE)) return undefined;
  const body = card.body ?? [];
  return {
    vraag: body.filter((b) => b.color !== 'Attention').map((b) => b.text ?? '').join('\n'),
    hint: body.filter((b) => b.color === 'Attention').map((b) => b.text ?? '').join('\n'),
    knoppen: card.actions.map((a) => a.title),
    data: card.actions.map((a) => a.data),
  };
}

/** A question with buttons (an Adaptive Card with Action.Submit per answer): the question matches, and the buttons when given. */
export const buttons = (question: RegExp, knoppen?: readonly string[]) => (reply: Partial<Activity>) => {
  const keuze = keuzeCardOf(reply);
  expect(keuze, 'a choice card with Action.Submit buttons').to.not.equal(undefined);
  expect(keuze?.vraag).to.match(question);
  if (knoppen) expect(keuze?.knoppen).to.deep.equal(knoppen);
};

/** A reply whose text, or whose choice card's hint and question, matches. */
export const said = (expected: RegExp) => (reply: Partial<Activity>) => {
  const keuze = keuzeCardOf(reply);
  expect(reply.text ?? (keuze ? [keuze.hint, keuze.vraag].filter(Boolean).join('\n') : '')).to.match(expected);
};

/** Pressing a button of a choice card: the message Teams sends for an Action.Submit (no text, the data as value). */
export const press = (keuze: string): Partial<Activity> => ({ value: { verb: KEUZE, keuze } });

/** A reply that carries an Adaptive Card whose body mentions the text. */
export const cardWith = (text: string) => (reply: Partial<Activity>) => {
  expect(reply.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(reply.attachments?.[0]?.content)).to.contain(text);
};

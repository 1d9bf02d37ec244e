import { expect } from 'chai';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ProactiveNotifier } from '../../bot/proactive-notifier';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import type { Case } from '../../services/domain/model/case';
import { claimReminders } from '../../services/domain/reminders';
import { conversationReference, ConversationReferences } from '../../services/notify/conversation-references';
import { OutboxDispatcher, type DispatcherOptions } from '../../services/notify/dispatcher';
import { ProactiveReach } from '../../services/notify/proactive-reach';
import type { CaseStore } from '../../services/ports/case-store';
import type { Notifier } from '../../services/ports/notifier';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-server';
import { conversationOf, cosmosStores, deliveriesPerCase, rememberReachable } from '../support/dispatch-fixtures';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { createAll, REMINDER_REGISSEUR, reminderCase } from '../support/reminder-cases';

const FAR = '2999-01-01T00:00:00.000Z';
/** The actions of the due cases were for Thursday 26 Nov 2026: their reminders are due Friday 27 Nov, 09:00 Amsterdam. */
const PAST_ACTION = '2026-11-26';
const DUE_AT = '2026-11-27T08:00:00.000Z';
/** An action months ahead: a reminder on the case, not due at any moment these tests sweep at. */
const FUTURE_ACTION = '2027-03-01';
/** Tuesday 1 Dec 2026, 10:00 Amsterdam (CET): a werkdag, after the due moment. */
const TUESDAY_10 = Date.parse('2026-12-01T09:00:00.000Z');
const FRIDAY_20 = Date.parse('2026-11-27T19:00:00.000Z');
const SATURDAY_10 = Date.parse('2026-11-28T09:00:00.000Z');
const MONDAY_09 = Date.parse('2026-11-30T08:00:00.000Z');
const LEASE = 60_000;
const partyOf = (i: number) => `aad-partij-${String(i).padStart(4, '0')}`;

describe('reminders: dispatchers sweeping due reminders on one Cosmos DB store, delivering through the Bot Connector', function () {
  this.timeout(300_000);
  let cosmos: CosmosTestServer;
  let connector: LocalConnector;
  let references: ConversationReferences;
  /** The dispatchers' clock: frozen, moved by the tests. */
  let clock = TUESDAY_10;
  let running: OutboxDispatcher[] = [];

  before(async () => {
    [cosmos, connector] = await Promise.all([startCosmosTestServer(), startLocalConnector()]);
    references = new ConversationReferences(new MemoryVersionedStore(conversationReference));
  });
  after(async () => Promise.all([cosmos.close(), connector.close()]));
  afterEach(async () => {
    await Promise.all(running.map((d) => d.stop(0)));
    running = [];
    connector.reset();
    connector.setFaults(undefined);
    clock = TUESDAY_10;
  });

  /** A notifier of its own (one bot instance) that sends through the local connector. */
  function ownNotifier(): ProactiveNotifier {
    const notifier = new ProactiveNotifier(new ProactiveReach(references));
    // No app id: the adapter posts to the reference's serviceUrl, the local connector.
    notifier.attach(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), undefined);
    return notifier;
  }

  const reachable = (userIds: readonly string[]) => rememberReachable(references, connector.serviceUrl, userIds);

  const stores = (n: number) => cosmosStores(cosmos, n);

  function dispatcher(store: CaseStore, instanceId: string, via: Notifier = ownNotifier(), options: Partial<DispatcherOptions> = {}): OutboxDispatcher {
    const d = new OutboxDispatcher(store, via, { instanceId, intervalMs: 50, leaseMs: LEASE, perConversationMs: 0, maxPerSecond: 100_000, backoffMs: 60_000, now: () => new Date(clock), ...options });
    running.push(d);
    return d;
  }

  /** `due` cases with one due reminder each (to `parties` in turn) and `others` without one due (half with a future one). */
  function cases(due: number, others: number, parties: number): { due: Case[]; others: Case[] } {
    return {
      due: Array.from({ length: due }, (_, i) => reminderCase(partyOf(i % parties), PAST_ACTION)),
      others: Array.from({ length: others }, (_, i) => reminderCase(partyOf(i % parties), i % 2 ? FUTURE_ACTION : undefined)),
    };
  }

  const dueNow = async (store: CaseStore) => (await store.listDue(new Date(clock).toISOString(), { pageSize: 100 })).items.length;

  /** Sweep with all dispatchers side by side until no reminder is due; the messages sent. */
  async function sweepUntilDone(store: CaseStore, dispatchers: readonly OutboxDispatcher[], rounds = 10): Promise<number> {
    let sent = 0;
    for (let round = 0; round < rounds; round++) {
      sent += (await Promise.all(dispatchers.map((d) => d.sweep()))).reduce((x, y) => x + y, 0);
      if ((await dueNow(store)) === 0 && (await store.listOutbox(new Date(clock).toISOString(), { pageSize: 1 })).items.length === 0) return sent;
    }
    throw new Error(`Still due after ${rounds} rounds of sweeps.`);
  }

  const deliveries = () => deliveriesPerCase(connector.calls);

  const keyOf = (c: Case) => `${conversationOf(c.professionals[1]?.userId as string)} ${c.reference}`;

  it('5,000 cases, 500 with a reminder due, 3 dispatchers side by side: each reminder delivered exactly once and marked sent', async () => {
    const { due, others } = cases(500, 4500, 100);
    await reachable(Array.from({ length: 100 }, (_, i) => partyOf(i)));
    const [a, b, c] = await stores(3);
    const loadStarted = Date.now();
    // Mixed, so the due cases are spread over the container as they would be.
    await createAll(a!, [...due, ...others].sort(() => Math.random() - 0.5));
    const loadMs = Date.now() - loadStarted;
    expect(await a!.listDue(FAR, { pageSize: 100 }).then((p) => p.items.length)).to.equal(100);
    expect(due.every((x) => x.nextDueAt === DUE_AT && x.reminders.length === 1)).to.equal(true);

    const counts = new Map<string, number>();
    const counted = (name: string, notifier: Notifier): Notifier => ({
      send: async (userId, message) => {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return notifier.send(userId, message);
      },
      update: (userId, id, message) => notifier.update(userId, id, message),
    });
    const dispatchers = [a, b, c].map((store, i) => dispatcher(store!, `bot-${i}`, counted(`bot-${i}`, ownNotifier())));
    const sweepStarted = Date.now();
    const sent = await sweepUntilDone(a!, dispatchers);
    const sweepMs = Date.now() - sweepStarted;
    // eslint-disable-next-line no-console
    console.log(`      (load of 5,000 cases: ${loadMs} ms; sweeps until nothing due: ${sweepMs} ms; per instance: ${JSON.stringify(Object.fromEntries(counts))})`);

    expect(sent).to.equal(500);
    expect(connector.calls).to.have.length(500);
    const perCase = deliveries();
    expect(perCase.size).to.equal(500);
    for (const x of due) expect(perCase.get(keyOf(x)), keyOf(x)).to.equal(1);
    expect([...counts.values()].reduce((x, y) => x + y, 0)).to.equal(500);
    expect(counts.size).to.be.at.least(2);
    expect(String(connector.calls[0]?.body.text)).to.match(/^Herinnering bij casus \*\*HA-\d{4}-[0-9A-Z]{6}\*\*: actie over de datum\.\n\nDe actie "De schulden met de inwoner op een rij zetten\." \(Collega \d{4}\) stond voor /);

    for (const x of due) {
      const stored = (await a!.get(x.id))!.case;
      expect(stored.reminders.map((r) => [r.state, r.claimedBy, r.claimedUntil]), x.id).to.deep.equal([['sent', undefined, undefined]]);
      expect(stored.nextDueAt, x.id).to.equal(undefined);
    }
    // Nothing else was touched: the future reminders are still there, not claimed.
    const rest = [];
    let token: string | undefined;
    do {
      const page = await a!.listDue(FAR, { pageSize: 100, ...(token ? { continuationToken: token } : {}) });
      rest.push(...page.items);
      token = page.continuationToken;
    } while (token);
    expect(rest).to.have.length(2250);
    expect(rest.every((s) => s.case.reminders.every((r) => r.state === 'open' && r.claimedBy === undefined))).to.equal(true);
  });

  it('an instance killed mid-claim: its claims are taken over only after the lease ran out, and each is delivered once', async () => {
    const { due, others } = cases(60, 540, 20);
    await reachable(Array.from({ length: 20 }, (_, i) => partyOf(i)));
    const [a, b, c] = await stores(3);
    await createAll(a!, [...due, ...others]);

    // One instance crashed right after its claim was written (never settled): 30 cases.
    const crashed = due.slice(0, 30);
    for (const x of crashed) {
      const stored = (await a!.get(x.id))!;
      const claim = claimReminders(stored.case, 'bot-dead', new Date(clock), LEASE, 50);
      expect(claim?.claimed).to.have.length(1);
      await a!.replace(claim!.next, stored.etag);
    }
    // Another hangs in its first send (a process frozen or killed mid-send): it holds that case's claim.
    let hung!: (to: string) => void;
    const hanging = new Promise<string>((resolve) => (hung = resolve));
    const dying: Notifier = {
      send: async (userId) => {
        hung(userId);
        return new Promise<string | undefined>(() => undefined);
      },
      update: async () => false,
    };
    void dispatcher(a!, 'bot-hung', dying).sweep();
    await hanging;
    const held = new Set(crashed.map((x) => x.id));
    for (const x of due) if ((await a!.get(x.id))!.case.reminders.some((r) => r.claimedBy === 'bot-hung')) held.add(x.id);
    expect(held.size).to.equal(31);

    const survivors = [dispatcher(b!, 'bot-b'), dispatcher(c!, 'bot-c')];
    // Within the lease: everything else goes out, nothing that is held.
    clock += LEASE - 1;
    expect(await sweepUntilDone(b!, survivors)).to.equal(29);
    const first = deliveries();
    for (const x of due) expect(first.get(keyOf(x)) ?? 0, keyOf(x)).to.equal(held.has(x.id) ? 0 : 1);

    // The lease ran out: taken over, each once.
    clock += 2;
    expect(await sweepUntilDone(b!, survivors)).to.equal(31);
    const all = deliveries();
    expect(connector.calls).to.have.length(60);
    for (const x of due) expect(all.get(keyOf(x)), keyOf(x)).to.equal(1);
    for (const x of due) expect((await a!.get(x.id))!.case.reminders.map((r) => [r.state, r.claimedBy]), x.id).to.deep.equal([['sent', undefined]]);
  });

  it('429 with Retry-After (past the SDK\'s own retries), then success: nothing sent before the wait is over, then delivered once', async () => {
    const party = 'aad-druk-0001';
    await reachable([party]);
    const [store] = await stores(1);
    const value = reminderCase(party, PAST_ACTION);
    await createAll(store!, [value, ...cases(0, 50, 5).others]);
    let throttled = 0;
    // The connector client retries a 429 three times itself; the fourth reaches the dispatcher: wait 1 s (Retry-After).
    connector.setFaults((call) => (call.conversationId === conversationOf(party) && ++throttled <= 4 ? { status: 429, headers: { 'retry-after': '1' } } : undefined));
    const d = dispatcher(store!, 'bot-a');
    expect(await d.sweep()).to.equal(0);
    const refusals = () => connector.refused.filter((r) => r.conversationId === conversationOf(party)).map((r) => r.status);
    expect(refusals()).to.deep.equal([429, 429, 429, 429]);
    const waiting = (await store!.get(value.id))!.case;
    expect(waiting.reminders.map((r) => [r.state, r.attempts, r.notBefore, r.claimedBy])).to.deep.equal([['open', 1, new Date(clock + 1000).toISOString(), undefined]]);
    expect(waiting.nextDueAt).to.equal(new Date(clock + 1000).toISOString());

    // Before Retry-After passed: not listed, not sent (by this instance or another).
    clock += 999;
    expect(await d.sweep()).to.equal(0);
    expect(await dispatcher(store!, 'bot-b').sweep()).to.equal(0);
    expect(connector.calls).to.have.length(0);

    clock += 1;
    expect(await d.sweep()).to.equal(1);
    expect(await d.sweep()).to.equal(0);
    expect(connector.calls).to.have.length(1);
    expect(refusals()).to.have.length(4);
    expect(deliveries().get(`${conversationOf(party)} ${value.reference}`)).to.equal(1);
    const sent = (await store!.get(value.id))!.case;
    expect(sent.reminders.map((r) => [r.state, r.attempts, r.notBefore])).to.deep.equal([['sent', 0, undefined]]);
    expect(sent.nextDueAt).to.equal(undefined);
  });

  it('403 (the app blocked or removed): the party is marked unreachable, the reminder done, and the casusregisseur told once', async () => {
    const gone = 'aad-weg-0001';
    const other = 'aad-blijft-0001';
    await reachable([gone, other, REMINDER_REGISSEUR]);
    const [store] = await stores(1);
    const lost = reminderCase(gone, PAST_ACTION);
    const kept = reminderCase(other, PAST_ACTION);
    await createAll(store!, [lost, kept]);
    connector.setFaults((call) => (call.conversationId === conversationOf(gone) ? { status: 403 } : undefined));
    const d = dispatcher(store!, 'bot-a');
    expect(await d.sweep()).to.equal(1);

    const marked = (await store!.get(lost.id))!.case;
    expect(marked.professionals.find((p) => p.userId === gone)?.onbereikbaarSinds).to.equal(new Date(clock).toISOString());
    expect(marked.reminders.map((r) => r.state)).to.deep.equal(['done']);
    expect(marked.nextDueAt).to.equal(undefined);
    expect(marked.outbox.map((item) => [item.to, item.changes.map((change) => change.kind)])).to.deep.equal([[REMINDER_REGISSEUR, ['onbereikbaar']]]);
    // The news waits for the dispatcher's outbox listing (the indexed `outboxDueAt`).
    expect(marked.outboxDueAt).to.equal(new Date(clock).toISOString());

    // A later sweep tells the casusregisseur; the ones after that do not again.
    clock += 60_000;
    expect(await d.sweep()).to.equal(1);
    clock += 60_000;
    expect(await d.sweep()).to.equal(0);
    expect(await dispatcher(store!, 'bot-b').sweep()).to.equal(0);
    const toRegisseur = connector.calls.filter((call) => call.conversationId === conversationOf(REMINDER_REGISSEUR));
    expect(toRegisseur).to.have.length(1);
    expect(String(toRegisseur[0]?.body.text)).to.match(/De bot kan Collega 0001 \(GGZ\) geen berichten meer sturen/);
    // The connector's refusals are kept over the whole file: this test's are those to `gone`.
    expect(connector.refused.filter((r) => r.conversationId === conversationOf(gone)).map((r) => r.status)).to.deep.equal([403]);
    expect(deliveries().get(`${conversationOf(other)} ${kept.reference}`)).to.equal(1);
    const told = (await store!.get(lost.id))!.case;
    expect(told.outbox).to.deep.equal([]);
    expect(told.outboxDueAt).to.equal(undefined);
  });

  it('quiet time: at 20:00 and on a Saturday nothing is claimed or sent; at 09:00 on the next werkdag it is', async () => {
    const { due, others } = cases(20, 80, 10);
    await reachable(Array.from({ length: 10 }, (_, i) => partyOf(i)));
    const [a, b] = await stores(2);
    await createAll(a!, [...due, ...others]);
    const dispatchers = [dispatcher(a!, 'bot-a'), dispatcher(b!, 'bot-b')];
    const unclaimed = async () => {
      for (const x of due) expect((await a!.get(x.id))!.case.reminders.map((r) => [r.state, r.claimedBy]), x.id).to.deep.equal([['open', undefined]]);
    };

    for (const at of [FRIDAY_20, SATURDAY_10]) {
      clock = at;
      expect(await dueNow(a!)).to.equal(20);
      expect((await Promise.all(dispatchers.map((d) => d.sweep()))).reduce((x, y) => x + y, 0), new Date(at).toISOString()).to.equal(0);
      expect(connector.calls).to.have.length(0);
      await unclaimed();
    }

    clock = MONDAY_09;
    expect(await sweepUntilDone(a!, dispatchers)).to.equal(20);
    expect(connector.calls).to.have.length(20);
    for (const x of due) expect(deliveries().get(keyOf(x)), keyOf(x)).to.equal(1);
  });
});

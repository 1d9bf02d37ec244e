import { expect } from 'chai';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ProactiveNotifier } from '../../bot/proactive-notifier';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import type { Case } from '../../services/domain/model/case';
import type { OutboxItem } from '../../services/domain/model/outbox';
import { withOutboxDueAt } from '../../services/domain/stappenplan/derive';
import { conversationReference, ConversationReferences } from '../../services/notify/conversation-references';
import { OutboxDispatcher, type DispatcherOptions } from '../../services/notify/dispatcher';
import { ProactiveReach } from '../../services/notify/proactive-reach';
import type { CaseStore } from '../../services/ports/case-store';
import type { Notifier } from '../../services/ports/notifier';
import { ALLE_ONDERDELEN, FIXTURE_AT, makeCase } from '../support/case-fixtures';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-server';
import { conversationOf, cosmosStores, deliveriesPerCase, rememberReachable } from '../support/dispatch-fixtures';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';

const REGISSEUR = 'aad-regisseur-1';
const FAR = '2999-01-01T00:00:00.000Z';

/** A case with a casusregisseur and these parties (all parts consented), and one pending item for each party. */
function pendingCase(parties: readonly string[]): Case {
  const at = FIXTURE_AT;
  const professionals = [
    { userId: REGISSEUR, role: 'casusregisseur' as const, displayName: 'Ria Regisseur', organisatie: 'Wijkteam', addedAt: at, addedBy: REGISSEUR, active: true },
    ...parties.map((userId) => ({
      userId, role: 'betrokkenProfessional' as const, displayName: `Collega ${userId.slice(-3)}`, organisatie: 'GGZ', addedAt: at, addedBy: REGISSEUR, active: true,
      toestemming: { ...ALLE_ONDERDELEN, vastgelegdDoor: REGISSEUR, vastgelegdOp: at },
    })),
  ];
  const outbox: OutboxItem[] = parties.map((to, i) => ({
    id: `ob${String(i + 1).padStart(6, '0')}`, at, to, attempts: 0,
    changes: [{ kind: 'actieGewijzigd', by: REGISSEUR, part: 'deelA' }],
  }));
  return withOutboxDueAt(makeCase({ step: 'uitvoering', professionals, outbox, outboxSeq: outbox.length }));
}

describe('the outbox dispatcher: several instances on one Cosmos DB store, delivering through the Bot Connector', function () {
  this.timeout(120_000);
  let cosmos: CosmosTestServer;
  let connector: LocalConnector;
  let references: ConversationReferences;
  let notifier: ProactiveNotifier;
  let running: OutboxDispatcher[] = [];

  before(async () => {
    [cosmos, connector] = await Promise.all([startCosmosTestServer(), startLocalConnector()]);
    references = new ConversationReferences(new MemoryVersionedStore(conversationReference));
    notifier = new ProactiveNotifier(new ProactiveReach(references));
    // No app id: the adapter posts to the reference's serviceUrl, the local connector.
    notifier.attach(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), undefined);
  });
  after(async () => Promise.all([cosmos.close(), connector.close()]));
  afterEach(async () => {
    await Promise.all(running.map((d) => d.stop(0)));
    running = [];
    connector.reset();
    connector.setFaults(undefined);
  });

  const reachable = (userIds: readonly string[]) => rememberReachable(references, connector.serviceUrl, userIds);

  const stores = (n: number) => cosmosStores(cosmos, n);

  function dispatcher(store: CaseStore, instanceId: string, options: Partial<DispatcherOptions> = {}, via: Notifier = notifier): OutboxDispatcher {
    const d = new OutboxDispatcher(store, via, { instanceId, intervalMs: 50, leaseMs: 3000, perConversationMs: 5, maxPerSecond: 1000, backoffMs: 200, ...options });
    running.push(d);
    return d;
  }

  async function drained(store: CaseStore, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((await store.listOutbox(FAR, { pageSize: 1 })).items.length > 0) {
      if (Date.now() > until) throw new Error('The outbox was not emptied in time.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const deliveries = () => deliveriesPerCase(connector.calls);

  it('3 dispatchers, 500 pending notifications: each delivered exactly once', async () => {
    const users = Array.from({ length: 50 }, (_, i) => `aad-collega-${String(i).padStart(3, '0')}`);
    await reachable(users);
    const [a, b, c] = await stores(3);
    const cases = Array.from({ length: 100 }, (_, i) => pendingCase(Array.from({ length: 5 }, (_, j) => users[(i * 5 + j) % users.length] as string)));
    for (const value of cases) await a!.create(value);

    const counts = new Map<string, number>();
    const counted = (name: string): Notifier => ({
      send: async (userId, message) => {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return notifier.send(userId, message);
      },
      update: (userId, id, message) => notifier.update(userId, id, message),
    });
    [a, b, c].forEach((store, i) => dispatcher(store!, `bot-${i}`, {}, counted(`bot-${i}`)).start());
    await drained(a!);

    expect(connector.calls).to.have.length(500);
    const perCase = deliveries();
    expect(perCase.size).to.equal(500);
    expect([...perCase.values()].every((n) => n === 1)).to.equal(true);
    for (const value of cases) {
      for (const to of value.outbox.map((item) => item.to)) expect(perCase.get(`${conversationOf(to)} ${value.reference}`), to).to.equal(1);
    }
    expect([...counts.values()].reduce((x, y) => x + y, 0)).to.equal(500);
    // The instances shared the work (each meets the cases in its own order).
    expect(counts.size).to.be.at.least(2);
    expect(String(connector.calls[0]?.body.text)).to.match(/^Casus \*\*HA-.*\*\* is gewijzigd:\n\n- Ria Regisseur \(Wijkteam\) heeft een actie in het plan gewijzigd\.\n\nTyp \*\*casus HA-/);
  });

  it('one instance sends at most maxPerSecond messages a second to all conversations together (the per-tenant pace)', async () => {
    const users = Array.from({ length: 6 }, (_, i) => `aad-tempo-${i}`);
    await reachable(users);
    const [store] = await stores(1);
    await store!.create(pendingCase(users));
    // When the dispatcher starts each send (what its pace decides), not when the connector receives it: arrival
    // times carry the network's jitter, which under load made two sends look closer than they were started.
    const at: number[] = [];
    const timed: Notifier = { send: (to, message) => (at.push(performance.now()), notifier.send(to, message)), update: (to, id, message) => notifier.update(to, id, message) };
    await dispatcher(store!, 'bot-tempo', { maxPerSecond: 20 }, timed).sweep();
    expect(connector.calls).to.have.length(6);
    expect(at).to.have.length(6);
    // 20 a second: 50 ms between sends (a timer may fire a millisecond early).
    for (let i = 1; i < at.length; i++) expect((at[i] as number) - (at[i - 1] as number), `gap ${i}`).to.be.at.least(48);
  });

  it('a dispatcher stopped mid-send: its claims are taken over once the lease ran out, and nothing is sent twice', async () => {
    const users = Array.from({ length: 20 }, (_, i) => `aad-overname-${String(i).padStart(3, '0')}`);
    await reachable(users);
    const [a, b, c] = await stores(3);
    for (let i = 0; i < 20; i += 2) await a!.create(pendingCase(users.slice(i, i + 2)));

    // Instance A delivers two messages, then hangs in the third send (a process frozen or killed mid-send).
    let sends = 0;
    let hung!: () => void;
    const hanging = new Promise<void>((resolve) => (hung = resolve));
    const dying: Notifier = {
      send: async (userId, message) => {
        if (++sends <= 2) return notifier.send(userId, message);
        hung();
        return new Promise<string | undefined>(() => undefined);
      },
      update: async () => false,
    };
    const lease = 2000;
    const stuck = dispatcher(a!, 'bot-a', { leaseMs: lease }, dying);
    stuck.start();
    await hanging;
    void stuck.stop(0);
    const held = (await a!.listOutbox(FAR, { pageSize: 100 })).items.flatMap((s) => s.case.outbox.filter((item) => item.claimedBy === 'bot-a'));
    expect(held.length).to.be.greaterThan(0);
    const heldUntil = Math.min(...held.map((item) => Date.parse(item.claimedUntil as string)));

    dispatcher(b!, 'bot-b', { leaseMs: lease }).start();
    dispatcher(c!, 'bot-c', { leaseMs: lease }).start();
    await drained(b!);

    expect(connector.calls).to.have.length(20);
    expect([...deliveries().values()].every((n) => n === 1)).to.equal(true);
    // What A held went out only after its claim ran out.
    const heldBy = new Set(held.map((item) => conversationOf(item.to)));
    const heldCalls = connector.calls.filter((call) => heldBy.has(call.conversationId as string));
    expect(heldCalls.length).to.be.greaterThan(0);
    expect(heldCalls.every((call) => call.at >= heldUntil)).to.equal(true);
  });

  it('429 with Retry-After, also past the SDK\'s own retries, then success: delivered once, after the wait', async () => {
    const user = 'aad-druk-001';
    await reachable([user]);
    const [store] = await stores(1);
    await store!.create(pendingCase([user]));
    let throttled = 0;
    // The connector client retries a 429 three times itself; the fourth 429 reaches the dispatcher, which waits again.
    connector.setFaults((call) => (call.conversationId === conversationOf(user) && ++throttled <= 4 ? { status: 429, headers: { 'retry-after': '1' } } : undefined));
    const started = Date.now();
    dispatcher(store!, 'bot-a', { backoffMs: 60_000 }).start();
    await drained(store!);
    expect(connector.refused.map((r) => r.status)).to.deep.equal([429, 429, 429, 429]);
    expect(connector.calls).to.have.length(1);
    expect(connector.calls[0]?.conversationId).to.equal(conversationOf(user));
    // Three waits of the SDK and one of the dispatcher, each the server's second (not the 60 s backoff).
    expect(Date.now() - started).to.be.within(3500, 30_000);
  });

  it('403 (the app blocked or removed): the party is marked unreachable and the casusregisseur is told once', async () => {
    const gone = 'aad-weg-001';
    const other = 'aad-blijft-001';
    await reachable([gone, other, REGISSEUR]);
    const [store] = await stores(1);
    const value = pendingCase([gone, other]);
    await store!.create(value);
    connector.setFaults((call) => (call.conversationId === conversationOf(gone) ? { status: 403 } : undefined));
    const d = dispatcher(store!, 'bot-a');
    d.start();
    await drained(store!);

    const stored = (await store!.get(value.id))!;
    expect(stored.case.professionals.find((p) => p.userId === gone)?.onbereikbaarSinds).to.be.a('string');
    const toRegisseur = connector.calls.filter((call) => call.conversationId === conversationOf(REGISSEUR));
    expect(toRegisseur).to.have.length(1);
    expect(String(toRegisseur[0]?.body.text)).to.match(/De bot kan Collega 001 \(GGZ\) geen berichten meer sturen \(de app is geblokkeerd of verwijderd\)\. Laat het de collega zelf weten\./);
    expect(connector.calls.filter((call) => call.conversationId === conversationOf(other))).to.have.length(1);

    // Another change for the same party: tried again, refused again, and the casusregisseur is not told twice.
    const again = structuredClone(stored.case);
    again.outbox.push({ id: 'ob000099', at: new Date().toISOString(), to: gone, attempts: 0, changes: [{ kind: 'mdoGepland', by: REGISSEUR }] });
    await store!.replace(withOutboxDueAt(again), stored.etag);
    await drained(store!);
    expect(connector.refused.filter((r) => r.conversationId === conversationOf(gone))).to.have.length(2);
    expect(connector.calls.filter((call) => call.conversationId === conversationOf(REGISSEUR))).to.have.length(1);
  });
});

/**
 * The Cosmos DB CaseStore through the real @azure/cosmos SDK against @vercel/cosmosdb-server on 127.0.0.1 (one
 * server for this file, a fresh database per test): the shared contract, run directly and through a proxy that
 * plays the gateway of a partitioned account, and what only Cosmos has (paging, throttling, indexing policy).
 */
import net from 'node:net';
import type { CosmosClient } from '@azure/cosmos';
import { expect } from 'chai';
import { CASES_CONTAINER, CASES_CONTAINER_ID } from '../../services/adapters/cosmos/containers';
import { CosmosCaseStore, pageQuery } from '../../services/adapters/cosmos/cosmos-case-store';
import { mapCosmosError } from '../../services/adapters/cosmos/errors';
import { COSMOS_OPTION_MESSAGES, createCosmosClient, type CosmosOptions } from '../../services/adapters/cosmos/options';
import type { CaseStore } from '../../services/ports/case-store';
import { describeCaseStoreContract } from '../contract/case-store.contract';
import { makeCase, minute, PROFESSIONAL } from '../support/case-fixtures';
import { startCosmosTestServer, TEST_COSMOS_KEY, type CosmosTestServer } from '../support/cosmos-server';
import { startThrottleProxy, type ThrottleProxy } from '../support/throttle-proxy';

const RETRY_AFTER_MS = 100;
const codeOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: { code?: unknown }) => e.code);

/** Every id of a listing, following our continuation tokens to the end. */
async function allIds(store: CaseStore, pageSize: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await store.listByMember(PROFESSIONAL, { pageSize, ...(token ? { continuationToken: token } : {}) });
    expect(page.items.length).to.be.at.most(pageSize);
    ids.push(...page.items.map((s) => s.case.id));
    token = page.continuationToken;
    pages++;
  } while (token);
  return { ids, pages };
}

describe('Cosmos DB CaseStore (real SDK, local protocol server)', function () {
  this.timeout(60_000);
  let server: CosmosTestServer;
  let gateway: ThrottleProxy; // plays a partitioned account's gateway: query plans, two partition key ranges
  let throttler: ThrottleProxy;
  before(async () => {
    server = await startCosmosTestServer();
    const tls = { cert: server.cert, key: server.key, ca: server.ca };
    gateway = await startThrottleProxy(server.endpoint, tls, { partitioned: true });
    throttler = await startThrottleProxy(server.endpoint, tls, { retryAfterMs: RETRY_AFTER_MS });
  });
  after(async () => {
    await gateway.close();
    await throttler.close();
    await server.close();
  });

  /** A harness over a fresh database; `client` is how the store reaches Cosmos, corruption goes around it. */
  const harness = (client: () => CosmosClient) => async () => {
    const direct = server.client();
    const database = server.freshDatabase();
    return {
      store: await CosmosCaseStore.open(client(), database),
      reopen: () => CosmosCaseStore.open(client(), database),
      corrupt: async (id: string) => {
        await direct.database(database).container(CASES_CONTAINER_ID).items.upsert({ id, schemaVersion: 1, step: 'onbekend' });
      },
      dispose: async () => {
        await direct.database(database).delete();
      },
    };
  };

  describeCaseStoreContract('Cosmos DB', harness(() => server.client()));
  describeCaseStoreContract('Cosmos DB, partitioned account (query plans, two ranges)', harness(() => server.client(gateway.endpoint)));

  it('the partitioned run really took the query-plan path', async () => {
    const before = gateway.stats.plans;
    const store = await CosmosCaseStore.open(server.client(gateway.endpoint), server.freshDatabase());
    await store.listByMember(PROFESSIONAL);
    await store.findByReference('HA-2026-AAAAAA');
    expect(gateway.stats.plans - before).to.be.at.least(2);
  });

  it('pages through 250 cases, 50 at a time: each exactly once, in order, on one range and across two', async () => {
    const database = server.freshDatabase();
    const store = await CosmosCaseStore.open(server.client(), database);
    const cases = Array.from({ length: 250 }, (_, i) => makeCase({ updatedAt: minute(i % 97) }));
    for (let i = 0; i < cases.length; i += 25) await Promise.all(cases.slice(i, i + 25).map((c) => store.create(c)));
    const newestFirst = [...cases].sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1)).map((c) => c.id);
    for (const client of [server.client(), server.client(gateway.endpoint)]) {
      const { ids, pages } = await allIds(await CosmosCaseStore.open(client, database), 50);
      expect(ids).to.deep.equal(newestFirst);
      expect(pages).to.equal(5);
    }
  });

  it('creates the container with the partition key and indexing policy of containers.ts', async () => {
    const client = server.client();
    const database = server.freshDatabase();
    await CosmosCaseStore.open(client, database);
    const { resource } = await client.database(database).container(CASES_CONTAINER_ID).read();
    const policy = CASES_CONTAINER.indexingPolicy;
    expect(resource?.partitionKey?.paths).to.deep.equal(['/id']);
    expect(resource?.indexingPolicy?.compositeIndexes).to.deep.equal(policy?.compositeIndexes);
    expect(resource?.indexingPolicy?.includedPaths?.map((p) => p.path)).to.deep.equal(policy?.includedPaths?.map((p) => p.path));
    expect(resource?.indexingPolicy?.excludedPaths?.map((p) => p.path)).to.include.members(['/*']);
  });

  describe('throttling (429 with x-ms-retry-after-ms from a proxy on loopback)', () => {
    /** Create a case through the throttler with the next `count` POSTs answered 429; what happened, and what was stored. */
    async function createThrottled(count: number) {
      const client = createCosmosClient(
        { endpoint: throttler.endpoint, database: 'x', key: TEST_COSMOS_KEY },
        { agent: server.agent, retry: { maxRetryAttemptCount: 3, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 5 }, endpointDiscovery: false },
      );
      const database = server.freshDatabase();
      const store = await CosmosCaseStore.open(client, database);
      const c = makeCase();
      const before = throttler.stats.throttled;
      throttler.throttleNext(count, 'POST');
      const started = Date.now();
      const error = await store.create(c).then(() => undefined, (e: unknown) => e);
      const elapsed = Date.now() - started;
      throttler.throttleNext(0);
      const stored = await (await CosmosCaseStore.open(server.client(), database)).get(c.id);
      return { c, error, elapsed, throttled: throttler.stats.throttled - before, stored };
    }

    it('2 × 429 are retried after the retry-after the server asked for, and the write succeeds once', async () => {
      const { c, error, elapsed, throttled, stored } = await createThrottled(2);
      expect(error).to.equal(undefined);
      expect(throttled).to.equal(2);
      expect(elapsed).to.be.at.least(2 * RETRY_AFTER_MS - 10);
      expect(stored?.case).to.deep.equal(c);
    });

    it('beyond the bound (1 + 3 retries) the store says STORE.UNAVAILABLE ("probeer het zo opnieuw") and nothing is written', async () => {
      const { error, throttled, stored } = await createThrottled(50);
      expect(throttled).to.equal(4);
      expect(error).to.include({ code: 'STORE.UNAVAILABLE', userMessage: 'De opslag is even niet bereikbaar. Probeer het zo opnieuw.' });
      expect(stored).to.equal(undefined);
    });
  });

  it('an unreachable account is STORE.UNAVAILABLE', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await codeOf(CosmosCaseStore.open(server.client(`https://127.0.0.1:${port}`), server.freshDatabase()))).to.equal('STORE.UNAVAILABLE');
  });
});

describe('Cosmos DB adapter: pure parts', () => {
  it('maps Cosmos errors to the port: 409, 412, 404, throttling and the network; others pass through', () => {
    const cases: [unknown, string | undefined][] = [
      [{ code: 409 }, 'STORE.ALREADY_EXISTS'],
      [{ code: 412 }, 'STORE.CONFLICT'],
      [{ code: 404 }, 'CASE.NOT_FOUND'],
      [{ code: 429, retryAfterInMs: 5 }, 'STORE.UNAVAILABLE'],
      [{ statusCode: 503 }, 'STORE.UNAVAILABLE'],
      [{ code: 408 }, 'STORE.UNAVAILABLE'],
      [{ code: 'ECONNREFUSED' }, 'STORE.UNAVAILABLE'],
      [{ code: 'ECONNRESET' }, 'STORE.UNAVAILABLE'],
      [{ name: 'TimeoutError' }, 'STORE.UNAVAILABLE'],
      [{ code: 400 }, undefined],
      [{ code: 401 }, undefined],
      [new Error('iets anders'), undefined],
    ];
    for (const [error, code] of cases) expect(mapCosmosError(error)?.code, JSON.stringify(error)).to.equal(code);
  });

  it('keyset page queries carry every value as a parameter and ask for one more than the page', () => {
    const listing = { name: 'member' as const, where: 'ARRAY_CONTAINS(c.memberIds, @userId)', parameters: [{ name: '@userId', value: 'u' }], field: 'updatedAt' as const, descending: true };
    const first = pageQuery(listing, 20, undefined);
    expect(first.query).to.equal('SELECT TOP @take * FROM c WHERE ARRAY_CONTAINS(c.memberIds, @userId) ORDER BY c.updatedAt DESC, c.id DESC');
    const next = pageQuery(listing, 20, ["2026' OR 1=1 --", 'id-9']);
    expect(next.query).to.not.include('1=1');
    expect(next.query).to.include('(c.updatedAt < @afterKey OR (c.updatedAt = @afterKey AND c.id < @afterId))');
    expect(next.parameters).to.deep.include.members([{ name: '@take', value: 21 }, { name: '@afterKey', value: "2026' OR 1=1 --" }]);
    expect(pageQuery({ ...listing, field: 'nextDueAt', descending: false }, 5, ['a', 'b']).query).to.match(/c\.nextDueAt > @afterKey .* ORDER BY c\.nextDueAt ASC, c\.id ASC$/);
  });

  it('checks the options, naming the variable in Dutch and never echoing a key', () => {
    const good: CosmosOptions = { endpoint: 'https://acc.documents.azure.com:443/', database: 'helmond-aanpak', key: TEST_COSMOS_KEY };
    expect(() => createCosmosClient(good).dispose()).to.not.throw();
    const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }) };
    expect(() => createCosmosClient({ endpoint: good.endpoint, database: 'db' }, { credential }).dispose()).to.not.throw();
    const refusal = (options: unknown) => {
      try {
        createCosmosClient(options as CosmosOptions);
      } catch (error) {
        return error as { code: string; userMessage: string };
      }
      throw new Error('accepted');
    };
    expect(refusal({ ...good, endpoint: 'http://acc.documents.azure.com' })).to.include({ code: 'CONFIG.INVALID', userMessage: COSMOS_OPTION_MESSAGES.endpoint });
    expect(refusal({ ...good, database: 'met spatie' }).userMessage).to.equal(COSMOS_OPTION_MESSAGES.database);
    expect(refusal({ endpoint: good.endpoint }).userMessage).to.equal(COSMOS_OPTION_MESSAGES.database);
    const badKey = refusal({ ...good, key: 'geheim met spaties' });
    expect(badKey.userMessage).to.equal(COSMOS_OPTION_MESSAGES.key);
    expect(JSON.stringify(badKey)).to.not.include('geheim');
  });
});

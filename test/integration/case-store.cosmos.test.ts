/**
 * The Cosmos DB CaseStore through the real @azure/cosmos SDK against @vercel/cosmosdb-server on 127.0.0.1
 * (one server for this file, a fresh database per test): the shared contract, and what only Cosmos has.
 */
import { expect } from 'chai';
import { CosmosCaseStore } from '../../services/cosmos/cosmos-case-store';
import { CASES_CONTAINER, CASES_CONTAINER_ID } from '../../services/cosmos/containers';
import { describeCaseStoreContract } from '../contract/case-store.contract';
import { makeCase, minute } from '../support/case-fixtures';
import { createCosmosClient } from '../../services/cosmos/options';
import { startCosmosTestServer, TEST_COSMOS_KEY, type CosmosTestServer } from '../support/cosmos-server';
import { startThrottleProxy, type ThrottleProxy } from '../support/throttle-proxy';

describe('Cosmos DB CaseStore (real SDK, local protocol server)', function () {
  this.timeout(60_000);
  let server: CosmosTestServer;
  before(async () => {
    server = await startCosmosTestServer();
  });
  after(() => server.close());

  describeCaseStoreContract('Cosmos DB', async () => {
    const client = server.client();
    const database = server.freshDatabase();
    return {
      store: await CosmosCaseStore.open(client, database),
      reopen: () => CosmosCaseStore.open(server.client(), database),
      corrupt: async (id) => {
        await client.database(database).container(CASES_CONTAINER_ID).items.upsert({ id, schemaVersion: 1, step: 'onbekend' });
      },
      dispose: async () => {
        await client.database(database).delete();
      },
    };
  });

  it('pages through 250 cases, 50 at a time, with continuation tokens: each exactly once, in order', async () => {
    const store = await CosmosCaseStore.open(server.client(), server.freshDatabase());
    const cases = Array.from({ length: 250 }, (_, i) => makeCase({ updatedAt: minute(i) }));
    for (let i = 0; i < cases.length; i += 25) await Promise.all(cases.slice(i, i + 25).map((c) => store.create(c)));
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await store.listByMember('aad-professional-1', { pageSize: 50, ...(token ? { continuationToken: token } : {}) });
      expect(page.items.length).to.be.at.most(50);
      ids.push(...page.items.map((s) => s.case.id));
      token = page.continuationToken;
      pages++;
    } while (token);
    expect(ids).to.deep.equal([...cases].reverse().map((c) => c.id));
    expect(pages).to.be.at.least(5);
  });

  it('creates the container with the indexing policy of containers.ts', async () => {
    const client = server.client();
    const database = server.freshDatabase();
    await CosmosCaseStore.open(client, database);
    const { resource } = await client.database(database).container(CASES_CONTAINER_ID).read();
    expect(resource?.partitionKey?.paths).to.deep.equal(['/id']);
    expect(resource?.indexingPolicy?.compositeIndexes).to.deep.equal(CASES_CONTAINER.indexingPolicy?.compositeIndexes);
    expect(resource?.indexingPolicy?.includedPaths?.map((p) => p.path)).to.deep.equal(CASES_CONTAINER.indexingPolicy?.includedPaths?.map((p) => p.path));
  });
});

describe('Cosmos DB CaseStore under throttling (429 from a proxy on loopback)', function () {
  this.timeout(60_000);
  let server: CosmosTestServer;
  let proxy: ThrottleProxy;
  before(async () => {
    server = await startCosmosTestServer();
    proxy = await startThrottleProxy(server.endpoint, { cert: server.cert, key: server.key, ca: server.ca });
  });
  after(async () => {
    await proxy.close();
    await server.close();
  });

  const throughProxy = (retry = { maxRetryAttemptCount: 3, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 5 }) =>
    createCosmosClient({ endpoint: proxy.endpoint, database: 'x', key: TEST_COSMOS_KEY }, { agent: server.agent, retry, endpointDiscovery: false });

  it('retries 429s within the bound, honouring retry-after, and the write succeeds once', async () => {
    const database = server.freshDatabase();
    const store = await CosmosCaseStore.open(throughProxy(), database);
    const c = makeCase();
    proxy.throttleNext(2, 'POST');
    const before = { ...proxy.stats };
    await store.create(c);
    expect(proxy.stats.throttled - before.throttled).to.equal(2);
    const direct = await CosmosCaseStore.open(server.client(), database);
    expect((await direct.get(c.id))?.case).to.deep.equal(c);
  });

  it('beyond the bound the store says STORE.UNAVAILABLE ("probeer het zo opnieuw") and nothing is written', async () => {
    const database = server.freshDatabase();
    const store = await CosmosCaseStore.open(throughProxy(), database);
    const c = makeCase();
    proxy.throttleNext(50, 'POST');
    const error = await store.create(c).catch((e: unknown) => e);
    proxy.throttleNext(0);
    expect(error).to.include({ code: 'STORE.UNAVAILABLE', userMessage: 'De opslag is even niet bereikbaar. Probeer het zo opnieuw.' });
    const direct = await CosmosCaseStore.open(server.client(), database);
    expect(await direct.get(c.id)).to.equal(undefined);
  });
});

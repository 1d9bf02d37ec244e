import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VERSIONED_CONTAINERS } from '../../services/adapters/cosmos/containers';
import { CosmosVersionedStore } from '../../services/adapters/cosmos/cosmos-versioned-store';
import { FileVersionedStore } from '../../services/adapters/file/file-versioned-store';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import { describeVersionedStoreContract, testSchema, type TestValue } from '../contract/versioned-store.contract';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-server';
import { useTempDir } from '../support/temp-dir';

describeVersionedStoreContract('in memory', async () => {
  const store = new MemoryVersionedStore<TestValue>(testSchema);
  return {
    store,
    reopen: async () => new MemoryVersionedStore(testSchema, store.entries),
    corrupt: async (key) => void store.entries.set(key, { kind: 'invalid' }),
    dispose: async () => undefined,
  };
});

describe('versioned store on files', () => {
  const tmp = useTempDir('versioned');
  describeVersionedStoreContract('embedded files', async () => ({
    store: await FileVersionedStore.open(tmp.path, 'sentCards', testSchema),
    reopen: () => FileVersionedStore.open(tmp.path, 'sentCards', testSchema),
    corrupt: async (key) => {
      const file = path.join(tmp.path, 'sentCards', `${createHash('sha256').update(key).digest('hex')}.json`);
      await writeFile(file, JSON.stringify({ id: key, etag: 'x', value: { n: 'geen getal' } }));
    },
    dispose: async () => undefined,
  }));
});

describe('versioned store on Cosmos DB (real SDK, local server)', function () {
  this.timeout(60_000);
  let server: CosmosTestServer;
  before(async () => {
    server = await startCosmosTestServer();
  });
  after(() => server.close());

  describeVersionedStoreContract('Cosmos DB', async () => {
    const database = server.freshDatabase();
    const client = server.client();
    return {
      store: await CosmosVersionedStore.open(client, database, 'budgets', testSchema),
      reopen: () => CosmosVersionedStore.open(server.client(), database, 'budgets', testSchema),
      corrupt: async (key) => {
        const id = createHash('sha256').update(key).digest('hex');
        await client.database(database).container(VERSIONED_CONTAINERS.budgets.id).items.upsert({ id, key, value: { n: 'geen getal' } });
      },
      dispose: async () => void (await client.database(database).delete()),
    };
  });
});

/**
 * Bot Framework state on Cosmos DB (real SDK, local protocol server on 127.0.0.1): eTag semantics, and a
 * conversation that moves between two bot instances mid-dialog.
 */
import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import { compose, type Runtime } from '../../bot/compose';
import { CosmosStorage, stateId } from '../../bot/storage/cosmos-storage';
import { loadConfig } from '../../bot/config';
import { FixedClock } from '../../services/ports/clock';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { sequentialIds } from '../support/bot-services';
import { startCosmosTestServer, TEST_COSMOS_KEY, type CosmosTestServer } from '../support/cosmos-server';
import { T0 } from '../support/stappenplan-driver';
import { useTempDir } from '../support/temp-dir';
import { teamsMessage } from '../support/teams-activities';

describe('bot state on Cosmos DB', function () {
  this.timeout(60_000);
  let server: CosmosTestServer;
  before(async () => {
    server = await startCosmosTestServer();
  });
  after(() => server.close());

  it('hashes keys to ids Cosmos accepts', () => {
    expect(stateId('msteams/conversations/a:1/users/29:x')).to.match(/^[0-9a-f]{64}$/);
  });

  it('writes, reads with an eTag, refuses a stale eTag, overwrites with "*", deletes', async () => {
    const storage = await CosmosStorage.open(server.client(), server.freshDatabase());
    const key = 'msteams/conversations/a:1/dialogState';
    await storage.write({ [key]: { stap: 1 } });
    const first = (await storage.read([key]))[key];
    expect(first).to.deep.include({ stap: 1 });
    await storage.write({ [key]: { ...first, stap: 2 } });
    const stale = await storage.write({ [key]: { ...first, stap: 3 } }).catch((e: unknown) => e);
    expect(String(stale)).to.match(/eTag conflict/);
    expect((await storage.read([key]))[key]?.stap).to.equal(2);
    await storage.write({ [key]: { stap: 4, eTag: '*' } });
    expect((await storage.read([key]))[key]?.stap).to.equal(4);
    await storage.delete([key]);
    expect(await storage.read([key])).to.deep.equal({});
  });

  it('two instances saving the state they both read: exactly one wins', async () => {
    const database = server.freshDatabase();
    const [a, b] = await Promise.all([CosmosStorage.open(server.client(), database), CosmosStorage.open(server.client(), database)]);
    await a.write({ k: { n: 0 } });
    const seen = (await a.read(['k'])).k;
    const results = await Promise.allSettled([a.write({ k: { ...seen, n: 'a' } }), b.write({ k: { ...seen, n: 'b' } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
  });

  describe('a conversation that moves between two bot instances', () => {
    const tmp = useTempDir('twee-bots');
    let instances: Runtime[] = [];
    afterEach(async () => {
      await Promise.all(instances.map((r) => r.close()));
      instances = [];
    });

    it('resumes on the second instance the dialog the first one started', async () => {
      const config = loadConfig({ COSMOS_ENDPOINT: server.endpoint, COSMOS_DATABASE: server.freshDatabase(), COSMOS_KEY: TEST_COSMOS_KEY, DATA_DIR: tmp.path });
      const ids = sequentialIds();
      const start = () => compose(config, { cosmosClient: server.client(), clock: new FixedClock(T0), ids, directory: new StaticDirectory() });
      instances = [await start(), await start()];
      expect(instances.map((r) => r.store)).to.deep.equal(['cosmos', 'cosmos']);
      const context = { serviceUrl: 'https://test.invalid/' };
      const say = async (runtime: Runtime, text: string) => {
        const adapter = new TestAdapter((turn) => runtime.bot.run(turn));
        await adapter.processActivity(teamsMessage(text, context) as Activity);
        return adapter.activeQueue.map((a) => a.text ?? '').join('\n');
      };
      const [a, b] = instances as [Runtime, Runtime];
      expect(await say(a, 'nieuwe casus')).to.match(/Wat is de hulpvraag/);
      expect(await say(b, 'Ik moet het huis uit.')).to.match(/Casus \*\*HA-2026-\w{6}\*\* is aangemaakt/);
      expect(await say(a, 'inwoner Moeder (M1) 38')).to.match(/Genoteerd\. Huishouden: Moeder \(M1\) \(inwoner\)/);
      expect(await say(b, 'klaar')).to.match(/staat nu in \*\*stap 2 \(vraagverheldering\)\*\*/);
    });
  });
});

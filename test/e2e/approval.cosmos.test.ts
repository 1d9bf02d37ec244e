/**
 * One decision and one booking under 100 concurrent presses, with the bot composed on Cosmos DB (real SDK, local
 * protocol server on 127.0.0.1): the case, the ledger and bot state all in Cosmos, over HTTP.
 */
import { expect } from 'chai';
import { createApp, type App } from '../../bot/app';
import { compose, type Runtime } from '../../bot/compose';
import { DEELB_AFWIJZEN, DEELB_AKKOORD } from '../../cards/verbs';
import { loadConfig } from '../../bot/config';
import { CosmosCaseStore } from '../../services/adapters/cosmos/cosmos-case-store';
import { silentLogger } from '../../bot/logging';
import { FixedClock } from '../../services/ports/clock';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startCosmosTestServer, TEST_COSMOS_KEY, type CosmosTestServer } from '../support/cosmos-server';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { caseAt, PEOPLE, T0, VOORBEELD } from '../support/stappenplan-driver';
import { useTempDir } from '../support/temp-dir';
import { postActivity, teamsCardAction } from '../support/teams-activities';

describe('end to end on Cosmos DB: 100 approval presses at once', function () {
  this.timeout(120_000);
  const tmp = useTempDir('approval-cosmos');
  let server: CosmosTestServer;
  let connector: LocalConnector;
  before(async () => {
    server = await startCosmosTestServer();
    connector = await startLocalConnector();
  });
  after(async () => {
    await connector.close();
    await server.close();
  });

  it('stores exactly one decision and books exactly once', async () => {
    const database = server.freshDatabase();
    const config = loadConfig({ COSMOS_ENDPOINT: server.endpoint, COSMOS_DATABASE: database, COSMOS_KEY: TEST_COSMOS_KEY, DATA_DIR: tmp.path });
    const runtime: Runtime = await compose(config, {
      cosmosClient: server.client(),
      clock: new FixedClock(T0),
      directory: new StaticDirectory({ [PEOPLE.leidinggevende.userId]: ['leidinggevende'], 'aad-leidinggevende-2': ['leidinggevende'] }),
    });
    const app: App = await createApp(config, { bot: runtime.bot, logger: silentLogger, ...(runtime.downloads ? { downloads: runtime.downloads } : {}) });
    try {
      const botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
      const d = VOORBEELD.deelB(caseAt('onderbouwing')).run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId, 'aad-leidinggevende-2'] });
      const c = { ...d.case, teamId: 'wijkteam-noord' };
      await (await CosmosCaseStore.open(server.client(), database)).create(c);
      await runtime.ledger.setBudget({ teamId: 'wijkteam-noord', period: '2026', amountCents: 1_000_000, by: 'aad-beheerder-1', at: '2026-11-23T09:00:00.000Z' });
      const requestId = c.approvals[0]?.id as string;
      const approvers = [PEOPLE.leidinggevende.userId, 'aad-leidinggevende-2'];
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          postActivity(botUrl, teamsCardAction(i % 3 ? DEELB_AKKOORD : DEELB_AFWIJZEN, { caseId: c.id, requestId, reden: 'Reden.' }, {
            serviceUrl: connector.serviceUrl,
            user: { aadObjectId: approvers[i % 2] as string, name: 'Leidinggevende' },
          })),
        ),
      );
      expect(answers.every((a) => a.status === 200)).to.equal(true);
      const stored = (await (await CosmosCaseStore.open(server.client(), database)).get(c.id))?.case;
      const request = stored?.approvals[0];
      expect(request?.status).to.be.oneOf(['akkoord', 'afgewezen']);
      expect(stored?.history.filter((h) => 'transition' in h && h.transition === 'onderbouwingGoedgekeurd')).to.have.length(0);
      const bookings = (await runtime.ledger.get('wijkteam-noord', '2026'))?.bookings ?? [];
      expect(bookings).to.have.length(request?.status === 'akkoord' ? 1 : 0);
      expect(answers.filter((a) => a.body.includes('Over dit verzoek is al beslist.')).length).to.be.at.least(1);
    } finally {
      await app.close();
      await runtime.close();
    }
  });
});

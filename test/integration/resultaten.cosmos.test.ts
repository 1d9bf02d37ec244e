/**
 * The ResultatenService over Cosmos DB: the real @azure/cosmos SDK against @vercel/cosmosdb-server on 127.0.0.1 (one
 * server for this file), the cases through CosmosCaseStore (the indexed listing, several pages) and the ledger
 * through CosmosVersionedStore (test/support/resultaten-suite.ts).
 */
import { CosmosCaseStore } from '../../services/adapters/cosmos/cosmos-case-store';
import { CosmosVersionedStore } from '../../services/adapters/cosmos/cosmos-versioned-store';
import { budgetDocument } from '../../services/budget/ledger';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-server';
import { describeResultatenService } from '../support/resultaten-suite';

describe('resultaten on Cosmos DB (local protocol server)', function () {
  this.timeout(180_000);
  let server: CosmosTestServer;
  before(async () => {
    server = await startCosmosTestServer();
  });
  after(() => server.close());

  // 600 cases: about 480 of the team, several pages of 100 for every period asked.
  describeResultatenService('Cosmos DB', async () => {
    const client = server.client();
    const database = server.freshDatabase();
    return {
      store: await CosmosCaseStore.open(client, database),
      budgets: await CosmosVersionedStore.open(client, database, 'budgets', budgetDocument),
      dispose: async () => {
        await client.database(database).delete();
      },
    };
  }, 600);
});

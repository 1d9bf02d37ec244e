import { expect } from 'chai';
import { CosmosVersionedStore } from '../../services/adapters/cosmos/cosmos-versioned-store';
import { conversationReference, ConversationReferences } from '../../services/notify/conversation-references';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-server';

const REF = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversationId: 'a:1xyz',
  tenantId: '72f988bf-0000-4000-8000-00000000a001',
  userChannelId: '29:1abc',
  botId: '28:00000000-0000-4000-8000-00000000b0b1',
};

function describeReferences(name: string, open: () => Promise<ConversationReferences>): void {
  describe(`conversation references: ${name}`, () => {
    it('remembers the latest personal chat per user, and only what is needed to reach them', async () => {
      const refs = await open();
      await refs.remember('aad-1', REF);
      await refs.remember('aad-1', { ...REF, conversationId: 'a:2nieuw' });
      expect(await refs.lookup('aad-1')).to.deep.equal({ schemaVersion: 1, ...REF, conversationId: 'a:2nieuw' });
      expect(await refs.lookup('aad-2')).to.equal(undefined);
    });

    it('refuses a malformed reference and stores nothing', async () => {
      const refs = await open();
      const error = await refs.remember('aad-3', { ...REF, serviceUrl: 'geen url' }).catch((e: { code?: string }) => e.code);
      expect(error).to.equal('CASE.INVALID_INPUT');
      expect(await refs.lookup('aad-3')).to.equal(undefined);
    });
  });
}

describeReferences('in memory', async () => new ConversationReferences(new MemoryVersionedStore(conversationReference)));

describe('conversation references on Cosmos DB (real SDK, local server)', function () {
  this.timeout(60_000);
  let server: CosmosTestServer;
  before(async () => {
    server = await startCosmosTestServer();
  });
  after(() => server.close());
  describeReferences('Cosmos DB', async () =>
    new ConversationReferences(await CosmosVersionedStore.open(server.client(), server.freshDatabase(), 'conversationRefs', conversationReference)),
  );
});

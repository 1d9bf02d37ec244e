import { expect } from 'chai';
import { CosmosVersionedStore } from '../../services/adapters/cosmos/cosmos-versioned-store';
import { conversationReference, ConversationReferences } from '../../services/notify/conversation-references';
import { leaseDocument, ReminderLeases } from '../../services/reminders/leases';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-server';

const NOW = new Date('2026-11-23T09:00:00.000Z');

function describeLeases(name: string, open: () => Promise<ReminderLeases>): void {
  describe(`reminder leases: ${name}`, () => {
    it('20 bot instances claiming one reminder at once: exactly one sends it', async () => {
      const leases = await open();
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => leases.claim('casus-1:evaluatie', `bot-${i}`, NOW, 60_000)));
      expect(claims.filter(Boolean)).to.have.length(1);
    });

    it('a held lease is refused to others until it expires; its holder may renew it', async () => {
      const leases = await open();
      expect(await leases.claim('k', 'bot-a', NOW, 60_000)).to.equal(true);
      expect(await leases.claim('k', 'bot-b', new Date(NOW.getTime() + 30_000), 60_000)).to.equal(false);
      expect(await leases.claim('k', 'bot-a', new Date(NOW.getTime() + 30_000), 60_000)).to.equal(true);
      expect(await leases.claim('k', 'bot-b', new Date(NOW.getTime() + 91_000), 60_000)).to.equal(true);
    });
  });
}

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

describeLeases('in memory', async () => new ReminderLeases(new MemoryVersionedStore(leaseDocument)));
describeReferences('in memory', async () => new ConversationReferences(new MemoryVersionedStore(conversationReference)));

describe('leases and references on Cosmos DB (real SDK, local server)', function () {
  this.timeout(60_000);
  let server: CosmosTestServer;
  before(async () => {
    server = await startCosmosTestServer();
  });
  after(() => server.close());
  describeLeases('Cosmos DB', async () => new ReminderLeases(await CosmosVersionedStore.open(server.client(), server.freshDatabase(), 'leases', leaseDocument)));
  describeReferences('Cosmos DB', async () =>
    new ConversationReferences(await CosmosVersionedStore.open(server.client(), server.freshDatabase(), 'conversationRefs', conversationReference)),
  );
});

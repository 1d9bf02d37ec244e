import { expect } from 'chai';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import { conversationReference, ConversationReferences, type StoredConversationReference } from '../../services/notify/conversation-references';
import { ProactiveReach } from '../../services/notify/proactive-reach';
import type { AppInstaller, InstallOutcome } from '../../services/ports/app-installer';

const REF: Omit<StoredConversationReference, 'schemaVersion'> = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.test.invalid/emea/',
  conversationId: 'a:personal-aad-1',
  userChannelId: '29:aad-1',
  botId: '28:bot',
};

/** A recording installer: what it was asked, and what Teams does after an install (e.g. remember a reference). */
function recordingInstaller(outcome: InstallOutcome, afterInstall?: (userId: string) => void): AppInstaller & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    installFor: async (userId) => {
      asked.push(userId);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (outcome === 'installed') afterInstall?.(userId);
      return outcome;
    },
  };
}

describe('ProactiveReach: installing the app for someone the bot cannot reach yet', () => {
  const references = () => new ConversationReferences(new MemoryVersionedStore(conversationReference));

  it('without an installer it only looks: no reference, no install (as before)', async () => {
    expect(await new ProactiveReach(references()).referenceFor('aad-1')).to.deep.equal({ reference: undefined });
  });

  it('a stored reference is used as it is, nothing installed', async () => {
    const refs = references();
    await refs.remember('aad-1', REF);
    const installer = recordingInstaller('installed');
    expect((await new ProactiveReach(refs, installer).referenceFor('aad-1')).reference).to.include(REF);
    expect(installer.asked).to.deep.equal([]);
  });

  it('installs, then waits for the reference the installationUpdate brings; several sends at once install once', async () => {
    const refs = references();
    const installer = recordingInstaller('installed', (userId) => setTimeout(() => void refs.remember(userId, REF), 30));
    const reach = new ProactiveReach(refs, installer, { waitMs: 2_000 });
    const all = await Promise.all([reach.referenceFor('aad-1'), reach.referenceFor('aad-1'), reach.referenceFor('aad-1')]);
    expect(installer.asked).to.deep.equal(['aad-1']);
    for (const found of all) expect(found).to.deep.equal({ reference: { schemaVersion: 1, ...REF }, install: 'installed' });
    // Afterwards the stored reference is used.
    expect(await reach.referenceFor('aad-1')).to.deep.equal({ reference: { schemaVersion: 1, ...REF } });
    expect(installer.asked).to.have.length(1);
  });

  it('an installationUpdate that arrives before Graph answers is not missed', async () => {
    const refs = references();
    const installer: AppInstaller = {
      installFor: async (userId) => {
        await refs.remember(userId, REF);
        return 'installed';
      },
    };
    expect((await new ProactiveReach(refs, installer, { waitMs: 1_000 }).referenceFor('aad-1')).reference).to.include(REF);
  });

  it('a reference another bot instance stored is found by looking in the store meanwhile', async () => {
    const store = new MemoryVersionedStore(conversationReference);
    const refs = new ConversationReferences(store);
    const other = new ConversationReferences(store);
    const installer = recordingInstaller('installed', (userId) => setTimeout(() => void other.remember(userId, REF), 20));
    const found = await new ProactiveReach(refs, installer, { waitMs: 2_000, pollMs: 25 }).referenceFor('aad-1');
    expect(found.reference).to.include(REF);
  });

  it('no installationUpdate within the bound: no reference, reported as a timeout', async () => {
    const started = Date.now();
    const found = await new ProactiveReach(references(), recordingInstaller('installed'), { waitMs: 100, pollMs: 20 }).referenceFor('aad-1');
    expect(found).to.deep.equal({ reference: undefined, install: 'timeout' });
    expect(Date.now() - started).to.be.below(1_000);
  });

  it('"already" or "failed" does not wait', async () => {
    for (const outcome of ['already', 'failed'] as const) {
      const started = Date.now();
      const found = await new ProactiveReach(references(), recordingInstaller(outcome), { waitMs: 5_000 }).referenceFor('aad-1');
      expect(found).to.deep.equal({ reference: undefined, install: outcome });
      expect(Date.now() - started).to.be.below(1_000);
    }
  });

  it('an installer that throws anyway counts as "failed"', async () => {
    const found = await new ProactiveReach(references(), { installFor: () => Promise.reject(new Error('boom')) }, { waitMs: 5_000 }).referenceFor('aad-1');
    expect(found).to.deep.equal({ reference: undefined, install: 'failed' });
  });
});

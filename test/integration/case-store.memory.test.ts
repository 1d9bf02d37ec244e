import { MemoryCaseStore } from '../../services/adapters/memory/memory-case-store';
import { describeCaseStoreContract } from '../contract/case-store.contract';

describeCaseStoreContract('in memory', async () => {
  const store = new MemoryCaseStore();
  return {
    store,
    reopen: async () => new MemoryCaseStore(store.entries),
    corrupt: async (id) => {
      store.entries.set(id, { kind: 'invalid', raw: { id, schemaVersion: 1, step: 'onbekend' } });
    },
    dispose: async () => undefined,
  };
});

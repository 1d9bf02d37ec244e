/** The ResultatenService over the in-memory and the embedded file store (test/support/resultaten-suite.ts). */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileCaseStore } from '../../services/adapters/file/file-case-store';
import { FileVersionedStore } from '../../services/adapters/file/file-versioned-store';
import { MemoryCaseStore } from '../../services/adapters/memory/memory-case-store';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import { budgetDocument } from '../../services/budget/ledger';
import { describeResultatenService } from '../support/resultaten-suite';

describeResultatenService('the memory store', async () => ({ store: new MemoryCaseStore(), budgets: new MemoryVersionedStore(budgetDocument), dispose: async () => undefined }), 2000);

describeResultatenService('the embedded file store (reopened: the report reads what a restart loads)', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'resultaten-'));
  const writer = await FileCaseStore.open({ dir });
  let reader: FileCaseStore | undefined;
  const budgets = await FileVersionedStore.open(dir, 'budgets', budgetDocument);
  return {
    // Written through one instance; the first listing reopens the folder, as the bot does after a restart.
    store: new Proxy(writer, {
      get(target, property) {
        if (property !== 'listForResults') return Reflect.get(target, property, target);
        return async (...args: Parameters<FileCaseStore['listForResults']>) => {
          if (!reader) {
            await writer.close();
            reader = await FileCaseStore.open({ dir });
          }
          return reader.listForResults(...args);
        };
      },
    }),
    budgets,
    dispose: async () => {
      await writer.close();
      await reader?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}, 1000);

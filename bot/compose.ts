import path from 'node:path';
import { ConversationState } from 'botbuilder';
import { CaseService } from '../services/cases/case-service';
import type { AppConfig } from '../services/config';
import { loadFileDirectory } from '../services/directory/file-directory';
import { DEFAULT_APPROVAL_POLICY } from '../services/model/approval';
import { systemClock, type Clock } from '../services/ports/clock';
import type { Directory } from '../services/ports/directory';
import { FileAuditLog } from '../services/store/file-audit-log';
import { FileCaseStore } from '../services/store/file-case-store';
import { createWerkdagKalender } from '../services/werkdagen';
import type { IdSource } from '../services/cases/ids';
import { HelmondBot } from './helmond-bot';
import type { BotServices } from './services';
import { FileStorage } from './storage/file-storage';

/** What the entry point runs, and how to let go of it. */
export interface Runtime {
  readonly bot: HelmondBot;
  readonly services: BotServices;
  /** Which case store is in use, for the start-up log (never a secret). */
  readonly store: 'embedded';
  close(): Promise<void>;
}

export interface ComposeOverrides {
  readonly clock?: Clock;
  readonly ids?: IdSource;
  readonly directory?: Directory;
}

/**
 * Build the bot on the embedded default store: cases, audit trail, bot state and the roles file all under
 * DATA_DIR. Nothing needs Azure.
 */
export async function composeEmbedded(config: AppConfig, overrides: ComposeOverrides = {}): Promise<Runtime> {
  const store = await FileCaseStore.open({ dir: config.dataDir });
  try {
    const directory = overrides.directory ?? (await loadFileDirectory(path.join(config.dataDir, 'directory.json')));
    const clock = overrides.clock ?? systemClock;
    const cases = new CaseService({
      store,
      audit: new FileAuditLog(config.dataDir),
      clock,
      policy: DEFAULT_APPROVAL_POLICY,
      kalender: createWerkdagKalender(),
      ...(overrides.ids ? { ids: overrides.ids } : {}),
    });
    const services: BotServices = { cases, directory, clock };
    const bot = new HelmondBot(services, new ConversationState(new FileStorage(config.dataDir)), config.teamId);
    return { bot, services, store: 'embedded', close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}

import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { CosmosClient } from '@azure/cosmos';
import type { Storage } from 'botbuilder';
import { ConversationMemberState } from './conversation-member-state';
import { changesAsCard } from './change-message';
import { CaseService } from '../services/cases/case-service';
import { TurnCachedCaseStore } from '../services/cases/turn-scope';
import type { IdSource } from '../services/cases/ids';
import type { AppConfig, GraphConnection } from './config';
import { IcsCalendar } from '../services/adapters/ics/ics-calendar';
import { MdoPlanner } from '../services/calendar/mdo-planner';
import { GraphCalendar } from '../services/adapters/graph/graph-calendar';
import type { Calendar } from '../services/ports/calendar';
import { CosmosAuditLog } from '../services/adapters/cosmos/cosmos-audit-log';
import { CosmosCaseStore } from '../services/adapters/cosmos/cosmos-case-store';
import { createCosmosClient } from '../services/adapters/cosmos/options';
import { ClientSecretCredential, DefaultAzureCredential } from '@azure/identity';
import { loadFileDirectory } from '../services/adapters/file/file-directory';
import { createGraphClient } from '../services/adapters/graph/graph-client';
import { GraphDirectory } from '../services/adapters/graph/graph-directory';
import { GraphAppInstaller } from '../services/adapters/graph/graph-app-installer';
import type { AppInstaller } from '../services/ports/app-installer';
import { ProactiveReach, type ProactiveReachOptions } from '../services/notify/proactive-reach';
import { OutboxDispatcher, type DispatcherOptions } from '../services/notify/dispatcher';
import { reminderAsCard } from './reminder-card';
import { GraphPeople } from '../services/adapters/graph/graph-people';
import { loadFilePeople } from '../services/adapters/file/file-people';
import type { People } from '../services/ports/people';
import type { AuditLog } from '../services/ports/audit-log';
import type { CaseStore } from '../services/ports/case-store';
import { systemClock, type Clock } from '../services/ports/clock';
import type { Directory } from '../services/ports/directory';
import type { Metrics } from '../services/ports/metrics';
import { FileAuditLog } from '../services/adapters/file/file-audit-log';
import { FileCaseStore } from '../services/adapters/file/file-case-store';
import { createWerkdagKalender } from '../services/domain/werkdagen';
import type { z } from 'zod';
import { BudgetLedger, budgetDocument } from '../services/budget/ledger';
import { CosmosVersionedStore } from '../services/adapters/cosmos/cosmos-versioned-store';
import { conversationReference, ConversationReferences } from '../services/notify/conversation-references';
import type { DocumentKind, VersionedStore } from '../services/ports/versioned-store';
import { FileVersionedStore } from '../services/adapters/file/file-versioned-store';
import { SentCards, sentCardsDocument } from '../services/notify/sent-cards';
import { ApprovalService } from '../services/approvals/approval-service';
import { MandaatService } from '../services/budget/mandaat-service';
import { ResultatenService } from '../services/resultaten/resultaten-service';
import { ApprovalCards } from './card-actions/approval-cards';
import { ApprovalDelivery } from './card-actions/approval-delivery';
import { Downloads } from './downloads';
import { HelmondBot } from './helmond-bot';
import { ProactiveNotifier } from './proactive-notifier';
import type { BotServices } from './turn-services';
import { CosmosStorage } from './storage/cosmos-storage';
import type { IndexingPolicyNote } from '../services/adapters/cosmos/ensure';
import type { Logger } from './logging';
import { FileStorage } from './storage/file-storage';

/** This process among the bot instances, as written into its outbox claims (host, process, a random part). */
function instanceId(): string {
  const host = os.hostname().replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60) || 'bot';
  return `${host}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Where cases, the audit trail, bot state and the small versioned documents live. */
interface Backend {
  readonly name: 'embedded' | 'cosmos';
  readonly store: CaseStore;
  readonly audit: AuditLog;
  readonly state: Storage;
  versioned<T>(kind: DocumentKind, schema: z.ZodType<T>): Promise<VersionedStore<T>>;
  close(): Promise<void>;
}

/** What the entry point runs, and how to let go of it. */
export interface Runtime {
  readonly bot: HelmondBot;
  readonly services: BotServices;
  /** The doorbraakbudget ledger, on the same backend (used by approvals). */
  readonly ledger: BudgetLedger;
  /** Proactive messages; attach the HTTP edge's adapter once it exists. */
  readonly notifier: ProactiveNotifier;
  /** Delivers the cases' outboxes through the notifier; start it once the notifier is attached (`close` stops it). */
  readonly dispatcher: OutboxDispatcher;
  /** Local runs: files handed out by link; the HTTP edge serves them and attaches its address. */
  readonly downloads?: Downloads;
  /** Which store is in use, for the start-up log (never a secret). */
  readonly store: Backend['name'];
  close(): Promise<void>;
}

export interface ComposeOverrides {
  readonly clock?: Clock;
  readonly ids?: IdSource;
  readonly directory?: Directory;
  readonly people?: People;
  /** Tests hand in a client that trusts their local server's certificate. */
  readonly cosmosClient?: CosmosClient;
  /** Tests hand in a calendar on their local Graph server. */
  readonly calendar?: Calendar;
  /** Tests hand in an installer on their local Graph server, and a shorter wait for Teams' installationUpdate. */
  readonly installer?: AppInstaller;
  readonly reach?: ProactiveReachOptions;
  /** Tests shorten the dispatcher's lease and pacing. */
  readonly dispatcher?: Partial<DispatcherOptions>;
  /** Wrap the case store, e.g. to count its operations in a benchmark. */
  readonly wrapStore?: (store: CaseStore) => CaseStore;
  /** The product's counters when telemetry is on (bot/telemetry); none otherwise. */
  readonly metrics?: Metrics;
  /** Where start-up notes go (an existing Cosmos container's indexing policy brought up to date, or refused). */
  readonly logger?: Logger;
}

async function embedded(config: AppConfig): Promise<Backend> {
  const store = await FileCaseStore.open({ dir: config.dataDir });
  return {
    name: 'embedded',
    store,
    audit: new FileAuditLog(config.dataDir),
    state: new FileStorage(config.dataDir),
    versioned: (kind, schema) => FileVersionedStore.open(config.dataDir, kind, schema),
    close: () => store.close(),
  };
}

/** An existing container's indexing policy brought up to date, or refused (403): an event with a code, no data. */
export function logIndexingPolicy(logger: Logger | undefined): (note: IndexingPolicyNote) => void {
  return (note) => {
    if (note.outcome === 'updated') logger?.info('cosmos.indexing_policy_updated', { code: 'COSMOS.INDEXING_POLICY_UPDATED', store: note.containerId });
    else logger?.warn('cosmos.indexing_policy_refused', { code: 'COSMOS.INDEXING_POLICY_REFUSED', store: note.containerId, status: note.status });
  };
}

async function cosmos(config: AppConfig, client: CosmosClient | undefined, logger: Logger | undefined): Promise<Backend> {
  const options = config.cosmos as NonNullable<AppConfig['cosmos']>;
  const cosmosClient = client ?? createCosmosClient(options);
  const ensure = { onIndexingPolicy: logIndexingPolicy(logger) };
  const [store, audit, state] = await Promise.all([
    CosmosCaseStore.open(cosmosClient, options.database, ensure),
    CosmosAuditLog.open(cosmosClient, options.database, ensure),
    CosmosStorage.open(cosmosClient, options.database),
  ]);
  return {
    name: 'cosmos',
    store,
    audit,
    state,
    versioned: (kind, schema) => CosmosVersionedStore.open(cosmosClient, options.database, kind, schema),
    close: async () => cosmosClient.dispose(),
  };
}

/** A Graph client: a client secret when configured, otherwise the managed identity. */
function graphClient({ tenantId, clientId, clientSecret, baseUrl }: GraphConnection) {
  const credential = tenantId && clientId && clientSecret ? new ClientSecretCredential(tenantId, clientId, clientSecret) : new DefaultAzureCredential();
  return createGraphClient({ credential, baseUrl });
}

/** MDO invites: Exchange calendars through Graph (CALENDAR=graph), or .ics files in the chat. */
function calendarOf(config: AppConfig['calendar'], clock: Clock): Calendar {
  return config.kind === 'graph' ? new GraphCalendar(graphClient(config.graph)) : new IcsCalendar(clock);
}

/** Installing the app for people the bot cannot reach yet: only with TEAMS_APP_CATALOG_ID (through Graph). */
function installerOf(config: AppConfig['appInstall']): AppInstaller | undefined {
  if (!config) return undefined;
  // The catalog binding names the public Graph host, or the national cloud's one that GRAPH_BASE_URL names.
  return new GraphAppInstaller(graphClient(config.graph), { catalogAppId: config.catalogAppId, bindingHost: config.graph.baseUrl });
}

/**
 * Roles and people: from Microsoft Entra through Graph when the ROLE_GROUP_* variables are set, otherwise from
 * DATA_DIR/directory.json and DATA_DIR/people.json (a bad file stops start-up).
 */
async function directoryAndPeople(config: AppConfig, overrides: ComposeOverrides): Promise<{ directory: Directory; people: People }> {
  const graph = config.directory;
  if (graph) {
    const client = graphClient(graph.graph);
    return { directory: overrides.directory ?? new GraphDirectory(client, graph.groups), people: overrides.people ?? new GraphPeople(client) };
  }
  return {
    directory: overrides.directory ?? (await loadFileDirectory(path.join(config.dataDir, 'directory.json'))),
    people: overrides.people ?? (await loadFilePeople(path.join(config.dataDir, 'people.json'))),
  };
}

/**
 * Build the bot: Azure Cosmos DB when COSMOS_ENDPOINT is configured, otherwise the embedded default store under
 * DATA_DIR (nothing needs Azure). Roles and people come from Graph or from files (see directoryAndPeople).
 */
export async function compose(config: AppConfig, overrides: ComposeOverrides = {}): Promise<Runtime> {
  const backend = config.cosmos ? await cosmos(config, overrides.cosmosClient, overrides.logger) : await embedded(config);
  try {
    const { directory, people } = await directoryAndPeople(config, overrides);
    const clock = overrides.clock ?? systemClock;
    const kalender = createWerkdagKalender();
    const caseStore = overrides.wrapStore ? overrides.wrapStore(backend.store) : backend.store;
    const cases = new CaseService({
      // Each turn reads a case once (see services/cases/turn-scope.ts).
      store: new TurnCachedCaseStore(caseStore),
      audit: backend.audit,
      clock,
      policy: config.policy,
      kalender,
      reminders: config.reminders,
      people,
      ...(overrides.ids ? { ids: overrides.ids } : {}),
    });
    const planner = new MdoPlanner({ cases, calendar: overrides.calendar ?? calendarOf(config.calendar, clock), clock, kalender });
    const references = new ConversationReferences(await backend.versioned('conversationRefs', conversationReference));
    const ledger = new BudgetLedger(await backend.versioned('budgets', budgetDocument));
    const metrics = overrides.metrics ? { metrics: overrides.metrics } : {};
    const approvals = new ApprovalService({ cases, ledger, directory, clock, ...metrics });
    // The report reads the store's indexed listing directly (not the turn's cache, not the case service's access rule).
    const resultaten = new ResultatenService({ store: caseStore, ledger, audit: backend.audit, clock, kalender, drempel: config.resultatenDrempel });
    const services: BotServices = { cases, approvals, directory, people, clock, references, ledger, planner, mandaat: new MandaatService({ cases, ledger, clock }), resultaten };
    const notifier = new ProactiveNotifier(new ProactiveReach(references, overrides.installer ?? installerOf(config.appInstall), overrides.reach));
    const cards = new ApprovalCards();
    const delivery = new ApprovalDelivery(services, approvals, cards, notifier, new SentCards(await backend.versioned('sentCards', sentCardsDocument)));
    // Without an Azure Bot registration this is a local run: files by link (the playground has no file consent).
    const downloads = config.bot.appId ? undefined : new Downloads(clock);
    const bot = new HelmondBot(services, new ConversationMemberState(backend.state), config.teamId, { cards, delivery, notifier }, downloads);
    const dispatcher = new OutboxDispatcher(caseStore, notifier, {
      instanceId: instanceId(),
      intervalMs: config.outbox.intervalMs,
      reminderIntervalMs: config.outbox.reminderIntervalMs,
      render: changesAsCard,
      renderReminder: reminderAsCard,
      kalender,
      roleHolders: (role) => directory.usersWithRole(role),
      now: () => clock.now().toJSDate(),
      ...metrics,
      ...overrides.dispatcher,
    });
    const close = async () => {
      await dispatcher.stop();
      await backend.close();
    };
    return { bot, services, ledger, notifier, dispatcher, store: backend.name, ...(downloads ? { downloads } : {}), close };
  } catch (error) {
    await backend.close();
    throw error;
  }
}

/**
 * Configuration, parsed once at start-up from environment variables. The only module that reads `process.env`.
 *
 * Every variable, its default and meaning is in the README's Configuration table (one place, kept true there);
 * the Dutch message of each refusal below names the variable and never its value.
 *
 * Advanced, for tests and sovereign clouds only: the channel-authentication overrides that botbuilder's
 * `ConfigurationBotFrameworkAuthentication` reads. When one is set, all are used as given, so all must be set:
 * `BotOpenIdMetadata`, `ToBotFromChannelOpenIdMetadataUrl`, `ToBotFromEmulatorOpenIdMetadataUrl`,
 * `ToChannelFromBotLoginUrl`, `OAuthUrl`, `OAuthApiEndpoint` (URLs), `ToBotFromChannelTokenIssuer`,
 * `ToChannelFromBotOAuthScope`, `ChannelService`, `CallerId` (text without spaces) and `ValidateAuthority`
 * (`true` or `false`). Leave them all unset in production on the public Azure cloud.
 *
 * Empty values count as unset, so a `.env` line like `MicrosoftAppId=` means "no app id".
 */
import { DomainError } from '../services/domain/errors';
import type { CosmosOptions } from '../services/adapters/cosmos/options';
import { DEFAULT_APPROVAL_POLICY, type ApprovalPolicy } from '../services/domain/model/approval';
import type { OrgRole } from '../services/domain/model/roles';
import { DEFAULT_RESULTATEN_DREMPEL } from '../services/resultaten/resultaten-service';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../services/domain/model/reminder';
import { APP_TYPES, AUTH_OVERRIDES, CALENDAR_KINDS, EnvSchema, ROLE_GROUP_VARIABLES, type AuthOverride, type Env } from './config-schema';
import { parseRoles, parseTenants, parseTiers } from './config-values';
import type { LogLevel } from './logging';

export { APP_TYPES, AUTH_OVERRIDES, CALENDAR_KINDS, ROLE_GROUP_VARIABLES };

/**
 * What a deployment in Azure sets, checked against infra/modules/app-service.bicep by test/unit/infra.test.ts.
 * Besides this file's variables: AZURE_CLIENT_ID, by which @azure/identity's DefaultAzureCredential picks the
 * user-assigned managed identity (Cosmos DB, Microsoft Graph), and APPLICATIONINSIGHTS_CONNECTION_STRING
 * (telemetry), with APPLICATION_INSIGHTS_NO_STATSBEAT, which the Azure Monitor distro reads (its own usage reports to
 * Microsoft, outside the gemeente's resource, off). TEAMS_APP_CATALOG_ID may be empty until the app is in the tenant's catalog.
 */
export const PRODUCTION_SETTINGS = [
  'HOST',
  'PORT',
  'ALLOWED_TENANTS',
  'LOG_LEVEL',
  'MicrosoftAppType',
  'MicrosoftAppId',
  'MicrosoftAppTenantId',
  'AZURE_CLIENT_ID',
  'COSMOS_ENDPOINT',
  'COSMOS_DATABASE',
  ...ROLE_GROUP_VARIABLES.map(([name]) => name),
  'CALENDAR',
  'TEAMS_APP_CATALOG_ID',
  'TEAM_ID',
  'OUTBOX_INTERVAL_SECONDS',
  'REMINDER_INTERVAL_SECONDS',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'APPLICATION_INSIGHTS_NO_STATSBEAT',
] as const;

/** How to reach Microsoft Graph: a client secret, or a managed identity when absent. */
export interface GraphConnection {
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly baseUrl: string;
}

/** Roles from Microsoft Entra groups, through Graph. */
export interface GraphDirectoryConfig {
  readonly groups: Readonly<Partial<Record<OrgRole, string>>>;
  readonly graph: GraphConnection;
}

/** Installing the bot's Teams app for people it cannot reach yet, through Graph. */
export interface AppInstallConfig {
  /** The app's id in the tenant's app catalog. */
  readonly catalogAppId: string;
  readonly graph: GraphConnection;
}


/** Where MDO invites go: the professionals' Exchange calendars through Graph, or .ics files in the chat. */
export type CalendarConfig = { readonly kind: 'ics' } | { readonly kind: 'graph'; readonly graph: GraphConnection };
export type AppType = (typeof APP_TYPES)[number];


/** Never set in production: the secrets the managed identity replaces, and the switches for tests and local runs. */
export const NOT_IN_PRODUCTION = ['MicrosoftAppPassword', 'COSMOS_KEY', 'GRAPH_CLIENT_SECRET', 'ALLOW_ANONYMOUS_REMOTE', ...AUTH_OVERRIDES] as const;

type AuthKey = 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId' | AuthOverride;

/** The settings handed to botbuilder's `ConfigurationBotFrameworkAuthentication`, under the names it reads. */
export type BotAuthSettings = Readonly<Partial<Record<AuthKey, string>>>;

/** The whole configuration, deeply frozen. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** The HTTP edge's own limits. */
  readonly edge: {
    /** Without an app id: requests are believed as sent (local runs only). */
    readonly anonymous: boolean;
    /** Set: only activities from these tenants (lower-case GUIDs) run bot code. */
    readonly allowedTenants: readonly string[] | undefined;
    /** Open connections at most; above it the longest-idle one is closed. */
    readonly maxConnections: number;
  };
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly teamId: string;
  /** The dispatcher of the cases' outboxes (notifications of changes): how often it looks for work. */
  /** How often the dispatcher sweeps outboxes, and looks for due reminders. */
  readonly outbox: { readonly intervalMs: number; readonly reminderIntervalMs: number };
  /** What reminders wait for (escalations, the Deel C evaluation after the plan is realised). */
  readonly reminders: ReminderPolicy;
  readonly bot: {
    /** Undefined for local runs: then the bot accepts anonymous requests. */
    readonly appId: string | undefined;
    readonly appType: AppType;
    readonly tenantId: string | undefined;
    readonly auth: BotAuthSettings;
  };
  /** Who may approve what, and when a request counts as stuck. */
  readonly policy: ApprovalPolicy;
  /** The resultaten: a figure built from fewer cases than this is shown as "minder dan …" (RESULTATEN_DREMPEL). */
  readonly resultatenDrempel: number;
  /** Set when any ROLE_GROUP_* is: roles come from Microsoft Entra groups through Graph; otherwise the roles file. */
  readonly directory: GraphDirectoryConfig | undefined;
  /** Where MDO invites go (CALENDAR). */
  readonly calendar: CalendarConfig;
  /** Set when TEAMS_APP_CATALOG_ID is: the bot installs its app for someone it cannot reach yet; otherwise it cannot. */
  readonly appInstall: AppInstallConfig | undefined;
  /** Set when COSMOS_ENDPOINT is: cases and bot state live in Azure Cosmos DB; otherwise the embedded store. */
  readonly cosmos: CosmosOptions | undefined;
  /** Set when APPLICATIONINSIGHTS_CONNECTION_STRING is: telemetry to Azure Monitor (bot/telemetry); otherwise none. */
  readonly telemetry: { readonly connectionString: string } | undefined;
}

/** Start-up stops with this error; its `userMessage` is Dutch, names the variable and never holds a value. */
export class ConfigError extends DomainError {
  constructor(problems: readonly string[]) {
    super('CONFIG.INVALID', `Configuratiefout: ${problems.join(' ')}`);
    this.name = 'ConfigError';
  }
}


function approvalPolicy(env: Env): ApprovalPolicy {
  return {
    uitzondering: env.APPROVAL_EXCEPTION_ROLES ? (parseRoles(env.APPROVAL_EXCEPTION_ROLES) as OrgRole[]) : DEFAULT_APPROVAL_POLICY.uitzondering,
    budgetTiers: env.APPROVAL_BUDGET_TIERS ? (parseTiers(env.APPROVAL_BUDGET_TIERS) as ApprovalPolicy['budgetTiers']) : DEFAULT_APPROVAL_POLICY.budgetTiers,
    stuckAfterWerkdagen: env.APPROVAL_STUCK_WERKDAGEN ? Number(env.APPROVAL_STUCK_WERKDAGEN) : DEFAULT_APPROVAL_POLICY.stuckAfterWerkdagen,
    mandaatCents: env.REGIE_MANDAAT ? Number(env.REGIE_MANDAAT) * 100 : DEFAULT_APPROVAL_POLICY.mandaatCents,
  };
}

function roleGroups(env: Env): GraphDirectoryConfig | undefined {
  const groups = Object.fromEntries(ROLE_GROUP_VARIABLES.flatMap(([name, role]) => (env[name as keyof Env] ? [[role, env[name as keyof Env] as string]] : [])));
  if (Object.keys(groups).length === 0) return undefined;
  return { groups, graph: graphConnection(env) };
}

function graphConnection(env: Env): GraphConnection {
  return {
    ...(env.GRAPH_TENANT_ID ? { tenantId: env.GRAPH_TENANT_ID } : {}),
    ...(env.GRAPH_CLIENT_ID ? { clientId: env.GRAPH_CLIENT_ID } : {}),
    ...(env.GRAPH_CLIENT_SECRET ? { clientSecret: env.GRAPH_CLIENT_SECRET } : {}),
    baseUrl: env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com',
  };
}

function toConfig(env: Env): AppConfig {
  const auth: Partial<Record<AuthKey, string>> = {};
  for (const key of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', ...AUTH_OVERRIDES] as const) {
    const value = env[key];
    if (value !== undefined) auth[key] = value;
  }
  const appType = (env.MicrosoftAppType ?? 'MultiTenant') as AppType;
  auth.MicrosoftAppType = appType;
  return {
    port: Number(env.PORT ?? 3978),
    host: env.HOST ?? (env.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1'),
    edge: {
      anonymous: !env.MicrosoftAppId,
      allowedTenants: env.ALLOWED_TENANTS ? parseTenants(env.ALLOWED_TENANTS) : undefined,
      maxConnections: Number(env.MAX_CONNECTIONS ?? 512),
    },
    dataDir: env.DATA_DIR ?? './.data',
    logLevel: (env.LOG_LEVEL ?? 'info') as LogLevel,
    teamId: env.TEAM_ID ?? 'wijkteam',
    outbox: { intervalMs: Number(env.OUTBOX_INTERVAL_SECONDS ?? 5) * 1000, reminderIntervalMs: Number(env.REMINDER_INTERVAL_SECONDS ?? 60) * 1000 },
    reminders: {
      escalatieWerkdagen: env.ESCALATIE_STUCK_WERKDAGEN ? Number(env.ESCALATIE_STUCK_WERKDAGEN) : DEFAULT_REMINDER_POLICY.escalatieWerkdagen,
      evaluatieNaMaanden: env.EVALUATIE_NA_MAANDEN ? Number(env.EVALUATIE_NA_MAANDEN) : DEFAULT_REMINDER_POLICY.evaluatieNaMaanden,
    },
    bot: { appId: env.MicrosoftAppId, appType, tenantId: env.MicrosoftAppTenantId, auth },
    directory: roleGroups(env),
    calendar: env.CALENDAR === 'graph' ? { kind: 'graph', graph: graphConnection(env) } : { kind: 'ics' },
    appInstall: env.TEAMS_APP_CATALOG_ID ? { catalogAppId: env.TEAMS_APP_CATALOG_ID, graph: graphConnection(env) } : undefined,
    policy: approvalPolicy(env),
    resultatenDrempel: env.RESULTATEN_DREMPEL ? Number(env.RESULTATEN_DREMPEL) : DEFAULT_RESULTATEN_DREMPEL,
    cosmos: env.COSMOS_ENDPOINT
      ? { endpoint: env.COSMOS_ENDPOINT, database: env.COSMOS_DATABASE ?? 'helmond-aanpak', ...(env.COSMOS_KEY ? { key: env.COSMOS_KEY } : {}) }
      : undefined,
    telemetry: env.APPLICATIONINSIGHTS_CONNECTION_STRING ? { connectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING } : undefined,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parse the environment once. Throws {@link ConfigError} naming every bad or missing variable; a secret's value
 * never appears in the message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError([...new Set(parsed.error.issues.map((issue) => issue.message))]);
  return deepFreeze(toConfig(parsed.data));
}

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
import { z } from 'zod';
import { DomainError } from '../services/domain/errors';
import type { CosmosOptions } from '../services/adapters/cosmos/options';
import { DEFAULT_APPROVAL_POLICY, type ApprovalPolicy } from '../services/domain/model/approval';
import { ORG_ROLES, type OrgRole } from '../services/domain/model/roles';
import { DEFAULT_RESULTATEN_DREMPEL } from '../services/resultaten/resultaten-service';
import { MAX_MANDAAT_CENTS } from '../services/domain/model/mandaat';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../services/domain/model/reminder';
import { GUID, isAppInsightsConnectionString, isLoopbackHost, parseRoles, parseTenants, parseTiers } from './config-values';
import { LOG_LEVELS, type LogLevel } from './logging';

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** The environment variables naming the Entra group of each organisation role. */
export const ROLE_GROUP_VARIABLES = [
  ['ROLE_GROUP_AANJAGER', 'aanjager'],
  ['ROLE_GROUP_LEIDINGGEVENDE', 'leidinggevende'],
  ['ROLE_GROUP_PROCESREGISSEUR', 'procesregisseur'],
  ['ROLE_GROUP_BESTUURDER', 'bestuurder'],
  ['ROLE_GROUP_BEHEERDER', 'beheerder'],
] as const satisfies readonly (readonly [string, OrgRole])[];

/**
 * What a deployment in Azure sets, checked against infra/modules/app-service.bicep by test/unit/infra.test.ts.
 * Besides this file's variables: AZURE_CLIENT_ID, by which @azure/identity's DefaultAzureCredential picks the
 * user-assigned managed identity (Cosmos DB, Microsoft Graph), and APPLICATIONINSIGHTS_CONNECTION_STRING
 * (telemetry). TEAMS_APP_CATALOG_ID may be empty until the app is in the tenant's catalog.
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

export const CALENDAR_KINDS = ['ics', 'graph'] as const;

/** Where MDO invites go: the professionals' Exchange calendars through Graph, or .ics files in the chat. */
export type CalendarConfig = { readonly kind: 'ics' } | { readonly kind: 'graph'; readonly graph: GraphConnection };
export type AppType = (typeof APP_TYPES)[number];

const URL_OVERRIDES = [
  'BotOpenIdMetadata',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'ToChannelFromBotLoginUrl',
  'OAuthUrl',
  'OAuthApiEndpoint',
] as const;
const TEXT_OVERRIDES = ['ToBotFromChannelTokenIssuer', 'ToChannelFromBotOAuthScope', 'ChannelService', 'CallerId'] as const;
/** The channel-authentication overrides: all or none. */
export const AUTH_OVERRIDES = [...URL_OVERRIDES, ...TEXT_OVERRIDES, 'ValidateAuthority'] as const;
type AuthOverride = (typeof AUTH_OVERRIDES)[number];

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

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An optional text variable; every failure gives one fixed Dutch sentence, so no value is ever echoed. */
function text(message: string, check: (value: string) => boolean = () => true) {
  return z.preprocess(blankToUndefined, z.string({ error: message }).refine(check, { error: message }).optional());
}

function isUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

const overrideShape = Object.fromEntries([
  ...URL_OVERRIDES.map((name) => [name, text(`${name} moet een http(s)-URL zijn.`, isUrl)]),
  ...TEXT_OVERRIDES.map((name) => [name, text(`${name} moet tekst zonder spaties zijn.`, (v) => /^\S{1,2048}$/.test(v))]),
  ['ValidateAuthority', text('ValidateAuthority moet true of false zijn.', (v) => v === 'true' || v === 'false')],
]) as Record<AuthOverride, ReturnType<typeof text>>;

const EnvSchema = z
  .object({
    PORT: text('PORT moet een poortnummer tussen 1 en 65535 zijn.', (v) => /^\d{1,5}$/.test(v) && +v >= 1 && +v <= 65535),
    HOST: text('HOST moet een hostnaam of IP-adres zijn, bijvoorbeeld 0.0.0.0 of 127.0.0.1.', (v) =>
      /^[A-Za-z0-9.:_-]{1,253}$/.test(v),
    ),
    ALLOW_ANONYMOUS_REMOTE: text('ALLOW_ANONYMOUS_REMOTE moet true of false zijn.', (v) => v === 'true' || v === 'false'),
    ALLOWED_TENANTS: text('ALLOWED_TENANTS is een lijst tenant-id\u2019s (GUID\u2019s) met komma\u2019s.', (v) => parseTenants(v) !== undefined),
    MAX_CONNECTIONS: text('MAX_CONNECTIONS moet een heel getal tussen 16 en 65535 zijn.', (v) => /^\d{2,5}$/.test(v) && +v >= 16 && +v <= 65535),
    DATA_DIR: text('DATA_DIR moet een mappad zijn.', (v) => !v.includes('\0')),
    LOG_LEVEL: text(`LOG_LEVEL moet ${LOG_LEVELS.join(', ')} zijn.`, (v) => (LOG_LEVELS as readonly string[]).includes(v)),
    TEAM_ID: text('TEAM_ID mag alleen letters, cijfers, - en _ bevatten (1 tot 64 tekens).', (v) =>
      /^[A-Za-z0-9_-]{1,64}$/.test(v),
    ),
    OUTBOX_INTERVAL_SECONDS: text('OUTBOX_INTERVAL_SECONDS moet een heel getal tussen 1 en 3600 zijn.', (v) => /^\d{1,4}$/.test(v) && +v >= 1 && +v <= 3600),
    REMINDER_INTERVAL_SECONDS: text('REMINDER_INTERVAL_SECONDS moet een heel getal tussen 1 en 3600 zijn.', (v) => /^\d{1,4}$/.test(v) && +v >= 1 && +v <= 3600),
    ESCALATIE_STUCK_WERKDAGEN: text('ESCALATIE_STUCK_WERKDAGEN moet een heel aantal werkdagen zijn (1 tot 60).', (v) => /^\d{1,2}$/.test(v) && +v >= 1 && +v <= 60),
    EVALUATIE_NA_MAANDEN: text('EVALUATIE_NA_MAANDEN moet een heel aantal maanden zijn (1 tot 24).', (v) => /^\d{1,2}$/.test(v) && +v >= 1 && +v <= 24),
    MicrosoftAppId: text('MicrosoftAppId moet een GUID zijn (de app-id van de botregistratie).', (v) => GUID.test(v)),
    MicrosoftAppPassword: text('MicrosoftAppPassword is niet geldig.'),
    MicrosoftAppType: text(`MicrosoftAppType moet ${APP_TYPES.join(', ')} zijn.`, (v) =>
      (APP_TYPES as readonly string[]).includes(v),
    ),
    MicrosoftAppTenantId: text('MicrosoftAppTenantId moet een GUID zijn (de tenant-id van de organisatie).', (v) =>
      GUID.test(v),
    ),
    COSMOS_ENDPOINT: text('COSMOS_ENDPOINT moet een https-adres zijn, bijvoorbeeld https://mijn-account.documents.azure.com:443/.', (v) =>
      URL.canParse(v) && new URL(v).protocol === 'https:',
    ),
    COSMOS_DATABASE: text('COSMOS_DATABASE mag alleen letters, cijfers, - en _ bevatten (1 tot 255 tekens).', (v) => /^[A-Za-z0-9_-]{1,255}$/.test(v)),
    COSMOS_KEY: text('COSMOS_KEY is niet geldig.'),
    ...Object.fromEntries(
      ROLE_GROUP_VARIABLES.map(([name]) => [name, text(`${name} moet de object-id (GUID) van een Microsoft Entra-beveiligingsgroep zijn.`, (v) => GUID.test(v))]),
    ),
    GRAPH_TENANT_ID: text('GRAPH_TENANT_ID moet een GUID zijn (de tenant-id).', (v) => GUID.test(v)),
    GRAPH_CLIENT_ID: text('GRAPH_CLIENT_ID moet een GUID zijn (de app-id voor Microsoft Graph).', (v) => GUID.test(v)),
    GRAPH_CLIENT_SECRET: text('GRAPH_CLIENT_SECRET is niet geldig.'),
    APPROVAL_EXCEPTION_ROLES: text(`APPROVAL_EXCEPTION_ROLES is een lijst rollen met komma's, uit ${ORG_ROLES.join(', ')}.`, (v) => parseRoles(v) !== undefined),
    APPROVAL_BUDGET_TIERS: text('APPROVAL_BUDGET_TIERS heeft de vorm 2500=leidinggevende,25000=bestuurder (tot en met dat bedrag in euro, oplopend).', (v) => parseTiers(v) !== undefined),
    APPROVAL_STUCK_WERKDAGEN: text('APPROVAL_STUCK_WERKDAGEN moet een heel aantal werkdagen zijn (1 tot 60).', (v) => /^\d{1,2}$/.test(v) && +v >= 1 && +v <= 60),
    RESULTATEN_DREMPEL: text('RESULTATEN_DREMPEL moet een heel aantal casussen zijn, van 2 tot en met 100.', (v) => /^\d{1,3}$/.test(v) && +v >= 2 && +v <= 100),
    REGIE_MANDAAT: text('REGIE_MANDAAT moet een heel aantal euro zijn, van 0 (geen mandaat) tot en met 5000.', (v) => /^\d{1,4}$/.test(v) && +v <= MAX_MANDAAT_CENTS / 100),
    GRAPH_BASE_URL: text('GRAPH_BASE_URL moet een https-adres zijn.', (v) => URL.canParse(v) && new URL(v).protocol === 'https:'),
    TEAMS_APP_CATALOG_ID: text('TEAMS_APP_CATALOG_ID moet de id (GUID) van de app in de app-catalogus van de organisatie zijn.', (v) => GUID.test(v)),
    CALENDAR: text('CALENDAR is `graph` (agenda\u2019s via Microsoft Graph) of `ics` (uitnodigingen als bestand).', (v) => (CALENDAR_KINDS as readonly string[]).includes(v)),
    APPLICATIONINSIGHTS_CONNECTION_STRING: text(
      'APPLICATIONINSIGHTS_CONNECTION_STRING moet de verbindingsreeks van Application Insights zijn (InstrumentationKey=…;IngestionEndpoint=https://…).',
      isAppInsightsConnectionString,
    ),
    ...overrideShape,
  })
  .superRefine((env, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    // Field refinements do not stop this check, so never interpolate a value that has not passed its own check.
    const appType = APP_TYPES.find((type) => type === (env.MicrosoftAppType ?? 'MultiTenant'));
    if (!appType) return;
    if (appType !== 'MultiTenant') {
      if (!env.MicrosoftAppId) problem(`MicrosoftAppId is verplicht bij MicrosoftAppType ${appType}.`);
      if (!env.MicrosoftAppTenantId) problem(`MicrosoftAppTenantId is verplicht bij MicrosoftAppType ${appType}.`);
    }
    if (appType === 'UserAssignedMSI' && env.MicrosoftAppPassword) {
      problem('MicrosoftAppPassword hoort niet bij MicrosoftAppType UserAssignedMSI; laat het leeg.');
    }
    if (appType !== 'UserAssignedMSI' && env.MicrosoftAppId && !env.MicrosoftAppPassword) {
      problem(`MicrosoftAppPassword is verplicht als MicrosoftAppId is gezet (MicrosoftAppType ${appType}).`);
    }
    if (!env.MicrosoftAppId && env.MicrosoftAppPassword) {
      problem('MicrosoftAppPassword is gezet, maar MicrosoftAppId ontbreekt.');
    }
    if (env.GRAPH_CLIENT_SECRET && (!env.GRAPH_TENANT_ID || !env.GRAPH_CLIENT_ID)) {
      problem('GRAPH_CLIENT_SECRET hoort bij GRAPH_TENANT_ID en GRAPH_CLIENT_ID; zet ze alle drie, of geen (beheerde identiteit).');
    }
    if (!env.COSMOS_ENDPOINT && (env.COSMOS_KEY || env.COSMOS_DATABASE)) {
      problem('COSMOS_KEY of COSMOS_DATABASE is gezet, maar COSMOS_ENDPOINT ontbreekt.');
    }
    if (!env.MicrosoftAppId && env.HOST && !isLoopbackHost(env.HOST) && env.ALLOW_ANONYMOUS_REMOTE !== 'true') {
      problem(
        'Zonder MicrosoftAppId accepteert de bot berichten zonder controle; daarom luistert hij dan alleen op deze computer. ' +
          'Zet HOST op 127.0.0.1 (of laat HOST leeg), of zet MicrosoftAppId. Alleen als je het risico kent: ALLOW_ANONYMOUS_REMOTE=true.',
      );
    }
    const missing = AUTH_OVERRIDES.filter((name) => env[name] === undefined);
    if (missing.length > 0 && missing.length < AUTH_OVERRIDES.length) {
      problem(`De kanaalauthenticatie-instellingen horen bij elkaar: zet ze allemaal of geen. Ontbreekt: ${missing.join(', ')}.`);
    }
  });

type Env = z.infer<typeof EnvSchema>;

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

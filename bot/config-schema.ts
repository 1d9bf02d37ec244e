/**
 * The environment variables the bot reads, as one zod schema: each variable's check and its Dutch refusal, which names
 * the variable and never echoes its value, and the rules between variables. bot/config.ts maps the parsed variables
 * to the configuration; the README's Configuration table says what each one means.
 */
import { z } from 'zod';
import { ORG_ROLES, type OrgRole } from '../services/domain/model/roles';
import { MAX_MANDAAT_CENTS } from '../services/domain/model/mandaat';
import { GUID, isAppInsightsConnectionString, isLoopbackHost, parseRoles, parseTenants, parseTiers } from './config-values';
import { LOG_LEVELS } from './logging';

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** The environment variables naming the Entra group of each organisation role. */
export const ROLE_GROUP_VARIABLES = [
  ['ROLE_GROUP_AANJAGER', 'aanjager'],
  ['ROLE_GROUP_LEIDINGGEVENDE', 'leidinggevende'],
  ['ROLE_GROUP_PROCESREGISSEUR', 'procesregisseur'],
  ['ROLE_GROUP_BESTUURDER', 'bestuurder'],
  ['ROLE_GROUP_BEHEERDER', 'beheerder'],
] as const satisfies readonly (readonly [string, OrgRole])[];

export const CALENDAR_KINDS = ['ics', 'graph'] as const;

export const URL_OVERRIDES = [
  'BotOpenIdMetadata',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'ToChannelFromBotLoginUrl',
  'OAuthUrl',
  'OAuthApiEndpoint',
] as const;
export const TEXT_OVERRIDES = ['ToBotFromChannelTokenIssuer', 'ToChannelFromBotOAuthScope', 'ChannelService', 'CallerId'] as const;
/** The channel-authentication overrides: all or none. */
export const AUTH_OVERRIDES = [...URL_OVERRIDES, ...TEXT_OVERRIDES, 'ValidateAuthority'] as const;
export type AuthOverride = (typeof AUTH_OVERRIDES)[number];

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

export const EnvSchema = z
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

export type Env = z.infer<typeof EnvSchema>;

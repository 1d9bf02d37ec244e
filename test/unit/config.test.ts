import { expect } from 'chai';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import { AUTH_OVERRIDES, ConfigError, loadConfig } from '../../bot/config';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const TENANT_ID = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const SECRET = 'Sup3r~Geheim.Wachtwoord';

const OVERRIDES = Object.fromEntries(
  AUTH_OVERRIDES.map((name) => [name, name === 'ValidateAuthority' ? 'false' : `https://issuer.test/${name}`]),
);

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('loadConfig accepted a bad environment');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).to.deep.equal({
      port: 3978,
      host: '127.0.0.1',
      edge: { anonymous: true, allowedTenants: undefined, maxConnections: 512 },
      dataDir: './.data',
      logLevel: 'info',
      teamId: 'wijkteam',
      outbox: { intervalMs: 5000, reminderIntervalMs: 60_000 },
      reminders: { escalatieWerkdagen: 5, evaluatieNaMaanden: 3 },
      bot: { appId: undefined, appType: 'MultiTenant', tenantId: undefined, auth: { MicrosoftAppType: 'MultiTenant' } },
      directory: undefined,
      calendar: { kind: 'ics' },
      appInstall: undefined,
      policy: DEFAULT_APPROVAL_POLICY,
      resultatenDrempel: 5,
      cosmos: undefined,
      telemetry: undefined,
    });
  });

  it('CALENDAR=graph sends MDO invites through Graph with the GRAPH_* app', () => {
    const config = loadConfig({ CALENDAR: 'graph', GRAPH_TENANT_ID: TENANT_ID, GRAPH_CLIENT_ID: APP_ID, GRAPH_CLIENT_SECRET: SECRET });
    expect(config.calendar).to.deep.equal({ kind: 'graph', graph: { tenantId: TENANT_ID, clientId: APP_ID, clientSecret: SECRET, baseUrl: 'https://graph.microsoft.com' } });
    expect(loadConfig({ CALENDAR: 'graph' }).calendar).to.deep.equal({ kind: 'graph', graph: { baseUrl: 'https://graph.microsoft.com' } });
  });

  it('TEAMS_APP_CATALOG_ID lets the bot install its app through Graph with the GRAPH_* app (or the managed identity)', () => {
    const CATALOG = 'a1b2c3d4-0000-4000-8000-00000000c0de';
    expect(loadConfig({ TEAMS_APP_CATALOG_ID: CATALOG, GRAPH_TENANT_ID: TENANT_ID, GRAPH_CLIENT_ID: APP_ID, GRAPH_CLIENT_SECRET: SECRET }).appInstall).to.deep.equal({
      catalogAppId: CATALOG,
      graph: { tenantId: TENANT_ID, clientId: APP_ID, clientSecret: SECRET, baseUrl: 'https://graph.microsoft.com' },
    });
    expect(loadConfig({ TEAMS_APP_CATALOG_ID: CATALOG }).appInstall).to.deep.equal({ catalogAppId: CATALOG, graph: { baseUrl: 'https://graph.microsoft.com' } });
    expect(configError({ TEAMS_APP_CATALOG_ID: 'com.helmond.aanpak' }).userMessage).to.equal(
      'Configuratiefout: TEAMS_APP_CATALOG_ID moet de id (GUID) van de app in de app-catalogus van de organisatie zijn.',
    );
  });

  it('listens on loopback only without an app id, on every interface with one', () => {
    expect(loadConfig({}).host).to.equal('127.0.0.1');
    expect(loadConfig({ HOST: '::1' }).host).to.equal('::1');
    expect(loadConfig({ HOST: 'localhost' }).host).to.equal('localhost');
    const withAppId = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET });
    expect(withAppId.host).to.equal('0.0.0.0');
    expect(withAppId.edge.anonymous).to.equal(false);
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_ANONYMOUS_REMOTE: 'true' }).host).to.equal('0.0.0.0');
  });

  it('refuses a non-loopback HOST without an app id, in Dutch, unless ALLOW_ANONYMOUS_REMOTE=true', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.4', 'bot.example.nl']) {
      expect(configError({ HOST: host }).userMessage).to.contain('Zonder MicrosoftAppId accepteert de bot berichten zonder controle');
      expect(configError({ HOST: host, ALLOW_ANONYMOUS_REMOTE: 'false' }).userMessage).to.contain('Zet HOST op 127.0.0.1');
    }
  });

  it('reads the reminder settings', () => {
    const config = loadConfig({ REMINDER_INTERVAL_SECONDS: '120', ESCALATIE_STUCK_WERKDAGEN: '3', EVALUATIE_NA_MAANDEN: '6' });
    expect(config.outbox.reminderIntervalMs).to.equal(120_000);
    expect(config.reminders).to.deep.equal({ escalatieWerkdagen: 3, evaluatieNaMaanden: 6 });
    expect(configError({ EVALUATIE_NA_MAANDEN: '0' }).message).to.include('EVALUATIE_NA_MAANDEN moet een heel aantal maanden zijn');
    expect(configError({ ESCALATIE_STUCK_WERKDAGEN: 'vijf' }).message).to.include('ESCALATIE_STUCK_WERKDAGEN moet');
    expect(configError({ REMINDER_INTERVAL_SECONDS: '0' }).message).to.include('REMINDER_INTERVAL_SECONDS moet');
  });

  it('reads OUTBOX_INTERVAL_SECONDS', () => {
    expect(loadConfig({ OUTBOX_INTERVAL_SECONDS: '30' }).outbox.intervalMs).to.equal(30_000);
  });

  it('reads ALLOWED_TENANTS (lower-cased) and MAX_CONNECTIONS', () => {
    const config = loadConfig({ ALLOWED_TENANTS: `${TENANT_ID.toUpperCase()}, ${APP_ID}`, MAX_CONNECTIONS: '64' });
    expect(config.edge.allowedTenants).to.deep.equal([TENANT_ID, APP_ID]);
    expect(config.edge.maxConnections).to.equal(64);
  });

  it('treats empty values as unset, as in a .env line "MicrosoftAppId="', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: ' ', MicrosoftAppPassword: '' }).bot.appId).to.equal(undefined);
  });

  it('reads every variable and hands the auth settings over under botbuilder names', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/helmond',
      LOG_LEVEL: 'debug',
      TEAM_ID: 'team_west-2',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: SECRET,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT_ID,
      UNRELATED: 'ignored',
    });
    expect(config).to.deep.include({ port: 8080, host: '127.0.0.1', dataDir: '/var/lib/helmond', logLevel: 'debug' });
    expect(config.teamId).to.equal('team_west-2');
    expect(config.bot.auth).to.deep.equal({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: SECRET,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT_ID,
    });
  });

  it('accepts a managed identity without a password', () => {
    const env = { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID };
    expect(loadConfig(env).bot.appType).to.equal('UserAssignedMSI');
  });

  it('accepts the channel-auth overrides when all are set', () => {
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, ...OVERRIDES });
    expect(config.bot.auth).to.include(OVERRIDES);
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET });
    expect(Object.isFrozen(config)).to.equal(true);
    expect(Object.isFrozen(config.bot)).to.equal(true);
    expect(Object.isFrozen(config.bot.auth)).to.equal(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).to.throw(TypeError);
  });

  const BAD: [name: string, env: NodeJS.ProcessEnv, message: string][] = [
    ['PORT not a number', { PORT: 'abc' }, 'Configuratiefout: PORT moet een poortnummer tussen 1 en 65535 zijn.'],
    ['CALENDAR unknown', { CALENDAR: 'outlook' }, 'CALENDAR is `graph` (agenda\u2019s via Microsoft Graph) of `ics` (uitnodigingen als bestand).'],
    ['PORT out of range', { PORT: '70000' }, 'PORT moet een poortnummer tussen 1 en 65535 zijn.'],
    ['PORT zero', { PORT: '0' }, 'PORT moet een poortnummer'],
    ['HOST with a space', { HOST: 'local host' }, 'HOST moet een hostnaam of IP-adres zijn'],
    ['ALLOW_ANONYMOUS_REMOTE not a boolean', { ALLOW_ANONYMOUS_REMOTE: 'ja' }, 'ALLOW_ANONYMOUS_REMOTE moet true of false zijn.'],
    ['ALLOWED_TENANTS not GUIDs', { ALLOWED_TENANTS: 'contoso, fabrikam' }, 'ALLOWED_TENANTS is een lijst tenant-id\u2019s (GUID\u2019s) met komma\u2019s.'],
    ['ALLOWED_TENANTS empty list', { ALLOWED_TENANTS: ' , ' }, 'ALLOWED_TENANTS is een lijst'],
    ['MAX_CONNECTIONS too small', { MAX_CONNECTIONS: '2' }, 'MAX_CONNECTIONS moet een heel getal tussen 16 en 65535 zijn.'],
    ['MAX_CONNECTIONS not a number', { MAX_CONNECTIONS: 'veel' }, 'MAX_CONNECTIONS moet een heel getal'],
    ['OUTBOX_INTERVAL_SECONDS zero', { OUTBOX_INTERVAL_SECONDS: '0' }, 'OUTBOX_INTERVAL_SECONDS moet een heel getal tussen 1 en 3600 zijn.'],
    ['OUTBOX_INTERVAL_SECONDS not a number', { OUTBOX_INTERVAL_SECONDS: '2.5' }, 'OUTBOX_INTERVAL_SECONDS moet een heel getal'],
    ['DATA_DIR with NUL', { DATA_DIR: 'a\0b' }, 'DATA_DIR moet een mappad zijn.'],
    ['LOG_LEVEL unknown', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL moet debug, info, warn, error zijn.'],
    ['TEAM_ID with a space', { TEAM_ID: 'wijk team' }, 'TEAM_ID mag alleen letters, cijfers, - en _ bevatten'],
    ['TEAM_ID too long', { TEAM_ID: 'x'.repeat(65) }, 'TEAM_ID mag alleen'],
    ['MicrosoftAppId not a GUID', { MicrosoftAppId: 'mijn-bot', MicrosoftAppPassword: SECRET }, 'MicrosoftAppId moet een GUID zijn'],
    ['MicrosoftAppType unknown', { MicrosoftAppType: 'Multi' }, 'MicrosoftAppType moet MultiTenant, SingleTenant, UserAssignedMSI zijn.'],
    [
      'MicrosoftAppTenantId not a GUID',
      { MicrosoftAppTenantId: 'contoso' },
      'MicrosoftAppTenantId moet een GUID zijn',
    ],
    ['password missing', { MicrosoftAppId: APP_ID }, 'MicrosoftAppPassword is verplicht als MicrosoftAppId is gezet'],
    ['password without app id', { MicrosoftAppPassword: SECRET }, 'MicrosoftAppPassword is gezet, maar MicrosoftAppId ontbreekt.'],
    [
      'SingleTenant without tenant',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: 'SingleTenant' },
      'MicrosoftAppTenantId is verplicht bij MicrosoftAppType SingleTenant.',
    ],
    [
      'UserAssignedMSI without tenant',
      { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI' },
      'MicrosoftAppTenantId is verplicht bij MicrosoftAppType UserAssignedMSI.',
    ],
    [
      'UserAssignedMSI without app id',
      { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID },
      'MicrosoftAppId is verplicht bij MicrosoftAppType UserAssignedMSI.',
    ],
    [
      'UserAssignedMSI with a password',
      { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID, MicrosoftAppPassword: SECRET },
      'MicrosoftAppPassword hoort niet bij MicrosoftAppType UserAssignedMSI',
    ],
    [
      'one override alone',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, OAuthUrl: 'https://issuer.test/oauth' },
      'zet ze allemaal of geen. Ontbreekt: BotOpenIdMetadata, ToBotFromChannelOpenIdMetadataUrl,',
    ],
    ['override URL not a URL', { ...OVERRIDES, OAuthUrl: 'geen url' }, 'OAuthUrl moet een http(s)-URL zijn.'],
    ['ValidateAuthority not a boolean', { ...OVERRIDES, ValidateAuthority: 'ja' }, 'ValidateAuthority moet true of false zijn.'],
    ['CallerId with a space', { ...OVERRIDES, CallerId: 'urn: x' }, 'CallerId moet tekst zonder spaties zijn.'],
  ];

  for (const [name, env, message] of BAD) {
    it(`refuses ${name} with a Dutch message naming the variable`, () => {
      const error = configError(env);
      expect(error.code).to.equal('CONFIG.INVALID');
      expect(error.userMessage).to.match(/^Configuratiefout: /);
      expect(error.userMessage).to.include(message);
    });
  }

  it('names the missing overrides exactly', () => {
    const { CallerId: _callerId, OAuthApiEndpoint: _endpoint, ...rest } = OVERRIDES;
    const error = configError({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, ...rest });
    expect(error.userMessage).to.include('Ontbreekt: OAuthApiEndpoint, CallerId.');
  });

  it('lists every problem at once', () => {
    const error = configError({ PORT: 'x', LOG_LEVEL: 'loud' });
    expect(error.userMessage).to.include('PORT').and.to.include('LOG_LEVEL');
  });

  it('never echoes a secret or a bad value', () => {
    const cases: NodeJS.ProcessEnv[] = [
      { MicrosoftAppPassword: SECRET },
      { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID, MicrosoftAppPassword: SECRET },
      { MicrosoftAppId: SECRET, MicrosoftAppPassword: SECRET },
      { MicrosoftAppType: SECRET, MicrosoftAppPassword: SECRET, MicrosoftAppId: APP_ID },
    ];
    for (const env of cases) {
      const error = configError(env);
      expect(error.message).not.to.include(SECRET);
      expect(error.userMessage).not.to.include(SECRET);
      expect(JSON.stringify(error)).not.to.include(SECRET);
    }
  });
});

describe('loadConfig: Cosmos DB', () => {
  it('uses the embedded store without COSMOS_ENDPOINT, and Cosmos with it (database defaulted, key optional)', () => {
    expect(loadConfig({}).cosmos).to.equal(undefined);
    expect(loadConfig({ COSMOS_ENDPOINT: 'https://acc.documents.azure.com:443/' }).cosmos).to.deep.equal({ endpoint: 'https://acc.documents.azure.com:443/', database: 'helmond-aanpak' });
    expect(loadConfig({ COSMOS_ENDPOINT: 'https://acc.documents.azure.com/', COSMOS_DATABASE: 'ha-prod', COSMOS_KEY: 'geheim==' }).cosmos).to.deep.include({ database: 'ha-prod', key: 'geheim==' });
  });

  it('refuses an http endpoint, a bad database name, or a key without endpoint, in Dutch and without the key', () => {
    expect(messageOf({ COSMOS_ENDPOINT: 'http://acc.documents.azure.com' })).to.match(/COSMOS_ENDPOINT moet een https-adres zijn/);
    expect(messageOf({ COSMOS_ENDPOINT: 'https://a.b/', COSMOS_DATABASE: 'met spatie' })).to.match(/COSMOS_DATABASE mag alleen/);
    const keyOnly = messageOf({ COSMOS_KEY: 'supergeheim-sleutel' });
    expect(keyOnly).to.match(/COSMOS_ENDPOINT ontbreekt/);
    expect(keyOnly).to.not.contain('supergeheim');
  });
});

describe('loadConfig: telemetry', () => {
  const CONNECTION = `InstrumentationKey=${APP_ID};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=${TENANT_ID}`;
  it('is off without APPLICATIONINSIGHTS_CONNECTION_STRING, and on with one', () => {
    expect(loadConfig({}).telemetry).to.equal(undefined);
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION }).telemetry).to.deep.equal({ connectionString: CONNECTION });
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${APP_ID}` }).telemetry).to.deep.equal({ connectionString: `InstrumentationKey=${APP_ID}` });
  });

  it('refuses a malformed connection string in Dutch, without echoing it', () => {
    for (const bad of ['geheim-en-fout', `InstrumentationKey=geen-guid;IngestionEndpoint=https://x.test/`, `InstrumentationKey=${APP_ID};IngestionEndpoint=http://x.test/`, `IngestionEndpoint=https://x.test/`, `InstrumentationKey=${APP_ID};kapot`]) {
      const message = messageOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: bad });
      expect(message, bad).to.match(/APPLICATIONINSIGHTS_CONNECTION_STRING moet de verbindingsreeks van Application Insights zijn/);
      expect(message, bad).to.not.contain(bad);
    }
  });
});

describe('loadConfig: roles from Microsoft Entra groups', () => {
  const G = '11111111-1111-4111-8111-111111111111';
  it('uses the roles file without ROLE_GROUP_*, and Graph with them', () => {
    expect(loadConfig({}).directory).to.equal(undefined);
    expect(loadConfig({ ROLE_GROUP_LEIDINGGEVENDE: G }).directory).to.deep.equal({ groups: { leidinggevende: G }, graph: { baseUrl: 'https://graph.microsoft.com' } });
  });

  it('refuses a group that is no GUID, and a secret without its tenant and client, in Dutch and without the secret', () => {
    expect(messageOf({ ROLE_GROUP_BEHEERDER: 'beheerders' })).to.match(/ROLE_GROUP_BEHEERDER moet de object-id \(GUID\)/);
    const secret = messageOf({ ROLE_GROUP_BEHEERDER: G, GRAPH_CLIENT_SECRET: 'heel-geheim' });
    expect(secret).to.match(/GRAPH_CLIENT_SECRET hoort bij GRAPH_TENANT_ID en GRAPH_CLIENT_ID/);
    expect(secret).to.not.contain('heel-geheim');
  });
});

describe('loadConfig: the approval policy', () => {
  it('reads who approves what, and when a request is stuck', () => {
    expect(loadConfig({ APPROVAL_EXCEPTION_ROLES: 'leidinggevende, procesregisseur', APPROVAL_BUDGET_TIERS: '1000=leidinggevende,5000=leidinggevende|bestuurder', APPROVAL_STUCK_WERKDAGEN: '3' }).policy).to.deep.equal({
      uitzondering: ['leidinggevende', 'procesregisseur'],
      budgetTiers: [{ upToCents: 100_000, roles: ['leidinggevende'] }, { upToCents: 500_000, roles: ['leidinggevende', 'bestuurder'] }],
      stuckAfterWerkdagen: 3,
      mandaatCents: 25_000,
    });
  });

  it("reads the casusregisseur's mandaat in whole euros (0 switches it off) and refuses anything else in Dutch", () => {
    expect(loadConfig({ REGIE_MANDAAT: '75' }).policy.mandaatCents).to.equal(7_500);
    expect(loadConfig({ REGIE_MANDAAT: '0' }).policy.mandaatCents).to.equal(0);
    expect(loadConfig({ REGIE_MANDAAT: '5000' }).policy.mandaatCents).to.equal(500_000);
    for (const bad of ['5001', '-1', '12,50', 'veel', '25.5']) {
      expect(messageOf({ REGIE_MANDAAT: bad })).to.equal('Configuratiefout: REGIE_MANDAAT moet een heel aantal euro zijn, van 0 (geen mandaat) tot en met 5000.');
    }
  });

  it('reads the resultaten\'s suppression threshold (2 to 100 cases, default 5) and refuses anything else in Dutch', () => {
    expect(loadConfig({}).resultatenDrempel).to.equal(5);
    expect(loadConfig({ RESULTATEN_DREMPEL: '2' }).resultatenDrempel).to.equal(2);
    expect(loadConfig({ RESULTATEN_DREMPEL: '100' }).resultatenDrempel).to.equal(100);
    for (const bad of ['1', '0', '101', '5.5', 'vijf', '-5']) {
      expect(messageOf({ RESULTATEN_DREMPEL: bad })).to.equal('Configuratiefout: RESULTATEN_DREMPEL moet een heel aantal casussen zijn, van 2 tot en met 100.');
    }
  });

  it('refuses an unknown role, tiers out of order, or a bad number of werkdagen, in Dutch', () => {
    for (const [env, message] of [
      [{ APPROVAL_EXCEPTION_ROLES: 'koning' }, /APPROVAL_EXCEPTION_ROLES is een lijst rollen/],
      [{ APPROVAL_BUDGET_TIERS: '5000=bestuurder,1000=leidinggevende' }, /APPROVAL_BUDGET_TIERS heeft de vorm/],
      [{ APPROVAL_STUCK_WERKDAGEN: '0' }, /APPROVAL_STUCK_WERKDAGEN moet/],
    ] as const) {
      expect(() => loadConfig(env)).to.throw().with.property('userMessage').that.matches(message);
    }
  });
});

/** The Dutch refusal for an environment, or '' when it is accepted. */
function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
    return '';
  } catch (error) {
    return (error as { userMessage: string }).userMessage;
  }
}

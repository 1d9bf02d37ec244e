import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NOT_IN_PRODUCTION, PRODUCTION_SETTINGS, loadConfig } from '../../bot/config';
import { ARM_CONTAINERS_FILE, CODE_CONTAINERS, armContainersJson, toArmContainers, type ArmContainer } from '../../infra/cosmos-containers';
import { CASES_CONTAINER } from '../../services/adapters/cosmos/containers';
import { appSettingsDrift, bicepAppSettings, containerDrift, cosmosModuleProblems } from '../support/infra-drift';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

const APP_SERVICE = read('infra/modules/app-service.bicep');
const COSMOS = read('infra/modules/cosmos.bicep');
const DEPLOYED = JSON.parse(readFileSync(ARM_CONTAINERS_FILE, 'utf8')) as ArmContainer[];

/** Values for the settings whose Bicep value is an expression (a resource's property or a parameter). */
const DEPLOYMENT_VALUES: Readonly<Record<string, string>> = {
  ALLOWED_TENANTS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  MicrosoftAppId: '3f2c1e4d-5b6a-4c7d-8e9f-0a1b2c3d4e5f',
  MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  AZURE_CLIENT_ID: '3f2c1e4d-5b6a-4c7d-8e9f-0a1b2c3d4e5f',
  COSMOS_ENDPOINT: 'https://helmond-cosmos.documents.azure.com:443/',
  COSMOS_DATABASE: 'helmond-aanpak',
  ROLE_GROUP_AANJAGER: '00000000-0000-4000-8000-0000000000a1',
  ROLE_GROUP_LEIDINGGEVENDE: '00000000-0000-4000-8000-0000000000a2',
  ROLE_GROUP_PROCESREGISSEUR: '00000000-0000-4000-8000-0000000000a3',
  ROLE_GROUP_BESTUURDER: '00000000-0000-4000-8000-0000000000a4',
  ROLE_GROUP_BEHEERDER: '00000000-0000-4000-8000-0000000000a5',
  CALENDAR: 'graph',
  TEAMS_APP_CATALOG_ID: '00000000-0000-4000-8000-0000000000c1',
  TEAM_ID: 'wijkteam',
  OUTBOX_INTERVAL_SECONDS: '5',
  REMINDER_INTERVAL_SECONDS: '60',
  LOG_LEVEL: 'info',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-4000-8000-000000000001',
};

/** The environment the App Service gives the bot: literals as written, `var` literals resolved, the rest filled in. */
function environmentOf(bicep: string, settings: ReadonlyMap<string, string>): NodeJS.ProcessEnv {
  const literal = (expression: string) => /^'([^'$]*)'$/.exec(expression)?.[1];
  const variable = (name: string) => literal(new RegExp(`^var ${name} = (.+)$`, 'm').exec(bicep)?.[1]?.trim() ?? '');
  return Object.fromEntries(
    [...settings].map(([name, expression]) => {
      const value = literal(expression) ?? variable(expression) ?? DEPLOYMENT_VALUES[name];
      if (value === undefined) throw new Error(`No test value for app setting ${name} (${expression}).`);
      return [name, value];
    }),
  );
}

describe('infra/ and the code: one source of truth', () => {
  describe('Cosmos DB containers', () => {
    it('infra/cosmos-containers.json is what infra/cosmos-containers.ts generates from containers.ts (regenerate: npx tsx infra/cosmos-containers.ts)', () => {
      expect(readFileSync(ARM_CONTAINERS_FILE, 'utf8')).to.equal(armContainersJson());
    });

    it('every container, partition key and indexing policy of the code is deployed, and nothing else', () => {
      expect(CODE_CONTAINERS.map((c) => c.id)).to.have.members(['cases', 'botstate', 'audit', 'conversationRefs', 'budgets', 'sentCards']);
      expect(containerDrift(toArmContainers(CODE_CONTAINERS), DEPLOYED)).to.deep.equal([]);
    });

    it('the cosmos module creates each container of that file with its own key and policy', () => {
      expect(cosmosModuleProblems(COSMOS)).to.deep.equal([]);
    });

    it('fails on a mutated copy: a container removed or changed on either side', () => {
      const code = toArmContainers(CODE_CONTAINERS);
      expect(containerDrift(code, DEPLOYED.filter((c) => c.id !== 'budgets'))).to.deep.equal(['container budgets is in the code but not in infra/']);
      expect(containerDrift(code.filter((c) => c.id !== 'audit'), DEPLOYED)).to.deep.equal(['container audit is in infra/ but not in the code']);
      // Another index on cases in the code (as a later change may add) and not yet in infra/.
      const moreIndexed = { ...CASES_CONTAINER, indexingPolicy: { ...CASES_CONTAINER.indexingPolicy, includedPaths: [...(CASES_CONTAINER.indexingPolicy?.includedPaths ?? []), { path: '/kenmerk/?' }] } };
      const changed = toArmContainers(CODE_CONTAINERS.map((c) => (c.id === 'cases' ? moreIndexed : c)));
      expect(containerDrift(changed, DEPLOYED)).to.deep.equal(['container cases: indexing policy differs']);
      expect(armContainersJson(CODE_CONTAINERS.map((c) => (c.id === 'cases' ? moreIndexed : c)))).not.to.equal(readFileSync(ARM_CONTAINERS_FILE, 'utf8'));
      const otherKey = DEPLOYED.map((c) => (c.id === 'audit' ? { ...c, partitionKey: { paths: ['/id'], kind: 'Hash', version: 2 } } : c));
      expect(containerDrift(code, otherKey)).to.deep.equal(['container audit: partition key differs']);
    });

    it('fails on a mutated copy of the cosmos module: the file not loaded, or a policy not passed on', () => {
      expect(cosmosModuleProblems(COSMOS.replace("loadJsonContent('../cosmos-containers.json')", "loadJsonContent('../other.json')"))).to.deep.equal([
        'the cosmos module does not load ../cosmos-containers.json',
      ]);
      expect(cosmosModuleProblems(COSMOS.replace('indexingPolicy: definition.indexingPolicy', ''))).to.deep.equal(['the cosmos module does not pass indexingPolicy from the file']);
    });

    it('refuses to generate a container field it would not carry to ARM', () => {
      expect(() => toArmContainers([{ ...CASES_CONTAINER, defaultTtl: 3600 }])).to.throw(/defaultTtl is not carried/);
    });
  });

  describe('app settings', () => {
    const settings = bicepAppSettings(APP_SERVICE);

    it('the Bicep sets every setting production needs and none of the secrets or local switches', () => {
      expect(settings.size).to.be.greaterThan(PRODUCTION_SETTINGS.length - 1);
      expect(appSettingsDrift(settings, PRODUCTION_SETTINGS, NOT_IN_PRODUCTION)).to.deep.equal([]);
    });

    it('the configuration reads them as an authenticated bot on its managed identity, Cosmos DB without a key, roles from Entra and Graph calendars', () => {
      const config = loadConfig(environmentOf(APP_SERVICE, settings));
      expect(config.bot).to.include({ appType: 'UserAssignedMSI', appId: DEPLOYMENT_VALUES.MicrosoftAppId, tenantId: DEPLOYMENT_VALUES.MicrosoftAppTenantId });
      expect(config.bot.auth).not.to.have.property('MicrosoftAppPassword');
      expect(config.edge.anonymous).to.equal(false);
      expect(config.edge.allowedTenants).to.deep.equal([DEPLOYMENT_VALUES.ALLOWED_TENANTS]);
      expect(config.host).to.equal('0.0.0.0');
      expect(config.port).to.equal(8080);
      expect(config.cosmos).to.deep.equal({ endpoint: DEPLOYMENT_VALUES.COSMOS_ENDPOINT, database: 'helmond-aanpak' });
      expect(Object.keys(config.directory?.groups ?? {})).to.have.members(['aanjager', 'leidinggevende', 'procesregisseur', 'bestuurder', 'beheerder']);
      expect(config.directory?.graph).not.to.have.property('clientSecret');
      expect(config.calendar.kind).to.equal('graph');
      expect(config.appInstall?.catalogAppId).to.equal(DEPLOYMENT_VALUES.TEAMS_APP_CATALOG_ID);
    });

    it('fails on a mutated copy: a setting removed from the Bicep, or a secret added', () => {
      const without = APP_SERVICE.replace(/^\s*COSMOS_ENDPOINT: .*$\n/m, '');
      expect(appSettingsDrift(bicepAppSettings(without), PRODUCTION_SETTINGS, NOT_IN_PRODUCTION)).to.deep.equal([
        'app setting COSMOS_ENDPOINT is required in production but not set in the Bicep',
      ]);
      const withKey = APP_SERVICE.replace(/^(\s*)COSMOS_DATABASE: (.*)$/m, "$1COSMOS_DATABASE: $2\n$1COSMOS_KEY: 'c2VjcmV0'");
      expect(appSettingsDrift(bicepAppSettings(withKey), PRODUCTION_SETTINGS, NOT_IN_PRODUCTION)).to.deep.equal(['app setting COSMOS_KEY must not be set in production']);
      const noTenant = APP_SERVICE.replace(/^\s*MicrosoftAppTenantId: .*$\n/m, '');
      expect(() => loadConfig(environmentOf(noTenant, bicepAppSettings(noTenant)))).to.throw(/MicrosoftAppTenantId is verplicht/);
    });

    it('fails on a mutated copy: a setting removed from the code\'s list while the Bicep still sets it', () => {
      const required = PRODUCTION_SETTINGS.filter((name) => name !== 'TEAM_ID');
      expect(appSettingsDrift(settings, required, NOT_IN_PRODUCTION)).to.deep.equal([
        'app setting TEAM_ID is set in the Bicep but is not a production setting of the configuration',
      ]);
    });
  });

  describe('what the issue asks of the resources', () => {
    const MAIN = read('infra/azure.bicep');
    const BOT = read('infra/modules/bot.bicep');
    const MONITORING = read('infra/modules/monitoring.bicep');

    it('web app: Linux, Node 20, npm start, HTTPS only, TLS 1.2, no FTP, on the managed identity', () => {
      for (const line of [
        "linuxFxVersion: 'NODE|20-lts'",
        "appCommandLine: 'npm start --ignore-scripts'",
        'httpsOnly: true',
        "minTlsVersion: '1.2'",
        "ftpsState: 'Disabled'",
        "type: 'UserAssigned'",
        "healthCheckPath: '/healthz'",
      ]) {
        expect(APP_SERVICE, line).to.include(line);
      }
    });

    it('Cosmos DB: serverless by default, no keys, the built-in data contributor role for the identity', () => {
      expect(COSMOS).to.match(/param capacityMode string = 'serverless'/);
      expect(COSMOS).to.include('disableLocalAuth: true');
      expect(COSMOS).to.include("'00000000-0000-0000-0000-000000000002'");
      expect(COSMOS).to.match(/sqlRoleAssignments@[^']+' = \{[\s\S]*principalId: principalId/);
      expect(MAIN).to.include('principalId: identity.properties.principalId');
    });

    it('Azure Bot: UserAssignedMSI on the identity, with the Teams channel', () => {
      expect(BOT).to.include("msaAppType: 'UserAssignedMSI'");
      expect(BOT).to.include('msaAppMSIResourceId: identityResourceId');
      expect(BOT).to.include("channelName: 'MsTeamsChannel'");
    });

    it('Application Insights on a Log Analytics workspace; West Europe by default', () => {
      expect(MONITORING).to.include('WorkspaceResourceId: workspace.id');
      expect(MAIN).to.include("param location string = 'westeurope'");
      expect(APP_SERVICE).to.include('APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString');
    });
  });

  describe('the Agents Toolkit files', () => {
    const placeholders = (text: string) => [...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1] as string);
    const named = (text: string) => new Set([...text.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1] as string));
    const BUILT_IN = new Set(['TEAMSFX_ENV']);

    it('env/.env.dev names every variable m365agents.yml and the parameters use, with no value that could be a secret', () => {
      const dev = read('env/.env.dev');
      const used = [...placeholders(read('m365agents.yml')), ...placeholders(read('infra/azure.parameters.json'))];
      expect(used.filter((name) => !named(dev).has(name) && !BUILT_IN.has(name))).to.deep.equal([]);
      expect(dev).not.to.match(/SECRET|PASSWORD|_KEY=/);
      expect(dev).not.to.match(/^[A-Z0-9_]*=(?!westeurope$|B1$|serverless$|Continuous7Days$|graph$|wijkteam$|dev$).+$/m);
    });

    it('env/.env.local names every variable m365agents.local.yml uses', () => {
      const local = read('env/.env.local');
      expect(placeholders(read('m365agents.local.yml')).filter((name) => !named(local).has(name))).to.deep.equal([]);
      expect(local).to.match(/^HOST=127\.0\.0\.1$/m);
    });

    it('every parameter in azure.parameters.json is a parameter of azure.bicep', () => {
      const parameters = Object.keys((JSON.parse(read('infra/azure.parameters.json')) as { parameters: object }).parameters);
      const main = read('infra/azure.bicep');
      expect(parameters.filter((name) => !new RegExp(`^param ${name} `, 'm').test(main))).to.deep.equal([]);
    });
  });
});

/**
 * Reading what test/unit/infra.test.ts needs from the Bicep text (no Bicep compiler on these machines), and
 * comparing it with the code. Each check returns a list of problems, empty when both sides agree, so a test can
 * show a mutated copy failing.
 */
import { isDeepStrictEqual } from 'node:util';

/** The text between the braces of the first `{` after `opening` (matched by regex), braces balanced. */
export function bicepBlock(text: string, opening: RegExp): string | undefined {
  const match = opening.exec(text);
  if (!match) return undefined;
  const start = text.indexOf('{', match.index + match[0].length - 1);
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (char === '{' || char === '[') depth += 1;
    if (char === '}' || char === ']') depth -= 1;
    if (depth === 0) return text.slice(start + 1, i);
  }
  return undefined;
}

/** The top-level `key: value` pairs of a Bicep object body (one per line; comments and nested blocks skipped). */
export function bicepObjectEntries(body: string): Map<string, string> {
  const entries = new Map<string, string>();
  let depth = 0;
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (depth === 0) {
      const entry = /^('([^']+)'|[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$/.exec(line);
      if (entry) entries.set(entry[2] ?? (entry[1] as string), (entry[3] as string).trim());
    }
    depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
  }
  return entries;
}

/** The app settings (name → Bicep expression) of the web app's `appsettings` config resource. */
export function bicepAppSettings(appServiceBicep: string): Map<string, string> {
  const resource = bicepBlock(appServiceBicep, /resource \w+ 'Microsoft\.Web\/sites\/config@[^']+' = \{/);
  if (!resource || !/name:\s*'appsettings'/.test(resource)) return new Map();
  const properties = bicepBlock(resource, /properties:\s*\{/);
  return properties ? bicepObjectEntries(properties) : new Map();
}

/** Settings of the App Service platform itself, not of the bot's configuration. */
export const PLATFORM_SETTINGS = ['WEBSITES_PORT', 'WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'] as const;

/**
 * What differs between the settings production needs and those the Bicep sets, both ways: one the code needs
 * and the Bicep lacks, one the Bicep sets and the code does not know, and one that must never be set.
 */
export function appSettingsDrift(settings: ReadonlyMap<string, string>, required: readonly string[], forbidden: readonly string[]): string[] {
  const known = new Set<string>([...required, ...PLATFORM_SETTINGS]);
  return [
    ...required.filter((name) => !settings.has(name)).map((name) => `app setting ${name} is required in production but not set in the Bicep`),
    ...[...settings.keys()]
      .filter((name) => !known.has(name) && !forbidden.includes(name))
      .map((name) => `app setting ${name} is set in the Bicep but is not a production setting of the configuration`),
    ...forbidden.filter((name) => settings.has(name)).map((name) => `app setting ${name} must not be set in production`),
  ];
}

interface ContainerLike {
  readonly id: string;
  readonly partitionKey: unknown;
  readonly indexingPolicy: unknown;
}

/** What differs between the containers the code declares and those the Bicep deploys. */
export function containerDrift(code: readonly ContainerLike[], infra: readonly ContainerLike[]): string[] {
  const problems: string[] = [];
  const infraById = new Map(infra.map((container) => [container.id, container]));
  for (const container of code) {
    const deployed = infraById.get(container.id);
    if (!deployed) {
      problems.push(`container ${container.id} is in the code but not in infra/`);
      continue;
    }
    if (!isDeepStrictEqual(deployed.partitionKey, container.partitionKey)) problems.push(`container ${container.id}: partition key differs`);
    if (!isDeepStrictEqual(deployed.indexingPolicy, container.indexingPolicy)) problems.push(`container ${container.id}: indexing policy differs`);
  }
  const inCode = new Set(code.map((container) => container.id));
  for (const container of infra) if (!inCode.has(container.id)) problems.push(`container ${container.id} is in infra/ but not in the code`);
  return problems;
}

/** The cosmos module must create every container of the generated file, as it is. */
export function cosmosModuleProblems(cosmosBicep: string): string[] {
  const problems: string[] = [];
  const load = /var (\w+) = loadJsonContent\('\.\.\/cosmos-containers\.json'\)/.exec(cosmosBicep);
  if (!load) return ["the cosmos module does not load ../cosmos-containers.json"];
  const loop = new RegExp(`'Microsoft\\.DocumentDB/databaseAccounts/sqlDatabases/containers@[^']+' = \\[for (\\w+) in ${load[1]}:`).exec(cosmosBicep);
  if (!loop) return ['the cosmos module does not create a container for each entry of the file'];
  const item = loop[1] as string;
  const resource = bicepBlock(cosmosBicep.slice(loop.index), /properties:\s*\{/) ?? '';
  const body = bicepObjectEntries(bicepBlock(resource, /resource:\s*\{/) ?? '');
  for (const field of ['id', 'partitionKey', 'indexingPolicy']) {
    if (body.get(field) !== `${item}.${field}`) problems.push(`the cosmos module does not pass ${field} from the file`);
  }
  return problems;
}

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { z } from 'zod';
import { COMMANDS } from '../bot/texts';
import { iconProblems } from './icons';
import { createManifestValidator, MANIFEST_VERSION } from './schema-validation';

type Command = readonly [title: string, description: string];
const named = (titles: readonly string[]): Command[] => titles.flatMap((title) => COMMANDS.filter(([command]) => command === title));

/**
 * The command menu of the personal chat holds at most 10: the commands that need no argument, in the help's order,
 * `help` always among them (`stop` is left out first: it only means something in the middle of a question). Taken
 * from COMMANDS, so a new command joins the menu while there is room.
 */
const typed = COMMANDS.filter(([command]) => !command.includes('<') && command !== 'help' && command !== 'stop');
const PERSONAL_MENU: Command[] = [...typed.slice(0, 9), ...named(['help'])];

/**
 * In a group chat or a channel the bot discusses no case: `help` answers there (what it does in a group), any other
 * command runs in the sender's personal chat (HelmondBot.inGroup). The menu there offers the few that make sense to
 * start from a group, each saying where the answer goes.
 */
const GROUP_MENU: Command[] = [
  ...named(['mijn casussen', 'wat moet ik doen', 'nieuwe casus']).map(([title, what]): Command => [title, `${what}, in je persoonlijke chat met mij`]),
  ...named(['help']).map(([title]): Command => [title, 'wat ik in een groepsgesprek of kanaal kan']),
];

const guid = (name: string) =>
  z.string({ error: `Geef ${name} op (een GUID).` }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: `${name} moet een GUID zijn.` });
const httpsUrl = (name: string) =>
  z.string({ error: `Geef ${name} op (een https-adres).` }).url({ error: `${name} moet een geldig adres zijn.` }).startsWith('https://', { error: `${name} moet met https:// beginnen.` });

export const packInput = z.object({
  MicrosoftAppId: guid('MicrosoftAppId'),
  TEAMS_APP_ID: guid('TEAMS_APP_ID').optional(),
  /** The Entra app that calls Microsoft Graph (the bot's own when unset); see webApplicationInfo below. */
  GRAPH_CLIENT_ID: guid('GRAPH_CLIENT_ID').optional(),
  TEAMS_APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'TEAMS_APP_VERSION moet de vorm 1.2.3 hebben.' }).optional(),
  TEAMS_APP_DEVELOPER_NAME: z.string({ error: 'Geef TEAMS_APP_DEVELOPER_NAME op (de organisatie die de app uitgeeft).' }).min(1).max(32),
  TEAMS_APP_WEBSITE_URL: httpsUrl('TEAMS_APP_WEBSITE_URL'),
  TEAMS_APP_PRIVACY_URL: httpsUrl('TEAMS_APP_PRIVACY_URL'),
  TEAMS_APP_TERMS_URL: httpsUrl('TEAMS_APP_TERMS_URL'),
});
export type PackInput = z.infer<typeof packInput>;

const REFUSED = 'Het app-pakket kan niet worden gemaakt:';

/** Parse the packing variables; a Dutch message naming every missing or bad one. */
export function parsePackInput(env: Record<string, string | undefined>): PackInput {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = packInput.safeParse(cleaned);
  if (!parsed.success) throw new Error(`${REFUSED} ${[...new Set(parsed.error.issues.map((i) => i.message))].join(' ')}`);
  return parsed.data;
}

const commandList = (scopes: string[], commands: Command[]) => ({ scopes, commands: commands.map(([title, description]) => ({ title, description })) });

/**
 * The manifest for the given deployment (Dutch). The bot works in the personal chat; in a group chat or a team it
 * answers help and sends every other command to the sender's personal chat, so it is offered in all three scopes.
 * `supportsFiles` is for the Deel A PDF (file consent flow).
 */
export function buildManifest(input: PackInput, version: string) {
  const graphAppId = input.GRAPH_CLIENT_ID ?? input.MicrosoftAppId;
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: input.TEAMS_APP_VERSION ?? version,
    id: input.TEAMS_APP_ID ?? input.MicrosoftAppId,
    localizationInfo: { defaultLanguageTag: 'nl-NL' },
    developer: {
      name: input.TEAMS_APP_DEVELOPER_NAME,
      websiteUrl: input.TEAMS_APP_WEBSITE_URL,
      privacyUrl: input.TEAMS_APP_PRIVACY_URL,
      termsOfUseUrl: input.TEAMS_APP_TERMS_URL,
    },
    name: { short: 'Helmond Aanpak', full: 'De Helmond Aanpak-assistent' },
    description: {
      short: 'Stap voor stap door de Helmond Aanpak, met het Samenwerkplan erbij.',
      full:
        'De assistent begeleidt professionals in het wijkteam door het stappenplan van de Helmond Aanpak: hulpvraag, ' +
        'vraagverheldering (ik wil, ik kan, ik heb nodig en de leefgebieden), wie is er nodig, het MDO, het Samenwerkplan ' +
        '(Deel A met de inwoner, Deel B als onderbouwing, Deel C als evaluatie), uitvoering en escaleren. Aanjagers en ' +
        'leidinggevenden beoordelen Deel B en keuren uitzonderingen en doorbraakbudget goed.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#0B6E69',
    bots: [
      {
        botId: input.MicrosoftAppId,
        scopes: ['personal', 'team', 'groupChat'],
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [commandList(['personal'], PERSONAL_MENU), commandList(['team', 'groupChat'], GROUP_MENU)],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    // Installing the app for someone who never opened it (TEAMS_APP_CATALOG_ID) uses Graph's application permission
    // TeamsAppInstallation.ReadWriteSelfForUser.All, which Teams grants only to the Entra app named here ("self").
    // No feature needs it for anything else: the people picker (Data.Query graph.microsoft.com/users) is served by
    // the Teams client, there is no SSO and no resource-specific consent, so no authorization block either.
    webApplicationInfo: { id: graphAppId, resource: `api://botid-${graphAppId}` },
    validDomains: [],
  };
}

const readIcon = (name: string): Buffer => readFileSync(path.join(__dirname, 'icons', name));

/** The icons to pack: by default those in `manifest/icons/`. */
export interface PackIcons {
  color: Buffer;
  outline: Buffer;
}

/**
 * Write the app package (manifest.json and both icons at the root) to `outFile`, after checking the manifest
 * against the Teams schema and the icons against Teams' rules. Anything wrong: a Dutch error naming every problem,
 * and nothing is written.
 */
export function packApp(input: PackInput, outFile: string, icons: PackIcons = { color: readIcon('color.png'), outline: readIcon('outline.png') }): void {
  const version = (JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const manifest = buildManifest(input, version);
  const problems = [
    ...createManifestValidator()(manifest).map((p) => `manifest.json: ${p}`),
    ...iconProblems(icons.color, icons.outline),
  ];
  if (problems.length > 0) throw new Error(`${REFUSED} het voldoet niet aan de eisen van Teams (manifest ${MANIFEST_VERSION}): ${problems.join('; ')}.`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  zip.addFile('color.png', icons.color);
  zip.addFile('outline.png', icons.outline);
  mkdirSync(path.dirname(outFile), { recursive: true });
  zip.writeZip(outFile);
}

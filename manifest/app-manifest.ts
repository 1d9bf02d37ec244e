import { readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { z } from 'zod';
import { COMMANDS } from '../bot/texts';

/**
 * The command menu in Teams holds at most 10: the commands that need no argument, in the help's order, `help` always
 * among them (`stop` is left out first: it only means something in the middle of a question).
 */
const typed = COMMANDS.filter(([command]) => !command.includes('<') && command !== 'help' && command !== 'stop');
const MENU_COMMANDS = [...typed.slice(0, 9), ...COMMANDS.filter(([command]) => command === 'help')];

/**
 * The Teams app package: manifest.json (schema 1.19, Dutch), the colour and outline icons. The bot needs
 * `supportsFiles` for the Deel A PDF (file consent flow).
 */
const guid = (name: string) =>
  z.string({ error: `Geef ${name} op (een GUID).` }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: `${name} moet een GUID zijn.` });
const httpsUrl = (name: string) =>
  z.string({ error: `Geef ${name} op (een https-adres).` }).url({ error: `${name} moet een geldig adres zijn.` }).startsWith('https://', { error: `${name} moet met https:// beginnen.` });

export const packInput = z.object({
  MicrosoftAppId: guid('MicrosoftAppId'),
  TEAMS_APP_ID: guid('TEAMS_APP_ID').optional(),
  TEAMS_APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'TEAMS_APP_VERSION moet de vorm 1.2.3 hebben.' }).optional(),
  TEAMS_APP_DEVELOPER_NAME: z.string({ error: 'Geef TEAMS_APP_DEVELOPER_NAME op (de organisatie die de app uitgeeft).' }).min(1).max(32),
  TEAMS_APP_WEBSITE_URL: httpsUrl('TEAMS_APP_WEBSITE_URL'),
  TEAMS_APP_PRIVACY_URL: httpsUrl('TEAMS_APP_PRIVACY_URL'),
  TEAMS_APP_TERMS_URL: httpsUrl('TEAMS_APP_TERMS_URL'),
});
export type PackInput = z.infer<typeof packInput>;

/** Parse the packing variables; a Dutch message naming every missing or bad one. */
export function parsePackInput(env: Record<string, string | undefined>): PackInput {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = packInput.safeParse(cleaned);
  if (!parsed.success) throw new Error(`Het app-pakket kan niet worden gemaakt: ${[...new Set(parsed.error.issues.map((i) => i.message))].join(' ')}`);
  return parsed.data;
}

/** The manifest for the given deployment. */
export function buildManifest(input: PackInput, version: string) {
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json',
    manifestVersion: '1.19',
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
        commandLists: [
          {
            scopes: ['personal'],
            commands: MENU_COMMANDS.map(([title, description]) => ({ title, description: description.slice(0, 128) })),
          },
        ],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [],
  };
}

/** Write the app package (manifest.json and both icons) to `outFile`. */
export function packApp(input: PackInput, outFile: string): void {
  const version = (JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(buildManifest(input, version), null, 2)));
  zip.addFile('color.png', readFileSync(path.join(__dirname, 'icons', 'color.png')));
  zip.addFile('outline.png', readFileSync(path.join(__dirname, 'icons', 'outline.png')));
  zip.writeZip(outFile);
}

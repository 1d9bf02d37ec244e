import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { commandOf, INTERRUPTIONS } from '../../bot/routes';
import { COMMANDS } from '../../bot/texts';
import { buildManifest, packApp, parsePackInput } from '../../manifest/app-manifest';
import { createManifestValidator } from '../../manifest/schema-validation';
import { useTempDir } from '../support/temp-dir';

const ENV = {
  MicrosoftAppId: '00000000-0000-4000-8000-00000000b0b1',
  TEAMS_APP_DEVELOPER_NAME: 'Gemeente Helmond',
  TEAMS_APP_WEBSITE_URL: 'https://www.helmond.nl/helmondaanpak',
  TEAMS_APP_PRIVACY_URL: 'https://www.helmond.nl/privacy',
  TEAMS_APP_TERMS_URL: 'https://www.helmond.nl/gebruiksvoorwaarden',
};
const SCHEMA = JSON.parse(readFileSync(path.join(__dirname, '../../manifest/schema/MicrosoftTeams.schema.json'), 'utf8')) as {
  properties: { manifestVersion: { const: string } };
};
const ICON = (name: string) => readFileSync(path.join(__dirname, '../../manifest/icons', name));

type Manifest = Record<string, any>;
/** A PNG's IHDR as the file says it: width, height, bit depth, colour type (6 = RGBA). */
const pngHeader = (png: Buffer) => ({ signature: png.subarray(1, 4).toString('latin1'), chunk: png.subarray(12, 16).toString('latin1'), width: png.readUInt32BE(16), height: png.readUInt32BE(20), depth: png[24], colourType: png[25] });

describe('Teams app package', () => {
  const tmp = useTempDir('manifest');
  const validate = createManifestValidator();
  const pack = (env: Record<string, string> = ENV) => {
    const out = path.join(tmp.path, 'app.zip');
    packApp(parsePackInput(env), out);
    return new AdmZip(out);
  };
  const manifestOf = (zip: AdmZip) => JSON.parse(zip.readAsText('manifest.json')) as Manifest;

  it('holds exactly manifest.json, color.png and outline.png at the root of the zip', () => {
    const zip = pack();
    expect(zip.getEntries().map((e) => ({ name: e.entryName, directory: e.isDirectory })).sort((a, b) => a.name.localeCompare(b.name))).to.deep.equal([
      { name: 'color.png', directory: false },
      { name: 'manifest.json', directory: false },
      { name: 'outline.png', directory: false },
    ]);
    expect(zip.readFile('color.png')).to.deep.equal(ICON('color.png'));
    expect(zip.readFile('outline.png')).to.deep.equal(ICON('outline.png'));
  });

  it('writes a manifest that the Teams schema in the repository accepts, of that schema\u2019s version, in Dutch', () => {
    const manifest = manifestOf(pack());
    expect(validate(manifest)).to.deep.equal([]);
    const version = SCHEMA.properties.manifestVersion.const;
    expect(manifest.manifestVersion).to.equal(version);
    expect(manifest.$schema).to.equal(`https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
    expect(manifest.localizationInfo.defaultLanguageTag).to.equal('nl-NL');
    expect(manifest.name.short).to.equal('Helmond Aanpak');
  });

  it('names the configured bot: the bot id is MicrosoftAppId, the app id TEAMS_APP_ID (else the bot\u2019s), Graph\u2019s app in webApplicationInfo', () => {
    const plain = manifestOf(pack());
    expect(plain.id).to.equal(ENV.MicrosoftAppId);
    expect(plain.bots).to.have.length(1);
    expect(plain.bots[0]).to.deep.include({ botId: ENV.MicrosoftAppId, supportsFiles: true, isNotificationOnly: false });
    expect(plain.webApplicationInfo).to.deep.equal({ id: ENV.MicrosoftAppId, resource: `api://botid-${ENV.MicrosoftAppId}` });
    expect(plain).not.to.have.property('authorization');

    const teamsAppId = '11111111-1111-4111-8111-111111111111';
    const graphAppId = '22222222-2222-4222-8222-222222222222';
    const configured = manifestOf(pack({ ...ENV, TEAMS_APP_ID: teamsAppId, GRAPH_CLIENT_ID: graphAppId, TEAMS_APP_VERSION: '2.3.4' }));
    expect(configured.id).to.equal(teamsAppId);
    expect(configured.version).to.equal('2.3.4');
    expect(configured.bots[0].botId).to.equal(ENV.MicrosoftAppId);
    expect(configured.webApplicationInfo.id).to.equal(graphAppId);
  });

  it('offers a Dutch command menu for every scope the bot is in, each command one the bot handles there', () => {
    const bot = manifestOf(pack()).bots[0];
    expect(bot.scopes).to.have.members(['personal', 'team', 'groupChat']);
    const lists = bot.commandLists as { scopes: string[]; commands: { title: string; description: string }[] }[];
    expect(lists.flatMap((l) => l.scopes)).to.have.members(bot.scopes);
    const titles = (scope: string) => lists.find((l) => l.scopes.includes(scope))!.commands.map((c) => c.title);
    const known = COMMANDS.map(([command]) => command);

    const personal = titles('personal');
    expect(personal).to.include.members(['nieuwe casus', 'mijn casussen', 'wat moet ik doen', 'collega toevoegen', 'toestemming', 'help']);
    expect(personal).to.have.length.within(1, 10);
    expect(known).to.include.members(personal);
    expect(personal.filter((t) => t.includes('<'))).to.deep.equal([]);

    for (const scope of ['team', 'groupChat']) {
      const group = titles(scope);
      expect(group).to.have.members(['mijn casussen', 'wat moet ik doen', 'nieuwe casus', 'help']);
      // The bot runs these in the sender's personal chat (HelmondBot.inGroup), or answers help in the group.
      for (const title of group) expect(commandOf(title) !== undefined || INTERRUPTIONS.help.test(title), title).to.equal(true);
    }
    const groupCommands = lists.find((l) => l.scopes.includes('groupChat'))!.commands;
    expect(groupCommands.find((c) => c.title === 'mijn casussen')!.description).to.match(/in je persoonlijke chat met mij$/);
  });

  it('packs a colour icon of 192×192 and an outline icon of 32×32 with alpha, only white or transparent', () => {
    const zip = pack();
    const color = zip.readFile('color.png') as Buffer;
    const outline = zip.readFile('outline.png') as Buffer;
    expect(pngHeader(color)).to.deep.include({ signature: 'PNG', chunk: 'IHDR', width: 192, height: 192 });
    expect(pngHeader(outline)).to.deep.equal({ signature: 'PNG', chunk: 'IHDR', width: 32, height: 32, depth: 8, colourType: 6 });
    const pixels = PNG.sync.read(outline).data;
    let visible = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) continue;
      visible += 1;
      expect([pixels[i], pixels[i + 1], pixels[i + 2]], `pixel ${i / 4}`).to.deep.equal([255, 255, 255]);
    }
    expect(visible).to.be.above(0).and.below(32 * 32);
  });

  it('refuses to pack without the deployment\u2019s variables, naming them in Dutch', () => {
    expect(() => parsePackInput({ MicrosoftAppId: 'geen-guid', TEAMS_APP_WEBSITE_URL: 'http://onveilig.nl' })).to.throw(
      /^Het app-pakket kan niet worden gemaakt: MicrosoftAppId moet een GUID zijn\. Geef TEAMS_APP_DEVELOPER_NAME op .*TEAMS_APP_WEBSITE_URL moet met https:\/\/ beginnen\./,
    );
  });
});

describe('Teams app package: what is refused', () => {
  const tmp = useTempDir('manifest-refused');
  const validate = createManifestValidator();
  const valid = () => structuredClone(buildManifest(parsePackInput(ENV), '1.0.0')) as Manifest;
  /** An RGBA PNG of the given size with every pixel the given colour. */
  const png = (size: number, rgba: [number, number, number, number]) => {
    const image = new PNG({ width: size, height: size });
    for (let i = 0; i < image.data.length; i += 4) image.data.set(rgba, i);
    return PNG.sync.write(image);
  };

  it('the schema refuses a manifest without a required field, with a bad scope, another version or an unknown field', () => {
    expect(validate(valid())).to.deep.equal([]);
    const cases: [string, (m: Manifest) => void, RegExp][] = [
      ['no developer', (m) => delete m.developer, /^het manifest moet de eigenschap developer bevatten$/],
      ['a bad scope', (m) => (m.bots[0].scopes = ['personal', 'kanaal']), /^\/bots\/0\/scopes\/1 moet overeenkomen met één van de voorgedefinieerde waarden \(team, personal, groupChat, copilot\)$/],
      ['another version', (m) => (m.manifestVersion = '1.19'), /^\/manifestVersion moet gelijk zijn aan constante$/],
      ['a bot id that is no GUID', (m) => (m.bots[0].botId = 'helmond-bot'), /^\/bots\/0\/botId moet overeenkomen met het volgende patroon/],
      ['an unknown field', (m) => (m.bots[0].commandos = []), /^\/bots\/0 .*\(commandos\)$/],
      ['an eleventh command', (m) => m.bots[0].commandLists[0].commands.push(...m.bots[0].commandLists[0].commands), /^\/bots\/0\/commandLists\/0\/commands .*10/],
      ['a command description over 128 characters', (m) => (m.bots[0].commandLists[1].commands[0].description = 'x'.repeat(129)), /^\/bots\/0\/commandLists\/1\/commands\/0\/description mag niet langer dan 128 karakters zijn$/],
    ];
    for (const [what, mutate, problem] of cases) {
      const manifest = valid();
      mutate(manifest);
      const problems = validate(manifest);
      expect(problems, what).to.have.length.above(0);
      expect(problems.some((p) => problem.test(p)), `${what}: ${problems.join(' | ')}`).to.equal(true);
    }
  });

  it('packApp writes nothing when the manifest breaks the schema, and says why in Dutch', () => {
    const out = path.join(tmp.path, 'app.zip');
    const input = parsePackInput({ ...ENV, TEAMS_APP_PRIVACY_URL: `https://www.helmond.nl/${'p'.repeat(2048)}` });
    expect(() => packApp(input, out)).to.throw(
      /^Het app-pakket kan niet worden gemaakt: het voldoet niet aan de eisen van Teams \(manifest 1\.\d+\): manifest\.json: \/developer\/privacyUrl mag niet langer dan 2048 karakters zijn/,
    );
    expect(existsSync(out)).to.equal(false);
  });

  it('packApp writes nothing when an icon has the wrong size or the outline is not white on transparent', () => {
    const out = path.join(tmp.path, 'app.zip');
    const input = parsePackInput(ENV);
    const refusals: [{ color: Buffer; outline: Buffer }, RegExp][] = [
      [{ color: png(32, [11, 110, 105, 255]), outline: ICON('outline.png') }, /color\.png moet 192×192 pixels zijn, niet 32×32/],
      [{ color: ICON('color.png'), outline: png(48, [255, 255, 255, 0]) }, /outline\.png moet 32×32 pixels zijn, niet 48×48/],
      [{ color: ICON('color.png'), outline: png(32, [11, 110, 105, 255]) }, /outline\.png mag alleen witte en transparante pixels hebben/],
      [{ color: ICON('color.png'), outline: Buffer.from('geen png') }, /outline\.png is geen geldig PNG-bestand/],
    ];
    for (const [icons, problem] of refusals) {
      expect(() => packApp(input, out, icons)).to.throw(problem);
      expect(existsSync(out)).to.equal(false);
    }
  });

  it('`npm run package` stops with a Dutch message and exit code 1 when a variable is missing', () => {
    const root = path.join(__dirname, '../../');
    const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['manifest/pack.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', MicrosoftAppId: ENV.MicrosoftAppId },
      encoding: 'utf8',
    });
    expect(result.status).to.equal(1);
    expect(result.stderr).to.match(/^Het app-pakket kan niet worden gemaakt: Geef TEAMS_APP_DEVELOPER_NAME op/);
  });
});

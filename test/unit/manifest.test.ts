import { expect } from 'chai';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { packApp, parsePackInput } from '../../manifest/app-manifest';
import { useTempDir } from '../support/temp-dir';

const ENV = {
  MicrosoftAppId: '00000000-0000-4000-8000-00000000b0b1',
  TEAMS_APP_DEVELOPER_NAME: 'Gemeente Helmond',
  TEAMS_APP_WEBSITE_URL: 'https://www.helmond.nl/helmondaanpak',
  TEAMS_APP_PRIVACY_URL: 'https://www.helmond.nl/privacy',
  TEAMS_APP_TERMS_URL: 'https://www.helmond.nl/gebruiksvoorwaarden',
};

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('Teams app package', () => {
  const tmp = useTempDir('manifest');

  it('holds a Dutch manifest for the bot with file support, and icons of the sizes Teams requires', () => {
    const out = path.join(tmp.path, 'app.zip');
    packApp(parsePackInput(ENV), out);
    const zip = new AdmZip(out);
    expect(zip.getEntries().map((e) => e.entryName).sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as Record<string, any>;
    expect(manifest.manifestVersion).to.equal('1.19');
    expect(manifest.id).to.equal(ENV.MicrosoftAppId);
    expect(manifest.localizationInfo.defaultLanguageTag).to.equal('nl-NL');
    expect(manifest.bots[0]).to.deep.include({ botId: ENV.MicrosoftAppId, supportsFiles: true, isNotificationOnly: false });
    const menu = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(menu).to.include.members(['nieuwe casus', 'mijn casussen', 'wat moet ik doen', 'help']);
    expect(menu).to.have.length.at.most(10);
    expect(manifest.name.short.length).to.be.at.most(30);
    expect(manifest.description.short.length).to.be.at.most(80);
    expect(manifest.description.full.length).to.be.at.most(4000);
    expect(pngSize(zip.readFile('color.png') as Buffer)).to.deep.equal([192, 192]);
    expect(pngSize(zip.readFile('outline.png') as Buffer)).to.deep.equal([32, 32]);
  });

  it('refuses to pack without the deployment\u2019s variables, naming them in Dutch', () => {
    expect(() => parsePackInput({ MicrosoftAppId: 'geen-guid', TEAMS_APP_WEBSITE_URL: 'http://onveilig.nl' })).to.throw(
      /^Het app-pakket kan niet worden gemaakt: MicrosoftAppId moet een GUID zijn\. Geef TEAMS_APP_DEVELOPER_NAME op .*TEAMS_APP_WEBSITE_URL moet met https:\/\/ beginnen\./,
    );
  });
});

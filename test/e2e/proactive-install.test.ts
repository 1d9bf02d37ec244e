/**
 * Reaching people who never opened the app, over HTTP: the bot installs its app for them through the local Graph
 * server, the test (acting as Teams) posts the installationUpdate from their personal chat, and the card arrives at
 * the local connector.
 */
import { expect } from 'chai';
import { createGraphClient } from '../../services/adapters/graph/graph-client';
import { GraphAppInstaller } from '../../services/adapters/graph/graph-app-installer';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { installedAppsRoute, startGraphServer, testCredential } from '../support/graph-server';
import { caseAt, PEOPLE, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsInstallationAdd } from '../support/teams-activities';

const CATALOG_APP_ID = 'a1b2c3d4-0000-4000-8000-00000000c0de';
const BODY = `{"teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_APP_ID}"}`;
const WAIT_MS = 1_500;

describe('end to end: the app is installed for someone the bot cannot reach yet (Graph and connector on 127.0.0.1)', function () {
  this.timeout(30_000);
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  let bot: BotOverHttp;
  /** Who Graph installed the app for, in order; and a way to wait for the next one. */
  const installs: string[] = [];
  let nextInstall: (userId: string) => void = () => undefined;
  const installed = () => new Promise<string>((resolve) => (nextInstall = resolve));

  before(async () => {
    graph = await startGraphServer();
    graph.route(
      installedAppsRoute({
        onInstall: (userId) => {
          installs.push(userId);
          nextInstall(userId);
        },
      }).route,
    );
    const installer = new GraphAppInstaller(createGraphClient({ credential: testCredential, baseUrl: graph.baseUrl, agent: graph.agent }), { catalogAppId: CATALOG_APP_ID });
    bot = await startBotOverHttp(new StaticDirectory({ [PEOPLE.procesregisseur.userId]: ['procesregisseur'], [PEOPLE.aanjager.userId]: ['aanjager'] }), {
      installer,
      reach: { waitMs: WAIT_MS, pollMs: 100 },
    });
  });
  after(async () => {
    await bot.close();
    await graph.close();
  });

  /** A case of the voorbeeldcasus at a step, under an id and kenmerk of its own, chosen by the casusregisseur. */
  async function caseOf(step: Parameters<typeof caseAt>[0], reference: string): Promise<Case> {
    const c: Case = { ...caseAt(step).case, id: `case-${reference.toLowerCase()}`, reference };
    await bot.store.create(c);
    await bot.say('regisseur', `casus ${reference}`);
    return c;
  }

  const installPosts = () => graph.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/teamwork/installedApps'));
  const teams = (person: Person) => postActivity(bot.botUrl, teamsInstallationAdd(bot.as(person)));

  it('an escalation for a procesregisseur who never opened the app: install, installationUpdate, then the card', async () => {
    await caseOf('uitvoering', 'HA-2026-ESCA1B');
    await bot.say('regisseur', 'verder');
    await bot.choose('regisseur', 'Ik loop vast');
    graph.calls.length = 0;
    const arrived = installed();
    const answer = bot.say('regisseur', 'De corporatie twijfelt over de betalingsregeling.');

    expect(await arrived).to.equal(PEOPLE.procesregisseur.userId);
    expect(installPosts().map((call) => [call.path, call.body])).to.deep.equal([[`/v1.0/users/${PEOPLE.procesregisseur.userId}/teamwork/installedApps`, BODY]]);
    expect((await teams('procesregisseur')).status).to.equal(200);

    expect(await answer).to.contain('De procesregisseur heeft de escalatie in Teams gekregen.');
    const chat = bot.chatOf('procesregisseur');
    expect(String(chat[0]?.body.text)).to.match(/^Welkom bij de Helmond Aanpak-assistent\./);
    expect(JSON.stringify(chat[1]?.body.attachments?.[0]?.content)).to.contain('Escalatie (AVE-model)').and.contain('De corporatie twijfelt over de betalingsregeling.');
    expect(chat).to.have.length(2);
    expect((await bot.references.lookup(PEOPLE.procesregisseur.userId))?.conversationId).to.equal(`a:personal-${PEOPLE.procesregisseur.userId}`);
    expect(installs).to.deep.equal([PEOPLE.procesregisseur.userId]);
  });

  it('once reached, the next card needs no install', async () => {
    graph.calls.length = 0;
    await caseOf('uitvoering', 'HA-2026-ESCA2C');
    await bot.say('regisseur', 'verder');
    await bot.choose('regisseur', 'Ik loop vast');
    expect(await bot.say('regisseur', 'De school reageert niet.')).to.contain('De procesregisseur heeft de escalatie in Teams gekregen.');
    expect(installPosts()).to.deep.equal([]);
  });

  it('Teams does not report the install in time: the professional hears the aanjager was not reached; a later try finds it installed (409) and does not wait', async () => {
    await caseOf('onderbouwing', 'HA-2026-AANJ3D');
    graph.calls.length = 0;
    const started = Date.now();
    expect(await bot.say('regisseur', 'aanjager')).to.contain('De aanjager staat nu op de casus, maar heeft de app nog niet geopend');
    expect(Date.now() - started).to.be.at.least(WAIT_MS - 100);
    expect(installPosts().map((call) => call.body)).to.deep.equal([BODY]);
    expect(bot.chatOf('aanjager')).to.deep.equal([]);

    const again = Date.now();
    expect(await bot.say('regisseur', 'aanjager')).to.contain('heeft de app nog niet geopend');
    expect(Date.now() - again).to.be.below(WAIT_MS);
    expect(graph.calls.filter((call) => call.method === 'POST')).to.have.length(2);
    expect(installs).to.deep.equal([PEOPLE.procesregisseur.userId, PEOPLE.aanjager.userId]);
  });
});

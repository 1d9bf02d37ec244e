/**
 * The bot's HTTP edge over real HTTP, with no app id (local runs): health, anonymous Teams messages answered at
 * a local connector, turn errors shown in Dutch and logged without content.
 */
import { expect } from 'chai';
import sinon from 'sinon';
import { createApp, GENERIC_ERROR_TEXT, type App } from '../../bot/app';
import { UNKNOWN_TEXT } from '../../bot/texts';
import { createTestBot } from '../support/bot-services';
import { loadConfig } from '../../bot/config';
import { DomainError, ERROR_MESSAGES } from '../../services/domain/errors';
import { createLogger } from '../../bot/logging';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import {
  postActivity,
  teamsCardAction,
  teamsInstallationAdd,
  teamsMessage,
  type TeamsContext,
} from '../support/teams-activities';

describe('bot edge without an app id (local runs)', () => {
  const { bot } = createTestBot();
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', stream: { write: (line: string) => logLines.push(line) > 0 } });
  const sandbox = sinon.createSandbox();
  let app: App;
  let botUrl: string;
  let connector: LocalConnector;
  let context: TeamsContext;

  before(async () => {
    connector = await startLocalConnector();
    context = { serviceUrl: connector.serviceUrl };
    app = await createApp(loadConfig({}), { bot, logger });
    botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  });

  afterEach(() => {
    sandbox.restore();
    connector.reset();
    logLines.length = 0;
  });

  after(async () => {
    await app.close();
    await connector.close();
  });

  it('answers /healthz with 503 before ready() and 200 after', async () => {
    const before = await fetch(`${botUrl}/healthz`);
    expect(before.status).to.equal(503);
    app.ready();
    const after = await fetch(`${botUrl}/healthz`);
    expect(after.status).to.equal(200);
    expect(await after.json()).to.deep.equal({ status: 'ok' });
  });

  it('lets an anonymous Teams message reach the bot; the Dutch reply arrives at the connector', async () => {
    const message = teamsMessage('hallo', context);
    const response = await postActivity(botUrl, message);
    expect(response.status).to.equal(200);
    const [reply] = await connector.waitFor(1);
    expect(reply).to.include({ kind: 'reply', conversationId: message.conversation?.id, activityId: message.id });
    expect(reply?.authorization).to.equal(undefined);
    expect(reply?.body).to.include({ type: 'message', text: UNKNOWN_TEXT, replyToId: message.id });
  });

  it('welcomes in Dutch on installation', async () => {
    expect((await postActivity(botUrl, teamsInstallationAdd(context))).status).to.equal(200);
    await connector.waitFor(1);
    expect(connector.texts()[0]).to.match(/^Welkom bij de Helmond Aanpak-assistent\./);
  });

  it('passes the invoke response of the turn through: 400 with a Dutch error for a card verb the bot does not know', async () => {
    const response = await postActivity(botUrl, teamsCardAction('casusOpenen', { caseId: 'x' }, context));
    expect(response.status).to.equal(400);
    expect(JSON.parse(response.body)).to.deep.include({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(response.body).to.contain('Onbekende kaartactie.');
  });

  it('refuses a body that is not an activity with 400 and runs no bot code', async () => {
    const run = sandbox.spy(bot, 'run');
    const response = await postActivity(botUrl, { text: 'geen type' });
    expect(response.status).to.equal(400);
    expect(run.called).to.equal(false);
  });

  it('answers only to a service URL on this machine: another serviceUrl is refused with 403 and runs no bot code', async () => {
    const run = sandbox.spy(bot, 'run');
    for (const serviceUrl of ['https://smba.trafficmanager.net/emea/', 'http://10.0.0.8:3978/', 'http://127.0.0.1.nip.io/', 'http://[::ffff:a00:1]/']) {
      const response = await postActivity(botUrl, teamsMessage('hallo', { serviceUrl }));
      expect(response.status, serviceUrl).to.equal(403);
      expect(JSON.parse(response.body)).to.include({ error: 'service_url_not_allowed' });
    }
    expect(run.called).to.equal(false);
    expect(connector.calls).to.deep.equal([]);
    for (const serviceUrl of [connector.serviceUrl, connector.serviceUrl.replace('127.0.0.1', 'localhost')]) {
      expect((await postActivity(botUrl, teamsMessage('hallo', { serviceUrl }))).status).to.equal(200);
    }
    expect(run.calledTwice).to.equal(true);
  });

  it('shows the Dutch message of a DomainError and logs only its code', async () => {
    sandbox.stub(bot, 'run').rejects(new DomainError('CASE.NOT_FOUND'));
    expect((await postActivity(botUrl, teamsMessage('casus HA-2026-7K3FQ9', context))).status).to.equal(200);
    await connector.waitFor(1);
    expect(connector.texts()).to.deep.equal([ERROR_MESSAGES['CASE.NOT_FOUND']]);
    const entry = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l.event === 'bot.turn_error');
    expect(entry).to.include({ level: 'error', code: 'CASE.NOT_FOUND', activityType: 'message' });
  });

  it('shows the Dutch message of a DomainError a dialog threw (wrapped by botbuilder-dialogs) and logs its code', async () => {
    const { DialogContextError } = await import('botbuilder-dialogs');
    const wrapped = Object.create(DialogContextError.prototype) as InstanceType<typeof DialogContextError>;
    Object.assign(wrapped, { error: new DomainError('CASE.NOT_FOUND'), name: 'DialogContextError', message: 'in een dialoog' });
    sandbox.stub(bot, 'run').rejects(wrapped);
    expect((await postActivity(botUrl, teamsMessage('verder', context))).status).to.equal(200);
    await connector.waitFor(1);
    expect(connector.texts()).to.deep.equal([ERROR_MESSAGES['CASE.NOT_FOUND']]);
    expect(logLines.join('')).to.include('"code":"CASE.NOT_FOUND"');
  });

  it('answers an invoke whose turn failed (a bug) with 500 and no detail, not botbuilder\u2019s 501', async () => {
    sandbox.stub(bot, 'run').rejects(new TypeError('kapot'));
    const response = await postActivity(botUrl, teamsCardAction('deelb.akkoord', { caseId: 'x', requestId: 'y' }, context));
    expect(response.status).to.equal(500);
    expect(JSON.parse(response.body)).to.deep.equal({ error: 'internal', message: 'Er ging iets mis in de bot.' });
  });

  it('shows a generic Dutch message for a bug and never logs the error message', async () => {
    sandbox.stub(bot, 'run').rejects(new TypeError('Jan Jansen 111222333 heeft schulden'));
    expect((await postActivity(botUrl, teamsMessage('status', context))).status).to.equal(200);
    await connector.waitFor(1);
    expect(connector.texts()).to.deep.equal([GENERIC_ERROR_TEXT]);
    const log = logLines.join('');
    expect(log).to.include('"code":"TypeError"');
    expect(log).not.to.match(/Jansen|111222333|schulden/);
  });
});

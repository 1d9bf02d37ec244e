/**
 * The bot's HTTP edge with an app id: real inbound token validation against a local OpenID issuer. Every
 * authentication failure is a 401 and runs no bot code; a valid token gets a reply at the local connector, sent
 * with the injected outbound token.
 */
import { expect } from 'chai';
import sinon from 'sinon';
import jwt from 'jsonwebtoken';
import { createApp, GENERIC_ERROR_TEXT, type App } from '../../bot/app';
import { UNKNOWN_TEXT } from '../../bot/texts';
import { createTestBot } from '../support/bot-services';
import { loadConfig } from '../../services/config';
import { silentLogger } from '../../services/logging';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { startOpenIdIssuer, StaticTokenCredentialsFactory, type OpenIdIssuer } from '../support/openid-issuer';
import { postActivity, teamsMessage, TEST_BOT_APP_ID, type TeamsContext } from '../support/teams-activities';

const OUTBOUND_TOKEN = 'static-outbound-token';

describe('bot edge with an app id: inbound authentication', () => {
  const { bot } = createTestBot();
  const sandbox = sinon.createSandbox();
  let app: App;
  let botUrl: string;
  let connector: LocalConnector;
  let issuer: OpenIdIssuer;
  let context: TeamsContext;
  let run: sinon.SinonSpy;

  before(async () => {
    [connector, issuer] = await Promise.all([startLocalConnector(), startOpenIdIssuer()]);
    context = { serviceUrl: connector.serviceUrl };
    const config = loadConfig({ MicrosoftAppId: TEST_BOT_APP_ID, MicrosoftAppPassword: 'niet-gebruikt', ...issuer.env() });
    const credentialsFactory = new StaticTokenCredentialsFactory(TEST_BOT_APP_ID, OUTBOUND_TOKEN);
    app = await createApp(config, { bot, logger: silentLogger, credentialsFactory });
    botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    app.ready();
  });

  beforeEach(() => {
    run = sandbox.spy(bot, 'run');
    // botframework-connector writes rejected tokens to console.error; keep the test output clean.
    sandbox.stub(console, 'error');
  });

  afterEach(() => {
    sandbox.restore();
    connector.reset();
  });

  after(async () => {
    await app.close();
    await Promise.all([connector.close(), issuer.close()]);
  });

  const valid = () => ({ audience: TEST_BOT_APP_ID, serviceUrl: connector.serviceUrl });
  const REJECTED: [name: string, header: () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['an empty Authorization header', () => ''],
    ['a malformed token', () => 'Bearer dit-is-geen-token'],
    ['another scheme', () => `Basic ${Buffer.from('bot:geheim').toString('base64')}`],
    ['a token signed with a key the issuer does not publish', () => issuer.bearer({ ...valid(), forged: true })],
    ['a token for another app id', () => issuer.bearer({ ...valid(), audience: '99999999-0000-4000-8000-000000000000' })],
    ['a token from another issuer', () => issuer.bearer({ ...valid(), issuer: 'https://elders.test' })],
    ['a token for another serviceUrl', () => issuer.bearer({ ...valid(), serviceUrl: 'http://127.0.0.1:1/' })],
    ['an expired token', () => issuer.bearer({ ...valid(), expiresInSeconds: -600 })],
    ['an unsigned token (alg none)', () => `Bearer ${jwt.sign({ serviceurl: connector.serviceUrl }, '', { algorithm: 'none', audience: TEST_BOT_APP_ID, issuer: issuer.issuer })}`],
  ];

  for (const [name, header] of REJECTED) {
    it(`answers ${name} with 401 and runs no bot code`, async () => {
      const response = await postActivity(botUrl, teamsMessage('hallo', context), header());
      expect(response.status).to.equal(401);
      expect(run.called, 'bot.run was called').to.equal(false);
      expect(connector.calls).to.deep.equal([]);
    });
  }

  it('accepts a valid channel token; the reply reaches the connector with the injected outbound token', async () => {
    const message = teamsMessage('hallo', context);
    const response = await postActivity(botUrl, message, issuer.bearer(valid()));
    expect(response.status).to.equal(200);
    expect(run.calledOnce).to.equal(true);
    const [reply] = await connector.waitFor(1);
    expect(reply).to.include({ kind: 'reply', activityId: message.id, authorization: `Bearer ${OUTBOUND_TOKEN}` });
    expect(reply?.body.text).to.equal(UNKNOWN_TEXT);
  });

  it('keeps a bug in the bot a turn error (Dutch message), not a 401', async () => {
    run.restore();
    sandbox.stub(bot, 'run').rejects(new Error('fout in de bot'));
    const response = await postActivity(botUrl, teamsMessage('status', context), issuer.bearer(valid()));
    expect(response.status).to.equal(200);
    await connector.waitFor(1);
    expect(connector.texts()).to.deep.equal([GENERIC_ERROR_TEXT]);
  });
});

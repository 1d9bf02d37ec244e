/**
 * The bot's HTTP edge with an app id: real inbound token validation against a local OpenID issuer. Every
 * authentication failure is a 401 and runs no bot code; a valid token gets a reply at the local connector, sent
 * with the injected outbound token.
 */
import { expect } from 'chai';
import sinon from 'sinon';
import jwt from 'jsonwebtoken';
import { AuthenticationError } from 'botframework-connector';
import { authFailureStatus, createApp, GENERIC_ERROR_TEXT, type App } from '../../bot/app';
import { UNKNOWN_TEXT } from '../../bot/texts';
import { createTestBot } from '../support/bot-services';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
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

  // First in the file: botframework-connector caches the issuer's keys per metadata URL once they loaded.
  it('answers 503 (not 401, not 500) while the issuer cannot be reached, and runs no bot code', async () => {
    issuer.setAvailable(false);
    try {
      const response = await postActivity(botUrl, teamsMessage('hallo', context), issuer.bearer(valid()));
      expect(response.status).to.equal(503);
      expect(run.called, 'bot.run was called').to.equal(false);
    } finally {
      issuer.setAvailable(true);
    }
  });
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

describe('authFailureStatus', () => {
  const fetchError = Object.assign(new Error('request to http://issuer failed, reason: connect ECONNREFUSED'), { name: 'FetchError' });
  const CASES: [what: string, error: unknown, status: 401 | 503][] = [
    ['a rejected token', new AuthenticationError('Unauthorized. Invalid AppId passed on token', 401), 401],
    ['a missing header', new AuthenticationError("'authHeader' required.", 400), 401],
    ['the JWT library refusing a signature', Object.assign(new Error('invalid signature'), { name: 'JsonWebTokenError' }), 401],
    ['anything unforeseen', new TypeError('Cannot read properties of undefined'), 401],
    ['a thrown string', 'kapot', 401],
    ['keys that could not be loaded', new AuthenticationError('Failed to load openID config: 503', 500), 503],
    ['an issuer that cannot be reached', fetchError, 503],
  ];
  for (const [what, error, status] of CASES) {
    it(`maps ${what} to ${status}`, () => expect(authFailureStatus(error)).to.equal(status));
  }
});

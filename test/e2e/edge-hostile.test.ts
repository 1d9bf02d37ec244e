/**
 * The HTTP edge under hostile input, with an app id and a local issuer, over real HTTP: compressed, multipart,
 * CSV and XML bodies, a body past the limit without a length, headers that never end, a crowd of slow sockets,
 * turns Teams never sends, another tenant, unknown routes and invokes. Each is refused with a short JSON error (or a
 * closed socket), runs no bot code, writes nothing to the temp folder, and the bot keeps answering.
 */
import { expect } from 'chai';
import sinon from 'sinon';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createApp, type App } from '../../bot/app';
import { INVALID_CARD_ACTION_TEXT, NO_SUCH_PART_TEXT } from '../../bot/unhandled-invokes';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
import { createTestBot } from '../support/bot-services';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { startOpenIdIssuer, StaticTokenCredentialsFactory, type OpenIdIssuer } from '../support/openid-issuer';
import { listFiles, rawPost, slowRequest, type RawAnswer } from '../support/raw-http';
import { postActivity, teamsMessage, TEST_BOT_APP_ID, TEST_TENANT_ID, type TeamsContext } from '../support/teams-activities';

const OTHER_TENANT = '0badc0de-0000-4000-8000-00000000beef';
const MAX_BODY = 64 * 1024;
const HEADERS_TIMEOUT_MS = 400;

/** A refusal as the edge answers it: a short JSON error with a Dutch sentence, nothing of a parser or framework. */
function expectRefusal(answer: RawAnswer, status: number, error: string): void {
  expect(answer.status, answer.body).to.equal(status);
  expect(answer.headers['content-type']).to.match(/^application\/json/);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(Object.keys(body).sort()).to.deep.equal(['error', 'message']);
  expect(body.error).to.equal(error);
  expect(body.message).to.match(/^[A-Z][^{}<>]*\.$/);
  expect(answer.body).not.to.match(/Error|Invalid|Unsupported|Expected|exceeded|restify|formidable|stack/);
}

describe('bot edge under hostile input (app id, local issuer)', () => {
  const { bot } = createTestBot();
  const sandbox = sinon.createSandbox();
  let app: App;
  let port: number;
  let botUrl: string;
  let connector: LocalConnector;
  let issuer: OpenIdIssuer;
  let context: TeamsContext;
  let run: sinon.SinonSpy;
  let tmp: string;
  let tmpBefore: string[];
  const savedTmpDir = process.env.TMPDIR;

  before(async () => {
    [connector, issuer] = await Promise.all([startLocalConnector(), startOpenIdIssuer()]);
    context = { serviceUrl: connector.serviceUrl };
    tmp = await mkdtemp(path.join(os.tmpdir(), 'edge-tmp-'));
    process.env.TMPDIR = tmp;
    const config = loadConfig({
      MicrosoftAppId: TEST_BOT_APP_ID,
      MicrosoftAppPassword: 'niet-gebruikt',
      ALLOWED_TENANTS: TEST_TENANT_ID,
      MAX_CONNECTIONS: '16',
      ...issuer.env(),
    });
    app = await createApp(config, {
      bot,
      logger: silentLogger,
      credentialsFactory: new StaticTokenCredentialsFactory(TEST_BOT_APP_ID, 'static-outbound-token'),
      limits: { maxBodyBytes: MAX_BODY, headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 1_000 },
    });
    port = await app.listen(0, '127.0.0.1');
    botUrl = `http://127.0.0.1:${port}`;
    app.ready();
  });

  beforeEach(async () => {
    run = sandbox.spy(bot, 'run');
    sandbox.stub(console, 'error');
    tmpBefore = await listFiles(tmp);
  });

  afterEach(async () => {
    sandbox.restore();
    connector.reset();
    expect(await listFiles(tmp), 'files left in TMPDIR').to.deep.equal(tmpBefore);
    const health = await fetch(`${botUrl}/healthz`);
    expect(health.status, 'the bot still answers').to.equal(200);
  });

  after(async () => {
    if (savedTmpDir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpDir;
    await app.close();
    await Promise.all([connector.close(), issuer.close(), rm(tmp, { recursive: true, force: true })]);
  });

  const bearer = () => issuer.bearer({ audience: TEST_BOT_APP_ID, serviceUrl: connector.serviceUrl });
  const messageBody = () => Buffer.from(JSON.stringify(teamsMessage('hallo', context)));
  const json = { 'content-type': 'application/json' };

  const gzipBomb = (): Buffer => gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
  const multipart = (): { type: string; body: Buffer } => {
    const boundary = 'grens1234';
    const file = Buffer.alloc(2 * 1024 * 1024, 0x41);
    return {
      type: `multipart/form-data; boundary=${boundary}`,
      body: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="groot.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    };
  };

  /** The hostile bodies; each is tried without a token and with a valid one. */
  const HOSTILE: [name: string, make: () => { headers: Record<string, string>; body: Buffer }, status: number, error: string][] = [
    ['a gzip body (64 MB unpacked)', () => ({ headers: { ...json, 'content-encoding': 'gzip' }, body: gzipBomb() }), 415, 'unsupported_encoding'],
    ['a deflate body', () => ({ headers: { ...json, 'content-encoding': 'deflate' }, body: messageBody() }), 415, 'unsupported_encoding'],
    ['a multipart body with a 2 MB file', () => { const m = multipart(); return { headers: { 'content-type': m.type }, body: m.body }; }, 415, 'unsupported_media_type'],
    ['a text/csv body', () => ({ headers: { 'content-type': 'text/csv' }, body: Buffer.from('a,b\n"1,2\n') }), 415, 'unsupported_media_type'],
    ['an XML body', () => ({ headers: { 'content-type': 'application/xml' }, body: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>') }), 415, 'unsupported_media_type'],
    ['a form body', () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('type=message&text=hallo') }), 415, 'unsupported_media_type'],
    ['no content type', () => ({ headers: {}, body: messageBody() }), 415, 'unsupported_media_type'],
    ['a JSON look-alike type', () => ({ headers: { 'content-type': 'application/jsonp' }, body: messageBody() }), 415, 'unsupported_media_type'],
    ['a Content-Length past the limit', () => ({ headers: json, body: Buffer.alloc(MAX_BODY + 1, 0x20) }), 413, 'body_too_large'],
  ];

  for (const [name, make, status, error] of HOSTILE) {
    it(`answers ${name} without a token with 401, reading nothing`, async () => {
      const { headers, body } = make();
      expectRefusal(await rawPost(`${botUrl}/api/messages`, headers, body), 401, 'unauthorized');
      expect(run.called, 'bot code ran').to.equal(false);
    });

    it(`answers ${name} with a valid token with ${status} ${error}`, async () => {
      const { headers, body } = make();
      expectRefusal(await rawPost(`${botUrl}/api/messages`, { ...headers, authorization: bearer() }, body), status, error);
      expect(run.called, 'bot code ran').to.equal(false);
    });
  }

  it('accepts application/json with a charset parameter', async () => {
    const answer = await rawPost(`${botUrl}/api/messages`, { 'content-type': 'Application/JSON; charset=UTF-8', authorization: bearer() }, messageBody());
    expect(answer.status).to.equal(200);
    expect(run.calledOnce).to.equal(true);
  });

  it('stops reading a body without a length at the limit: 413 and the connection closed, however much is sent', async () => {
    let sent = 0;
    const chunks = function* (): Generator<Buffer> {
      for (let i = 0; i < 4096; i++) {
        sent += 16 * 1024;
        yield Buffer.alloc(16 * 1024, 0x20);
      }
    };
    const answer = await rawPost(`${botUrl}/api/messages`, { ...json, authorization: bearer() }, chunks);
    expectRefusal(answer, 413, 'body_too_large');
    expect(answer.headers.connection).to.equal('close');
    expect(sent, 'the client could send all 64 MB').to.be.below(64 * 1024 * 1024);
    expect(run.called).to.equal(false);
  });

  it('answers a body that is not JSON, or not UTF-8, with 400 invalid_json', async () => {
    for (const body of [Buffer.from('{"type":'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]) {
      expectRefusal(await rawPost(`${botUrl}/api/messages`, { ...json, authorization: bearer() }, body), 400, 'invalid_json');
    }
    expect(run.called).to.equal(false);
  });

  const NEVER_FROM_TEAMS: [name: string, change: (a: Record<string, unknown>) => void][] = [
    ['without from', (a) => delete a.from],
    ['without recipient', (a) => delete a.recipient],
    ['without conversation', (a) => delete a.conversation],
    ['with a conversation without id', (a) => (a.conversation = { conversationType: 'personal' })],
    ['with text that is not a string', (a) => (a.text = { $gt: '' })],
    ['with entities that are not a list', (a) => (a.entities = { type: 'mention' })],
    ['with a mention that names nobody', (a) => (a.entities = [{ type: 'mention', text: '<at>Bot</at>' }])],
    ['with a timestamp that is no date', (a) => (a.timestamp = 'gisteren')],
    ['with a serviceUrl that is no URL', (a) => (a.serviceUrl = 'javascript:alert(1)')],
    ['as a JSON array', () => undefined],
  ];
  for (const [name, change] of NEVER_FROM_TEAMS) {
    it(`refuses an activity ${name} with 400 invalid_activity`, async () => {
      const activity = teamsMessage('status', context) as unknown as Record<string, unknown>;
      change(activity);
      const body = name === 'as a JSON array' ? [activity] : activity;
      const answer = await rawPost(`${botUrl}/api/messages`, { ...json, authorization: bearer() }, Buffer.from(JSON.stringify(body)));
      expectRefusal(answer, 400, 'invalid_activity');
      expect(run.called).to.equal(false);
    });
  }

  it('refuses another tenant with 403 even with a valid token; the allowed tenant is served', async () => {
    const other = await postActivity(botUrl, teamsMessage('hallo', { ...context, tenantId: OTHER_TENANT }), bearer());
    expectRefusal({ status: other.status, headers: { 'content-type': 'application/json' }, body: other.body }, 403, 'tenant_not_allowed');
    expect(run.called).to.equal(false);
    expect(connector.calls).to.deep.equal([]);
    const mixed = teamsMessage('hallo', context);
    mixed.channelData = { tenant: { id: OTHER_TENANT } };
    expect((await postActivity(botUrl, mixed, bearer())).status).to.equal(403);
    const noTenant = teamsMessage('hallo', context) as unknown as { conversation: Record<string, unknown>; channelData?: unknown };
    delete noTenant.conversation.tenantId;
    delete noTenant.channelData;
    expect((await postActivity(botUrl, noTenant as never, bearer())).status).to.equal(403);
    expect(run.called).to.equal(false);
    expect((await postActivity(botUrl, teamsMessage('hallo', context), bearer())).status).to.equal(200);
    expect(run.calledOnce).to.equal(true);
  });

  it('closes a request whose headers never end within the headers timeout', async () => {
    const { closed } = slowRequest(port);
    const after = await closed;
    expect(after).to.be.below(HEADERS_TIMEOUT_MS + 1_000);
    expect(run.called).to.equal(false);
  });

  it('keeps /healthz answering while more slow sockets are open than connections are allowed', async () => {
    const slow = Array.from({ length: 40 }, () => slowRequest(port));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const health = await fetch(`${botUrl}/healthz`);
    expect(health.status).to.equal(200);
    expect(Date.now() - started, 'answered before the slow sockets timed out').to.be.below(HEADERS_TIMEOUT_MS);
    const message = await postActivity(botUrl, teamsMessage('hallo', context), bearer());
    expect(message.status).to.equal(200);
    await Promise.all(slow.map((s) => s.closed));
  });

  it('answers an unknown route and a wrong method with short JSON, not restify\u2019s text', async () => {
    const unknown = await fetch(`${botUrl}/api/onbekend`, { method: 'POST', headers: json, body: '{}' });
    expectRefusal({ status: unknown.status, headers: { 'content-type': unknown.headers.get('content-type') ?? '' }, body: await unknown.text() }, 404, 'not_found');
    const wrongMethod = await fetch(`${botUrl}/api/messages`);
    expectRefusal({ status: wrongMethod.status, headers: { 'content-type': wrongMethod.headers.get('content-type') ?? '' }, body: await wrongMethod.text() }, 405, 'method_not_allowed');
  });

  const invoke = (name: string, value: unknown = {}) => ({ ...teamsMessage('', context), type: 'invoke', name, value, text: undefined });
  it('answers invokes it does not handle deliberately, never with 501', async () => {
    const taskFetch = await postActivity(botUrl, invoke('task/fetch'), bearer());
    expect(taskFetch.status).to.equal(200);
    expect(JSON.parse(taskFetch.body)).to.deep.equal({ task: { type: 'message', value: NO_SUCH_PART_TEXT } });
    const query = await postActivity(botUrl, invoke('composeExtension/query', { commandId: 'zoek' }), bearer());
    expect(query.status).to.equal(200);
    expect(JSON.parse(query.body)).to.deep.equal({ composeExtension: { type: 'message', text: NO_SUCH_PART_TEXT } });
    const config = await postActivity(botUrl, invoke('config/fetch'), bearer());
    expect(JSON.parse(config.body)).to.deep.equal({ responseType: 'config', config: { type: 'message', value: NO_SUCH_PART_TEXT } });
    const search = await postActivity(botUrl, invoke('application/search', { queryText: 'jan' }), bearer());
    expect(JSON.parse(search.body)).to.deep.equal({ type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } });
    // Handled invokes with a value Teams never sends: a 400, not a TypeError in the turn (which botbuilder answers 501).
    for (const value of [null, 'accept', [], { action: 'misschien' }]) {
      const consent = await postActivity(botUrl, invoke('fileConsent/invoke', value), bearer());
      expect(consent.status, JSON.stringify(value)).to.equal(400);
    }
    for (const value of [null, {}, { action: null }, { action: { type: 'Action.Execute' } }, { action: { verb: 7 } }]) {
      const press = await postActivity(botUrl, invoke('adaptiveCard/action', value), bearer());
      expect(press.status, JSON.stringify(value)).to.equal(400);
      expect(JSON.parse(press.body)).to.deep.include({ statusCode: 400, value: { code: 'BadRequest', message: INVALID_CARD_ACTION_TEXT } });
    }
    expect(connector.calls, 'no turn error was shown').to.deep.equal([]);
    for (const name of ['tab/fetch', 'signin/verifyState', 'actionableMessage/executeAction', 'iets/onbekends']) {
      const answer = await postActivity(botUrl, invoke(name), bearer());
      expect(answer.status, name).to.equal(200);
      expect(answer.body, name).to.equal('');
    }
  });
});

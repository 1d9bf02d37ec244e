import { expect } from 'chai';
import { createGraphClient } from '../../services/adapters/graph/graph-client';
import { GraphAppInstaller } from '../../services/adapters/graph/graph-app-installer';
import { installedAppsRoute, startGraphServer, testCredential } from '../support/graph-server';

const CATALOG_APP_ID = 'a1b2c3d4-0000-4000-8000-00000000c0de';
const BODY = `{"teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_APP_ID}"}`;

describe('installing the app for a user through Graph (local Graph server on 127.0.0.1)', () => {
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  before(async () => {
    graph = await startGraphServer();
  });
  after(() => graph.close());
  beforeEach(() => graph.reset());

  const installer = (maxRetries?: number) =>
    new GraphAppInstaller(createGraphClient({ credential: testCredential, baseUrl: graph.baseUrl, agent: graph.agent, ...(maxRetries === undefined ? {} : { maxRetries }) }), { catalogAppId: CATALOG_APP_ID });

  it('posts exactly the catalog binding to the user\u2019s installedApps, with the app token', async () => {
    const apps = installedAppsRoute();
    graph.route(apps.route);
    expect(await installer().installFor('aad-1')).to.equal('installed');
    expect(graph.calls).to.have.length(1);
    expect(graph.calls[0]).to.include({ method: 'POST', path: '/v1.0/users/aad-1/teamwork/installedApps', authorization: 'Bearer graph-test-token', body: BODY });
    expect([...(apps.installed.get('aad-1') ?? [])]).to.deep.equal([CATALOG_APP_ID]);
  });

  it('409 Conflict (installed before) is "already", and nothing else is asked', async () => {
    const apps = installedAppsRoute();
    graph.route(apps.route);
    expect(await installer().installFor('aad-2')).to.equal('installed');
    expect(await installer().installFor('aad-2')).to.equal('already');
    expect(graph.calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal(['POST /v1.0/users/aad-2/teamwork/installedApps', 'POST /v1.0/users/aad-2/teamwork/installedApps']);
  });

  it('429 with Retry-After is waited out and retried by the SDK: one install', async () => {
    const apps = installedAppsRoute();
    let throttled = 0;
    graph.route(() => (throttled++ === 0 ? { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests' } } } : undefined));
    graph.route(apps.route);
    const started = Date.now();
    expect(await installer().installFor('aad-3')).to.equal('installed');
    expect(Date.now() - started).to.be.at.least(900);
    expect(graph.calls).to.have.length(2);
    expect(graph.calls.every((c) => c.body === BODY)).to.equal(true);
    expect(apps.installed.get('aad-3')?.size).to.equal(1);
  });

  it('throttled beyond the retry bound, no permission, or an unknown user: "failed", never an exception', async () => {
    graph.route((call) => (call.path.includes('/aad-busy/') ? { status: 429, headers: { 'Retry-After': '0' }, body: { error: { code: 'TooManyRequests' } } } : undefined));
    graph.route((call) => (call.path.includes('/aad-denied/') ? { status: 403, body: { error: { code: 'Forbidden', message: 'Missing role permissions' } } } : undefined));
    expect(await installer(1).installFor('aad-busy')).to.equal('failed');
    expect(graph.calls).to.have.length(2);
    expect(await installer().installFor('aad-denied')).to.equal('failed');
    expect(await installer().installFor('aad-onbekend')).to.equal('failed');
  });
});

import { expect } from 'chai';
import { createGraphClient } from '../../services/adapters/graph/graph-client';
import { GraphDirectory } from '../../services/adapters/graph/graph-directory';
import { startGraphServer, testCredential } from '../support/graph-server';

const GROUPS = {
  leidinggevende: '11111111-1111-4111-8111-111111111111',
  procesregisseur: '22222222-2222-4222-8222-222222222222',
  beheerder: '33333333-3333-4333-8333-333333333333',
};

describe('roles from Microsoft Entra groups through Graph (local Graph server on 127.0.0.1)', () => {
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  before(async () => {
    graph = await startGraphServer();
  });
  after(() => graph.close());
  beforeEach(() => graph.reset());

  const directory = (now = () => 0) => new GraphDirectory(createGraphClient({ credential: testCredential, baseUrl: graph.baseUrl, agent: graph.agent }), GROUPS, { now, cacheMs: 60_000 });

  it('gives a user the roles of the groups they are in, nested and across pages, with the app token', async () => {
    graph.route((call) =>
      call.path.startsWith('/v1.0/users/aad-1/transitiveMemberOf/microsoft.graph.group') && !call.path.includes('skiptoken')
        ? { status: 200, body: { value: [{ id: 'andere-groep' }, { id: GROUPS.leidinggevende }], '@odata.nextLink': `${graph.baseUrl}/v1.0/users/aad-1/transitiveMemberOf/microsoft.graph.group?$skiptoken=2` } }
        : undefined,
    );
    graph.route((call) => (call.path.includes('skiptoken=2') ? { status: 200, body: { value: [{ id: GROUPS.beheerder }] } } : undefined));
    expect(await directory().rolesOf('aad-1')).to.deep.equal(['leidinggevende', 'beheerder']);
    expect(graph.calls).to.have.length(2);
    expect(graph.calls[0]?.path).to.contain('$select=id').and.contain('$top=999');
    expect(graph.calls.every((c) => c.authorization === 'Bearer graph-test-token')).to.equal(true);
  });

  it('remembers a user\u2019s roles for a while: one Graph call per person, not per message', async () => {
    graph.route((call) => (call.path.includes('/users/aad-2/') ? { status: 200, body: { value: [{ id: GROUPS.procesregisseur }] } } : undefined));
    let t = 0;
    const d = directory(() => t);
    await d.rolesOf('aad-2');
    t = 30_000;
    expect(await d.rolesOf('aad-2')).to.deep.equal(['procesregisseur']);
    expect(graph.calls).to.have.length(1);
    t = 61_000;
    await d.rolesOf('aad-2');
    expect(graph.calls).to.have.length(2);
  });

  it('lists the members of a role\u2019s group', async () => {
    graph.route((call) => (call.path.startsWith(`/v1.0/groups/${GROUPS.procesregisseur}/transitiveMembers/microsoft.graph.user`) ? { status: 200, body: { value: [{ id: 'aad-p1' }, { id: 'aad-p2' }] } } : undefined));
    expect(await directory().usersWithRole('procesregisseur')).to.deep.equal(['aad-p1', 'aad-p2']);
    expect(await directory().usersWithRole('aanjager')).to.deep.equal([]);
  });

  it('a user Entra does not know has no roles', async () => {
    expect(await directory().rolesOf('aad-onbekend')).to.deep.equal([]);
  });

  it('no permission becomes a Dutch message for the beheerder', async () => {
    graph.route(() => ({ status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } } }));
    const error = await directory().rolesOf('aad-3').catch((e: unknown) => e);
    expect(error).to.include({ code: 'GRAPH.FORBIDDEN' });
    expect((error as { userMessage: string }).userMessage).to.contain('GroupMember.Read.All');
  });

  it('a 429 with Retry-After is retried by the SDK\u2019s own retry handler, once', async () => {
    let throttled = false;
    graph.route((call) => {
      if (!call.path.includes('/users/aad-4/')) return undefined;
      if (!throttled) {
        throttled = true;
        return { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests' } } };
      }
      return { status: 200, body: { value: [{ id: GROUPS.leidinggevende }] } };
    });
    expect(await directory().rolesOf('aad-4')).to.deep.equal(['leidinggevende']);
    expect(graph.calls).to.have.length(2);
  });
});

import { expect } from 'chai';
import { createGraphClient } from '../../services/adapters/graph/graph-client';
import { GraphPeople } from '../../services/adapters/graph/graph-people';
import { startGraphServer, testCredential } from '../support/graph-server';

const MEGAN = '48d31887-5fad-4d73-a9f5-3c356e68a038';

describe('people from Microsoft Entra through Graph (local Graph server on 127.0.0.1)', () => {
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  before(async () => {
    graph = await startGraphServer();
  });
  after(() => graph.close());
  beforeEach(() => graph.reset());

  const people = () => new GraphPeople(createGraphClient({ credential: testCredential, baseUrl: graph.baseUrl, agent: graph.agent, maxRetries: 1 }));
  const user = (body: Record<string, unknown>) =>
    graph.route((call) => (call.method === 'GET' && call.path.startsWith(`/v1.0/users/${MEGAN}?`) ? { status: 200, body: { id: MEGAN, ...body } } : undefined));

  it('finds a professional by object id: name and company, asking only for those fields, with the app token', async () => {
    user({ displayName: 'Megan Bowen', companyName: 'GGZ Oost Brabant', department: 'Volwassenen' });
    expect(await people().find(MEGAN)).to.deep.equal({ id: MEGAN, displayName: 'Megan Bowen', organisatie: 'GGZ Oost Brabant' });
    expect(graph.calls).to.have.length(1);
    const url = new URL(graph.calls[0]!.path, graph.baseUrl);
    expect(url.pathname).to.equal(`/v1.0/users/${MEGAN}`);
    expect(url.searchParams.get('$select')).to.equal('id,displayName,companyName,department');
    expect(graph.calls[0]?.authorization).to.equal('Bearer graph-test-token');
  });

  it('takes the department when Entra has no company, and leaves the organisation out when it has neither', async () => {
    user({ displayName: 'Megan Bowen', companyName: null, department: 'Schuldhulp' });
    expect(await people().find(MEGAN)).to.deep.equal({ id: MEGAN, displayName: 'Megan Bowen', organisatie: 'Schuldhulp' });
    graph.reset();
    user({ displayName: 'Megan Bowen', companyName: ' ', department: null });
    expect(await people().find(MEGAN)).to.deep.equal({ id: MEGAN, displayName: 'Megan Bowen' });
  });

  it('a user Entra does not know, or one without a name, is not found', async () => {
    expect(await people().find('5b6a2f4e-0000-4000-8000-000000000000')).to.equal(undefined);
    user({ displayName: null });
    expect(await people().find(MEGAN)).to.equal(undefined);
  });

  it('an id is sent as one path segment, whatever it holds', async () => {
    await people().find('a/../../groups?x=1');
    expect(graph.calls[0]?.path).to.match(/^\/v1\.0\/users\/a%2F\.\.%2F\.\.%2Fgroups%3Fx%3D1\?/);
  });

  it('offers no list: in Teams the people picker searches Graph itself', async () => {
    expect(await people().selectable()).to.equal(undefined);
    expect(graph.calls).to.have.length(0);
  });

  it('no permission becomes a Dutch message for the beheerder naming the permission', async () => {
    graph.route(() => ({ status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } } }));
    const error = await people().find(MEGAN).catch((e: unknown) => e);
    expect(error).to.include({ code: 'GRAPH.FORBIDDEN' });
    expect((error as { userMessage: string }).userMessage).to.contain('User.Read.All');
  });

  it('throttling that outlasts the retries says Microsoft 365 is not reachable for now', async function () {
    this.timeout(10_000);
    graph.route(() => ({ status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests' } } }));
    const error = await people().find(MEGAN).catch((e: unknown) => e);
    expect(error).to.include({ code: 'GRAPH.UNAVAILABLE' });
    expect(graph.calls).to.have.length(2);
  });
});

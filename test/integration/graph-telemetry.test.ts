/**
 * Graph calls as dependency spans (the SDK's fetch is not seen by the HTTP instrumentation): one per attempt, with
 * method, host, port and status, through the bot's redacting processor; never the path or query, which can hold
 * what was looked up.
 */
import { expect } from 'chai';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from '../../bot/telemetry/telemetry';
import { createGraphClient } from '../../services/adapters/graph/graph-client';
import { GraphPeople } from '../../services/adapters/graph/graph-people';
import { startGraphServer, testCredential } from '../support/graph-server';

const LOOKED_UP = 'Zwanetje Oosterhuis-Pijpelink 111222333';
const MEGAN = '48d31887-5fad-4d73-a9f5-3c356e68a038';

describe('Graph dependency spans (local Graph server on 127.0.0.1)', () => {
  const spans = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  before(async () => {
    telemetry = (await startTelemetry({ telemetry: undefined }, { spanExporter: spans })) as Telemetry;
    graph = await startGraphServer();
  });
  after(async () => {
    await graph.close();
    await telemetry.shutdown();
  });

  it('records method, host, port and status of each call, and nothing of its path or query', async () => {
    graph.route((call) => (call.path.startsWith(`/v1.0/users/${MEGAN}?`) ? { status: 200, body: { id: MEGAN, displayName: 'Megan Bowen' } } : undefined));
    const people = new GraphPeople(createGraphClient({ credential: testCredential, baseUrl: graph.baseUrl, agent: graph.agent, maxRetries: 1 }));
    expect(await people.find(MEGAN)).to.include({ displayName: 'Megan Bowen' });
    expect(await people.find(LOOKED_UP)).to.equal(undefined);
    const port = Number(new URL(graph.baseUrl).port);
    const client = spans.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(client.map((s) => [s.name, s.attributes])).to.deep.equal([
      ['GET', { 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'server.port': port, 'http.response.status_code': 200 }],
      ['GET', { 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'server.port': port, 'http.response.status_code': 404 }],
    ]);
    const text = JSON.stringify(spans.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status })));
    for (const part of ['Zwanetje', '111222333', MEGAN, '/v1.0']) expect(text, part).to.not.contain(part);
  });
});

/**
 * What leaves the process: the bot as `npm start` runs it, with APPLICATIONINSIGHTS_CONNECTION_STRING naming a
 * local ingestion endpoint (https on 127.0.0.1, its certificate trusted through NODE_EXTRA_CA_CERTS), the embedded
 * Cosmos DB test server as its store and a local Bot Connector. An inwoner's name and a BSN-shaped number are typed
 * into a new case and into a refused request. After a stop signal (which flushes), the envelopes Azure Monitor's
 * exporter sent hold neither, nor a Bot Connector path; requests, dependencies, traces and custom metrics are there.
 */
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startCosmosTestServer, TEST_COSMOS_KEY, type CosmosTestServer } from '../support/cosmos-server';
import { freePort, startBot, until } from '../support/bot-process';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { postActivity, PROFESSIONAL_A, teamsMessage } from '../support/teams-activities';

const INWONER = 'Zwanetje Oosterhuis-Pijpelink';
const BSN = '111222333';
const IKEY = '11111111-2222-4333-8444-555555555555';

interface Envelope {
  readonly name: string;
  readonly data?: { readonly baseType?: string; readonly baseData?: Record<string, any> };
}

describe('telemetry as sent to Azure Monitor: no personal data leaves the process', function () {
  this.timeout(90_000);
  let dir: string;
  let cosmos: CosmosTestServer;
  let connector: LocalConnector;
  let ingestion: Server;
  /** Every body the exporter posted, unzipped, as text. */
  const received: string[] = [];

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'telemetry-'));
    cosmos = await startCosmosTestServer();
    connector = await startLocalConnector();
    ingestion = createServer({ cert: cosmos.cert, key: cosmos.key }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
        received.push(`${req.method} ${req.url}\n${text}`);
        const items = text.startsWith('[') ? (JSON.parse(text) as unknown[]).length : 0;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: items, itemsAccepted: items, errors: [] }));
      });
    });
    await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await new Promise((resolve) => ingestion.close(resolve));
    await connector.close();
    await cosmos.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends requests, dependencies, traces and the counters, and neither the name, the BSN nor a connector path', async () => {
    const caFile = path.join(dir, 'ca.pem');
    await writeFile(caFile, cosmos.cert);
    const port = await freePort();
    const ingestionUrl = `https://127.0.0.1:${(ingestion.address() as AddressInfo).port}/`;
    const bot = startBot({
      PORT: String(port),
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'debug',
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: TEST_COSMOS_KEY,
      COSMOS_DATABASE: cosmos.freshDatabase(),
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${IKEY};IngestionEndpoint=${ingestionUrl}`,
      NODE_EXTRA_CA_CERTS: caFile,
      // Only loopback: no SDK self-reporting to Microsoft, no cloud metadata lookups for the resource.
      APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
      OTEL_NODE_RESOURCE_DETECTORS: 'env,host,os,process',
    });
    try {
      await until('bot.started', () => (bot.stdout().includes('"event":"bot.started"') ? true : undefined), 60_000);
      const botUrl = `http://127.0.0.1:${port}`;
      const context = { serviceUrl: connector.serviceUrl, user: PROFESSIONAL_A };
      const says = ['nieuwe casus', `${INWONER} (BSN ${BSN}) krijgt een brief dat ze het huis uit moet.`, `${INWONER} krijgt een brief dat ze het huis uit moet.`];
      for (const text of says) expect((await postActivity(botUrl, teamsMessage(text, context))).status).to.equal(200);
      expect(connector.texts().join('\n')).to.match(/BSN[\s\S]*is aangemaakt/);
      const refused = await fetch(`${botUrl}/api/messages?bsn=${BSN}&naam=${encodeURIComponent(INWONER)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ naam: INWONER }) });
      expect(refused.status).to.equal(400);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).to.equal(0);
    } finally {
      bot.child.kill('SIGKILL');
    }

    const all = received.join('\n');
    for (const text of [INWONER, 'Zwanetje', 'Oosterhuis', BSN, '/v3/conversations', 'bsn=']) expect(all, text).to.not.contain(text);
    const envelopes = received.flatMap((body) => {
      const json = body.slice(body.indexOf('\n') + 1);
      return json.startsWith('[') ? (JSON.parse(json) as Envelope[]) : [];
    });
    const of = (baseType: string) => envelopes.filter((e) => e.data?.baseType === baseType).map((e) => e.data?.baseData ?? {});
    const requests = of('RequestData');
    expect(requests.map((r) => r.name)).to.deep.equal(Array(4).fill('POST /api/messages'));
    expect(requests.map((r) => r.properties?.['bot.outcome']).sort()).to.deep.equal(['ok', 'ok', 'ok', 'refused']);
    // Dependencies: Cosmos DB through the Azure SDK instrumentation, and every HTTP call (Cosmos DB, the Bot
    // Connector) by method, host and status only: no URL, path or query.
    const dependencies = of('RemoteDependencyData');
    expect(dependencies.filter((d) => d.properties?.['az.namespace'] !== undefined), 'Azure SDK (Cosmos DB) spans').to.not.be.empty;
    const http = dependencies.filter((d) => d.target === '127.0.0.1');
    expect(http.length, 'HTTP dependencies').to.be.greaterThan(10);
    for (const d of dependencies) {
      expect(d.data, 'no URL').to.equal('');
      expect(d.name).to.be.oneOf(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);
    }
    expect(of('MessageData').map((m) => m.message)).to.include.members(['bot.started', 'http.request', 'http.refused']);
    const metrics = of('MetricData').flatMap((m) => (m.metrics as { name: string; value: number }[]).map((point) => [point.name, point.value] as const));
    expect(metrics.filter(([name]) => name === 'helmond.turns').reduce((sum, [, value]) => sum + value, 0)).to.equal(3);
  });
});

import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import selfsigned from 'selfsigned';

/** The account key the local server accepts (it does not check signatures); the emulator's well-known key. */
export const TEST_COSMOS_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface CosmosTestServer {
  readonly endpoint: string;
  /** An agent that trusts exactly the certificate this server was started with (TLS verification stays on). */
  readonly agent: https.Agent;
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
  /** A client of the real @azure/cosmos SDK for this server. */
  client(endpoint?: string): CosmosClient;
  /** A database name nobody used yet: the server has no reset, so each test takes a fresh one. */
  freshDatabase(): string;
  close(): Promise<void>;
}

/** A certificate for IP 127.0.0.1, made by the test itself: the server's bundled one expired in 2021 and has no SAN. */
export async function loopbackCertificate(): Promise<{ cert: string; key: string }> {
  const now = Date.now();
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 2 * 24 * 3600_000),
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * Start @vercel/cosmosdb-server in-process on 127.0.0.1 (one per test file), speaking the real Cosmos DB protocol
 * to the real SDK over TLS, with keep-alive so requests do not each pay a handshake.
 */
export async function startCosmosTestServer(): Promise<CosmosTestServer> {
  const { cert, key } = await loopbackCertificate();
  const server = createHttpsServer({ cert, key, keepAlive: true } as https.ServerOptions);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new https.Agent({ ca: cert, keepAlive: true });
  return {
    endpoint,
    agent,
    ca: cert,
    cert,
    key,
    client: (at = endpoint) =>
      new CosmosClient({ endpoint: at, key: TEST_COSMOS_KEY, agent, connectionPolicy: { enableEndpointDiscovery: false } }),
    freshDatabase: () => `db-${randomUUID().slice(0, 8)}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * An existing `cases` container made before the resultaten query (no teamId/createdAt paths, no composite index
 * on createdAt) gets the declared indexing policy at start-up, through the real @azure/cosmos SDK against
 * @vercel/cosmosdb-server on 127.0.0.1 (one server for this file, a fresh database per test); a second start changes
 * nothing; a refused replace (403) is noted and start-up goes on. The policy comparison as a unit.
 *
 * Limit of the local server: it supports a container replace (and checks that the partition key is unchanged), but
 * implements it by building a new collection, so the container's documents are gone afterwards. Real Cosmos keeps
 * them and transforms the index online. This test therefore writes the case it lists after the replace.
 */
import { Writable } from 'node:stream';
import type { CompositePath, Container, ContainerDefinition, IndexingPolicy } from '@azure/cosmos';
import { expect } from 'chai';
import { logIndexingPolicy } from '../../bot/compose';
import { createLogger } from '../../bot/logging';
import { CASES_CONTAINER, CASES_CONTAINER_ID, CASES_INDEXING_POLICY } from '../../services/adapters/cosmos/containers';
import { CosmosCaseStore } from '../../services/adapters/cosmos/cosmos-case-store';
import { ensureIndexingPolicy, missingIndexes, needsIndexingUpdate, type IndexingPolicyNote } from '../../services/adapters/cosmos/ensure';
import { makeCase } from '../support/case-fixtures';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-server';

/** The policy of a deployment made before the resultaten: without teamId, createdAt and their composite index. */
const OLD_POLICY: IndexingPolicy = {
  ...CASES_INDEXING_POLICY,
  includedPaths: (CASES_INDEXING_POLICY.includedPaths ?? []).filter((p) => p.path !== '/teamId/?' && p.path !== '/createdAt/?'),
  compositeIndexes: (CASES_INDEXING_POLICY.compositeIndexes ?? []).filter((index) => index[0]?.path !== '/createdAt'),
};

const PERIOD = ['2020-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] as const;

describe('Cosmos DB: an existing container gets the declared indexes (real SDK, local protocol server)', function () {
  this.timeout(60_000);
  let server: CosmosTestServer;

  before(async () => {
    server = await startCosmosTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('the old policy really lacks what the declared one has (the test starts from a real gap)', () => {
    expect(missingIndexes(CASES_INDEXING_POLICY, OLD_POLICY)).to.deep.equal({ includedPaths: ['/teamId/?', '/createdAt/?'], compositeIndexes: 1 });
  });

  it('replaces an old cases container policy with the declared one, keeps the partition key; a second start changes nothing', async () => {
    const client = server.client();
    const database = server.freshDatabase();
    const { database: db } = await client.databases.createIfNotExists({ id: database });
    const { container } = await db.containers.create({ id: CASES_CONTAINER_ID, partitionKey: CASES_CONTAINER.partitionKey, indexingPolicy: OLD_POLICY });
    const before = (await container.read()).resource as ContainerDefinition;
    expect(needsIndexingUpdate(CASES_INDEXING_POLICY, before.indexingPolicy)).to.equal(true);
    const c = makeCase();
    await container.items.create({ ...c });
    // Before: the resultaten's ORDER BY createdAt, id needs the composite index the old policy lacks.
    const resultatenOrder = { query: 'SELECT * FROM c WHERE c.teamId = @t ORDER BY c.createdAt ASC, c.id ASC', parameters: [{ name: '@t', value: c.teamId }] };
    const refused = await container.items.query(resultatenOrder).fetchAll().then(() => undefined, (e: { code?: unknown }) => e.code ?? 'error');
    expect(refused, 'the old policy must make the resultaten query fail').to.not.equal(undefined);

    const notes: IndexingPolicyNote[] = [];
    const store = await CosmosCaseStore.open(client, database, { onIndexingPolicy: (note) => notes.push(note) });
    expect(notes).to.deep.equal([{ outcome: 'updated', containerId: CASES_CONTAINER_ID }]);
    const after = (await container.read()).resource as ContainerDefinition & { _etag?: string };
    expect(missingIndexes(CASES_INDEXING_POLICY, after.indexingPolicy)).to.deep.equal({ includedPaths: [], compositeIndexes: 0 });
    expect(after.partitionKey).to.deep.equal(before.partitionKey);
    // (The local server dropped the documents with the replace: see the header. Real Cosmos keeps them.)
    if (!(await store.get(c.id))) await container.items.create({ ...c });
    const page = await store.listForResults(c.teamId, ...PERIOD);
    expect(page.items.map((s) => s.case.id)).to.deep.equal([c.id]);

    expect((await container.items.query(resultatenOrder).fetchAll()).resources.map((r) => r.id)).to.deep.equal([c.id]);

    const again: IndexingPolicyNote[] = [];
    await CosmosCaseStore.open(client, database, { onIndexingPolicy: (note) => again.push(note) });
    const third = (await container.read()).resource as ContainerDefinition & { _etag?: string };
    expect(again).to.deep.equal([]);
    expect(third._etag).to.equal(after._etag);
    expect(third.indexingPolicy).to.deep.equal(after.indexingPolicy);
  });
});

describe('Cosmos DB indexing policy: the decision and the replace call (units, a stub container)', () => {
  const declared: IndexingPolicy = {
    includedPaths: [{ path: '/a/?' }, { path: '/b/?' }],
    excludedPaths: [{ path: '/*' }],
    compositeIndexes: [[{ path: '/a', order: 'ascending' }, { path: '/id', order: 'ascending' }]],
  };

  it('nothing is missing when every declared path and composite index is there, extras and all', () => {
    const existing: IndexingPolicy = {
      includedPaths: [{ path: '/b/?' }, { path: '/a/?' }, { path: '/extra/?' }],
      // Cosmos' default direction is ascending: an index written without it is the same index.
      compositeIndexes: [[{ path: '/a' }, { path: '/id' }] as unknown as CompositePath[], [{ path: '/x', order: 'descending' }, { path: '/id', order: 'descending' }]],
    };
    expect(needsIndexingUpdate(declared, existing)).to.equal(false);
    expect(needsIndexingUpdate(undefined, existing)).to.equal(false);
  });

  it('a missing path, a composite index in another direction or order, or no policy at all is a lack', () => {
    expect(missingIndexes(declared, { includedPaths: [{ path: '/a/?' }], compositeIndexes: declared.compositeIndexes ?? [] })).to.deep.equal({ includedPaths: ['/b/?'], compositeIndexes: 0 });
    const descending: IndexingPolicy = { ...declared, compositeIndexes: [[{ path: '/a', order: 'descending' }, { path: '/id', order: 'descending' }]] };
    expect(missingIndexes(declared, descending).compositeIndexes).to.equal(1);
    const swapped: IndexingPolicy = { ...declared, compositeIndexes: [[{ path: '/id', order: 'ascending' }, { path: '/a', order: 'ascending' }]] };
    expect(missingIndexes(declared, swapped).compositeIndexes).to.equal(1);
    expect(missingIndexes(declared, undefined)).to.deep.equal({ includedPaths: ['/a/?', '/b/?'], compositeIndexes: 1 });
  });

  /** A container whose replace answers as told; records what it was asked to write. */
  function stubContainer(existing: ContainerDefinition, replaceError?: unknown): { container: Container; replaced: ContainerDefinition[] } {
    const replaced: ContainerDefinition[] = [];
    const container = {
      id: existing.id,
      read: async () => ({ resource: existing }),
      replace: async (body: ContainerDefinition) => {
        replaced.push(body);
        if (replaceError) throw replaceError;
        return { resource: body };
      },
    } as unknown as Container;
    return { container, replaced };
  }

  const existing: ContainerDefinition = { id: 'cases', partitionKey: { paths: ['/id'], kind: 'Hash' as never }, indexingPolicy: { includedPaths: [{ path: '/a/?' }] }, defaultTtl: -1 };

  it('replaces the read definition with only the indexing policy changed (the partition key and the rest kept)', async () => {
    const { container, replaced } = stubContainer(existing);
    const notes: IndexingPolicyNote[] = [];
    await ensureIndexingPolicy(container, declared, { onIndexingPolicy: (n) => notes.push(n) });
    expect(replaced).to.deep.equal([{ ...existing, indexingPolicy: declared }]);
    expect(notes).to.deep.equal([{ outcome: 'updated', containerId: 'cases' }]);
  });

  it('does not replace when nothing is missing', async () => {
    const { container, replaced } = stubContainer({ ...existing, indexingPolicy: declared });
    await ensureIndexingPolicy(container, declared, { onIndexingPolicy: () => expect.fail('no note') });
    expect(replaced).to.deep.equal([]);
  });

  it('a 403 (no right to replace the container) is noted and start-up goes on; another failure is the store error', async () => {
    const notes: IndexingPolicyNote[] = [];
    await ensureIndexingPolicy(stubContainer(existing, Object.assign(new Error('Forbidden'), { code: 403 })).container, declared, { onIndexingPolicy: (n) => notes.push(n) });
    expect(notes).to.deep.equal([{ outcome: 'refused', containerId: 'cases', status: 403 }]);
    const unavailable = await ensureIndexingPolicy(stubContainer(existing, Object.assign(new Error('busy'), { code: 503 })).container, declared).then(
      () => undefined,
      (e: { code?: unknown }) => e.code,
    );
    expect(unavailable).to.equal('STORE.UNAVAILABLE');
    const other = await ensureIndexingPolicy(stubContainer(existing, Object.assign(new Error('bad'), { code: 400 })).container, declared).then(
      () => undefined,
      (e: { code?: unknown }) => e.code,
    );
    expect(other).to.equal(400);
  });

  it('the log: an event with a code and the container id, nothing else', () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const note = logIndexingPolicy(createLogger({ stream }));
    note({ outcome: 'updated', containerId: 'cases' });
    note({ outcome: 'refused', containerId: 'cases', status: 403 });
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>).map(({ time: _time, ...rest }) => rest);
    expect(records).to.deep.equal([
      { level: 'info', event: 'cosmos.indexing_policy_updated', code: 'COSMOS.INDEXING_POLICY_UPDATED', store: 'cases' },
      { level: 'warn', event: 'cosmos.indexing_policy_refused', code: 'COSMOS.INDEXING_POLICY_REFUSED', store: 'cases', status: 403 },
    ]);
  });
});

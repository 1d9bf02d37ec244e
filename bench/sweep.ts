/**
 * Reminder sweep benchmark: how long one dispatcher takes to deliver 1,000 due reminders, and how many CaseStore
 * operations that costs, when they sit among 1,000 cases and among 100,000 cases. Target: sweep(100,000) within 2×
 * sweep(1,000), since a sweep reads only the due cases (`listDue`, an index) and never the rest.
 *
 * Stores: the embedded file store (FileCaseStore in a temp dir; the case files are written in its format before it is
 * opened, then read at open as the bot does) and Cosmos DB (the real SDK against @vercel/cosmosdb-server on 127.0.0.1,
 * loaded through the store's `create` in parallel batches). The Notifier is a no-op that resolves at once; the
 * dispatcher's clock runs from Tuesday 1 Dec 2026 10:00 Amsterdam, a werkdag after every due moment.
 * Writes bench/results/sweep-<date>.md with date, machine, commit. Run: npm run bench:sweep
 * (SWEEP_COSMOS_LARGE=<n> sets the large Cosmos case count; default 10,000: the local server has no index and scans and sorts the whole container for every listing page, 8.9 s a page at 20,000 cases, so 100,000 is not feasible against it.)
 */
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CosmosCaseStore } from '../services/adapters/cosmos/cosmos-case-store';
import { FileCaseStore } from '../services/adapters/file/file-case-store';
import type { Case } from '../services/domain/model/case';
import { OutboxDispatcher } from '../services/notify/dispatcher';
import type { CaseStore } from '../services/ports/case-store';
import type { Notifier } from '../services/ports/notifier';
import { writeCaseFiles } from './case-files';
import { counted, OperationCounter } from '../test/support/counting';
import { startCosmosTestServer } from '../test/support/cosmos-server';
import { createAll, reminderCase } from '../test/support/reminder-cases';

const DUE = 1_000;
const SIZES = [1_000, 100_000] as const;
const COSMOS_LARGE = Number(process.env.SWEEP_COSMOS_LARGE ?? 10_000);
/** Tuesday 1 Dec 2026, 10:00 Amsterdam: a werkdag after every due moment (the actions were for 26 Nov). */
const START = Date.parse('2026-12-01T09:00:00.000Z');
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const METHODS = { get: 'get', findByReference: 'findByReference', create: 'create', replace: 'replace', listByMember: 'listByMember', listDue: 'listDue', listOutbox: 'listOutbox' };

/** `total` cases, the first `due` with a reminder due now; the rest half with a reminder months ahead, half with none. */
function dataset(total: number, due: number): Case[] {
  const templates = [reminderCase('aad-partij-0001', '2026-11-26'), reminderCase('aad-partij-0002', '2027-03-01'), reminderCase('aad-partij-0003', undefined)];
  return Array.from({ length: total }, (_, i) => {
    const c = structuredClone(templates[i < due ? 0 : 1 + (i % 2)] as Case);
    c.id = randomUUID();
    c.reference = `HA-2026-${Array.from({ length: 6 }, (_, j) => CROCKFORD[(i >> (5 * j)) & 31]).join('')}`;
    return c;
  });
}

interface Result {
  readonly store: string;
  readonly cases: number;
  readonly loadMs: number;
  readonly sweepMs: number;
  readonly sent: number;
  readonly sweeps: number;
  readonly ops: Record<string, number>;
  /** A sweep with nothing due (after the first): what a quiet pass over the same store costs. */
  readonly idleMs: number;
}

async function sweepAll(store: CaseStore, label: string): Promise<Pick<Result, 'sweepMs' | 'sent' | 'sweeps' | 'ops' | 'idleMs'>> {
  const counter = new OperationCounter();
  const t0 = performance.now();
  const noop: Notifier = { send: async () => 'sent', update: async () => true };
  const dispatcher = new OutboxDispatcher(counted(store, counter, 'store', METHODS), noop, {
    instanceId: `bench-${label}`,
    intervalMs: 1000,
    perConversationMs: 0,
    maxPerSecond: 1e9,
    now: () => new Date(START + (performance.now() - t0)),
  });
  const started = performance.now();
  let sent = 0;
  let sweeps = 0;
  while (sent < DUE && sweeps < 5) {
    sent += await dispatcher.sweep();
    sweeps++;
  }
  const sweepMs = performance.now() - started;
  const ops = counter.snapshot();
  const idleStarted = performance.now();
  const idleSent = await dispatcher.sweep();
  const idleMs = performance.now() - idleStarted;
  if (idleSent !== 0) throw new Error(`${label}: the idle sweep sent ${idleSent}.`);
  return { sweepMs, sent, sweeps, ops, idleMs };
}

async function fileRun(root: string, total: number): Promise<Result> {
  const dir = path.join(root, `file-${total}`);
  const loadStarted = performance.now();
  writeCaseFiles(dir, dataset(total, DUE));
  const store = await FileCaseStore.open({ dir });
  const loadMs = performance.now() - loadStarted;
  try {
    return { store: 'embedded file', cases: total, loadMs, ...(await sweepAll(store, `file-${total}`)) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cosmosRun(server: Awaited<ReturnType<typeof startCosmosTestServer>>, total: number): Promise<Result> {
  const store = await CosmosCaseStore.open(server.client(), server.freshDatabase());
  const loadStarted = performance.now();
  await createAll(store, dataset(total, DUE), 50);
  const loadMs = performance.now() - loadStarted;
  return { store: 'Cosmos (local server)', cases: total, loadMs, ...(await sweepAll(store, `cosmos-${total}`)) };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function main(): Promise<void> {
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const dirty = execSync('git status --porcelain -- bench services').toString().trim() !== '';
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-sweep-'));
  const results: Result[] = [];
  const log = (r: Result) => process.stdout.write(`${r.store} ${r.cases}: load ${fmt(r.loadMs)} ms, sweep ${fmt(r.sweepMs)} ms (${r.sent} sent in ${r.sweeps} sweep(s)), idle ${fmt(r.idleMs)} ms, ${JSON.stringify(r.ops)}\n`);
  const server = await startCosmosTestServer();
  try {
    for (const size of SIZES) results.push(await fileRun(root, size)), log(results.at(-1) as Result);
    for (const size of [SIZES[0], COSMOS_LARGE]) results.push(await cosmosRun(server, size)), log(results.at(-1) as Result);
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }

  const date = new Date().toISOString().slice(0, 10);
  const lines: string[] = [`# Reminder sweep benchmark, ${date}`, ''];
  lines.push(`- Date: ${new Date().toISOString()}`);
  lines.push(`- Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; 1-minute load average at the end ${os.loadavg()[0]?.toFixed(1)}`);
  lines.push(`- Commit: ${commit}${dirty ? ' (with uncommitted changes in bench/ or services/)' : ''}`);
  lines.push(`- Written by \`npm run bench:sweep\` (bench/sweep.ts): ${DUE} cases with one due reminder each (an action of Deel A past its date, derived by the core), among cases whose reminders are not due (half with one months ahead, half with none). One OutboxDispatcher (page size 50, perConversationMs 0), a no-op Notifier that resolves at once; sweeps until all ${DUE} are sent, timed together; then one more sweep with nothing due ("idle"). Store operations counted per CaseStore method through a counting proxy (test/support/counting.ts).`);
  lines.push('- Embedded file store: the case files written in its format to a temp dir, then `FileCaseStore.open` (reads and indexes them all, as the bot does at start); "load" is both. Cosmos: the real @azure/cosmos SDK against @vercel/cosmosdb-server in this process on 127.0.0.1 (TLS, keep-alive), loaded through `create`, 50 in parallel.', '');
  lines.push('| store | cases | load ms | sweep ms | sent | sweeps | idle sweep ms | store operations in the sweeps |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) lines.push(`| ${r.store} | ${r.cases.toLocaleString('en')} | ${fmt(r.loadMs)} | ${fmt(r.sweepMs)} | ${r.sent} | ${r.sweeps} | ${fmt(r.idleMs)} | ${Object.entries(r.ops).map(([k, v]) => `${k.replace('store.', '')} ${v}`).join(', ')} |`);
  lines.push('', '| store | sweep(large) ÷ sweep(1,000) | idle(large) ÷ idle(1,000) |', '| --- | ---: | ---: |');
  for (const name of ['embedded file', 'Cosmos (local server)']) {
    const [small, large] = results.filter((r) => r.store === name);
    if (small && large) lines.push(`| ${name} (${large.cases.toLocaleString('en')} vs 1,000) | ${(large.sweepMs / small.sweepMs).toFixed(2)} | ${(large.idleMs / small.idleMs).toFixed(2)} |`);
  }
  lines.push('', '## Reading', '', '(written by hand after the run)', '');
  const out = path.join(__dirname, 'results', `sweep-${date}.md`);
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n\nGeschreven naar ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});

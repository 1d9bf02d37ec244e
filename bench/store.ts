/**
 * Store benchmark: how many CaseStore operations a bot turn costs, and point-read / replace latency, on the
 * embedded file store and on Cosmos DB (the real SDK against @vercel/cosmosdb-server on 127.0.0.1: protocol and
 * SDK overhead, not Azure's latency or RU cost). Writes bench/results/store-<date>.md with date, machine, commit.
 * Run: npm run bench:store
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TestAdapter, type Activity } from 'botbuilder';
import { compose, type ComposeOverrides } from '../bot/compose';
import { loadConfig } from '../bot/config';
import { CosmosCaseStore } from '../services/adapters/cosmos/cosmos-case-store';
import type { CaseStore } from '../services/ports/case-store';
import { FixedClock } from '../services/ports/clock';
import { StaticDirectory } from '../services/adapters/memory/static-directory';
import { FileCaseStore } from '../services/adapters/file/file-case-store';
import { makeCase } from '../test/support/case-fixtures';
import { startCosmosTestServer, TEST_COSMOS_KEY } from '../test/support/cosmos-server';
import { T0 } from '../test/support/stappenplan-driver';
import { teamsMessage } from '../test/support/teams-activities';

const N = 500;

/** Count calls per CaseStore method. */
function counting(store: CaseStore, counts: Record<string, number>): CaseStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        counts[String(prop)] = (counts[String(prop)] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
const fmt = (ms: number) => ms.toFixed(2);

async function latency(store: CaseStore): Promise<{ read: number[]; replace: number[] }> {
  const c = makeCase();
  let { etag } = await store.create(c);
  const read: number[] = [];
  const replace: number[] = [];
  for (let i = 0; i < N; i++) {
    let t = performance.now();
    await store.get(c.id);
    read.push(performance.now() - t);
    t = performance.now();
    etag = (await store.replace({ ...c, hulpvraag: `Versie ${i}.` }, etag)).etag;
    replace.push(performance.now() - t);
  }
  return { read: read.sort((a, b) => a - b), replace: replace.sort((a, b) => a - b) };
}

/** The first steps of the voorbeeldcasus as turns; store operations counted per turn. */
const TURNS = ['nieuwe casus', 'Ik krijg een brief dat we het huis uit moeten.', 'inwoner Moeder (M1) 38', 'kind Kind (K1) 9', 'klaar', 'ja', 'Met de kinderen in ons huis blijven wonen.', 'Ik kan goed koken.', 'Iemand die met mij de schulden op een rij zet.', 'mijn casussen'];

async function perTurn(env: Record<string, string>, cosmosClient?: ComposeOverrides['cosmosClient']): Promise<{ turns: number; perTurn: Record<string, number> }> {
  const counts: Record<string, number> = {};
  const runtime = await compose(loadConfig(env), {
    clock: new FixedClock(T0),
    directory: new StaticDirectory(),
    wrapStore: (store) => counting(store, counts),
    ...(cosmosClient ? { cosmosClient } : {}),
  });
  const adapter = new TestAdapter((turn) => runtime.bot.run(turn));
  for (const text of TURNS) await adapter.processActivity(teamsMessage(text, { serviceUrl: 'https://test.invalid/' }) as Activity);
  await runtime.close();
  return { turns: TURNS.length, perTurn: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / TURNS.length])) };
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  lines.push(`# Store benchmark, ${new Date().toISOString().slice(0, 10)}`, '');
  lines.push(`- Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  lines.push(`- Commit: ${commit}`, `- Operations per latency series: ${N} (sequential, one case)`, '');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const server = await startCosmosTestServer();
  try {
    const file = await FileCaseStore.open({ dir: path.join(dir, 'lat') });
    const fileLat = await latency(file);
    await file.close();
    const cosmos = await CosmosCaseStore.open(server.client(), server.freshDatabase());
    const cosmosLat = await latency(cosmos);
    lines.push('## Latency (ms)', '', '| store | op | p50 | p95 | p99 |', '| --- | --- | --- | --- | --- |');
    for (const [name, lat] of [['embedded file', fileLat], ['Cosmos (local server)', cosmosLat]] as const) {
      for (const op of ['read', 'replace'] as const) lines.push(`| ${name} | ${op} | ${fmt(percentile(lat[op], 50))} | ${fmt(percentile(lat[op], 95))} | ${fmt(percentile(lat[op], 99))} |`);
    }
    const embeddedTurns = await perTurn({ DATA_DIR: path.join(dir, 'turns') });
    const cosmosTurns = await perTurn({ DATA_DIR: path.join(dir, 'turns2'), COSMOS_ENDPOINT: server.endpoint, COSMOS_DATABASE: server.freshDatabase(), COSMOS_KEY: TEST_COSMOS_KEY }, server.client());
    lines.push('', `## CaseStore operations per bot turn (${embeddedTurns.turns} turns of the voorbeeldcasus)`, '', '| store | operation | per turn |', '| --- | --- | --- |');
    for (const [name, r] of [['embedded file', embeddedTurns], ['Cosmos (local server)', cosmosTurns]] as const) {
      for (const [op, n] of Object.entries(r.perTurn).sort()) lines.push(`| ${name} | ${op} | ${n.toFixed(1)} |`);
    }
    lines.push('', 'Bot state (dialog stack) adds one read of the conversation state per message turn on either store, and one write only when the turn changed the dialog state (a turn that changes nothing, such as help or mijn casussen, writes nothing; see bench/results/turns-2026-11-29.md).');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const out = path.join(__dirname, 'results', `store-${new Date().toISOString().slice(0, 10)}.md`);
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n\nGeschreven naar ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});

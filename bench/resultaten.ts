/**
 * Resultaten benchmark: how long `resultaten [periode]` takes to make its report (ResultatenService.rapport: the
 * store's indexed listing of the period's cases, all pages of 100, the ledger's bookings, the aggregation and the
 * suppression), for a gemeente of 1,000 and of 100,000 cases, on the embedded file store and on Cosmos DB (the real
 * SDK against @vercel/cosmosdb-server on 127.0.0.1), and as a ratio against a botbuilder echo bot turn measured in the
 * same run (TestAdapter, in this process).
 *
 * Data: test/support/resultaten-populatie.ts (seeded), cases created from January 2025 to 30 November 2026 ("now"),
 * spread over one team per 10,000 cases (a large gemeente has several wijkteams, and the ledger holds at most 10,000
 * bookings per team and year); the report is for one team. Periods: the current quarter (2026-Q4, what `resultaten`
 * without a period shows) and the year 2025.
 * Writes bench/results/resultaten-<date>.md with date, machine, load and commit. Run: npm run bench:resultaten
 * (RESULTATEN_COSMOS_LARGE=<n> sets the large Cosmos size; default 5,000: the local server keeps no index and scans
 * every document for every query page, so 100,000 is not feasible against it.)
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ActivityHandler, TestAdapter } from 'botbuilder';
import { CosmosCaseStore } from '../services/adapters/cosmos/cosmos-case-store';
import { CosmosVersionedStore } from '../services/adapters/cosmos/cosmos-versioned-store';
import { FileCaseStore } from '../services/adapters/file/file-case-store';
import { FileVersionedStore } from '../services/adapters/file/file-versioned-store';
import { MemoryAuditLog } from '../services/adapters/memory/memory-audit-log';
import { BudgetLedger, budgetDocument, type BudgetYearDocument } from '../services/budget/ledger';
import { createWerkdagKalender } from '../services/domain/werkdagen';
import type { CaseStore } from '../services/ports/case-store';
import { FixedClock } from '../services/ports/clock';
import type { VersionedStore } from '../services/ports/versioned-store';
import { ResultatenService } from '../services/resultaten/resultaten-service';
import { startCosmosTestServer } from '../test/support/cosmos-server';
import { writeCaseFiles } from './case-files';
import { createAll } from '../test/support/reminder-cases';
import { maakPopulatie, type Populatie } from '../test/support/resultaten-populatie';

const SIZES = [1_000, 100_000] as const;
const COSMOS_LARGE = Number(process.env.RESULTATEN_COSMOS_LARGE ?? 5_000);
const CASES_PER_TEAM = 10_000;
const PERIODS = ['2026-Q4', '2025'] as const;
const ECHO_TURNS = 3_000;
const ACTOR = { userId: 'aad-leidinggevende-1', orgRoles: ['leidinggevende' as const] };

interface Result {
  readonly store: string;
  readonly cases: number;
  readonly teams: number;
  readonly teamCases: number;
  readonly periode: string;
  readonly listed: number;
  readonly pages: number;
  readonly loadMs: number;
  readonly runs: readonly number[];
}

const teamsFor = (n: number) => Array.from({ length: Math.max(1, Math.round(n / CASES_PER_TEAM)) }, (_, i) => `wijkteam-${i + 1}`);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] as number;
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** A botbuilder echo bot's turn in this process (TestAdapter): the median of ECHO_TURNS, after a warm-up. */
async function echoTurnMs(): Promise<number> {
  const bot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity(context.activity.text ?? '');
    await next();
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  const times: number[] = [];
  for (let i = 0; i < ECHO_TURNS + 300; i++) {
    const started = performance.now();
    await adapter.receiveActivity(`Hallo ${i}`);
    if (i >= 300) times.push(performance.now() - started);
    adapter.activeQueue.length = 0;
  }
  return median(times);
}

/** The report for one team and period, `runs` times (after one warm-up run), with what the listing read. */
async function measure(store: CaseStore, budgets: VersionedStore<BudgetYearDocument>, p: Populatie, teamId: string, periode: string, runs: number) {
  let listed = 0;
  let pages = 0;
  const counting: CaseStore = Object.create(store, {
    listForResults: {
      value: async (...args: Parameters<CaseStore['listForResults']>) => {
        const page = await store.listForResults(...args);
        listed += page.items.length;
        pages += 1;
        return page;
      },
    },
  });
  const service = new ResultatenService({ store: counting, ledger: new BudgetLedger(budgets), audit: new MemoryAuditLog(), clock: new FixedClock(p.nu), kalender: createWerkdagKalender() });
  await service.rapport(ACTOR, { teamId, periode });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    [listed, pages] = [0, 0];
    const started = performance.now();
    await service.rapport(ACTOR, { teamId, periode });
    times.push(performance.now() - started);
  }
  return { listed, pages, runs: times };
}

async function fileRuns(root: string, p: Populatie, teams: readonly string[]): Promise<Result[]> {
  const dir = path.join(root, `file-${p.cases.length}`);
  const loadStarted = performance.now();
  writeCaseFiles(dir, p.cases);
  const store = await FileCaseStore.open({ dir });
  const budgets = await FileVersionedStore.open(dir, 'budgets', budgetDocument);
  for (const doc of p.ledger) await budgets.create(`${doc.teamId}:${doc.year}`, doc);
  const loadMs = performance.now() - loadStarted;
  const teamId = teams[0] as string;
  try {
    const results: Result[] = [];
    for (const periode of PERIODS) {
      const m = await measure(store, budgets, p, teamId, periode, 5);
      results.push({ store: 'embedded file', cases: p.cases.length, teams: teams.length, teamCases: p.cases.filter((c) => c.teamId === teamId).length, periode, loadMs, ...m });
    }
    return results;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cosmosRuns(server: Awaited<ReturnType<typeof startCosmosTestServer>>, p: Populatie, teams: readonly string[], runs: number): Promise<Result[]> {
  const client = server.client();
  const database = server.freshDatabase();
  const store = await CosmosCaseStore.open(client, database);
  const budgets = await CosmosVersionedStore.open(client, database, 'budgets', budgetDocument);
  const loadStarted = performance.now();
  await createAll(store, p.cases, 50);
  for (const doc of p.ledger) await budgets.create(`${doc.teamId}:${doc.year}`, doc);
  const loadMs = performance.now() - loadStarted;
  const teamId = teams[0] as string;
  const m = await measure(store, budgets, p, teamId, PERIODS[0], runs);
  await client.database(database).delete();
  return [{ store: 'Cosmos (local server)', cases: p.cases.length, teams: teams.length, teamCases: p.cases.filter((c) => c.teamId === teamId).length, periode: PERIODS[0], loadMs, ...m }];
}

async function main(): Promise<void> {
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const dirty = execSync('git status --porcelain -- bench services test/support').toString().trim() !== '';
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const uname = execSync('uname -a').toString().trim();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const started = performance.now();
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-resultaten-'));
  const results: Result[] = [];
  const log = (r: Result) => process.stdout.write(`${r.store} ${r.cases} (${r.periode}): listed ${r.listed} in ${r.pages} pages, median ${fmt(median(r.runs))} ms [${r.runs.map(fmt).join(', ')}], load ${fmt(r.loadMs)} ms\n`);
  const echoBefore = await echoTurnMs();
  const generated: string[] = [];
  const server = await startCosmosTestServer();
  try {
    for (const size of SIZES) {
      const teams = teamsFor(size);
      const t0 = performance.now();
      const p = maakPopulatie({ seed: 2026, aantal: size, teams });
      generated.push(`${size.toLocaleString('en')} cases generated and parsed in ${fmt(performance.now() - t0)} ms`);
      for (const r of await fileRuns(root, p, teams)) results.push(r), log(r);
    }
    for (const size of [SIZES[0], COSMOS_LARGE]) {
      const teams = teamsFor(size);
      const p = maakPopulatie({ seed: 2026, aantal: size, teams });
      for (const r of await cosmosRuns(server, p, teams, size > 1_000 ? 1 : 3)) results.push(r), log(r);
    }
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
  const echoAfter = await echoTurnMs();
  const echo = (echoBefore + echoAfter) / 2;

  const date = new Date().toISOString().slice(0, 10);
  const lines: string[] = [`# Resultaten benchmark, ${date}`, ''];
  lines.push(`- Date: ${new Date().toISOString()}; the run took ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
  lines.push(`- Machine: \`${uname}\`; ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`);
  lines.push(`- Load (1-minute load average, every process on the machine, other work included): ${loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end.`);
  lines.push(`- Commit: ${commit}${dirty ? ' (with uncommitted changes in bench/, services/ or test/support/)' : ''}`);
  lines.push(`- Written by \`npm run bench:resultaten\` (bench/resultaten.ts). Population: test/support/resultaten-populatie.ts, seed 2026, cases created from 1 January 2025 to "now" (30 November 2026), one team per ${CASES_PER_TEAM.toLocaleString('en')} cases; the report is for the first team, by a leidinggevende, drempel 5. A run is one \`ResultatenService.rapport\`: the store's \`listForResults\` (every page of 100), the ledger's document(s), the aggregation and the suppression; one warm-up run first. Embedded: the case files written in the file store's format, then \`FileCaseStore.open\` (as at start-up), the ledger in \`FileVersionedStore\`; "load" is both. Cosmos: the real @azure/cosmos SDK against @vercel/cosmosdb-server in this process on 127.0.0.1, loaded through \`create\`, 50 in parallel.`);
  lines.push(`- Echo baseline: a botbuilder \`ActivityHandler\` that echoes the text, driven by \`TestAdapter\` in this process, median of ${ECHO_TURNS.toLocaleString('en')} turns, measured before (${echoBefore.toFixed(3)} ms) and after (${echoAfter.toFixed(3)} ms) the reports: ${echo.toFixed(3)} ms. (In-process, without HTTP: bench/turns.ts measures the echo bot over HTTP at about 12 ms p50.)`);
  lines.push(`- ${generated.join('; ')}.`, '');
  lines.push('| store | cases in the store | teams | cases of the team | period | cases listed | pages | load ms | report ms, median | runs ms | median ÷ echo turn |', '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |');
  for (const r of results) {
    lines.push(`| ${r.store} | ${r.cases.toLocaleString('en')} | ${r.teams} | ${r.teamCases.toLocaleString('en')} | ${r.periode} | ${r.listed.toLocaleString('en')} | ${r.pages} | ${fmt(r.loadMs)} | ${fmt(median(r.runs))} | ${r.runs.map(fmt).join(' / ')} | ${(median(r.runs) / echo).toFixed(0)} |`);
  }
  lines.push('', '## Reading', '', '(written by hand after the run)', '');
  const out = path.join(__dirname, 'results', `resultaten-${date}.md`);
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n\nGeschreven naar ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});

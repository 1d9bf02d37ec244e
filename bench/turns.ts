/**
 * Turn benchmark: whole bot turns over real HTTP on 127.0.0.1, driven by autocannon, against the real composition
 * (compose + createApp) on the embedded file store, and against a botbuilder echo bot on the same createApp edge as
 * the baseline of the same run, rounds interleaved (echo, scenario, echo, scenario, …, echo). The bots and the
 * local Bot Connector each run in their own child process; autocannon runs in this one. Also counts, per turn,
 * case-store, bot-state, audit and versioned-store operations and file-system calls in the bot process, and
 * samples memory over 50,000 turns. Appends a section to bench/results/turns-<date>.md.
 *
 * Run: npm run bench:turns [-- --label "After issue 12"]
 * BENCH_KEEP=1 keeps the data and logs in the temp folder; BENCH_MEMORY_TURNS=<n> shortens the memory run (the
 * default is 50,000). For looking into one scenario: BENCH_CPU_PROF=<folder> writes a V8 CPU profile of the bot
 * process per measured round there (`<scenario>-<repetition>.cpuprofile`, the round's turns only, not the
 * preparation); BENCH_SCENARIOS=case,approval measures only those (with the echo rounds). Either one makes the run a
 * look, not a result: the report is printed, not added to bench/results/.
 */
import { execSync, fork, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { DEELB_AKKOORD, DEELB_VERNIEUW } from '../cards/verbs';
import { teamsCardAction, teamsMessage, type TeamsUser } from '../test/support/teams-activities';
import { APPROVAL_CASES, HULPVRAAG, IDLE, idleUser, LIST_STORES, listUser, prepare, WAITING, waitingUser, type Prepared } from './turns/prepare';

// ---------------------------------------------------------------------------------------------------------------
// Parameters (all written to the results file)

const CONNECTIONS = 10;
/** Three: one per question of vraagverheldering (each professional answers once per repetition). */
const REPETITIONS = 3;
/** Turns per round (a fixed count, so per-turn counts are exact): each about 3 s on the 2-core reference machine. */
const ROUND_TURNS = { echo: 1200, refused: 250, help: 1200, list100: 300, list10k: 150 } as const;
/** Idle time between rounds, so the previous round's disk writes and GC do not land in the next. */
const PAUSE_MS = 500;
/** Turns before the measured rounds, per bot process (JIT and caches warm; none of them changes a case). */
const WARMUP = 300;
const MEMORY_TURNS = Number(process.env.BENCH_MEMORY_TURNS ?? 50_000);
const PROFILE_DIR = process.env.BENCH_CPU_PROF;
const ONLY = process.env.BENCH_SCENARIOS?.split(',').map((key) => key.trim());
const MEMORY_STEP = 10_000;

/** The answers of vraagverheldering, one per repetition: Ik wil, Ik kan, Ik heb nodig. */
const ANSWERS = [
  'Met de kinderen in ons huis blijven wonen en weer rust in mijn hoofd.',
  'Ik kan goed koken en regelen voor de kinderen. Mijn zus helpt als het echt moet.',
  'Iemand die met mij de schulden op een rij zet en met de woningcorporatie praat.',
] as const;
/** An answer with a BSN in it (passes the elfproef): refused, and the same question asked again. */
const BSN_ANSWER = 'Ze wil in haar huis blijven, haar BSN is 111222333.';
/** The turns of one professional's cycle in the memory run: a new case through stap 1 into stap 2's questions. */
const MEMORY_CYCLE = ['nieuwe casus', HULPVRAAG, 'inwoner Moeder (M1) 38', 'klaar', 'ja', ...ANSWERS] as const;

const argLabel = (() => {
  const i = process.argv.indexOf('--label');
  return i >= 0 ? process.argv[i + 1] : process.env.BENCH_LABEL;
})();

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

// ---------------------------------------------------------------------------------------------------------------
// Child processes

interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly port: number;
  request<T>(message: { type: string; gc?: boolean; file?: string }): Promise<T>;
  stop(): Promise<void>;
}

async function startChild(name: string, file: string, args: string[], logFile: string): Promise<Child> {
  const out = openSync(logFile, 'a');
  const child = fork(path.join(__dirname, 'turns', file), args, {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', out, out, 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} stopped (exit ${code}) before it was ready; see ${logFile}`)));
    child.once('message', (message: { type: string; port: number }) => resolve(message.port));
  });
  child.removeAllListeners('exit');
  return {
    name,
    process: child,
    port,
    request: <T>(message: { type: string; gc?: boolean; file?: string }) =>
      new Promise<T>((resolve) => {
        child.once('message', (answer: T) => resolve(answer));
        child.send(message);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        try {
          child.send({ type: 'stop' });
        } catch {
          child.kill('SIGKILL');
        }
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Load

type Body = () => string;

interface LoadResult {
  readonly completed: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly seconds: number;
  readonly latencies: number[];
}

/** One autocannon run of `amount` requests; each body is made just before it is sent. */
function load(port: number, body: Body, amount: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const started = performance.now();
    let last = started;
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}/api/messages`,
        connections: CONNECTIONS,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        amount,
        // autocannon checks for the end at every sample tick (default 1 s): a short tick ends the run on time.
        sampleInt: 50,
        requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = (last - started) / 1000;
        resolve({ completed: latencies.length, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, seconds, latencies });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      last = performance.now();
    });
  });
}

/** Turn builders: Teams-shaped activities from the benchmark's professionals, to the shared local connector. */
function activities(serviceUrl: string) {
  const message = (user: TeamsUser, text: string) => JSON.stringify(teamsMessage(text, { serviceUrl, user }));
  const press = (user: TeamsUser, verb: string, data: Record<string, unknown>) => JSON.stringify(teamsCardAction(verb, data, { serviceUrl, user }));
  return { message, press };
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

interface Scenario {
  readonly key: string;
  readonly label: string;
  readonly child: () => Child;
  /** A fresh body generator for repetition `rep` (0-based). */
  body(rep: number): Body;
  readonly turns: number;
}

interface Round {
  readonly scenario: string;
  readonly rep: number;
  readonly result: LoadResult;
  readonly ops: Record<string, number>;
  readonly fs: { byFunction: Record<string, number>; byArea: Record<string, number> };
  readonly connector: Record<string, number>;
  /** CPU time of the bot process during the round, ms. */
  readonly cpuMs: number;
}

async function connectorStats(port: number, what: 'stats' | 'reset' | 'recent' | 'record?on=1' | 'record?on=0'): Promise<any> {
  return (await fetch(`http://127.0.0.1:${port}/${what}`)).json();
}

async function measure(scenario: Scenario, rep: number, connectorPort: number): Promise<Round> {
  const child = scenario.child();
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  await child.request({ type: 'reset' });
  await connectorStats(connectorPort, 'reset');
  if (PROFILE_DIR) await child.request({ type: 'profile-start' });
  const result = await load(child.port, scenario.body(rep), scenario.turns);
  if (PROFILE_DIR) await child.request({ type: 'profile-stop', file: path.join(PROFILE_DIR, `${scenario.key}-${rep + 1}.cpuprofile`) });
  const stats = await child.request<{ ops: Record<string, number>; fs: Round['fs']; cpu: { user: number; system: number } }>({ type: 'stats' });
  const connector = (await connectorStats(connectorPort, 'stats')) as Record<string, number>;
  const line = `${scenario.key.padEnd(10)} rep ${rep + 1}: ${result.completed} turns in ${result.seconds.toFixed(1)} s = ${(result.completed / result.seconds).toFixed(0)}/s, p50 ${pct(result.latencies, 50).toFixed(1)} ms, p99 ${pct(result.latencies, 99).toFixed(1)} ms`;
  log(result.non2xx || result.errors ? `${line}  !! non-2xx ${result.non2xx}, errors ${result.errors}` : line);
  return { scenario: scenario.key, rep, result, ops: stats.ops, fs: stats.fs, connector, cpuMs: (stats.cpu.user + stats.cpu.system) / 1000 };
}

// ---------------------------------------------------------------------------------------------------------------
// Smoke checks: each scenario's turn does what it claims (checked once, before the measured rounds)

async function smoke(port: number, connectorPort: number, body: string, expected: RegExp, what: string): Promise<void> {
  await connectorStats(connectorPort, 'record?on=1');
  await connectorStats(connectorPort, 'reset');
  const response = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  const recent = (await connectorStats(connectorPort, 'recent')) as { body: string }[];
  await connectorStats(connectorPort, 'record?on=0');
  const seen = `${text}\n${recent.map((r) => r.body).join('\n')}`;
  if (response.status !== 200 || !expected.test(seen)) throw new Error(`Smoke check failed for ${what}: HTTP ${response.status}; saw ${seen.slice(0, 600)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics and the report

function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface Summary {
  readonly turns: number;
  readonly throughput: number;
  readonly p50: number;
  readonly p99: number;
  readonly perRep: string;
  readonly non2xx: number;
  readonly errors: number;
  readonly cpuMsPerTurn: number;
}

function summarise(rounds: Round[]): Summary {
  const turns = rounds.reduce((s, r) => s + r.result.completed, 0);
  const seconds = rounds.reduce((s, r) => s + r.result.seconds, 0);
  const all = rounds.flatMap((r) => r.result.latencies);
  return {
    turns,
    throughput: turns / seconds,
    p50: pct(all, 50),
    p99: pct(all, 99),
    perRep: rounds.map((r) => (r.result.completed / r.result.seconds).toFixed(0)).join(' / '),
    non2xx: rounds.reduce((s, r) => s + r.result.non2xx, 0),
    errors: rounds.reduce((s, r) => s + r.result.errors + r.result.timeouts, 0),
    cpuMsPerTurn: rounds.reduce((s, r) => s + r.cpuMs, 0) / turns,
  };
}

/** Per-turn averages of a counter family over a scenario's rounds. */
function perTurn(rounds: Round[], pick: (r: Round) => Record<string, number>): Record<string, number> {
  const turns = rounds.reduce((s, r) => s + r.result.completed, 0);
  const sums: Record<string, number> = {};
  for (const r of rounds) for (const [k, v] of Object.entries(pick(r))) sums[k] = (sums[k] ?? 0) + v;
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / turns]));
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const per = (n: number | undefined) => (n === undefined || n < 0.005 ? '0' : n.toFixed(2));
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const runStarted = performance.now();
  const loadAtStart = os.loadavg()[0] as number;
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-turns-'));
  const logs = path.join(root, 'logs');
  mkdirSync(logs);
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const dirty = execSync('git status --porcelain -- bot services cards').toString().trim() !== '';
  const children: Child[] = [];
  const start = async (name: string, file: string, args: string[]) => {
    const child = await startChild(name, file, args, path.join(logs, `${name}.log`));
    children.push(child);
    return child;
  };

  try {
    log(`data and logs in ${root}`);
    const connector = await start('connector', 'connector-child.ts', []);
    const serviceUrl = `http://127.0.0.1:${connector.port}/`;
    const { message, press } = activities(serviceUrl);

    log('preparing the stores (real turns over HTTP and CaseStore writes) …');
    const prepared: Prepared = await prepare(root, serviceUrl, (line) => log(`  ${line}`));
    log(`prepared in ${prepared.seconds.toFixed(0)} s`);

    const work = (snapshot: string, name: string) => {
      const dir = path.join(root, name);
      cpSync(snapshot, dir, { recursive: true });
      return dir;
    };
    const [b100, b10k] = prepared.listStores as [Prepared['listStores'][number], Prepared['listStores'][number]];
    const [echoBot, botA, bot100, bot10k] = await Promise.all([
      start('echo', 'bot-child.ts', ['echo', path.join(root, 'echo')]),
      start('helmond-A', 'bot-child.ts', ['helmond', work(prepared.storeA, 'run-A')]),
      // Listing turns change no case: the listing stores are used as prepared.
      start('helmond-B100', 'bot-child.ts', ['helmond', b100.dir]),
      start('helmond-B10k', 'bot-child.ts', ['helmond', b10k.dir]),
    ]);
    log('bots started: echo, helmond on store A (1,500 cases), B100, B10k');

    // Smoke checks, on turns that change nothing (the measured ones are checked by their counts afterwards).
    await smoke(echoBot.port, connector.port, message(waitingUser(0), 'Hallo echo'), /"text":"Hallo echo"/, 'echo');
    await smoke(botA.port, connector.port, message(idleUser(0), 'help'), /nieuwe casus/i, 'help');
    await smoke(botA.port, connector.port, message(waitingUser(0), BSN_ANSWER), /BSN[\s\S]*Ik wil/, 'refused answer');
    await smoke(bot100.port, connector.port, message(listUser(0, 0), 'mijn casussen'), /Mijn casussen/, 'mijn casussen (100)');
    await smoke(bot10k.port, connector.port, message(listUser(1, 0), 'mijn casussen'), /Mijn casussen[\s\S]*casussen\.meer/, 'mijn casussen (10,000)');
    const first = prepared.approvals[0] as Prepared['approvals'][number];
    await smoke(botA.port, connector.port, press(first.approver, DEELB_VERNIEUW, { caseId: first.caseId, requestId: first.requestId }), /Deel B ter beoordeling/, 'approval card refresh');
    log('smoke checks passed');

    // Warm-up per bot process, side by side: turns that change no case (a refused answer changes only the prompt).
    const refresh = (i: number) => {
      const target = prepared.approvals[i % APPROVAL_CASES] as Prepared['approvals'][number];
      return press(target.approver, DEELB_VERNIEUW, { caseId: target.caseId, requestId: target.requestId });
    };
    const warmups: [Child, (i: number) => string][] = [
      [echoBot, (i) => message(waitingUser(i % WAITING), ANSWERS[0])],
      [botA, (i) => [() => message(idleUser(i % IDLE), 'help'), () => refresh(i), () => message(waitingUser(i % WAITING), BSN_ANSWER)][i % 3]!()],
      [bot100, (i) => message(listUser(0, i % b100.professionals), 'mijn casussen')],
      [bot10k, (i) => message(listUser(1, i % b10k.professionals), 'mijn casussen')],
    ];
    await Promise.all(
      warmups.map(([child, make]) => {
        let i = 0;
        return load(child.port, () => make(i++), WARMUP);
      }),
    );
    log(`warmed up (${WARMUP} turns per bot)`);

    const perApprovalRep = Math.floor(APPROVAL_CASES / REPETITIONS);
    const scenarios: Scenario[] = [
      {
        key: 'echo',
        label: 'echo bot (baseline)',
        child: () => echoBot,
        body: () => {
          let k = 0;
          return () => message(waitingUser(k++ % WAITING), ANSWERS[0]);
        },
        turns: ROUND_TURNS.echo,
      },
      {
        key: 'refused',
        label: 'case turn: answer refused (BSN), asked again',
        child: () => botA,
        body: () => {
          let k = 0;
          return () => message(waitingUser(k++ % WAITING), BSN_ANSWER);
        },
        turns: ROUND_TURNS.refused,
      },
      {
        key: 'case',
        label: 'case turn: answer in vraagverheldering',
        child: () => botA,
        body: (rep) => {
          let k = 0;
          return () => message(waitingUser(k++), ANSWERS[rep] as string);
        },
        turns: WAITING,
      },
      {
        key: 'help',
        label: '`help` (no case)',
        child: () => botA,
        body: () => {
          let k = 0;
          return () => message(idleUser(k++ % IDLE), 'help');
        },
        turns: ROUND_TURNS.help,
      },
      {
        key: 'list100',
        label: `"mijn casussen", ${b100.cases} cases`,
        child: () => bot100,
        body: () => {
          let k = 0;
          return () => message(listUser(0, k++ % b100.professionals), 'mijn casussen');
        },
        turns: ROUND_TURNS.list100,
      },
      {
        key: 'list10k',
        label: `"mijn casussen", ${b10k.cases.toLocaleString('en')} cases`,
        child: () => bot10k,
        body: () => {
          let k = 0;
          return () => message(listUser(1, k++ % b10k.professionals), 'mijn casussen');
        },
        turns: ROUND_TURNS.list10k,
      },
      {
        key: 'approval',
        label: 'approval press: akkoord on Deel B (Action.Execute)',
        child: () => botA,
        body: (rep) => {
          let k = 0;
          return () => {
            const target = prepared.approvals[rep * perApprovalRep + k++] as Prepared['approvals'][number];
            return press(target.approver, DEELB_AKKOORD, { caseId: target.caseId, requestId: target.requestId });
          };
        },
        turns: perApprovalRep,
      },
    ];
    const echo = scenarios[0] as Scenario;
    const rounds: Round[] = [];
    for (let rep = 0; rep < REPETITIONS; rep++) {
      log(`repetition ${rep + 1} of ${REPETITIONS}`);
      for (const scenario of scenarios.slice(1).filter((s) => !ONLY || ONLY.includes(s.key))) {
        rounds.push(await measure(echo, rep, connector.port));
        rounds.push(await measure(scenario, rep, connector.port));
      }
      rounds.push(await measure(echo, rep, connector.port));
    }
    for (const child of [botA, bot100, bot10k]) await child.stop();

    await echoBot.stop();

    // Memory over 50,000 turns: a fresh case bot on a fresh copy of store A and a fresh echo bot, side by side.
    const memory: Record<string, { turns: number; rss: number; heapUsed: number; heapAfterGc: number }[]> = {};
    const memoryRates: Record<string, number> = {};
    const memoryRuns: { name: string; child: () => Promise<Child>; body: () => Body }[] = [
      {
        name: 'helmond',
        child: () => start('helmond-memory', 'bot-child.ts', ['helmond', work(prepared.storeA, 'memory-A')]),
        body: () => {
          let n = 0;
          return () => memoryTurn(n++);
        },
      },
      {
        name: 'echo',
        child: () => start('echo-memory', 'bot-child.ts', ['echo', path.join(root, 'echo-memory')]),
        body: () => {
          let k = 0;
          return () => message(waitingUser(k++ % WAITING), ANSWERS[0]);
        },
      },
    ];
    /** The case bot's memory-run mix, by the request's number (see the report for what each slot is). */
    const half = WAITING / 2;
    const memoryTurn = (i: number): string => {
      const j = Math.floor(i / 10);
      switch (i % 10) {
        case 7:
          return message(waitingUser(half + (j % half)), j % 2 ? 'status' : 'mijn casussen');
        case 8:
          return j % 2 ? refresh(j >> 1) : message(waitingUser(half + ((j + 150) % half)), BSN_ANSWER);
        case 9:
          return message(waitingUser(j % half), MEMORY_CYCLE[Math.floor(j / half) % MEMORY_CYCLE.length] as string);
        default:
          return message(idleUser((j * 7 + (i % 10)) % IDLE), 'help');
      }
    };
    await Promise.all(
      memoryRuns.map(async ({ name, child: make, body }) => {
        const child = await make();
        const samples: (typeof memory)[string] = [];
        const sample = async (turns: number) => {
          const live = (await child.request<{ memory: { rss: number; heapUsed: number } }>({ type: 'memory' })).memory;
          const afterGc = (await child.request<{ memory: { heapUsed: number } }>({ type: 'memory', gc: true })).memory;
          samples.push({ turns, rss: live.rss, heapUsed: live.heapUsed, heapAfterGc: afterGc.heapUsed });
          log(`memory ${name.padEnd(7)} after ${String(turns).padStart(6)} turns: RSS ${mib(live.rss)} MiB, heap used ${mib(live.heapUsed)} MiB (${mib(afterGc.heapUsed)} MiB after GC)`);
        };
        await sample(0);
        const next = body();
        let done = 0;
        let seconds = 0;
        while (done < MEMORY_TURNS) {
          const result = await load(child.port, next, Math.min(MEMORY_STEP, MEMORY_TURNS - done));
          if (result.non2xx || result.errors) log(`  !! ${name}: non-2xx ${result.non2xx}, errors ${result.errors}`);
          done += result.completed;
          seconds += result.seconds;
          await sample(done);
        }
        memory[name] = samples;
        memoryRates[name] = done / seconds;
        await child.stop();
      }),
    );
    await connector.stop();

    // Turn errors the bots logged (nothing is logged per turn at info; a turn error is).
    const logErrors = Object.fromEntries(
      children.map((c) => [c.name, readFileSync(path.join(logs, `${c.name}.log`), 'utf8').split('\n').filter((l) => /"level":"(error|warn)"/.test(l)).length]),
    );

    // ----------------------------------------------------------------------------------------------------------
    // Report
    const by = (key: string) => rounds.filter((r) => r.scenario === key);
    const base = summarise(by('echo'));
    const date = new Date().toISOString().slice(0, 10);
    const cpus = os.cpus();
    const heading = argLabel ? `${argLabel} (commit ${commit})` : `Commit ${commit}`;
    const L: string[] = [];
    L.push(`## ${heading}`, '');
    L.push(`- Date: ${date}; the run took ${((performance.now() - runStarted) / 60_000).toFixed(1)} min (preparation ${prepared.seconds.toFixed(0)} s).`);
    L.push(`- Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; DATA_DIR under ${os.tmpdir()} (same disk as the repository).`);
    L.push(`- Machine load (1-minute load average, all processes on the machine, including other work on it): ${loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] as number).toFixed(1)} at the end; the interleaved echo rounds are there so that ratios compare like with like.`);
    L.push(`- Commit: ${commit}${dirty ? ' (with uncommitted changes in bot/, services/ or cards/)' : ''}; bot/, services/ and cards/ as committed.`);
    L.push(`- Load: autocannon ${require('autocannon/package.json').version} in the benchmark process, ${CONNECTIONS} connections, pipelining 1, \`Content-Type: application/json\`, Teams-shaped activities (test/support/teams-activities.ts) with a fresh id and timestamp each, each professional in their own personal conversation. Bots and the local connector each in their own child process (Node started with \`--import tsx\`), on the ${cpus.length} cores with autocannon.`);
    L.push(`- Rounds: ${REPETITIONS} repetitions of echo, ${scenarios.slice(1).map((s) => s.key).join(', echo, ')}, echo (${rounds.length} rounds), ${PAUSE_MS / 1000} s idle before each. A round is a fixed number of turns: echo ${ROUND_TURNS.echo}, refused ${ROUND_TURNS.refused}, case ${WAITING}, help ${ROUND_TURNS.help}, mijn casussen ${ROUND_TURNS.list100} and ${ROUND_TURNS.list10k}, approval ${perApprovalRep}. Four long-lived bot processes (echo; the case bot on store A for case, refused, help and approval; one per listing store), each warmed up first with ${WARMUP} turns that change no case (store A: help, approval-card refreshes and refused answers).`);
    L.push(`- Latency is per request as autocannon measured it (its \`response\` event, sub-millisecond); p50 and p99 over all turns of a scenario in all repetitions; throughput = turns / wall-clock seconds over those rounds. Ratios are against the echo bot's pooled rounds of this run (${base.turns} turns in ${REPETITIONS * (scenarios.length)} rounds): throughput ÷ echo's, p50 ÷ echo's, p99 ÷ echo's. CPU ms per turn is the bot process's user + system CPU time over its rounds ÷ turns (on 2 cores a turn well under its wall time is waiting on the disk or a lock).`);
    L.push('');
    L.push('### What each scenario is', '');
    L.push(`- **Data**, made before any measurement, each store in its own DATA_DIR: store A (${(WAITING + APPROVAL_CASES).toLocaleString('en')} cases) by real turns over HTTP for the ${WAITING} case-turn professionals, and through the CaseStore for the ${APPROVAL_CASES} Deel B cases (the voorbeeldcasus run through the state machine, test/support/stappenplan-driver.ts, moved onto benchmark ids and people, checked by the case schema) with their approval cards delivered by the bot's ApprovalDelivery; the listing stores from the same driver at a mix of steps, written in the embedded store's file format. Every professional used the bot once before the measurement, so their conversation reference and bot state exist; the connector's address stays the same. Roles: DATA_DIR/directory.json.`);
    L.push(`- **echo**: a botbuilder \`ActivityHandler\` that answers with the text, on \`createApp\` (same restify server, auth step, \`CloudAdapter\` and \`ShowTypingMiddleware\`); one reply to the connector per turn. Text: the Ik wil answer.`);
    L.push(`- **case** (store A, 1,500 cases): ${WAITING} professionals, each with a real case in stap 2 whose dialog waits for an answer (made in the preparation by typing \`nieuwe casus\`, a hulpvraag, a household member, \`klaar\` and \`ja\` over HTTP). Each turn is one professional's accepted answer: each round sends every professional's next answer once (${WAITING} turns), so repetition 1 answers **Ik wil**, 2 **Ik kan**, 3 **Ik heb nodig** (which also sends the ZRM card: the dialog then waits for the scores). Every turn writes the case (\`recordVraagverheldering\`) and moves the dialog.`);
    L.push(`- **refused**: the same professionals answer with a BSN-shaped number (passes the elfproef): refused in Dutch and asked again; the case is read, not written; the dialog is replaced by the same question with the refusal (so it changes, and is written). Runs just before each case round, so it is always a refusal at the question the case round then answers, and keeps everyone where they were.`);
    L.push(`- **help**: \`help\` from ${IDLE} professionals on store A with no dialog running (they typed \`help\` once in the preparation): the help text, no case touched.`);
    L.push(`- **mijn casussen**: from every professional of the store in turn. ${LIST_STORES.map((s, i) => `${s.cases.toLocaleString('en')} cases: ${s.professionals} professionals (the casusregisseur on each case and, from stap 3 on, a betrokken professional), so each is on ${prepared.listStores[i]?.perProfessional.member} cases on average (${(((prepared.listStores[i]?.perProfessional.member ?? 0) / s.cases) * 100).toFixed(1)} %), ${prepared.listStores[i]?.perProfessional.open} of them open`).join('; ')}; the card shows the first page of 10 (40 % of the cases are closed; the rest at stap 2, 4, 5A, 6 and 7).`);
    L.push(`- **approval**: ${APPROVAL_CASES} cases in stap 5B (of store A's 1,500) with Deel B (€ 1.250 doorbraakbudget) submitted, asked of one of 20 leidinggevenden (roles in DATA_DIR/directory.json), the approval card delivered to their personal chat in the preparation. Each press is a real, first decision: \`${DEELB_AKKOORD}\` as an \`adaptiveCard/action\` invoke by the asked leidinggevende on a request nobody decided yet (${perApprovalRep} per repetition, never the same request twice): the booking on the team's budget (ten teams, consecutive presses on different teams), the decision stored, the sent copy of the card updated (PUT to the connector), the requester told (a proactive message) and the card returned in the invoke response.`);
    L.push('');
    L.push('### Throughput and latency', '');
    L.push('| scenario | turns | req/s | p50 ms | p99 ms | req/s ÷ echo | p50 ÷ echo | p99 ÷ echo | CPU ms per turn | req/s per round |');
    L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    const summaries = scenarios.filter((s) => by(s.key).length > 0).map((s) => [s, summarise(by(s.key))] as const);
    for (const [s, m] of summaries) {
      L.push(`| ${s.label} | ${m.turns} | ${f1(m.throughput)} | ${f1(m.p50)} | ${f1(m.p99)} | ${f2(m.throughput / base.throughput)} | ${f2(m.p50 / base.p50)} | ${f2(m.p99 / base.p99)} | ${f1(m.cpuMsPerTurn)} | ${m.perRep} |`);
    }
    const failures = summaries.filter(([, m]) => m.non2xx || m.errors);
    L.push('', failures.length ? `Failures: ${failures.map(([s, m]) => `${s.key}: ${m.non2xx} non-2xx, ${m.errors} errors`).join('; ')}.` : 'Every request was answered 2xx; no errors or timeouts.');
    L.push(`Warnings and errors in the bots' logs: ${Object.entries(logErrors).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
    L.push('');
    L.push('### Store and file operations per turn (bot process)', '');
    L.push('Counted in the bot process: the CaseStore through compose\'s `wrapStore`; bot state (`FileStorage`), the audit log (`FileAuditLog.record`) and the versioned stores (conversation references, budgets, sent cards) by wrapping their prototypes\' methods; connector calls at the connector. Averages per turn over all measured rounds.', '');
    L.push('| scenario | case get | case replace | case other | bot-state read | bot-state write | audit appends | versioned reads / writes | connector calls |');
    L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
    for (const [s] of summaries) {
      const o = perTurn(by(s.key), (r) => r.ops);
      const c = perTurn(by(s.key), (r) => r.connector);
      const caseOther = Object.entries(o).filter(([k]) => k.startsWith('case.') && k !== 'case.get' && k !== 'case.replace');
      const versioned = Object.entries(o).filter(([k]) => /^(conversationRefs|budgets|sentCards|leases)\./.test(k));
      L.push(`| ${s.key} | ${per(o['case.get'])} | ${per(o['case.replace'])} | ${caseOther.map(([k, v]) => `${k.slice(5)} ${per(v)}`).join(', ') || '0'} | ${per(o['botstate.read'])} | ${per(o['botstate.write'])} | ${per(o['audit.append'])} | ${versioned.map(([k, v]) => `${k} ${per(v)}`).join(', ') || '0'} | ${Object.entries(c).map(([k, v]) => `${k} ${per(v)}`).join(', ') || '0'} |`);
    }
    L.push('');
    L.push('File-system calls per turn in the bot process (every function of `fs` and `fs.promises` wrapped before the bot was loaded; a call counts where it reaches the public `fs` object, so Node\'s own `fs.realpath` shows up with the `fs.lstat` calls it makes per path component; the lock refresh of the data folder, every 5 s, is in these counts too):', '');
    L.push('| scenario | fs calls | by function | by folder |');
    L.push('| --- | ---: | --- | --- |');
    for (const [s] of summaries) {
      const fns = perTurn(by(s.key), (r) => r.fs.byFunction);
      const areas = perTurn(by(s.key), (r) => r.fs.byArea);
      const total = Object.values(fns).reduce((a, b) => a + b, 0);
      const list = (o: Record<string, number>) => Object.entries(o).filter(([, v]) => v >= 0.005).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.replace(/^fs\./, '')} ${per(v)}`).join(', ') || '–';
      L.push(`| ${s.key} | ${per(total)} | ${list(fns)} | ${list(areas)} |`);
    }
    L.push('');
    L.push(`### Memory over ${MEMORY_TURNS.toLocaleString('en')} turns`, '');
    let cycles = 0;
    for (let j = 0; j < MEMORY_TURNS / 10; j++) if (Math.floor(j / half) % MEMORY_CYCLE.length === 0) cycles++;
    L.push(`A fresh bot process each, ${CONNECTIONS} connections, the two runs side by side (memory, not speed, is measured here). Heap used is sampled as it was, then again after a full GC (\`--expose-gc\`). Echo bot: the echo turn. Case bot, on a fresh copy of store A, a mix of every kind of turn that can go on for ${MEMORY_TURNS.toLocaleString('en')} turns without running out of prepared state, in slots of ten turns: 7 × \`help\` (the ${IDLE} idle professionals); 1 × \`mijn casussen\` or \`status\` in the middle of a question (in turn) and 1 × a refused answer (BSN) or an approval-card refresh (\`${DEELB_VERNIEUW}\` invoke by the asked leidinggevende, in turn), from the professionals ${half}–${WAITING - 1}, whose dialogs wait at Ik wil throughout; and 1 × the next turn of a new-case cycle of professionals 0–${half - 1} (\`nieuwe casus\`, hulpvraag, a household member, \`klaar\`, \`ja\`, Ik wil, Ik kan, Ik heb nodig, and again), which adds ${cycles.toLocaleString('en')} cases to the 1,500 (the embedded store keeps every case in memory). Throughput over the run: case bot ${f1(memoryRates.helmond ?? NaN)} turns/s, echo bot ${f1(memoryRates.echo ?? NaN)} turns/s.`, '');
    L.push('| bot | turns | RSS MiB | heap used MiB | heap used after GC MiB |');
    L.push('| --- | ---: | ---: | ---: | ---: |');
    for (const [name, samples] of Object.entries(memory).sort(([a], [b]) => (a === 'helmond' ? -1 : b === 'helmond' ? 1 : 0))) {
      for (const m of samples) L.push(`| ${name === 'helmond' ? 'case bot' : 'echo bot'} | ${m.turns.toLocaleString('en')} | ${mib(m.rss)} | ${mib(m.heapUsed)} | ${mib(m.heapAfterGc)} |`);
    }
    L.push('');

    if (PROFILE_DIR || ONLY) {
      process.stdout.write(`\n${L.join('\n')}\n\nA look, not a result (BENCH_CPU_PROF or BENCH_SCENARIOS): not written to bench/results/.\n`);
      return;
    }
    const out = path.join(__dirname, 'results', `turns-${date}.md`);
    const previous = existsSync(out) ? readFileSync(out, 'utf8') : `# Turn benchmark, ${date}\n\nWritten by \`npm run bench:turns\` (bench/turns.ts). Each section is one run.\n\n`;
    writeFileSync(out, `${previous.trimEnd()}\n\n${L.join('\n')}\n`);
    process.stdout.write(`\n${L.join('\n')}\n\nGeschreven naar ${out}\n`);
  } finally {
    for (const child of children) await child.stop();
    if (!process.env.BENCH_KEEP) rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});

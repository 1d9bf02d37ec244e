/**
 * A bot under load, in its own process (started by bench/turns.ts with `node --import tsx --expose-gc`):
 * `helmond` is the real composition (compose + createApp, as bot/index.ts does) on the embedded store in DATA_DIR;
 * `echo` is a botbuilder ActivityHandler that echoes the text, on the same createApp edge. The bot code is not
 * changed: counting wraps fs (fs-count.ts, loaded first), the case store (compose's wrapStore) and the prototypes
 * of the embedded bot-state, audit and versioned stores in this process only.
 *
 * IPC: sends {type:'ready', port}; answers {type:'reset'} (zero the counters), {type:'stats'} (counters, CPU time
 * since the reset and memory), {type:'memory', gc} (memory, after a full GC when asked), {type:'profile-start'} and
 * {type:'profile-stop', file} (a V8 CPU profile of what ran in between, written to `file`) and {type:'stop'}.
 */
import { fsCounts, resetFsCounts } from './fs-count';
// Replies may only go to 127.0.0.1 (the same guard the tests use).
import '../../test/support/setup';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { ActivityHandler, MessageFactory } from 'botbuilder';
import { createApp, type App } from '../../bot/app';
import { compose, type Runtime } from '../../bot/compose';
import { FileStorage } from '../../bot/storage/file-storage';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging';
import type { CaseStore } from '../../services/ports/case-store';
import { FileAuditLog } from '../../services/adapters/file/file-audit-log';
import { FileVersionedStore } from '../../services/adapters/file/file-versioned-store';

type Counts = Record<string, number>;
let ops: Counts = {};
const bump = (key: string, n = 1) => {
  ops[key] = (ops[key] ?? 0) + n;
};

/** Count a method on a prototype under `name(this)`. */
function countMethod(proto: object, method: string, name: (self: unknown, args: unknown[]) => string): void {
  const original = (proto as Record<string, (...a: unknown[]) => unknown>)[method] as (...a: unknown[]) => unknown;
  (proto as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    bump(name(this, args));
    return original.apply(this, args);
  };
}

countMethod(FileStorage.prototype, 'read', () => 'botstate.read');
countMethod(FileStorage.prototype, 'write', () => 'botstate.write');
countMethod(FileStorage.prototype, 'delete', () => 'botstate.delete');
countMethod(FileAuditLog.prototype, 'record', () => 'audit.append');
for (const method of ['get', 'create', 'replace', 'upsert']) {
  countMethod(FileVersionedStore.prototype, method, (self) => `${path.basename((self as { dir: string }).dir)}.${method}`);
}

function countingStore(store: CaseStore): CaseStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        bump(`case.${String(prop)}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (turn, next) => {
      await turn.sendActivity(MessageFactory.text(turn.activity.text ?? ''));
      await next();
    });
  }
}

function memory() {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
}

async function main(): Promise<void> {
  const [kind, dataDir] = process.argv.slice(2);
  if ((kind !== 'helmond' && kind !== 'echo') || !dataDir) throw new Error('usage: bot-child.ts helmond|echo <dataDir>');
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  // The production logger at its default level (nothing is logged per turn at info); its lines go to the log file.
  const logger = createLogger({ level: config.logLevel });
  let runtime: Runtime | undefined;
  let app: App;
  if (kind === 'helmond') {
    runtime = await compose(config, { wrapStore: countingStore });
    app = await createApp(config, { bot: runtime.bot, logger, ...(runtime.downloads ? { downloads: runtime.downloads } : {}) });
    runtime.notifier.attach(app.adapter, config.bot.appId);
  } else {
    app = await createApp(config, { bot: new EchoBot(), logger });
  }
  const port = await app.listen(0, '127.0.0.1');
  app.ready();

  let cpuMark = process.cpuUsage();
  const send = (message: unknown) => process.send?.(message);
  let profiler: Session | undefined;
  const profile = async (message: { type: string; file?: string }) => {
    if (message.type === 'profile-start') {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    } else if (profiler && message.file) {
      const { profile: taken } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      profiler = undefined;
      mkdirSync(path.dirname(message.file), { recursive: true });
      writeFileSync(message.file, JSON.stringify(taken));
    }
    send({ type: message.type });
  };
  process.on('message', (message: { type: string; gc?: boolean; file?: string }) => {
    switch (message.type) {
      case 'profile-start':
      case 'profile-stop':
        void profile(message);
        break;
      case 'reset':
        ops = {};
        resetFsCounts();
        cpuMark = process.cpuUsage();
        send({ type: 'reset' });
        break;
      case 'stats':
        send({ type: 'stats', ops, fs: fsCounts, cpu: process.cpuUsage(cpuMark), memory: memory() });
        break;
      case 'memory':
        if (message.gc && global.gc) global.gc();
        send({ type: 'memory', memory: memory() });
        break;
      case 'stop':
        void app.close().then(() => runtime?.close()).then(() => process.exit(0));
        break;
      default:
        break;
    }
  });
  send({ type: 'ready', port });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});

/**
 * Counts file-system calls in a bench child: every function of `fs` and `fs.promises` is wrapped before the bot
 * (or any library that keeps its own reference to an fs function, such as graceful-fs) is loaded. Import this
 * module first. A call counts once at the public API (fs.writeFile is one call, not open + write + close); what
 * Node does inside it is not counted. Calls are also counted per folder of the data dir (cases, botstate, audit,
 * …) when their first argument is a path; calls on a file descriptor are counted as `fd`.
 */
import fs from 'node:fs';

export const fsCounts = { byFunction: {} as Record<string, number>, byArea: {} as Record<string, number> };

export function resetFsCounts(): void {
  fsCounts.byFunction = {};
  fsCounts.byArea = {};
}

const AREAS = ['cases', 'botstate', 'audit', 'conversationRefs', 'budgets', 'sentCards', 'leases'] as const;

function areaOf(first: unknown): string {
  if (typeof first === 'number') return 'fd';
  const p = typeof first === 'string' ? first : first instanceof URL ? first.pathname : Buffer.isBuffer(first) ? first.toString() : undefined;
  if (p === undefined) return 'other';
  if (p.endsWith('.lock')) return 'lock';
  for (const area of AREAS) if (p.includes(`/${area}/`) || p.endsWith(`/${area}`)) return area;
  if (p.endsWith('directory.json')) return 'directory';
  return 'other';
}

const SKIP_OWN = new Set<PropertyKey>(['length', 'name', 'prototype']);

function wrapAll(target: Record<string, unknown>, prefix: string): void {
  for (const name of Object.keys(target)) {
    const original = target[name];
    if (typeof original !== 'function' || !/^[a-z]/.test(name)) continue;
    const key = `${prefix}${name}`;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      fsCounts.byFunction[key] = (fsCounts.byFunction[key] ?? 0) + 1;
      const area = `${areaOf(args[0])}`;
      fsCounts.byArea[area] = (fsCounts.byArea[area] ?? 0) + 1;
      return Reflect.apply(original as (...a: unknown[]) => unknown, this, args);
    };
    // Keep what hangs off the function: util.promisify.custom (fs.read, fs.write, fs.exists), realpath.native, …
    for (const own of Reflect.ownKeys(original)) {
      if (SKIP_OWN.has(own)) continue;
      Object.defineProperty(wrapped, own, Object.getOwnPropertyDescriptor(original, own) as PropertyDescriptor);
    }
    try {
      target[name] = wrapped;
    } catch {
      // a read-only property stays as it is (uncounted)
    }
  }
}

wrapAll(fs as unknown as Record<string, unknown>, 'fs.');
wrapAll(fs.promises as unknown as Record<string, unknown>, 'fs.promises.');

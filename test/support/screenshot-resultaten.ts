/**
 * Makes docs/resultaten-playground.png: the resultaten card as the Agents Playground shows it. A throwaway DATA_DIR
 * gets a generated population of the team's cases and its ledger (test/support/resultaten-populatie.ts, the file
 * store's own formats), the playground's first mock user (Alex Wilber) is beheerder there, `npm run chat`'s bot and
 * playground start on loopback, and headless Chromium (reaching only loopback) types `resultaten` (the current period).
 * Usage: npm run build && npx tsx test/support/screenshot-resultaten.ts
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCaseFiles } from '../../bench/case-files';
import { FileVersionedStore } from '../../services/adapters/file/file-versioned-store';
import { budgetDocument } from '../../services/budget/ledger';
import { maakPopulatie } from './resultaten-populatie';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { openPlayground, sleep, waitFor, withChat } = require('../../scripts/playground-page') as {
  openPlayground(browser: unknown, port: string): Promise<{ page: { screenshot(o: object): Promise<void>; setViewportSize(size: { width: number; height: number }): Promise<void> }; say(text: string): Promise<void>; text(): Promise<string> }>;
  sleep(ms: number): Promise<void>;
  waitFor(url: string): Promise<void>;
  withChat<T>(args: string[], env: Record<string, string>, dataDir: string, body: (x: { log(): string; browser(): Promise<unknown> }) => Promise<T>): Promise<T>;
};

const TEAM = 'wijkteam';
const ALEX = '00000000-0000-0000-0000-0000000000020';
const PORT = '3981';
const PLAYGROUND_PORT = '56170';
const root = path.join(__dirname, '..', '..');

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'resultaten-screenshot-'));
  const populatie = maakPopulatie({ seed: 2026, aantal: 1200, teams: [TEAM] });
  writeCaseFiles(dataDir, populatie.cases);
  const budgets = await FileVersionedStore.open(dataDir, 'budgets', budgetDocument);
  // The generator's budgets are large enough for any grant it makes; a team's real budget is a little above what it spends.
  for (const doc of populatie.ledger) {
    const spent = (period: string) => doc.bookings.filter((b) => b.period === period).reduce((sum, b) => sum + b.amountCents, 0);
    const realistic = doc.budgets.map((b) => ({ ...b, amountCents: Math.max(1, Math.ceil((spent(b.period) * 1.4) / 1_000_000)) * 1_000_000 }));
    await budgets.create(`${doc.teamId}:${doc.year}`, { ...doc, budgets: realistic });
  }
  writeFileSync(path.join(dataDir, 'directory.json'), `${JSON.stringify({ [ALEX]: ['beheerder'] }, null, 2)}\n`);

  await withChat([], { PORT, PLAYGROUND_PORT, TEAM_ID: TEAM }, dataDir, async ({ browser }) => {
    await waitFor(`http://127.0.0.1:${PLAYGROUND_PORT}/_debug/ping`);
    const { page, say, text } = await openPlayground(await browser(), PLAYGROUND_PORT);
    // Tall enough for the whole card: the chat is a scrolling panel, which a full-page screenshot does not unroll.
    await page.setViewportSize({ width: 1280, height: 4600 });
    await say('resultaten');
    await sleep(2500);
    if (!(await text()).includes(`Resultaten ${TEAM} `)) throw new Error('Het playground toont de resultatenkaart niet.');
    await page.screenshot({ path: path.join(root, 'docs', 'resultaten-playground.png'), });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

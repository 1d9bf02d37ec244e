// What the screenshot scripts share: waiting for a local server, headless Chromium that reaches only loopback, and a
// playground page a script can type into and read.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolve once `url` answers 2xx; throw after `tries` attempts 300 ms apart. */
async function waitFor(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(300);
  }
  throw new Error(`${url} did not come up`);
}

/** Debian's Chromium, headless, resolving nothing but localhost and 127.0.0.1. */
function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
}

/** One person's playground page: type a line (and wait for the answer), read what the page shows. */
async function openPlayground(browser, listenPort) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  await page.goto(`http://127.0.0.1:${listenPort}`);
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.waitFor({ timeout: 30_000 });
  await sleep(2000);
  return {
    page,
    async say(text) {
      await box.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await sleep(1800);
    },
    /** Text of the page: the chat (the bot's answers, the person's own lines), the log panel, who is signed in. */
    text: () => page.locator('body').innerText(),
  };
}

/**
 * Run `body` against `node scripts/chat.js …args` (own process group, output collected) on the throwaway `dataDir`:
 * `body` gets the chat's output so far and a browser launched on first use. On failure the chat's last lines go to
 * stderr. Afterwards the browser closes, the chat stops, its output is kept in KEEP_LOG if set, and `dataDir` is
 * removed.
 */
async function withChat(args, env, dataDir, body) {
  let log = '';
  const chat = spawn(process.execPath, [path.join(__dirname, 'chat.js'), ...args], {
    env: { ...process.env, ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  chat.stdout.on('data', (d) => (log += d));
  chat.stderr.on('data', (d) => (log += d));
  let browser;
  try {
    return await body({ log: () => log, browser: async () => (browser ??= await launchBrowser()) });
  } catch (error) {
    process.stderr.write(`${log.split('\n').slice(-60).join('\n')}\n`);
    throw error;
  } finally {
    if (browser) await browser.close();
    try {
      process.kill(-chat.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    if (process.env.KEEP_LOG) fs.writeFileSync(process.env.KEEP_LOG, log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The first turns of the voorbeeldcasus as a professional types them: a new case, its hulpvraag, the household, on to stap 2. */
const NIEUWE_CASUS_OPENING = [
  'nieuwe casus',
  'Ik krijg een brief dat we het huis uit moeten. Ik slaap niet meer.',
  'inwoner Moeder (M1) 38',
  'kind Kind (K1) 9',
  'klaar',
  'ja',
];

module.exports = { NIEUWE_CASUS_OPENING, sleep, waitFor, launchBrowser, openPlayground, withChat };

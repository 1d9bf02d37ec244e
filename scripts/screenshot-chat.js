// Makes docs/playground.png: starts `npm run chat`'s bot and playground on 127.0.0.1, drives a real conversation in
// headless Chromium (Debian's /usr/bin/chromium, reaching only loopback), and takes a screenshot.
// Usage: npm run build && node scripts/screenshot-chat.js
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const { NIEUWE_CASUS_OPENING, launchBrowser, openPlayground, sleep, waitFor } = require('./playground-page');
const { peopleFile } = require('./chat-people');

const port = '3979';
const playgroundPort = '56160';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-screenshot-'));
const root = path.join(__dirname, '..');


/** The README's people file for the playground's mock users, so "collega toevoegen" has colleagues to offer. */
function writePeopleFile() {
  fs.writeFileSync(path.join(dataDir, 'people.json'), peopleFile());
}

async function main() {
  writePeopleFile();
  const chat = spawn(process.execPath, [path.join(__dirname, 'chat.js')], {
    env: { ...process.env, PORT: port, PLAYGROUND_PORT: playgroundPort, DATA_DIR: dataDir },
    stdio: 'ignore',
    detached: true,
  });
  let browser;
  try {
    await waitFor(`http://127.0.0.1:${playgroundPort}/_debug/ping`);
    browser = await launchBrowser();
    const { page, say } = await openPlayground(browser, playgroundPort);
    for (const text of [
      ...NIEUWE_CASUS_OPENING,
      'Met de kinderen in ons huis blijven wonen en weer rust in mijn hoofd.',
    ]) await say(text);
    await page.screenshot({ path: path.join(root, 'docs', 'playground.png') });
    for (const text of ['Ik kan goed koken en regelen voor de kinderen.', 'Iemand die met mij de schulden op een rij zet.']) await say(text);
    await sleep(1500);
    await page.screenshot({ path: path.join(root, 'docs', 'playground-zrm.png') });
    await say('collega toevoegen');
    await sleep(1500);
    await page.screenshot({ path: path.join(root, 'docs', 'playground-collega.png') });
  } finally {
    if (browser) await browser.close();
    try {
      process.kill(-chat.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});

// Renders Adaptive Cards (JSON files, already expanded) with the Adaptive Cards JS renderer in headless Chromium
// (Debian's /usr/bin/chromium, no network) and writes a PNG beside each: a quick look at a card without Teams.
// Usage: node scripts/screenshot-card.js card.json [more.json …]  (writes card.png …)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const AC_DIR = path.join(path.dirname(require.resolve('adaptivecards/package.json')), 'dist');
const PAGE = `<html><head><style>${fs.readFileSync(path.join(AC_DIR, 'adaptivecards.css'), 'utf8')}
body { font-family: 'Segoe UI', sans-serif; background: #f5f5f5; margin: 16px }
#card { background: #fff; border-radius: 6px; width: 500px; box-shadow: 0 1px 3px #0003 }</style></head>
<body><div id="card"></div></body></html>`;

async function main(files) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
  try {
    for (const file of files) {
      const page = await browser.newPage({ viewport: { width: 560, height: 400 }, locale: 'nl-NL' });
      await page.route(/^https?:\/\//, (route) => route.abort());
      await page.setContent(PAGE);
      await page.addScriptTag({ path: path.join(AC_DIR, 'adaptivecards.min.js') });
      const events = await page.evaluate((json) => {
        /* global AdaptiveCards, document */
        const card = new AdaptiveCards.AdaptiveCard();
        const context = new AdaptiveCards.SerializationContext();
        card.parse(json, context);
        document.getElementById('card').appendChild(card.render());
        return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
      }, JSON.parse(fs.readFileSync(file, 'utf8')));
      const png = file.replace(/\.json$/, '') + '.png';
      await page.locator('#card').screenshot({ path: png });
      process.stdout.write(`${png}${events.length ? ` (${events.join('; ')})` : ''}\n`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});

// Drives `npm run demo` in headless Chromium (Debian's /usr/bin/chromium, reaching only loopback) and makes the
// README's demo screenshots: starts the demo team (scripts/chat.js --demo, two people) on a fresh data folder, whose
// start puts a case of Alex Wilber's at "Deel B ready" through the services (scripts/demo-seed.js). In the browser
// Alex first makes a new case (nieuwe casus, the hulpvraag, the household, the *Nee* button), then submits the demo
// case's Deel B (`casus <kenmerk>`, `verder`, *Ja, nu indienen*); the approval card reaches Megan Bowen's page (the
// leidinggevende), she presses Akkoord, and Alex reads the decision on his. Fails (exit 1) when any of that does not
// happen. Writes docs/demo-nieuwe-casus.png (Alex's new case), docs/demo-goedkeuring.png (the card as Megan sees it), docs/demo-akkoord.png (her card after the
// decision) and docs/demo-besluit.png (the decision as Alex reads it).
// Usage: npm run build && node scripts/screenshot-demo.js
'use strict';
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const assert = require('node:assert/strict');
const { openPlayground, sleep, waitFor, withChat } = require('./playground-page');

const port = '3982';
const firstPort = 56190;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-demo-'));
const root = path.join(__dirname, '..');
const docs = (name) => path.join(root, 'docs', name);

/** Poll a page until its text matches (the bot answers proactively, in its own time). */
async function until(person, pattern, what, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const text = await person.text();
    if (pattern.test(text)) return text;
    if (Date.now() > end) assert.fail(`${what}: not seen within ${ms / 1000} s`);
    await sleep(500);
  }
}

async function main() {
  const env = { CHAT_PEOPLE: '2', PORT: port, PLAYGROUND_PORT: String(firstPort), LOG_LEVEL: 'debug' };
  await withChat(['--demo'], env, dataDir, async ({ log, browser: launch }) => {
    await waitFor(`http://127.0.0.1:${firstPort}/_debug/ping`, 400); // the seed and the bot start first: slow on a busy machine
    await waitFor(`http://127.0.0.1:${firstPort + 1}/_debug/ping`, 400);
    const { reference } = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-case.json'), 'utf8'));
    assert.match(log(), new RegExp(`Casus ${reference} van Alex Wilber is klaargezet`), 'the start names the demo case');

    const browser = await launch();
    // Megan's page first: the bot learns her personal chat when it loads, so the approval card can reach her.
    const megan = await openPlayground(browser, firstPort + 1);
    const alex = await openPlayground(browser, firstPort);
    assert.match(await alex.text(), /Alex Wilber/, 'page 1 is Alex Wilber');
    assert.match(await megan.text(), /Megan Bowen/, 'page 2 is Megan Bowen');

    // A new case in the browser, as a professional starts one: the hulpvraag, the household, a choice pressed.
    await alex.say('nieuwe casus');
    await until(alex, /Wat is de hulpvraag/, 'Alex is asked the hulpvraag');
    await alex.say('Ik krijg een brief dat we het huis uit moeten. Ik slaap niet meer.');
    await until(alex, /is aangemaakt/, 'the case is made');
    await alex.say('inwoner Moeder (M1) 38');
    await until(alex, /Genoteerd/, 'the household member is noted');
    await alex.say('klaar');
    await until(alex, /Wil je nu verder met stap 2/, 'Alex is asked whether to go on');
    await alex.page.getByRole('button', { name: 'Nee' }).last().click();
    await sleep(1500);
    await alex.page.screenshot({ path: docs('demo-nieuwe-casus.png') });
    process.stdout.write('Alex made a new case in the browser and pressed a choice button.\n');

    // The demo case, Deel B written, submitted with the button.
    await alex.say(`casus ${reference}`);
    await alex.say('verder');
    await until(alex, /ter beoordeling\s+indienen/, 'Alex is asked to submit Deel B');
    await alex.page.getByRole('button', { name: 'Ja, nu indienen' }).last().click();
    await until(alex, /Deel B is ingediend ter beoordeling/, 'Alex submitted Deel B');
    process.stdout.write(`Alex submitted Deel B of ${reference}.\n`);

    const card = megan.page.locator('.ac-adaptiveCard', { hasText: reference }).last();
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Akkoord' }).waitFor({ timeout: 10_000 });
    await sleep(1000);
    await card.scrollIntoViewIfNeeded();
    await megan.page.screenshot({ path: docs('demo-goedkeuring.png') });
    process.stdout.write('The approval card reached Megan (leidinggevende).\n');

    await card.getByRole('button', { name: 'Akkoord' }).click();
    await until(megan, /Akkoord[\s\S]*(door|op) /i, 'Megan sees her decision', 15_000);
    await sleep(1500);
    await megan.page.screenshot({ path: docs('demo-akkoord.png') });

    const told = await until(alex, new RegExp(`${reference}[\\s\\S]*[Aa]kkoord|[Aa]kkoord[\\s\\S]*${reference}`), 'Alex is told the decision');
    assert.match(told, /Megan Bowen|akkoord/i);
    await sleep(1500);
    await alex.page.screenshot({ path: docs('demo-besluit.png') });
    process.stdout.write('Alex read the decision on his page.\n');
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});

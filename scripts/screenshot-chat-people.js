// Makes docs/playground-people.png and checks that `CHAT_PEOPLE=2 npm run chat` is two people: starts one bot and two
// playgrounds on 127.0.0.1, and drives both pages in headless Chromium (Debian's /usr/bin/chromium, reaching only
// loopback). Alex Wilber makes a case; Megan Bowen does not see it in `mijn casussen` until Alex puts her on the case
// with `collega toevoegen`, and she is told so on her own page; `budget 10.000` is refused to Megan and taken from
// Alex (beheerder in the generated directory.json). Fails (exit 1) when any of that does not hold.
// Usage: npm run build && node scripts/screenshot-chat-people.js
'use strict';
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const assert = require('node:assert/strict');
const { NIEUWE_CASUS_OPENING, openPlayground, sleep, waitFor, withChat } = require('./playground-page');

const port = '3980';
const firstPort = 56165;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-people-'));
const root = path.join(__dirname, '..');


async function main() {
  const env = { CHAT_PEOPLE: '2', PORT: port, PLAYGROUND_PORT: String(firstPort), LOG_LEVEL: 'debug' };
  await withChat([], env, dataDir, async ({ browser: launch }) => {
    await waitFor(`http://127.0.0.1:${firstPort}/_debug/ping`);
    await waitFor(`http://127.0.0.1:${firstPort + 1}/_debug/ping`);
    const browser = await launch();
    const alex = await openPlayground(browser, firstPort);
    const megan = await openPlayground(browser, firstPort + 1);
    assert.match(await alex.text(), /Alex Wilber/, 'page 1 is Alex Wilber');
    assert.match(await megan.text(), /Megan Bowen/, 'page 2 is Megan Bowen');

    for (const text of [
      ...NIEUWE_CASUS_OPENING,
    ]) await alex.say(text);
    await megan.say('help');
    await alex.say('mijn casussen');
    const kenmerk = /HA-\d{4}-[A-Z0-9]+/.exec(await alex.text())?.[0];
    assert.ok(kenmerk, 'Alex sees the case she made in mijn casussen');
    await megan.say('mijn casussen');
    assert.doesNotMatch(await megan.text(), new RegExp(kenmerk), 'Megan does not see Alex\u2019s case');
    process.stdout.write(`Alex made ${kenmerk}; Megan's mijn casussen does not show it.\n`);


    // The roles come from directory.json per person: Alex is beheerder, Megan is not.
    await megan.say('budget 10.000');
    assert.match(await megan.text(), /Alleen een beheerder kan het doorbraakbudget vaststellen\./, 'Megan may not set the budget');
    await alex.say('budget 10.000');
    assert.match(await alex.text(), /Vastgesteld\./, 'Alex, beheerder, sets the budget');
    assert.doesNotMatch(await alex.text(), /Alleen een beheerder/, 'Alex is not refused');

    // Alex puts Megan on the case; Megan is told on her own page and then sees the case.
    await alex.say('collega toevoegen');
    const card = alex.page.locator('.ac-adaptiveCard').last();
    await card.locator('input[placeholder="Kies een collega"]').click();
    await alex.page.getByRole('option', { name: 'Megan Bowen' }).click();
    await card.locator('input[placeholder^="Bijvoorbeeld: school"]').fill('GGZ Oost Brabant');
    await card.locator('textarea').first().fill('Begeleidt de moeder bij slapeloosheid en stress.');
    await card.locator('input[type="radio"][value="mondeling"]').check();
    await card.getByRole('checkbox', { name: 'Hulpvraag en vraagverheldering' }).check();
    await card.getByRole('button', { name: 'Toevoegen' }).click();
    await sleep(4000);
    const told = await megan.text();
    assert.match(told, new RegExp(kenmerk), 'Megan is told on her page that she is on the case');
    await megan.say('mijn casussen');
    assert.match(await megan.text(), new RegExp(kenmerk), 'Megan now sees the case');
    await megan.page.screenshot({ path: path.join(root, 'docs', 'playground-people.png') });
    await alex.page.screenshot({ path: path.join(os.tmpdir(), 'playground-people-alex.png') });
    process.stdout.write('Megan was told on her page and now sees the case.\n');

    const refs = fs.readdirSync(path.join(dataDir, 'conversationRefs'));
    process.stdout.write(`conversation references: ${refs.length}\n`);
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});

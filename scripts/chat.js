// `npm run chat`: the bot on the embedded store plus the Microsoft 365 Agents Playground, both on 127.0.0.1,
// so a person can chat with the bot in a browser with no Azure. Stops all on Ctrl+C.
// `CHAT_PEOPLE=n npm run chat` (2–6): one bot and one playground per person, on PLAYGROUND_PORT, +1, +2, …; each
// playground runs in DATA_DIR/playground/<n>/ with a generated .m365agentsplayground.yml that makes it the n-th
// mock user (scripts/chat-people.js), and DATA_DIR gets a people file and a roles file when it has none.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const http = require('node:http');
const { prepareSeveralPeople, whoIsWhere, missingDemoRoles, chatSettings } = require('./chat-people');

const root = path.join(__dirname, '..');
let settings;
try {
  settings = chatSettings(process.env, process.argv.slice(2), root);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const { demo, peopleCount, port, playgroundPort, dataDir } = settings;

/** The demo's case (made or reused by scripts/demo-seed.js in a process of its own, before the bot holds the store). */
function seedDemoCase() {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'demo-seed.js')], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/** What to do in the demo, with the case's kenmerk. */
function demoGuide(reference, made) {
  const missing = missingDemoRoles(dataDir, peopleCount, playgroundPort);
  return [
    '',
    `Demo-team in ${dataDir}. Open elke pagina eerst één keer (dan kent de bot die persoon).`,
    `Casus ${reference} van Alex Wilber ${made ? 'is klaargezet' : 'staat nog klaar'}: Deel B is ingevuld (doorbraakbudget € 1.250), nog niet ingediend.`,
    `  Als Alex (${`http://127.0.0.1:${playgroundPort}`}): typ  casus ${reference}  en dan  verder , en  ja  om Deel B in te dienen.`,
    `  Als Megan (http://127.0.0.1:${playgroundPort + 1}): de goedkeuringskaart verschijnt; kies Akkoord, Afwijzen of Meer informatie nodig.`,
    '  Aanjager: typ als Alex  aanjager  (vóór het indienen); Megan krijgt het concept.',
    `  Escalatie: na Afwijzen typt Alex  casus ${reference} ,  verder ,  Escaleren naar de procesregisseur  en zijn vraag; Adele Vance krijgt de kaart.`,
    ...(missing.length ? [`Let op: niemand op deze pagina's heeft de rol ${missing.join(', ')} (zie directory.json); dat deel kan niet.`] : []),
  ].join('\n');
}

const children = [];
function stopAll(code) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

// Single person: the playground's built-in user (Alex Wilber) in DATA_DIR, as it always was.
const { folders, notes } = peopleCount > 1 ? prepareSeveralPeople(dataDir, peopleCount) : { folders: [dataDir], notes: [] };
const seeded = demo ? seedDemoCase() : undefined;

function waitForHealth(attempt = 0) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
        res.resume();
        if (res.statusCode === 200) return resolve();
        retry();
      })
      .on('error', retry);
    function retry() {
      if (attempt > 100) return reject(new Error('De bot startte niet binnen 30 seconden.'));
      setTimeout(() => waitForHealth(attempt + 1).then(resolve, reject), 300);
    }
  });
}

const bot = spawn(process.execPath, [path.join(root, 'dist/bot/index.js')], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
  stdio: 'inherit',
});
children.push(bot);
bot.on('exit', (code) => stopAll(code ?? 1));

function startPlayground(folder, listenPort) {
  const playground = spawn(
    process.execPath,
    [
      '--require', path.join(__dirname, 'loopback-only.js'),
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '--app-endpoint', `http://127.0.0.1:${port}/api/messages`,
      '--channel-id', 'msteams',
      '--port', String(listenPort),
      '--service-url', `http://127.0.0.1:${listenPort}/_connector`,
      '--disable-telemetry',
    ],
    {
      cwd: folder,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: '1' },
      stdio: 'inherit',
    },
  );
  children.push(playground);
  playground.on('exit', (code) => stopAll(code ?? 0));
}

waitForHealth()
  .then(() => {
    folders.forEach((folder, i) => startPlayground(folder, playgroundPort + i));
    if (peopleCount === 1) {
      process.stdout.write(`\nOpen http://127.0.0.1:${playgroundPort} in je browser om met de bot te chatten. Stoppen: Ctrl+C.\n\n`);
    } else {
      process.stdout.write(
        `\nOpen elke persoon in een eigen browsertab (adres, persoon, rollen, user id):\n${whoIsWhere(dataDir, peopleCount, playgroundPort)}\n` +
          `${notes.map((note) => `${note}\n`).join('')}${seeded ? `${demoGuide(seeded.reference, seeded.made)}\n` : ''}Stoppen: Ctrl+C.\n\n`,
      );
    }
  })
  .catch((error) => {
    process.stderr.write(`${error.message}\n`);
    stopAll(1);
  });

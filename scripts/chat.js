// `npm run chat`: the bot on the embedded store plus the Microsoft 365 Agents Playground, both on 127.0.0.1,
// so a person can chat with the bot in a browser with no Azure. Stops all on Ctrl+C.
// `CHAT_PEOPLE=n npm run chat` (2–6): one bot and one playground per person, on PLAYGROUND_PORT, +1, +2, …; each
// playground runs in DATA_DIR/playground/<n>/ with a generated .m365agentsplayground.yml that makes it the n-th
// mock user (scripts/chat-people.js), and DATA_DIR gets a people file and a roles file when it has none.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { MOCK_USERS, peopleFile, directoryFile, playgroundConfig } = require('./chat-people');

const port = process.env.PORT || '3978';
const playgroundPort = Number(process.env.PLAYGROUND_PORT || '56150');
const root = path.join(__dirname, '..');
const dataDir = path.resolve(root, process.env.DATA_DIR || '.data');

const peopleSetting = (process.env.CHAT_PEOPLE || '1').trim();
if (!/^[1-9]$/.test(peopleSetting) || Number(peopleSetting) > MOCK_USERS.length) {
  process.stderr.write(`CHAT_PEOPLE moet een aantal personen van 1 tot en met ${MOCK_USERS.length} zijn.\n`);
  process.exit(1);
}
const peopleCount = Number(peopleSetting);

/** Write a file only when there is none; says whether it wrote. */
function writeIfAbsent(file, content) {
  try {
    fs.writeFileSync(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if (error.code === 'EEXIST') return false;
    throw error;
  }
}

/** The working folder of each playground, with its generated file; the people and roles files for the bot. */
function prepareSeveralPeople() {
  fs.mkdirSync(dataDir, { recursive: true });
  const notes = [];
  for (const [name, content] of [['people.json', peopleFile()], ['directory.json', directoryFile()]]) {
    const file = path.join(dataDir, name);
    if (!writeIfAbsent(file, content)) notes.push(`${file} bestond al en is niet veranderd.`);
  }
  const folders = [];
  for (let n = 1; n <= peopleCount; n++) {
    const folder = path.join(dataDir, 'playground', String(n));
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, '.m365agentsplayground.yml'), playgroundConfig(n));
    folders.push(folder);
  }
  return { folders, notes };
}

/** Who is on which page, with the roles the bot will read from directory.json. */
function whoIsWhere() {
  let roles = {};
  try {
    roles = JSON.parse(fs.readFileSync(path.join(dataDir, 'directory.json'), 'utf8'));
  } catch {
    // the bot says what is wrong with the file
  }
  return MOCK_USERS.slice(0, peopleCount)
    .map((user, i) => {
      const held = Array.isArray(roles[user.aadObjectId]) ? roles[user.aadObjectId].join(', ') : '';
      return `  http://127.0.0.1:${playgroundPort + i}  ${user.name}${held ? ` (${held})` : ''}`;
    })
    .join('\n');
}

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

const children = [];
function stopAll(code) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

// Single person: the playground's built-in user (Alex Wilber) in DATA_DIR, as it always was.
const { folders, notes } = peopleCount > 1 ? prepareSeveralPeople() : { folders: [dataDir], notes: [] };

const bot = spawn(process.execPath, [path.join(root, 'dist/bot/index.js')], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: port },
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
        `\nOpen elke persoon in een eigen browsertab:\n${whoIsWhere()}\n` +
          `${notes.map((note) => `${note}\n`).join('')}Stoppen: Ctrl+C.\n\n`,
      );
    }
  })
  .catch((error) => {
    process.stderr.write(`${error.message}\n`);
    stopAll(1);
  });

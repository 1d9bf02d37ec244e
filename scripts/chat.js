// `npm run chat`: the bot on the embedded store plus the Microsoft 365 Agents Playground, both on 127.0.0.1,
// so a person can chat with the bot in a browser with no Azure. Stops both on Ctrl+C.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const http = require('node:http');

const port = process.env.PORT || '3978';
const playgroundPort = process.env.PLAYGROUND_PORT || '56150';
const root = path.join(__dirname, '..');

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

const bot = spawn(process.execPath, [path.join(root, 'dist/bot/index.js')], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: port },
  stdio: 'inherit',
});
children.push(bot);
bot.on('exit', (code) => stopAll(code ?? 1));

waitForHealth()
  .then(() => {
    const playground = spawn(
      process.execPath,
      [
        '--require', path.join(__dirname, 'loopback-only.js'),
        require.resolve('@microsoft/m365agentsplayground/cli.js'),
        '--app-endpoint', `http://127.0.0.1:${port}/api/messages`,
        '--channel-id', 'msteams',
        '--port', playgroundPort,
        '--service-url', `http://127.0.0.1:${playgroundPort}/_connector`,
        '--disable-telemetry',
      ],
      {
        cwd: path.resolve(root, process.env.DATA_DIR || '.data'),
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: '1' },
        stdio: 'inherit',
      },
    );
    children.push(playground);
    playground.on('exit', (code) => stopAll(code ?? 0));
    process.stdout.write(`\nOpen http://127.0.0.1:${playgroundPort} in je browser om met de bot te chatten. Stoppen: Ctrl+C.\n\n`);
  })
  .catch((error) => {
    process.stderr.write(`${error.message}\n`);
    stopAll(1);
  });

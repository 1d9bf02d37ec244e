/**
 * `bot/index.ts` as a process, the way `npm start` runs it: without an app id it listens on loopback only and says
 * loudly that anonymous mode is on; a non-loopback HOST without an app id stops start-up in Dutch with exit code 1;
 * a stop signal ends it with 0.
 */
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, startBot, until } from '../support/bot-process';

describe('the bot process (npm start)', function () {
  this.timeout(30_000);
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'startup-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('without an app id and without HOST listens on 127.0.0.1 only, warns of anonymous mode, and stops with 0', async () => {
    const port = await freePort();
    const bot = startBot({ DATA_DIR: dataDir, PORT: String(port) });
    try {
      const started = await until('bot.started', () =>
        bot
          .stdout()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((line) => line.event === 'bot.started'),
      );
      expect(started).to.include({ address: '127.0.0.1', port, mode: 'anonymous' });
      // The warning follows the start-up line; under load they may arrive apart.
      await until('bot.anonymous_mode', () => (bot.stdout().includes('"event":"bot.anonymous_mode"') ? true : undefined));
      await until('the banner', () => (bot.stderr().includes('ANONIEME MODUS') ? true : undefined));
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).to.equal(200);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).to.equal(0);
      expect(bot.stdout()).to.contain('"event":"bot.stopped"');
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  for (const host of ['0.0.0.0']) {
    it(`refuses HOST=${host} without an app id: a Dutch message, exit code 1, nothing listening`, async () => {
      const port = await freePort();
      const bot = startBot({ DATA_DIR: dataDir, PORT: String(port), HOST: host });
      expect(await bot.exited).to.equal(1);
      expect(bot.stderr()).to.contain('Configuratiefout: Zonder MicrosoftAppId accepteert de bot berichten zonder controle');
      expect(bot.stdout()).not.to.contain('bot.started');
    });
  }

  it('refuses a bad people file (DATA_DIR/people.json): a Dutch message naming the file and what is wrong, exit code 1, nothing listening', async () => {
    const badDir = await mkdtemp(path.join(os.tmpdir(), 'startup-people-'));
    try {
      const file = path.join(badDir, 'people.json');
      await writeFile(file, JSON.stringify([{ id: 'aad-1', displayName: 'Alex Wilber' }, { id: 'aad-1', displayName: 'Megan Bowen' }]));
      const port = await freePort();
      const bot = startBot({ DATA_DIR: badDir, PORT: String(port) });
      expect(await bot.exited).to.equal(1);
      expect(bot.stderr().split('\n')).to.include(`De bot kon niet starten: Configuratiefout in het personenbestand ${file}, bij persoon 2: dit id staat ook bij persoon 1; elk id mag maar één keer voorkomen.`);
      expect(bot.stdout()).not.to.contain('bot.started');
      expect(bot.stdout() + bot.stderr(), 'no names in the output').not.to.match(/Alex|Megan/);
    } finally {
      await rm(badDir, { recursive: true, force: true });
    }
  });
});

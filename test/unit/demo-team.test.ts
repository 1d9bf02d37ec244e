import { expect } from 'chai';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import { LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import type { Case } from '../../services/domain/model/case';
import { ZONE } from '../../services/ports/clock';
import { decide, newCase } from '../../services/domain/stappenplan/machine';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import { loadFileDirectory } from '../../services/adapters/file/file-directory';
import { useTempDir } from '../support/temp-dir';

// scripts/ is plain JavaScript run by node (npm run chat, npm run demo); its exports are checked here.
interface Page { url: string; port: number; name: string; aadObjectId: string; roles: string[] }
const chatPeople = require('../../scripts/chat-people.js') as {
  chatSettings(env: Record<string, string>, argv: string[], root: string): { demo: boolean; peopleCount: number; port: number; playgroundPorts: number[]; dataDir: string };
  prepareSeveralPeople(dataDir: string, count: number): { folders: string[]; notes: string[]; written: string[] };
  pages(dataDir: string, count: number, firstPort: number): Page[];
  missingDemoRoles(dataDir: string, count: number, firstPort: number): string[];
  peopleFile(): string;
  directoryFile(): string;
};
const freshness = require('../../scripts/build-if-changed.js') as {
  sourceFingerprint(root: string): string;
  isFresh(root: string): boolean;
  buildIfChanged(root: string, options: { log(line: string): void }): 'fresh' | 'built';
};
const seed = require('../../scripts/demo-seed.js') as {
  commandsUpToDeelB(now: DateTime, kalender: ReturnType<typeof createWerkdagKalender>, leefgebieden: readonly string[], mdoId: string): Record<string, unknown>[];
  PROFESSIONAL: string;
};

describe('the demo team (npm run demo: scripts/chat-people.js, demo-seed.js, build-if-changed.js)', () => {
  const tmp = useTempDir('demo-team');
  const root = '/repo';

  describe('settings', () => {
    it('gives the demo its own data folder and four people on four distinct ports beside the bot', () => {
      const s = chatPeople.chatSettings({}, ['--demo'], root);
      expect(s).to.include({ demo: true, peopleCount: 4, port: 3978, dataDir: path.resolve(root, '.data/demo') });
      expect(s.playgroundPorts).to.deep.equal([56150, 56151, 56152, 56153]);
      expect(s.playgroundPorts).to.not.include(s.port);
    });

    it('leaves npm run chat as it was: one person in .data', () => {
      const s = chatPeople.chatSettings({}, [], root);
      expect(s).to.include({ demo: false, peopleCount: 1, dataDir: path.resolve(root, '.data') });
    });

    it('follows CHAT_PEOPLE, DATA_DIR and the ports, and refuses what cannot work', () => {
      const s = chatPeople.chatSettings({ CHAT_PEOPLE: '2', DATA_DIR: 'x', PORT: '4000', PLAYGROUND_PORT: '5000' }, ['--demo'], root);
      expect(s).to.include({ peopleCount: 2, port: 4000, dataDir: path.resolve(root, 'x') });
      expect(s.playgroundPorts).to.deep.equal([5000, 5001]);
      expect(() => chatPeople.chatSettings({ CHAT_PEOPLE: '1' }, ['--demo'], root)).to.throw(/minstens twee/);
      expect(() => chatPeople.chatSettings({ CHAT_PEOPLE: '7' }, [], root)).to.throw(/CHAT_PEOPLE/);
      expect(() => chatPeople.chatSettings({ PORT: '56152' }, ['--demo'], root)).to.throw(/valt samen/);
      expect(() => chatPeople.chatSettings({ PLAYGROUND_PORT: '65534' }, ['--demo'], root)).to.throw(/te hoog/);
    });
  });

  describe('files', () => {
    it('writes people, roles and one playground folder per person, each page a different person with the roles the demo needs', async () => {
      const { folders, written, notes } = chatPeople.prepareSeveralPeople(tmp.path, 4);
      expect(written.map((f) => path.basename(f))).to.deep.equal(['people.json', 'directory.json']);
      expect(notes).to.deep.equal([]);
      const users = await Promise.all(
        folders.map(async (f) => /currentUser:[\s\S]*?aadObjectId: "([^"]+)"/.exec(await readFile(path.join(f, '.m365agentsplayground.yml'), 'utf8'))?.[1]),
      );
      expect(new Set(users).size).to.equal(4);
      const pages = chatPeople.pages(tmp.path, 4, 56150);
      expect(pages.map((p) => p.aadObjectId)).to.deep.equal(users);
      expect(new Set(pages.map((p) => p.url)).size).to.equal(4);
      expect(pages[0]).to.include({ name: 'Alex Wilber', aadObjectId: seed.PROFESSIONAL });
      expect(pages[1]?.roles).to.include('leidinggevende');
      expect(chatPeople.missingDemoRoles(tmp.path, 4, 56150)).to.deep.equal([]);
      expect(chatPeople.missingDemoRoles(tmp.path, 2, 56150)).to.deep.equal(['procesregisseur']);
      const directory = await loadFileDirectory(path.join(tmp.path, 'directory.json'));
      expect(await directory.rolesOf(seed.PROFESSIONAL)).to.deep.equal(['beheerder']);
    });

    it('never overwrites a person\u2019s own people or roles file, says so, and warns about the roles it lacks', async () => {
      const own = '{ "00000000-0000-0000-0000-0000000000020": ["aanjager"] }\n';
      await writeFile(path.join(tmp.path, 'directory.json'), own);
      await writeFile(path.join(tmp.path, 'people.json'), '[]\n');
      const { written, notes } = chatPeople.prepareSeveralPeople(tmp.path, 3);
      expect(written).to.deep.equal([]);
      expect(notes).to.have.length(2);
      expect(await readFile(path.join(tmp.path, 'directory.json'), 'utf8')).to.equal(own);
      expect(await readFile(path.join(tmp.path, 'people.json'), 'utf8')).to.equal('[]\n');
      expect(chatPeople.missingDemoRoles(tmp.path, 3, 56150)).to.deep.equal(['leidinggevende', 'procesregisseur']);
    });
  });

  describe('the seeded case', () => {
    it('reaches stap 5B with Deel B complete and not submitted, through the state machine, on any day', () => {
      const kalender = createWerkdagKalender();
      // A Friday before a holiday weekend (Pinksteren 2027) and a Monday.
      for (const iso of ['2027-05-14T16:00:00', '2026-11-23T10:00:00', '2026-12-24T09:00:00']) {
        const now = DateTime.fromISO(iso, { zone: ZONE });
        let ids = 0;
        const ctx = { actor: { userId: seed.PROFESSIONAL, orgRoles: [] }, now, policy: DEFAULT_APPROVAL_POLICY, kalender, newId: () => `id-${String(++ids).padStart(6, '0')}` };
        const opened = newCase({ id: 'case-000001', reference: `HA-${now.year}-7K3FQ9`, teamId: 'wijkteam', members: [], hulpvraag: 'Hulp nodig.' }, ctx);
        if (!opened.ok) throw opened.error;
        let c: Case = opened.value;
        for (const command of seed.commandsUpToDeelB(now, kalender, LEEFGEBIEDEN, '')) {
          const result = decide(c, 'mdoId' in command ? { ...command, mdoId: c.mdos.at(-1)?.id } : command, ctx);
          if (!result.ok) expect.fail(`${String(command.type)} on ${iso}: ${result.error.code} ${result.error.userMessage}`);
          c = result.value;
        }
        expect(c.step).to.equal('onderbouwing');
        expect(c.approvals).to.deep.equal([]);
        expect(c.deelB?.verzoek?.doorbraakbudgetCents).to.equal(125_000);
      }
    });
  });

  describe('restarting without a build', () => {
    async function fakeRepo(): Promise<string> {
      for (const dir of ['bot', 'cards', 'services/x', 'dist/bot']) await mkdir(path.join(tmp.path, dir), { recursive: true });
      await writeFile(path.join(tmp.path, 'bot/index.ts'), 'export {};\n');
      await writeFile(path.join(tmp.path, 'services/x/a.ts'), 'export const a = 1;\n');
      await writeFile(path.join(tmp.path, 'tsconfig.json'), '{}\n');
      await writeFile(path.join(tmp.path, 'dist/bot/index.js'), '');
      return tmp.path;
    }

    it('is fresh only while every source is as it was built, and then builds nothing', async () => {
      const repo = await fakeRepo();
      expect(freshness.isFresh(repo)).to.equal(false);
      await writeFile(path.join(repo, 'dist/.sources.sha256'), `${freshness.sourceFingerprint(repo)}\n`);
      expect(freshness.isFresh(repo)).to.equal(true);
      expect(freshness.buildIfChanged(repo, { log: () => undefined })).to.equal('fresh');

      await writeFile(path.join(repo, 'services/x/a.ts'), 'export const a = 2;\n');
      expect(freshness.isFresh(repo), 'a changed source').to.equal(false);
      await writeFile(path.join(repo, 'services/x/a.ts'), 'export const a = 1;\n');
      expect(freshness.isFresh(repo), 'changed back').to.equal(true);
      await writeFile(path.join(repo, 'cards/new.json'), '{}');
      expect(freshness.isFresh(repo), 'an added file').to.equal(false);
    });
  });
});

import { expect } from 'chai';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadFileDirectory } from '../../services/adapters/file/file-directory';
import { loadFilePeople } from '../../services/adapters/file/file-people';
import { useTempDir } from '../support/temp-dir';

// scripts/ is plain JavaScript run by node (npm run chat); its exports are checked here.
const chatPeople = require('../../scripts/chat-people.js') as {
  MOCK_USERS: { id: string; name: string; aadObjectId: string }[];
  peopleFile(): string;
  directoryFile(): string;
  playgroundConfig(n: number): string;
};

/** `key: "value"` lines of one top-level block of the generated YAML (it writes every value as a JSON string). */
function block(yml: string, key: string): string {
  return new RegExp(`^${key}:\\n((?:[ ].*\\n)*)`, 'm').exec(yml)?.[1] ?? '';
}

describe('several people in npm run chat (scripts/chat-people.js)', () => {
  const tmp = useTempDir('chat-people');

  it('writes the README\u2019s people file, which the bot reads', async () => {
    const readme = await readFile(path.resolve(__dirname, '../../README.md'), 'utf8');
    const example = /\*\*People\.\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(JSON.parse(chatPeople.peopleFile())).to.deep.equal(JSON.parse(example as string));
    const file = path.join(tmp.path, 'people.json');
    await writeFile(file, chatPeople.peopleFile());
    expect((await (await loadFilePeople(file)).selectable())?.length).to.equal(6);
  });

  it('writes a roles file the bot reads: Alex beheerder, Megan leidinggevende and aanjager, Adele procesregisseur, Isaiah bestuurder', async () => {
    const file = path.join(tmp.path, 'directory.json');
    await writeFile(file, chatPeople.directoryFile());
    const directory = await loadFileDirectory(file);
    const roles = await Promise.all(chatPeople.MOCK_USERS.map((u) => directory.rolesOf(u.aadObjectId)));
    expect(roles).to.deep.equal([['beheerder'], ['leidinggevende', 'aanjager'], ['procesregisseur'], ['bestuurder'], [], []]);
  });

  it('makes the n-th playground the n-th mock user, with the five others and a personal chat of its own', () => {
    const chats = new Set<string>();
    chatPeople.MOCK_USERS.forEach((user, i) => {
      const yml = chatPeople.playgroundConfig(i + 1);
      expect(block(yml, 'currentUser')).to.contain(`aadObjectId: "${user.aadObjectId}"`);
      const others = block(yml, 'users').match(/aadObjectId: "[^"]+"/g) ?? [];
      expect(others).to.have.length(5);
      expect(others).to.not.include(`aadObjectId: "${user.aadObjectId}"`);
      chats.add(block(yml, 'personalChat'));
      expect(yml).to.not.match(/__[A-Z_]+__/);
    });
    expect(chats.size).to.equal(6);
    expect(() => chatPeople.playgroundConfig(7)).to.throw(RangeError);
  });
});

/**
 * Files under DATA_DIR hold special-category personal data (cases, dialog state with typed text, the audit trail):
 * each is readable and writable by the bot's own user only, and a folder removed while the bot runs is made again.
 */
import { expect } from 'chai';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileStorage } from '../../bot/storage/file-storage';
import { FileAuditLog } from '../../services/adapters/file/file-audit-log';
import { FileCaseStore } from '../../services/adapters/file/file-case-store';
import { caseAt } from '../support/stappenplan-driver';
import { useTempDir } from '../support/temp-dir';

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe('embedded data files: owner only', () => {
  const tmp = useTempDir('modes');

  it('case files, dialog state and audit files are 0600', async () => {
    const store = await FileCaseStore.open({ dir: tmp.path });
    try {
      const c = caseAt('vraagverheldering').case;
      await store.create(c);
      const stored = await store.get(c.id);
      await store.replace(stored!.case, stored!.etag);
      expect(await modeOf(path.join(tmp.path, 'cases', `${c.id}.json`))).to.equal(0o600);
    } finally {
      await store.close();
    }
    const state = new FileStorage(tmp.path);
    await state.write({ gesprek: { actieveCasus: { caseId: 'case-1' } } });
    const [stateFile] = await readdir(path.join(tmp.path, 'botstate'));
    expect(await modeOf(path.join(tmp.path, 'botstate', stateFile as string))).to.equal(0o600);
    const audit = new FileAuditLog(tmp.path);
    await audit.record({ at: '2026-11-23T09:00:00.000Z', actorId: 'aad-1', caseId: 'case-1', action: 'read', operation: 'get' });
    expect(await modeOf(path.join(tmp.path, 'audit', '2026-11-23.jsonl'))).to.equal(0o600);
  });

  it('makes the state and audit folders again when they are removed while the bot runs', async () => {
    const state = new FileStorage(tmp.path);
    const audit = new FileAuditLog(tmp.path);
    const entry = { at: '2026-11-23T09:00:00.000Z', actorId: 'aad-1', caseId: 'case-1', action: 'read', operation: 'get' } as const;
    await state.write({ a: { n: 1 } });
    await audit.record(entry);
    await rm(path.join(tmp.path, 'botstate'), { recursive: true });
    await rm(path.join(tmp.path, 'audit'), { recursive: true });
    await state.write({ a: { n: 2 } });
    await audit.record(entry);
    expect((await state.read(['a'])).a).to.include({ n: 2 });
    expect(await readdir(path.join(tmp.path, 'audit'))).to.deep.equal(['2026-11-23.jsonl']);
  });
});

import { expect } from 'chai';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CaseService } from '../../services/cases/case-service';
import { DEFAULT_APPROVAL_POLICY } from '../../services/model/approval';
import { MemoryAuditLog } from '../../services/ports/audit-log';
import { FixedClock } from '../../services/ports/clock';
import { FileAuditLog } from '../../services/store/file-audit-log';
import { createWerkdagKalender } from '../../services/werkdagen';
import { FileCaseStore } from '../../services/store/file-case-store';
import { describeCaseStoreContract } from '../contract/case-store.contract';
import { useTempDir } from '../support/temp-dir';
import { makeCase } from '../support/case-fixtures';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'casussen-'));

describeCaseStoreContract('embedded file store', async () => {
  const dir = await tempDir();
  let current = await FileCaseStore.open({ dir });
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await FileCaseStore.open({ dir });
      return current;
    },
    corrupt: async (id) => {
      await writeFile(path.join(dir, 'cases', `${id}.json`), JSON.stringify({ etag: 'x', document: { id, step: 'onbekend' } }));
    },
    dispose: async () => {
      await current.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('embedded file store: the data folder', () => {
  const tmp = useTempDir('casussen');

  it('is locked for one bot: a second open is STORE.LOCKED with a Dutch message, and opens after close', async () => {
    const first = await FileCaseStore.open({ dir: tmp.path });
    const error = await FileCaseStore.open({ dir: tmp.path }).catch((e: unknown) => e);
    expect(error).to.include({ code: 'STORE.LOCKED' });
    expect((error as { userMessage: string }).userMessage).to.match(/is al in gebruik door een andere bot/);
    await first.close();
    await (await FileCaseStore.open({ dir: tmp.path })).close();
  });

  it('writes valid JSON atomically and leaves no temp files', async () => {
    const store = await FileCaseStore.open({ dir: tmp.path });
    const c = makeCase();
    const created = await store.create(c);
    await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.replace({ ...c, hulpvraag: `Versie ${i}.` }, created.etag)));
    await store.close();
    const files = await readdir(path.join(tmp.path, 'cases'));
    expect(files).to.deep.equal([`${c.id}.json`]);
    const onDisk = JSON.parse(await readFile(path.join(tmp.path, 'cases', files[0] as string), 'utf8')) as { etag: string; document: { id: string } };
    expect(onDisk.document.id).to.equal(c.id);
  });

  it('a refused write leaves the file byte-for-byte unchanged', async () => {
    const store = await FileCaseStore.open({ dir: tmp.path });
    const c = makeCase();
    const created = await store.create(c);
    const file = path.join(tmp.path, 'cases', `${c.id}.json`);
    const before = await readFile(file);
    const error = await store.replace({ ...c, hulpvraag: 'BSN 123456782' }, created.etag).catch((e: unknown) => e);
    expect(error).to.include({ code: 'CASE.INVALID_INPUT' });
    expect((await readFile(file)).equals(before)).to.equal(true);
    await store.close();
  });
});

describe('FileAuditLog', () => {
  const tmp = useTempDir('casussen');

  it('writes one JSON line per entry with exactly its fields; 200 concurrent appends give 200 lines', async () => {
    const log = new FileAuditLog(tmp.path);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        log.record({ at: '2026-11-23T09:00:00.000Z', actorId: `aad-${i}`, caseId: 'case-000001', action: 'read', operation: 'get' }),
      ),
    );
    const lines = (await readFile(path.join(tmp.path, 'audit', '2026-11-23.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).to.have.length(200);
    for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).to.deep.equal(['at', 'actorId', 'caseId', 'action', 'operation']);
  });
});

describe('CaseService on the embedded store: bad input changes nothing', () => {
  it('a command refused by the schema gives a Dutch message and leaves the stored case byte-for-byte unchanged', async () => {
    const dir = await tempDir();
    const store = await FileCaseStore.open({ dir });
    try {
      const service = new CaseService({ store, audit: new MemoryAuditLog(), clock: new FixedClock('2026-11-23T10:00:00+01:00'), policy: DEFAULT_APPROVAL_POLICY, kalender: createWerkdagKalender() });
      const actor = { userId: 'aad-professional-1', orgRoles: [] };
      const c = await service.open(actor, { teamId: 'wijkteam-noord', hulpvraag: 'Ik moet het huis uit.' });
      const file = path.join(dir, 'cases', `${c.id}.json`);
      const before = await readFile(file);
      const bad: [unknown, RegExp][] = [
        [{ type: 'recordHulpvraag', hulpvraag: 'BSN 123 456 782' }, /^Laat het burgerservicenummer \(BSN\) weg uit de hulpvraag/],
        [{ type: 'recordHulpvraag', hulpvraag: 'x'.repeat(2001) }, /^De hulpvraag is te lang \(maximaal 2000 tekens\)\.$/],
        [{ type: 'setHouseholdMember', member: { role: 'buurman', label: 'B' } }, /^Kies een rol in het huishouden/],
        [{ type: 'recordZrm', moment: 'voor', scores: { financien: 0 } }, /^Een ZRM-score is minimaal 1/],
        [{ type: 'overgang', transition: 'naarDeMaan' }, /^Onbekende stap in het stappenplan\.$/],
        ['geen object', /^Onbekende opdracht\.|Ongeldige invoer/],
      ];
      for (const [command, message] of bad) {
        const error = await service.execute(actor, c.id, command).catch((e: unknown) => e);
        expect(error).to.include({ code: 'CASE.INVALID_INPUT' });
        expect((error as { userMessage: string }).userMessage).to.match(message);
        expect((await readFile(file)).equals(before), JSON.stringify(command)).to.equal(true);
      }
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

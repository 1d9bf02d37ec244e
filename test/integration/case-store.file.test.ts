import { expect } from 'chai';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CaseService } from '../../services/cases/case-service';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import { type AuditEntry } from '../../services/ports/audit-log';
import { MemoryAuditLog } from '../../services/adapters/memory/memory-audit-log';
import type { StoredCase } from '../../services/ports/case-store';
import { FixedClock } from '../../services/ports/clock';
import { FileAuditLog } from '../../services/adapters/file/file-audit-log';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import { FileCaseStore } from '../../services/adapters/file/file-case-store';
import { describeCaseStoreContract } from '../contract/case-store.contract';
import { useTempDir } from '../support/temp-dir';
import { makeCase, PROFESSIONAL } from '../support/case-fixtures';

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
  const caseFile = (id: string) => path.join(tmp.path, 'cases', `${id}.json`);

  it('is locked for one bot: a second open is STORE.LOCKED with a Dutch message, and opens after close', async () => {
    const first = await FileCaseStore.open({ dir: tmp.path });
    const error = await FileCaseStore.open({ dir: tmp.path }).catch((e: unknown) => e);
    expect(error).to.include({ code: 'STORE.LOCKED' });
    expect((error as { userMessage: string }).userMessage).to.equal(
      `De gegevensmap ${tmp.path} is al in gebruik door een andere bot. Stop die eerst, of kies een andere DATA_DIR.`,
    );
    await first.close();
    await first.close();
    await (await FileCaseStore.open({ dir: tmp.path })).close();
  });

  it('writes valid JSON { etag, document } atomically and leaves no temp files', async () => {
    const store = await FileCaseStore.open({ dir: tmp.path });
    const c = makeCase();
    const created = await store.create(c);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.replace({ ...c, hulpvraag: `Versie ${i}.` }, created.etag)));
    const winner = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<StoredCase>;
    await store.close();
    expect(await readdir(path.join(tmp.path, 'cases'))).to.deep.equal([`${c.id}.json`]);
    const onDisk = JSON.parse(await readFile(caseFile(c.id), 'utf8')) as unknown;
    expect(onDisk).to.deep.equal({ etag: winner.value.etag, document: winner.value.case });
  });

  it('a refused write leaves the file byte-for-byte unchanged', async () => {
    const store = await FileCaseStore.open({ dir: tmp.path });
    const c = makeCase();
    const created = await store.create(c);
    const before = await readFile(caseFile(c.id));
    const error = await store.replace({ ...c, hulpvraag: 'BSN 123456782' }, created.etag).catch((e: unknown) => e);
    expect(error).to.include({ code: 'CASE.INVALID_INPUT' });
    expect((await readFile(caseFile(c.id))).equals(before)).to.equal(true);
    await store.close();
  });

  it('close lets a write asked for before it finish, and refuses writes after it', async () => {
    const store = await FileCaseStore.open({ dir: tmp.path });
    const early = makeCase();
    const pending = store.create(early);
    await store.close();
    await pending;
    expect(await store.create(makeCase()).catch((e: unknown) => e)).to.include({ code: 'STORE.UNAVAILABLE' });
    const reopened = await FileCaseStore.open({ dir: tmp.path });
    expect((await reopened.get(early.id))?.case).to.deep.equal(early);
    await reopened.close();
  });

  it('on open, keeps unreadable files aside and removes temp files an interrupted write left behind', async () => {
    const first = await FileCaseStore.open({ dir: tmp.path });
    const good = makeCase();
    const moved = makeCase();
    await first.create(good);
    await first.create(moved);
    await first.close();
    await writeFile(path.join(tmp.path, 'cases', `${good.id}.json.123456`), '{"etag":"half');
    await writeFile(caseFile('nietjson-1'), 'dit is geen JSON');
    await rename(caseFile(moved.id), caseFile('verplaatst-1'));
    const store = await FileCaseStore.open({ dir: tmp.path });
    try {
      expect((await readdir(path.join(tmp.path, 'cases'))).sort()).to.deep.equal([`${good.id}.json`, 'nietjson-1.json', 'verplaatst-1.json'].sort());
      for (const id of ['nietjson-1', 'verplaatst-1']) {
        const error = await store.get(id).catch((e: unknown) => e);
        expect(error).to.include({ code: 'STORE.INVALID_DOCUMENT' });
        expect((error as { userMessage: string }).userMessage).to.contain(id).and.not.contain('JSON');
      }
      expect((await store.listByMember(PROFESSIONAL)).items.map((s) => s.case.id)).to.deep.equal([good.id]);
    } finally {
      await store.close();
    }
  });

  it('compares instants as instants: an offset or another precision still lists in time order', async () => {
    const store = await FileCaseStore.open({ dir: tmp.path });
    try {
      const a = makeCase({ nextDueAt: '2026-11-23T09:00:00Z', updatedAt: '2026-11-23T10:30:00+01:00' });
      const b = makeCase({ nextDueAt: '2026-11-23T09:00:00.500Z', updatedAt: '2026-11-23T09:45:00.000Z' });
      await store.create(b);
      await store.create(a);
      expect((await store.listDue('2026-11-23T10:01:00+01:00')).items.map((s) => s.case.id)).to.deep.equal([a.id, b.id]);
      expect((await store.listDue('2026-11-23T09:00:00.000Z')).items.map((s) => s.case.id)).to.deep.equal([a.id]);
      expect((await store.listByMember(PROFESSIONAL)).items.map((s) => s.case.id)).to.deep.equal([b.id, a.id]);
      expect(await store.listDue('morgen').catch((e: unknown) => e)).to.include({ code: 'CASE.INVALID_INPUT' });
    } finally {
      await store.close();
    }
  });
});

describe('FileAuditLog', () => {
  const tmp = useTempDir('casussen');
  const entry = (i: number, at = '2026-11-23T09:00:00.000Z'): AuditEntry => ({ at, actorId: `aad-${i}`, caseId: 'case-000001', action: 'read', operation: 'get' });

  it('writes one JSON line per entry with exactly its fields; 200 concurrent appends give 200 lines', async () => {
    const log = new FileAuditLog(tmp.path);
    await Promise.all(Array.from({ length: 200 }, (_, i) => log.record({ ...entry(i), extra: 'geheim' } as AuditEntry)));
    const lines = (await readFile(path.join(tmp.path, 'audit', '2026-11-23.jsonl'), 'utf8')).split('\n');
    expect(lines.pop()).to.equal('');
    expect(lines).to.have.length(200);
    const parsed = lines.map((line) => JSON.parse(line) as AuditEntry);
    for (const e of parsed) expect(Object.keys(e)).to.deep.equal(['at', 'actorId', 'caseId', 'action', 'operation']);
    expect(parsed.map((e) => e.actorId).sort()).to.deep.equal(Array.from({ length: 200 }, (_, i) => `aad-${i}`).sort());
  });

  it('files an entry under the UTC date of its instant, and refuses an `at` that is not one', async () => {
    const log = new FileAuditLog(tmp.path);
    await log.record(entry(1, '2026-11-24T00:30:00.000+01:00'));
    expect(await readdir(path.join(tmp.path, 'audit'))).to.deep.equal(['2026-11-23.jsonl']);
    expect(await log.record(entry(2, '../../etc/passwd')).catch((e: unknown) => e)).to.include({ code: 'CASE.INVALID_INPUT' });
    expect(await readdir(path.join(tmp.path, 'audit'))).to.deep.equal(['2026-11-23.jsonl']);
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
        const error = await service.execute(actor, c.id, command as never).catch((e: unknown) => e);
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

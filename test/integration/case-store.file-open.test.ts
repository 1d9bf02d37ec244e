import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Case } from '../../services/domain/model/case';
import type { CaseStore, Page, PageOptions, StoredCase } from '../../services/ports/case-store';
import { FileCaseStore } from '../../services/adapters/file/file-case-store';
import { makeCase, minute, PROFESSIONAL } from '../support/case-fixtures';
import { useTempDir } from '../support/temp-dir';

const CASES = 3000;
const USERS = Array.from({ length: 12 }, (_, i) => `aad-professional-${i + 1}`);

/** Every item of a listing, page after page. */
async function all(list: (options: PageOptions) => Promise<Page<StoredCase>>): Promise<StoredCase[]> {
  const items: StoredCase[] = [];
  let options: PageOptions = { pageSize: 100 };
  for (;;) {
    const page = await list(options);
    items.push(...page.items);
    if (page.continuationToken === undefined) return items;
    options = { pageSize: 100, continuationToken: page.continuationToken };
  }
}

const byId = (a: Case, b: Case) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newestFirst = (a: Case, b: Case) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || byId(b, a);
const earliestFirst = (a: Case, b: Case) => Date.parse(a.nextDueAt as string) - Date.parse(b.nextDueAt as string) || byId(a, b);

describe('embedded file store: opening a folder of thousands of cases', () => {
  const tmp = useTempDir('casussen-veel');

  it(`opens ${CASES} case files written in the store's format, keeps the corrupt ones aside, and lists them all in order`, async () => {
    const casesDir = path.join(tmp.path, 'cases');
    await mkdir(casesDir, { recursive: true });
    // Ties on purpose (500 distinct instants), one to three members a case, a third of them closed, some due.
    const cases = Array.from({ length: CASES }, (_, i) => {
      const memberIds = [...new Set([USERS[i % USERS.length], USERS[(i * 7) % USERS.length], USERS[(i * 5) % 11]])] as string[];
      return makeCase({
        memberIds,
        updatedAt: minute(i % 500),
        step: i % 3 === 0 ? 'afgesloten' : 'uitvoering',
        ...(i % 4 === 0 ? { nextDueAt: minute((i * 13) % 700) } : {}),
      });
    });
    const etags = new Map(cases.map((c) => [c.id, randomUUID()]));
    for (const c of cases) await writeFile(path.join(casesDir, `${c.id}.json`), JSON.stringify({ etag: etags.get(c.id), document: c }));
    const corrupt = ['kapot-000001', 'kapot-000002'];
    await writeFile(path.join(casesDir, `${corrupt[0]}.json`), 'geen JSON');
    await writeFile(path.join(casesDir, `${corrupt[1]}.json`), JSON.stringify({ etag: 'x', document: { ...cases[0], id: corrupt[1], step: 'onbekend' } }));
    await writeFile(path.join(casesDir, `${cases[1]?.id}.json.424242`), '{"etag":"half');

    const store: CaseStore & { close(): Promise<void> } = await FileCaseStore.open({ dir: tmp.path });
    try {
      expect(await readdir(casesDir)).to.have.length(CASES + corrupt.length);
      for (const id of corrupt) expect(await store.get(id).catch((e: unknown) => e)).to.include({ code: 'STORE.INVALID_DOCUMENT' });
      const some = cases[CASES - 1] as Case;
      expect(await store.get(some.id)).to.deep.equal({ case: some, etag: etags.get(some.id) });
      expect((await store.findByReference(some.reference.toLowerCase()))?.case.id).to.equal(some.id);

      for (const userId of USERS) {
        const mine = cases.filter((c) => c.memberIds.includes(userId));
        const open = (await all((o) => store.listByMember(userId, o))).map((s) => s.case.id);
        expect(open, userId).to.deep.equal(mine.filter((c) => c.step !== 'afgesloten').sort(newestFirst).map((c) => c.id));
        const withClosed = (await all((o) => store.listByMember(userId, { ...o, includeClosed: true }))).map((s) => s.case.id);
        expect(withClosed, userId).to.deep.equal(mine.sort(newestFirst).map((c) => c.id));
      }
      const before = minute(350);
      const due = (await all((o) => store.listDue(before, o))).map((s) => s.case.id);
      const expected = cases.filter((c) => c.nextDueAt !== undefined && Date.parse(c.nextDueAt) <= Date.parse(before)).sort(earliestFirst);
      expect(due).to.have.length.greaterThan(100);
      expect(due).to.deep.equal(expected.map((c) => c.id));

      // Writes after the open keep the listings in step.
      const moved = (await store.get(some.id)) as StoredCase;
      await store.replace({ ...moved.case, memberIds: ['aad-nieuw-1'], updatedAt: minute(999) }, moved.etag);
      expect((await store.listByMember('aad-nieuw-1')).items.map((s) => s.case.id)).to.deep.equal([some.id]);
      for (const userId of some.memberIds) {
        expect((await all((o) => store.listByMember(userId, { ...o, includeClosed: true }))).map((s) => s.case.id)).to.not.include(some.id);
      }
    } finally {
      await store.close();
    }
  });

  it('a case file that cannot be read at all fails the open and releases the folder', async () => {
    const casesDir = path.join(tmp.path, 'cases');
    await mkdir(casesDir, { recursive: true });
    const cases = Array.from({ length: 200 }, () => makeCase());
    for (const c of cases) await writeFile(path.join(casesDir, `${c.id}.json`), JSON.stringify({ etag: randomUUID(), document: c }));
    await mkdir(path.join(casesDir, 'een-map-1.json'));
    expect(await FileCaseStore.open({ dir: tmp.path }).catch((e: unknown) => e)).to.include({ code: 'EISDIR' });
    await rm(path.join(casesDir, 'een-map-1.json'), { recursive: true });
    const store = await FileCaseStore.open({ dir: tmp.path });
    expect((await all((o) => store.listByMember(PROFESSIONAL, o))).map((s) => s.case.id).sort()).to.deep.equal(cases.map((c) => c.id).sort());
    await store.close();
  });
});

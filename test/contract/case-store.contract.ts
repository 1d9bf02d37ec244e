import { expect } from 'chai';
import type { CaseStore } from '../../services/ports/case-store';
import type { Case } from '../../services/model/case';
import { makeCase, minute } from '../support/case-fixtures';

/** One adapter under test: a fresh, empty store per test. */
export interface CaseStoreHarness {
  store: CaseStore;
  /** A second, independent instance over the same data (a restart, or a second bot instance). */
  reopen(): Promise<CaseStore>;
  /** Write raw, schema-invalid JSON for this id straight into the underlying storage. */
  corrupt(id: string): Promise<void>;
  dispose(): Promise<void>;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

async function collect(list: (token?: string) => Promise<{ items: readonly { case: Case }[]; continuationToken?: string }>): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await list(token);
    ids.push(...page.items.map((s) => s.case.id));
    token = page.continuationToken;
  } while (token);
  return ids;
}

/**
 * The CaseStore contract, written once and run against every adapter (memory, embedded file, Cosmos DB).
 * `createHarness` is called before each test; expensive servers stay up per test file in the caller.
 */
export function describeCaseStoreContract(name: string, createHarness: () => Promise<CaseStoreHarness>): void {
  describe(`CaseStore contract: ${name}`, () => {
    let h: CaseStoreHarness;
    beforeEach(async () => {
      h = await createHarness();
    });
    afterEach(() => h.dispose());

    it('create then get returns the same case and an etag', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      expect(created.etag).to.be.a('string').and.have.length.greaterThan(0);
      const read = await h.store.get(c.id);
      expect(read?.case).to.deep.equal(c);
      expect(read?.etag).to.equal(created.etag);
    });

    it('get of an unknown id is undefined', async () => {
      expect(await h.store.get('bestaat-niet-123')).to.equal(undefined);
    });

    it('a second create with the same id is STORE.ALREADY_EXISTS', async () => {
      const c = makeCase();
      await h.store.create(c);
      expect(await codeOf(h.store.create({ ...c, hulpvraag: 'Anders.' }))).to.equal('STORE.ALREADY_EXISTS');
      expect((await h.store.get(c.id))?.case.hulpvraag).to.equal(undefined);
    });

    it('replace with the current etag succeeds and changes the etag', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      const replaced = await h.store.replace({ ...c, hulpvraag: 'Ik moet het huis uit.' }, created.etag);
      expect(replaced.etag).to.not.equal(created.etag);
      expect((await h.store.get(c.id))?.case.hulpvraag).to.equal('Ik moet het huis uit.');
    });

    it('replace with a stale etag is STORE.CONFLICT and changes nothing', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      await h.store.replace({ ...c, hulpvraag: 'Eerste.' }, created.etag);
      expect(await codeOf(h.store.replace({ ...c, hulpvraag: 'Tweede.' }, created.etag))).to.equal('STORE.CONFLICT');
      expect((await h.store.get(c.id))?.case.hulpvraag).to.equal('Eerste.');
    });

    it('replace of a case that does not exist is CASE.NOT_FOUND', async () => {
      expect(await codeOf(h.store.replace(makeCase(), 'etag-1'))).to.equal('CASE.NOT_FOUND');
    });

    it('20 concurrent writers on one etag: exactly one wins, and its value is stored', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => h.store.replace({ ...c, hulpvraag: `Schrijver ${i}.` }, created.etag)),
      );
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won).to.have.length(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).to.equal('STORE.CONFLICT');
      expect((await h.store.get(c.id))?.case.hulpvraag).to.equal(`Schrijver ${won[0]}.`);
    });

    it('findByReference ignores case', async () => {
      const c = makeCase();
      await h.store.create(c);
      expect((await h.store.findByReference(c.reference.toLowerCase()))?.case.id).to.equal(c.id);
      expect(await h.store.findByReference('HA-2026-ZZZZZZ')).to.equal(undefined);
    });

    it('listByMember: only the user\u2019s open cases, newest first; closed ones only when asked', async () => {
      const a = makeCase({ updatedAt: minute(1) });
      const b = makeCase({ updatedAt: minute(3) });
      const closed = makeCase({ updatedAt: minute(5), step: 'afgesloten' });
      const other = makeCase({ createdBy: 'aad-ander-1', updatedAt: minute(4) });
      for (const c of [a, b, closed, other]) await h.store.create(c);
      const open = await h.store.listByMember('aad-professional-1');
      expect(open.items.map((s) => s.case.id)).to.deep.equal([b.id, a.id]);
      expect(open.continuationToken).to.equal(undefined);
      const all = await h.store.listByMember('aad-professional-1', { includeClosed: true });
      expect(all.items.map((s) => s.case.id)).to.deep.equal([closed.id, b.id, a.id]);
    });

    it('pages through 45 cases, 10 at a time, each exactly once and in order', async () => {
      const cases = Array.from({ length: 45 }, (_, i) => makeCase({ updatedAt: minute(i) }));
      for (const c of cases) await h.store.create(c);
      const ids = await collect((token) => h.store.listByMember('aad-professional-1', { pageSize: 10, ...(token ? { continuationToken: token } : {}) }));
      expect(ids).to.deep.equal([...cases].reverse().map((c) => c.id));
    });

    it('keyset paging: a case updated between pages does not make others repeat or vanish', async () => {
      const cases = Array.from({ length: 12 }, (_, i) => makeCase({ updatedAt: minute(i) }));
      for (const c of cases) await h.store.create(c);
      const first = await h.store.listByMember('aad-professional-1', { pageSize: 5 });
      const moved = cases[0] as Case;
      const stored = await h.store.get(moved.id);
      await h.store.replace({ ...moved, updatedAt: minute(100) }, stored?.etag as string);
      const rest = await collect((token) =>
        h.store.listByMember('aad-professional-1', { pageSize: 5, continuationToken: token ?? (first.continuationToken as string) }),
      );
      const seen = [...first.items.map((s) => s.case.id), ...rest];
      const others = cases.filter((c) => c.id !== moved.id).map((c) => c.id);
      for (const id of others) expect(seen.filter((x) => x === id)).to.have.length(1);
    });

    it('a bad continuation token or page size is CASE.INVALID_INPUT', async () => {
      expect(await codeOf(h.store.listByMember('aad-professional-1', { continuationToken: 'rommel' }))).to.equal('CASE.INVALID_INPUT');
      expect(await codeOf(h.store.listByMember('aad-professional-1', { pageSize: 0 }))).to.equal('CASE.INVALID_INPUT');
      expect(await codeOf(h.store.listDue(minute(0), { pageSize: 500 }))).to.equal('CASE.INVALID_INPUT');
    });

    it('listDue: due at or before the instant, earliest first; later or never due is left out', async () => {
      const early = makeCase({ nextDueAt: minute(1) });
      const exact = makeCase({ nextDueAt: minute(10) });
      const later = makeCase({ nextDueAt: minute(11) });
      const never = makeCase();
      for (const c of [later, exact, never, early]) await h.store.create(c);
      const due = await h.store.listDue(minute(10));
      expect(due.items.map((s) => s.case.id)).to.deep.equal([early.id, exact.id]);
    });

    it('survives a restart: a new instance reads the same case and etag, and can replace with it', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      const reopened = await h.reopen();
      const read = await reopened.get(c.id);
      expect(read).to.deep.equal({ case: c, etag: created.etag });
      await reopened.replace({ ...c, hulpvraag: 'Na de herstart.' }, created.etag);
      expect((await reopened.get(c.id))?.case.hulpvraag).to.equal('Na de herstart.');
    });

    it('a corrupt stored document is STORE.INVALID_DOCUMENT, never overwritten, and listings skip it', async () => {
      const good = makeCase();
      const bad = makeCase();
      await h.store.create(good);
      await h.store.create(bad);
      await h.corrupt(bad.id);
      const store = await h.reopen();
      expect(await codeOf(store.get(bad.id))).to.equal('STORE.INVALID_DOCUMENT');
      expect((await store.listByMember('aad-professional-1')).items.map((s) => s.case.id)).to.deep.equal([good.id]);
      expect(await codeOf(store.replace(bad, 'elke-etag'))).to.not.equal(undefined);
      expect(await codeOf(store.create(bad))).to.not.equal(undefined);
      expect(await codeOf(store.get(bad.id))).to.equal('STORE.INVALID_DOCUMENT');
    });

    it('an invalid case is refused with CASE.INVALID_INPUT and nothing is stored', async () => {
      const c = makeCase();
      const invalid = { ...c, hulpvraag: 'Mijn BSN is 123456782.' };
      expect(await codeOf(h.store.create(invalid))).to.equal('CASE.INVALID_INPUT');
      expect(await h.store.get(c.id)).to.equal(undefined);
    });
  });
}

import { expect } from 'chai';
import type { Case } from '../../services/domain/model/case';
import type { CaseStore, Page, StoredCase } from '../../services/ports/case-store';
import { makeCase, minute, PROFESSIONAL } from '../support/case-fixtures';
import { codeOf } from '../support/error-code';

/** One adapter under test: a fresh, empty store per test. */
export interface CaseStoreHarness {
  store: CaseStore;
  /**
   * A second, independent instance over the same underlying data (a restart, or a second bot instance). Closes or
   * releases the first one if the adapter needs that (the file store's lock).
   */
  reopen(): Promise<CaseStore>;
  /** Write raw, schema-invalid JSON for this id directly into the underlying storage, bypassing the adapter. */
  corrupt(id: string): Promise<void>;
  dispose(): Promise<void>;
}

/** The error code a promise rejects with, or undefined when it fulfils. */

/** Follow continuation tokens to the end; the ids of every page, in order. */
async function pages(list: (token?: string) => Promise<Page<StoredCase>>, first?: string): Promise<string[][]> {
  const result: string[][] = [];
  let token = first;
  do {
    const page = await list(token);
    result.push(page.items.map((s) => s.case.id));
    token = page.continuationToken;
  } while (token);
  return result;
}

const ids = (page: Page<StoredCase>) => page.items.map((s) => s.case.id);
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const token = (t: string | undefined) => (t ? { continuationToken: t } : {});
const tamper = (body: object) => Buffer.from(JSON.stringify(body)).toString('base64url');

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

    const create = async (...cases: Case[]) => {
      for (const c of cases) await h.store.create(c);
    };

    it('create then get returns the same case and an etag', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      expect(created.etag).to.be.a('string').and.have.length.greaterThan(0);
      expect(created.case).to.deep.equal(c);
      expect(await h.store.get(c.id)).to.deep.equal({ case: c, etag: created.etag });
    });

    it('the stored case cannot be changed through the objects passed in or handed out', async () => {
      const c = makeCase();
      const original = structuredClone(c);
      const created = await h.store.create(c);
      c.memberIds.push('aad-indringer-1');
      created.case.household.members.length = 0;
      const read = await h.store.get(c.id);
      (read?.case as Case).step = 'afgesloten';
      expect((await h.store.get(c.id))?.case).to.deep.equal(original);
    });

    it('get of an unknown id is undefined', async () => {
      expect(await h.store.get('bestaat-niet-123')).to.equal(undefined);
    });

    it('a second create with the same id is STORE.ALREADY_EXISTS and keeps the first', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      expect(await codeOf(h.store.create({ ...c, hulpvraag: 'Anders.' }))).to.equal('STORE.ALREADY_EXISTS');
      expect(await h.store.get(c.id)).to.deep.equal(created);
    });

    it('10 concurrent creates of one id: exactly one is stored, the others are STORE.ALREADY_EXISTS', async () => {
      const c = makeCase();
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => h.store.create({ ...c, hulpvraag: `Maker ${i}.` })));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won).to.have.length(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).to.equal('STORE.ALREADY_EXISTS');
      expect((await h.store.get(c.id))?.case.hulpvraag).to.equal(`Maker ${won[0]}.`);
    });

    it('replace with the current etag succeeds and changes the etag', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      const changed = { ...c, hulpvraag: 'Ik moet het huis uit.' };
      const replaced = await h.store.replace(changed, created.etag);
      expect(replaced.etag).to.be.a('string').and.not.equal(created.etag);
      expect(await h.store.get(c.id)).to.deep.equal({ case: changed, etag: replaced.etag });
    });

    it('replace with a stale etag is STORE.CONFLICT and changes nothing', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      const current = await h.store.replace({ ...c, hulpvraag: 'Eerste.' }, created.etag);
      expect(await codeOf(h.store.replace({ ...c, hulpvraag: 'Tweede.' }, created.etag))).to.equal('STORE.CONFLICT');
      expect(await h.store.get(c.id)).to.deep.equal(current);
    });

    it('replace of a case that does not exist is CASE.NOT_FOUND and creates nothing', async () => {
      const c = makeCase();
      expect(await codeOf(h.store.replace(c, 'etag-1'))).to.equal('CASE.NOT_FOUND');
      expect(await h.store.get(c.id)).to.equal(undefined);
    });

    it('20 concurrent writers on one etag: exactly one wins, 19 get STORE.CONFLICT, the winner is stored', async () => {
      const c = makeCase();
      const created = await h.store.create(c);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => h.store.replace({ ...c, hulpvraag: `Schrijver ${i}.` }, created.etag)),
      );
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won).to.have.length(1);
      const conflicts = results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'STORE.CONFLICT');
      expect(conflicts).to.have.length(19);
      const winner = results[won[0] as number] as PromiseFulfilledResult<StoredCase>;
      expect(await h.store.get(c.id)).to.deep.equal({ case: { ...c, hulpvraag: `Schrijver ${won[0]}.` }, etag: winner.value.etag });
    });

    it('findByReference ignores case and unknown references are undefined', async () => {
      const c = makeCase();
      await create(makeCase(), c, makeCase());
      expect((await h.store.findByReference(c.reference.toLowerCase()))?.case.id).to.equal(c.id);
      expect((await h.store.findByReference(c.reference))?.case.id).to.equal(c.id);
      expect(await h.store.findByReference('HA-2026-ZZZZZZ')).to.equal(undefined);
    });

    it('listByMember: cases whose memberIds hold the user, newest first; closed ones only when asked', async () => {
      const a = makeCase({ updatedAt: minute(1) });
      const b = makeCase({ updatedAt: minute(3) });
      const shared = makeCase({ createdBy: 'aad-ander-1', memberIds: ['aad-ander-1', PROFESSIONAL], updatedAt: minute(2) });
      const closed = makeCase({ updatedAt: minute(5), step: 'afgesloten' });
      const other = makeCase({ createdBy: 'aad-ander-1', updatedAt: minute(4) });
      await create(a, closed, other, b, shared);
      const open = await h.store.listByMember(PROFESSIONAL);
      expect(ids(open)).to.deep.equal([b.id, shared.id, a.id]);
      expect(open.continuationToken).to.equal(undefined);
      expect(ids(await h.store.listByMember(PROFESSIONAL, { includeClosed: true }))).to.deep.equal([closed.id, b.id, shared.id, a.id]);
      expect(ids(await h.store.listByMember('aad-ander-1'))).to.deep.equal([other.id, shared.id]);
      expect(ids(await h.store.listByMember('aad-niemand-1'))).to.deep.equal([]);
    });

    it('pages through 45 cases, 10 at a time: pages of 10 and 5, each case exactly once, in order', async () => {
      const cases = Array.from({ length: 45 }, (_, i) => makeCase({ updatedAt: minute(i) }));
      await create(...cases);
      const got = await pages((t) => h.store.listByMember(PROFESSIONAL, { pageSize: 10, ...token(t) }));
      expect(got.map((p) => p.length)).to.deep.equal([10, 10, 10, 10, 5]);
      expect(got.flat()).to.deep.equal([...cases].reverse().map((c) => c.id));
    });

    it('equal timestamps are ordered by id (descending for members, ascending for due) across page boundaries', async () => {
      const cases = Array.from({ length: 7 }, () => makeCase({ updatedAt: minute(5), nextDueAt: minute(5) }));
      await create(...cases);
      const sorted = cases.map((c) => c.id).sort(ordinal);
      const members = await pages((t) => h.store.listByMember(PROFESSIONAL, { pageSize: 3, ...token(t) }));
      expect(members.flat()).to.deep.equal([...sorted].reverse());
      const due = await pages((t) => h.store.listDue(minute(5), { pageSize: 3, ...token(t) }));
      expect(due.map((p) => p.length)).to.deep.equal([3, 3, 1]);
      expect(due.flat()).to.deep.equal(sorted);
    });

    it('keyset paging: a case updated between pages does not make others repeat or vanish', async () => {
      const cases = Array.from({ length: 12 }, (_, i) => makeCase({ updatedAt: minute(i) }));
      await create(...cases);
      const first = await h.store.listByMember(PROFESSIONAL, { pageSize: 5 });
      const moved = cases[0] as Case;
      const stored = await h.store.get(moved.id);
      await h.store.replace({ ...moved, updatedAt: minute(100) }, stored?.etag as string);
      const rest = await pages((t) => h.store.listByMember(PROFESSIONAL, { pageSize: 5, ...token(t) }), first.continuationToken);
      const seen = [...ids(first), ...rest.flat()];
      for (const c of cases.slice(1)) expect(seen.filter((x) => x === c.id), c.id).to.have.length(1);
      const expected = cases.slice(1).reverse().map((c) => c.id);
      expect(seen.filter((x) => x !== moved.id)).to.deep.equal(expected);
    });

    it('a bad, tampered or foreign continuation token is CASE.INVALID_INPUT', async () => {
      await create(...Array.from({ length: 3 }, (_, i) => makeCase({ updatedAt: minute(i), nextDueAt: minute(i) })));
      const dueToken = (await h.store.listDue(minute(10), { pageSize: 1 })).continuationToken as string;
      expect(dueToken).to.be.a('string');
      for (const bad of ['rommel', '', tamper({ v: 1 }), tamper({ v: 99, l: 'member', k: ['a', 'b'] }), tamper([1, 2]), dueToken]) {
        expect(await codeOf(h.store.listByMember(PROFESSIONAL, { continuationToken: bad })), bad).to.equal('CASE.INVALID_INPUT');
      }
    });

    it('a page size of 0, 500 or 2.5 is CASE.INVALID_INPUT; 1 and 100 are fine', async () => {
      for (const pageSize of [0, 500, 2.5, -1]) {
        expect(await codeOf(h.store.listByMember(PROFESSIONAL, { pageSize })), `listByMember ${pageSize}`).to.equal('CASE.INVALID_INPUT');
        expect(await codeOf(h.store.listDue(minute(0), { pageSize })), `listDue ${pageSize}`).to.equal('CASE.INVALID_INPUT');
      }
      expect(await codeOf(h.store.listByMember(PROFESSIONAL, { pageSize: 1 }))).to.equal(undefined);
      expect(await codeOf(h.store.listDue(minute(0), { pageSize: 100 }))).to.equal(undefined);
    });

    it('listDue: due at or before the instant, earliest first; later or never due is left out', async () => {
      const early = makeCase({ nextDueAt: minute(1) });
      const exact = makeCase({ nextDueAt: minute(10) });
      const later = makeCase({ nextDueAt: minute(11) });
      const never = makeCase();
      const middle = makeCase({ nextDueAt: minute(4) });
      await create(later, exact, never, early, middle);
      const due = await h.store.listDue(minute(10));
      expect(ids(due)).to.deep.equal([early.id, middle.id, exact.id]);
      expect(due.continuationToken).to.equal(undefined);
      expect(ids(await h.store.listDue(minute(0)))).to.deep.equal([]);
    });

    it('listOutbox: cases whose outbox can be worked on at or before the instant, earliest first, paged; a write moves them', async () => {
      const item = (at: string) => ({ id: 'ob000001', at, to: 'aad-collega-2', changes: [{ kind: 'actieGewijzigd' as const, part: 'deelA' as const }], attempts: 0 });
      const cases = [3, 1, 7, 2, 12].map((m) => makeCase({ outbox: [item(minute(m))], outboxSeq: 1, outboxDueAt: minute(m) }));
      const none = makeCase();
      await create(...cases, none);
      const sorted = [1, 2, 3, 7].map((m) => (cases.find((c) => c.outboxDueAt === minute(m)) as Case).id);
      expect((await pages((t) => h.store.listOutbox(minute(10), { pageSize: 3, ...token(t) }))).flat()).to.deep.equal(sorted);
      // Claimed until later: out of the listing until then.
      const first = cases[1] as Case;
      const stored = await h.store.get(first.id);
      await h.store.replace({ ...first, outboxDueAt: minute(11) }, stored?.etag as string);
      expect(ids(await h.store.listOutbox(minute(10)))).to.deep.equal(sorted.slice(1));
      const emptied = await h.store.get(first.id);
      const { outboxDueAt: _gone, ...rest } = emptied?.case as Case;
      await h.store.replace({ ...rest, outbox: [] }, emptied?.etag as string);
      expect(ids(await h.store.listOutbox(minute(20)))).to.not.include(first.id);
      expect(ids(await (await h.reopen()).listOutbox(minute(10)))).to.deep.equal(sorted.slice(1));
    });

    it('listForResults: the team\'s cases created before the end, open or changed since the start; oldest first, paged; a write moves them', async () => {
      const [from, to] = [minute(4), minute(10)];
      const open1 = makeCase({ createdAt: minute(1), updatedAt: minute(1) });
      const closedInside = makeCase({ createdAt: minute(2), updatedAt: minute(5), step: 'afgesloten' });
      const sameTime = makeCase({ createdAt: minute(2), updatedAt: minute(2) });
      const closedBefore = makeCase({ createdAt: minute(0), updatedAt: minute(3), step: 'afgesloten' });
      const createdAtEnd = makeCase({ createdAt: minute(10), updatedAt: minute(10) });
      const openLater = makeCase({ createdAt: minute(9), updatedAt: minute(9) });
      const otherTeam = makeCase({ teamId: 'wijkteam-zuid', createdAt: minute(1), updatedAt: minute(1) });
      await create(openLater, closedBefore, createdAtEnd, sameTime, otherTeam, closedInside, open1);
      const byTime = [open1, ...[closedInside, sameTime].sort((a, b) => ordinal(a.id, b.id)), openLater].map((c) => c.id);
      const listed = await pages((t) => h.store.listForResults('wijkteam-noord', from, to, { pageSize: 2, ...token(t) }));
      expect(listed.flat()).to.deep.equal(byTime);
      expect(listed.map((p) => p.length)).to.deep.equal([2, 2]);
      // Instants with an offset are the same instants.
      expect(ids(await h.store.listForResults('wijkteam-noord', '2026-11-23T10:04:00+01:00', '2026-11-23T10:10:00+01:00', { pageSize: 100 }))).to.deep.equal(byTime);
      expect(ids(await h.store.listForResults('wijkteam-west', from, to))).to.deep.equal([]);
      // Touched after the start: the case closed before it now counts (its events are the aggregation's to judge).
      const stored = await h.store.get(closedBefore.id);
      await h.store.replace({ ...closedBefore, updatedAt: minute(6) }, stored?.etag as string);
      expect(ids(await (await h.reopen()).listForResults('wijkteam-noord', from, to, { pageSize: 100 }))).to.deep.equal([closedBefore.id, ...byTime]);
      const foreign = (await h.store.listByMember(PROFESSIONAL, { pageSize: 1 })).continuationToken;
      expect(await codeOf(h.store.listForResults('wijkteam-noord', from, to, { continuationToken: foreign as string }))).to.equal('CASE.INVALID_INPUT');
      expect(await codeOf(h.store.listForResults('wijkteam-noord', 'gisteren', to))).to.equal('CASE.INVALID_INPUT');
    });

    it('survives a restart: a new instance reads the same case and etag, lists it, and can replace with it', async () => {
      const c = makeCase({ nextDueAt: minute(1) });
      const created = await h.store.create(c);
      const reopened = await h.reopen();
      expect(await reopened.get(c.id)).to.deep.equal({ case: c, etag: created.etag });
      expect(ids(await reopened.listByMember(PROFESSIONAL))).to.deep.equal([c.id]);
      expect(ids(await reopened.listDue(minute(1)))).to.deep.equal([c.id]);
      expect((await reopened.findByReference(c.reference))?.etag).to.equal(created.etag);
      const replaced = await reopened.replace({ ...c, hulpvraag: 'Na de herstart.' }, created.etag);
      expect(await reopened.get(c.id)).to.deep.equal({ case: { ...c, hulpvraag: 'Na de herstart.' }, etag: replaced.etag });
    });

    it('a corrupt stored document is STORE.INVALID_DOCUMENT, never overwritten, and listings skip it', async () => {
      const good = makeCase({ nextDueAt: minute(1) });
      const bad = makeCase({ nextDueAt: minute(1) });
      await h.store.create(good);
      const badEtag = (await h.store.create(bad)).etag;
      await h.corrupt(bad.id);
      const store = await h.reopen();
      expect(await codeOf(store.get(bad.id))).to.equal('STORE.INVALID_DOCUMENT');
      expect(ids(await store.listByMember(PROFESSIONAL))).to.deep.equal([good.id]);
      expect(ids(await store.listDue(minute(1)))).to.deep.equal([good.id]);
      expect(await store.findByReference(bad.reference)).to.equal(undefined);
      for (const attempt of [store.replace(bad, badEtag), store.replace(bad, 'elke-etag'), store.create(bad)]) {
        expect(await codeOf(attempt)).to.be.oneOf(['STORE.INVALID_DOCUMENT', 'STORE.CONFLICT', 'STORE.ALREADY_EXISTS']);
      }
      const again = await h.reopen();
      expect(await codeOf(again.get(bad.id)), 'the raw data stays as corrupted').to.equal('STORE.INVALID_DOCUMENT');
      expect((await again.get(good.id))?.case).to.deep.equal(good);
    });

    it('an invalid case is refused with CASE.INVALID_INPUT: a create stores nothing, a replace changes nothing', async () => {
      const c = makeCase();
      expect(await codeOf(h.store.create({ ...c, hulpvraag: 'Mijn BSN is 123456782.' }))).to.equal('CASE.INVALID_INPUT');
      expect(await codeOf(h.store.create({ ...c, step: 'onbekend' } as unknown as Case))).to.equal('CASE.INVALID_INPUT');
      expect(await h.store.get(c.id)).to.equal(undefined);
      const created = await h.store.create(c);
      expect(await codeOf(h.store.replace({ ...c, memberIds: [''] }, created.etag))).to.equal('CASE.INVALID_INPUT');
      expect(await h.store.get(c.id)).to.deep.equal(created);
    });
  });
}

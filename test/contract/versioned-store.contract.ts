import { expect } from 'chai';
import { z } from 'zod';
import type { VersionedStore } from '../../services/ports/versioned-store';
import { codeOf } from '../support/error-code';

export const testSchema = z.object({ n: z.number().int(), label: z.string().max(20) });
export type TestValue = z.infer<typeof testSchema>;

export interface VersionedHarness {
  store: VersionedStore<TestValue>;
  /** A second instance over the same data. */
  reopen(): Promise<VersionedStore<TestValue>>;
  /** Store a document under this key that fails the schema, bypassing the adapter. */
  corrupt(key: string): Promise<void>;
  dispose(): Promise<void>;
}


/** The VersionedStore contract, run against every adapter. */
export function describeVersionedStoreContract(name: string, createHarness: () => Promise<VersionedHarness>): void {
  describe(`VersionedStore contract: ${name}`, () => {
    let h: VersionedHarness;
    beforeEach(async () => {
      h = await createHarness();
    });
    afterEach(() => h.dispose());

    it('create, get, replace with the etag; a stale etag is STORE.CONFLICT and changes nothing', async () => {
      const created = await h.store.create('team/2026:a', { n: 1, label: 'een' });
      expect(await h.store.get('team/2026:a')).to.deep.equal(created);
      const replaced = await h.store.replace('team/2026:a', { n: 2, label: 'twee' }, created.etag);
      expect(replaced.etag).to.not.equal(created.etag);
      expect(await codeOf(h.store.replace('team/2026:a', { n: 3, label: 'drie' }, created.etag))).to.equal('STORE.CONFLICT');
      expect((await h.store.get('team/2026:a'))?.value).to.deep.equal({ n: 2, label: 'twee' });
    });

    it('create of an existing key is STORE.ALREADY_EXISTS; get of an unknown key is undefined', async () => {
      await h.store.create('k', { n: 1, label: 'x' });
      expect(await codeOf(h.store.create('k', { n: 9, label: 'y' }))).to.equal('STORE.ALREADY_EXISTS');
      expect(await h.store.get('onbekend')).to.equal(undefined);
    });

    it('upsert: last write wins', async () => {
      await h.store.upsert('k', { n: 1, label: 'x' });
      await h.store.upsert('k', { n: 2, label: 'y' });
      expect((await h.store.get('k'))?.value).to.deep.equal({ n: 2, label: 'y' });
    });

    it('20 concurrent replaces on one etag: exactly one wins', async () => {
      const created = await h.store.create('k', { n: 0, label: 'x' });
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => h.store.replace('k', { n: i, label: 'x' }, created.etag)));
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    });

    it('an invalid value is CASE.INVALID_INPUT; a corrupt document is STORE.INVALID_DOCUMENT and never overwritten', async () => {
      expect(await codeOf(h.store.create('k', { n: 1.5, label: 'x' }))).to.equal('CASE.INVALID_INPUT');
      expect(await h.store.get('k')).to.equal(undefined);
      await h.store.create('bad', { n: 1, label: 'x' });
      await h.corrupt('bad');
      const store = await h.reopen();
      expect(await codeOf(store.get('bad'))).to.equal('STORE.INVALID_DOCUMENT');
      expect(await codeOf(store.upsert('bad', { n: 2, label: 'y' }))).to.equal('STORE.INVALID_DOCUMENT');
    });

    it('survives a restart', async () => {
      const created = await h.store.create('k', { n: 7, label: 'zeven' });
      expect(await (await h.reopen()).get('k')).to.deep.equal(created);
    });
  });
}

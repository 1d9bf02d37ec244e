import { expect } from 'chai';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically as writeFileAtomic } from '../../services/adapters/file/atomic-write';
import { useTempDir } from '../support/temp-dir';
import { FileStorage, type WriteFile } from '../../bot/storage/file-storage';

/** The state of what one injected write was asked to write, by its key and item. */
const written = (data: string) => JSON.parse(data) as { key: string; item: { n: unknown } };
/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('FileStorage (bot state on disk)', () => {
  const tmp = useTempDir('botstate');

  it('writes, reads back with an eTag, and deletes', async () => {
    const storage = new FileStorage(tmp.path);
    await storage.write({ 'msteams/conversations/a:1': { dialoogStatus: { stap: 2 } } });
    const read = await storage.read(['msteams/conversations/a:1', 'onbekend']);
    expect(read['msteams/conversations/a:1']).to.deep.include({ dialoogStatus: { stap: 2 } });
    expect(read['msteams/conversations/a:1'].eTag).to.be.a('string').and.not.equal('');
    expect(read).to.not.have.property('onbekend');
    await storage.delete(['msteams/conversations/a:1']);
    expect(await storage.read(['msteams/conversations/a:1'])).to.deep.equal({});
  });

  it('survives a restart: a new instance over the same folder reads what the first wrote', async () => {
    await new FileStorage(tmp.path).write({ k: { actieveCasus: { caseId: 'case-1' } } });
    expect((await new FileStorage(tmp.path).read(['k'])).k).to.deep.include({ actieveCasus: { caseId: 'case-1' } });
  });

  it('refuses a write with a stale eTag and keeps the newer state; "*" overwrites', async () => {
    const storage = new FileStorage(tmp.path);
    await storage.write({ k: { n: 1 } });
    const first = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, n: 2 } });
    const error = await storage.write({ k: { ...first, n: 3 } }).catch((e: unknown) => e);
    expect(String(error)).to.match(/eTag conflict/);
    expect((await storage.read(['k'])).k.n).to.equal(2);
    await storage.write({ k: { n: 4, eTag: '*' } });
    expect((await storage.read(['k'])).k.n).to.equal(4);
  });

  it('two turns saving the same state they read: exactly one wins', async () => {
    const a = new FileStorage(tmp.path);
    const b = new FileStorage(tmp.path);
    await a.write({ k: { n: 0 } });
    const seen = (await a.read(['k'])).k;
    const results = await Promise.allSettled([a.write({ k: { ...seen, n: 'a' } }), a.write({ k: { ...seen, n: 'b' } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    expect(['a', 'b']).to.include((await b.read(['k'])).k.n);
  });

  it('keeps keys out of file names and leaves no temp files', async () => {
    const storage = new FileStorage(tmp.path);
    await storage.write({ 'msteams/conversations/a:geheim/users/x': { v: 1 } });
    const files = await readdir(path.join(tmp.path, 'botstate'));
    expect(files).to.have.length(1);
    expect(files[0]).to.match(/^[0-9a-f]{64}\.json$/);
  });

  it('writes different keys at once: a slow write of one conversation does not hold up another', async () => {
    // The write of `a` cannot finish until the write of `b` has reached the disk: one lock for all keys would
    // deadlock here (and fail on mocha's timeout).
    const bOnDisk = gate();
    const slowForA: WriteFile = async (file, data) => {
      if (written(data).key === 'a') await bOnDisk.opened;
      await writeFileAtomic(file, data);
      if (written(data).key === 'b') bOnDisk.open();
    };
    const storage = new FileStorage(tmp.path, slowForA);
    const a = storage.write({ a: { n: 1 } });
    await storage.write({ b: { n: 2 } });
    expect(await storage.read(['a', 'b'])).to.have.keys('b');
    await a;
    expect((await storage.read(['a'])).a.n).to.equal(1);
  });

  it('writes of one key happen one at a time, in the order they were asked, however slow each is', async () => {
    // The earlier a write, the slower its disk: without a lock per key, later writes would overtake earlier ones.
    const events: string[] = [];
    const slowerForEarlier: WriteFile = async (file, data) => {
      const { n } = written(data).item;
      events.push(`begin ${String(n)}`);
      for (let turn = 0; turn < 20 - Number(n); turn++) await new Promise(setImmediate);
      await writeFileAtomic(file, data);
      events.push(`end ${String(n)}`);
    };
    const storage = new FileStorage(tmp.path, slowerForEarlier);
    await Promise.all([...Array.from({ length: 10 }, (_, n) => storage.write({ k: { n } })), storage.delete(['k']), storage.write({ k: { n: 10 } })]);
    expect(events).to.deep.equal(Array.from({ length: 11 }, (_, n) => [`begin ${n}`, `end ${n}`]).flat());
    expect((await storage.read(['k'])).k.n).to.equal(10);
  });

  it('a write of several keys goes key by key and stops at the first eTag conflict', async () => {
    const storage = new FileStorage(tmp.path);
    await storage.write({ a: { n: 1 }, b: { n: 1 }, c: { n: 1 } });
    const seen = await storage.read(['a', 'b', 'c']);
    await storage.write({ b: { n: 2 } });
    const error = await storage.write({ a: { ...seen.a, n: 3 }, b: { ...seen.b, n: 3 }, c: { ...seen.c, n: 3 } }).catch((e: unknown) => e);
    expect(String(error)).to.match(/"b" due to eTag conflict/);
    const after = await storage.read(['a', 'b', 'c']);
    expect([after.a.n, after.b.n, after.c.n]).to.deep.equal([3, 2, 1]);
  });
});

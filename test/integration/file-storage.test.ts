import { expect } from 'chai';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { useTempDir } from '../support/temp-dir';
import { FileStorage } from '../../bot/storage/file-storage';

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
});

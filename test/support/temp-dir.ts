import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the OS temp dir for each test of the calling describe, removed afterwards. */
export function useTempDir(prefix: string): { readonly path: string } {
  const holder = { path: '' };
  beforeEach(async () => {
    holder.path = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  });
  afterEach(() => rm(holder.path, { recursive: true, force: true }));
  return holder;
}

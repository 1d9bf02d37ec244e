import { expect } from 'chai';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { useTempDir } from '../support/temp-dir';
import { loadFileDirectory } from '../../services/adapters/file/file-directory';

describe('the embedded roles file', () => {
  const tmp = useTempDir('rollen');

  it('gives each user their roles, and finds the users of a role', async () => {
    const file = path.join(tmp.path, 'directory.json');
    await writeFile(file, JSON.stringify({ 'aad-lg-1': ['leidinggevende'], 'aad-pr-1': ['procesregisseur', 'aanjager'] }));
    const directory = await loadFileDirectory(file);
    expect(await directory.rolesOf('aad-pr-1')).to.deep.equal(['procesregisseur', 'aanjager']);
    expect(await directory.rolesOf('aad-niemand')).to.deep.equal([]);
    expect(await directory.usersWithRole('leidinggevende')).to.deep.equal(['aad-lg-1']);
  });

  it('treats a missing file as nobody holding a role', async () => {
    expect(await (await loadFileDirectory(path.join(tmp.path, 'nee.json'))).usersWithRole('beheerder')).to.deep.equal([]);
  });

  it('refuses an unknown role or broken JSON with a Dutch message', async () => {
    const file = path.join(tmp.path, 'directory.json');
    await writeFile(file, JSON.stringify({ 'aad-1': ['koning'] }));
    expect(await loadFileDirectory(file).catch((e: unknown) => e)).to.have.property('userMessage').that.matches(/^Configuratiefout in het rollenbestand .*Onbekende rol/);
    await writeFile(file, '{ kapot');
    expect(await loadFileDirectory(file).catch((e: unknown) => e)).to.have.property('userMessage').that.matches(/is geen geldige JSON\.$/);
  });
});

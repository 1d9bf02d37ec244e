import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { ORG_ROLES } from '../../domain/model/roles';
import { parseInput } from '../../domain/model/validation';
import { StaticDirectory } from '../memory/static-directory';
import { readJsonFile } from './json-file';

/** `{ "<Teams user id>": ["leidinggevende", …], … }`: the embedded default for who holds which role. */
const directoryFile = z.record(
  z.string().regex(/^[A-Za-z0-9:_\-.@]{1,200}$/, { error: 'Een gebruiker in het rollenbestand heeft een ongeldig id.' }),
  z.array(z.enum(ORG_ROLES, { error: `Onbekende rol in het rollenbestand; kies uit ${ORG_ROLES.join(', ')}.` })),
);

/**
 * Read the roles file (for local runs; in Azure the roles come from Entra groups). A missing file means nobody
 * holds a role; a file that does not parse stops start-up with a Dutch message.
 */
export async function loadFileDirectory(file: string): Promise<StaticDirectory> {
  const json = await readJsonFile(file, 'het rollenbestand');
  if (json === undefined) return new StaticDirectory();
  const parsed = parseInput(directoryFile, json);
  if (!parsed.ok) throw new DomainError('CONFIG.INVALID', `Configuratiefout in het rollenbestand ${file}: ${parsed.error.userMessage}`);
  return new StaticDirectory(parsed.value);
}

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { ORG_ROLES } from '../../domain/model/roles';
import { parseInput } from '../../domain/model/validation';
import { StaticDirectory } from '../memory/static-directory';

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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new StaticDirectory();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('CONFIG.INVALID', `Configuratiefout: het rollenbestand ${file} is geen geldige JSON.`);
  }
  const parsed = parseInput(directoryFile, json);
  if (!parsed.ok) throw new DomainError('CONFIG.INVALID', `Configuratiefout in het rollenbestand ${file}: ${parsed.error.userMessage}`);
  return new StaticDirectory(parsed.value);
}

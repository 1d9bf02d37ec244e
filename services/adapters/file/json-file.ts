import { readFile } from 'node:fs/promises';
import { DomainError } from '../../domain/errors';

/**
 * A configuration file of the embedded default (the roles file, the people file): its JSON, or undefined when there
 * is no such file. A file that is not JSON stops start-up with a Dutch message naming it (`what`: "het rollenbestand").
 */
export async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('CONFIG.INVALID', `Configuratiefout: ${what} ${file} is geen geldige JSON.`);
  }
}

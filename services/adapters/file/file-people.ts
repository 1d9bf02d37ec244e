import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import type { Professional } from '../../ports/people';
import { StaticPeople } from '../memory/static-people';
import { readJsonFile } from './json-file';

/** Longest name and organisation the file may give: a card shows them on one line. */
export const MAX_NAME = 100;
export const MAX_ORGANISATIE = 80;

/** What a string field says when it is missing, or is something else than text. */
const text = (missing: string, notText: string) => z.string({ error: (issue) => (issue.input === undefined ? missing : notText) });

const oneLine = (s: string) => !/[\r\n]/.test(s);

const person = z.strictObject(
  {
    id: text('het id ontbreekt (het object-id van de gebruiker in Microsoft Entra)', 'het id moet tekst zijn, tussen aanhalingstekens')
      .regex(/^[A-Za-z0-9:_\-.@]{1,200}$/, { error: 'het id is geen geldig gebruikers-id (alleen letters, cijfers en - _ . : @, hooguit 200 tekens)' }),
    displayName: text('de naam ontbreekt', 'de naam moet tekst zijn')
      .trim()
      .min(1, { error: 'de naam is leeg' })
      .max(MAX_NAME, { error: `de naam is te lang: hooguit ${MAX_NAME} tekens` })
      .refine(oneLine, { error: 'de naam moet op één regel passen' }),
    organisatie: z
      .string({ error: 'de organisatie moet tekst zijn' })
      .trim()
      .min(1, { error: 'de organisatie is leeg; laat haar weg als die niet bekend is' })
      .max(MAX_ORGANISATIE, { error: `de organisatie is te lang: hooguit ${MAX_ORGANISATIE} tekens` })
      .refine(oneLine, { error: 'de organisatie moet op één regel passen' })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? 'er staat een gegeven bij dat de bot niet kent; een persoon heeft alleen een id, een naam en een organisatie, geschreven zoals in de README'
        : 'dit is geen persoon met een id, een naam en een organisatie, geschreven zoals in de README',
  },
);

const peopleFile = z
  .array(person, { error: 'het bestand moet een lijst van personen zijn, tussen [ en ]' })
  .superRefine((people, ctx) => {
    const seen = new Map<string, number>();
    people.forEach((p, i) => {
      const first = seen.get(p.id);
      if (first === undefined) seen.set(p.id, i);
      else ctx.addIssue({ code: 'custom', path: [i], message: `dit id staat ook bij persoon ${first + 1}; elk id mag maar één keer voorkomen` });
    });
  });

/** The sentence a beheerder reads: the file, which person (counted from 1, from the top), and what is wrong. */
function refusal(file: string, error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const index = issue?.path[0];
  const where = typeof index === 'number' ? `, bij persoon ${index + 1}` : '';
  return new DomainError('CONFIG.INVALID', `Configuratiefout in het personenbestand ${file}${where}: ${issue?.message ?? 'het bestand klopt niet'}.`);
}

/**
 * Read the local people file `DATA_DIR/people.json` (in Azure the people come from Microsoft Graph): the
 * professionals a card offers to put on a case. A missing file means an empty list; a file that does not parse
 * stops start-up with a Dutch message that names the file and says what is wrong, in words (never a field path).
 */
export async function loadFilePeople(file: string): Promise<StaticPeople> {
  const json = await readJsonFile(file, 'het personenbestand');
  if (json === undefined) return new StaticPeople();
  const parsed = peopleFile.safeParse(json);
  if (!parsed.success) throw refusal(file, parsed.error);
  return new StaticPeople(parsed.data.map((p): Professional => ({ id: p.id, displayName: p.displayName, ...(p.organisatie ? { organisatie: p.organisatie } : {}) })));
}

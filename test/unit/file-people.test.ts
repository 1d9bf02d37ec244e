import { expect } from 'chai';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadFilePeople, MAX_NAME } from '../../services/adapters/file/file-people';
import { useTempDir } from '../support/temp-dir';
import { assertPlainDutch } from '../support/plain-dutch';

const ALEX = { id: '00000000-0000-0000-0000-0000000000020', displayName: 'Alex Wilber', organisatie: 'Wijkteam Helmond-Noord' };
const MEGAN = { id: '00000000-0000-0000-0000-0000000000021', displayName: 'Megan Bowen', organisatie: 'GGZ Oost Brabant' };

describe('the local people file (DATA_DIR/people.json)', () => {
  const tmp = useTempDir('personen');
  const file = () => path.join(tmp.path, 'people.json');

  /** The start-up refusal for a file with this content. */
  async function refusalFor(content: unknown): Promise<string> {
    await writeFile(file(), typeof content === 'string' ? content : JSON.stringify(content));
    const error = await loadFilePeople(file()).then(
      () => expect.fail('the file was accepted'),
      (e: unknown) => e,
    );
    expect(error).to.include({ code: 'CONFIG.INVALID' });
    return (error as { userMessage: string }).userMessage;
  }

  it('lists the people in file order and finds each by id, with the organisation where given', async () => {
    await writeFile(file(), JSON.stringify([ALEX, { id: MEGAN.id, displayName: '  Megan Bowen ' }]));
    const people = await loadFilePeople(file());
    expect(await people.selectable()).to.deep.equal([ALEX, { id: MEGAN.id, displayName: 'Megan Bowen' }]);
    expect(await people.find(ALEX.id)).to.deep.equal(ALEX);
    expect(await people.find('aad-onbekend')).to.equal(undefined);
  });

  it('reads the README\u2019s example, whose ids are the Agents Playground\u2019s mock users', async () => {
    const readme = await readFile(path.resolve(__dirname, '../../README.md'), 'utf8');
    const example = /\*\*People\.\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'the example in the README').to.be.a('string');
    await writeFile(file(), example as string);
    const people = await loadFilePeople(file());
    expect((await people.selectable())?.map((p) => p.displayName)).to.deep.equal(['Alex Wilber', 'Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins']);
    expect(await people.find(ALEX.id)).to.include({ displayName: 'Alex Wilber' });
  });

  it('treats a missing file as nobody to choose from', async () => {
    const people = await loadFilePeople(path.join(tmp.path, 'nee.json'));
    expect(await people.selectable()).to.deep.equal([]);
    expect(await people.find(ALEX.id)).to.equal(undefined);
  });

  const bad: [string, unknown, RegExp][] = [
    ['not JSON', '[{ "id": kapot', /^Configuratiefout: het personenbestand .*people\.json is geen geldige JSON\.$/],
    ['no list', { [ALEX.id]: ALEX }, /people\.json: het bestand moet een lijst van personen zijn, tussen \[ en \]\.$/],
    ['a person that is no object', [ALEX, 'Megan Bowen'], /people\.json, bij persoon 2: dit is geen persoon met een id, een naam en een organisatie, geschreven zoals in de README\.$/],
    ['an id missing', [{ displayName: 'Alex Wilber' }], /, bij persoon 1: het id ontbreekt \(het object-id van de gebruiker in Microsoft Entra\)\.$/],
    ['an id that is a number', [{ ...ALEX, id: 20 }], /, bij persoon 1: het id moet tekst zijn, tussen aanhalingstekens\.$/],
    ['an id with a space', [{ ...ALEX, id: 'alex wilber' }], /, bij persoon 1: het id is geen geldig gebruikers-id /],
    ['a name missing', [ALEX, { id: MEGAN.id }], /, bij persoon 2: de naam ontbreekt\.$/],
    ['a name empty', [{ ...ALEX, displayName: '  ' }], /, bij persoon 1: de naam is leeg\.$/],
    ['a name too long', [{ ...ALEX, displayName: 'A'.repeat(MAX_NAME + 1) }], new RegExp(`, bij persoon 1: de naam is te lang: hooguit ${MAX_NAME} tekens\\.$`)],
    ['a name on two lines', [{ ...ALEX, displayName: 'Alex\nWilber' }], /de naam moet op één regel passen\.$/],
    ['an organisation too long', [{ ...ALEX, organisatie: 'O'.repeat(81) }], /, bij persoon 1: de organisatie is te lang: hooguit 80 tekens\.$/],
    ['an organisation that is no text', [{ ...ALEX, organisatie: 3 }], /de organisatie moet tekst zijn\.$/],
    ['an unknown field', [ALEX, { ...MEGAN, naam: 'Megan' }], /, bij persoon 2: er staat een gegeven bij dat de bot niet kent; een persoon heeft alleen een id, een naam en een organisatie, geschreven zoals in de README\.$/],
    ['a duplicate id', [ALEX, MEGAN, { ...ALEX, displayName: 'Alex W.' }], /, bij persoon 3: dit id staat ook bij persoon 1; elk id mag maar één keer voorkomen\.$/],
  ];
  for (const [what, content, message] of bad) {
    it(`refuses ${what} with a Dutch sentence naming the file`, async () => {
      const said = await refusalFor(content);
      expect(said).to.match(message);
      expect(said).to.contain(file());
      assertPlainDutch(said.replace(file(), 'het bestand'));
    });
  }
});

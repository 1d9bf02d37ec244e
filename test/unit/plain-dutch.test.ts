import { expect } from 'chai';
import { z } from 'zod';
import { GENERIC_ERROR_TEXT } from '../../bot/app';
import { COMMANDS, HELP_TEXT, UNKNOWN_TEXT, WELCOME_TEXT } from '../../bot/texts';
import { ERROR_MESSAGES } from '../../services/domain/errors';
import { describeIssues, parseInput, plainDutchIssue } from '../../services/domain/model/validation';
import { caseCommand } from '../../services/domain/stappenplan/commands';
import { assertPlainDutch, plainDutchProblems, schemaFieldNames } from '../support/plain-dutch';

/** Refusals as the professional gets them: the message of a command the machine would refuse. */
const refusalOf = (command: unknown) => {
  const result = parseInput(caseCommand, command);
  if (result.ok) throw new Error(`expected a refusal for ${JSON.stringify(command)}`);
  return result.error.userMessage;
};

describe('assertPlainDutch: the check for validation jargon', () => {
  it('knows the field names of the schemas, camelCase and lowercase', () => {
    const { keys, identifiers } = schemaFieldNames();
    for (const key of ['amountCents', 'caseId', 'toelichting', 'ikWil', 'doorbraakbudgetCents', 'leeftijd']) expect(keys, key).to.include(key);
    expect(identifiers).to.include('amountCents').and.include('meerInformatie').and.include('wieIsErNodig').and.include('zrm_financien').and.include('opening__voorstelronde');
    expect(identifiers).to.not.include('toelichting');
  });

  it('passes every ERROR_MESSAGES sentence and the texts of bot/texts.ts', () => {
    for (const [code, text] of Object.entries(ERROR_MESSAGES)) assertPlainDutch(text, code);
    for (const text of [HELP_TEXT, WELCOME_TEXT, UNKNOWN_TEXT, GENERIC_ERROR_TEXT, ...COMMANDS.flat()]) assertPlainDutch(text);
  });

  it('passes everyday sentences that use field words as Dutch words', () => {
    for (const text of [
      'Geef een toelichting.',
      'Vul de toelichting in.\n\nTyp **verder** als je dit hebt aangevuld.',
      'Welke **afspraken** zijn gemaakt? Typ per afspraak `wie; wat; wanneer`, bijvoorbeeld `Schuldhulp; huurachterstand in kaart; 30-11-2026`.',
      'MDO 1 staat gepland op donderdag 26 november 2026, 14:00 \u2013 15:30 (bij de inwoner thuis).',
      'Besluit op Deel B: **Afgewezen**, door Sanne de Wit (Wijkteam Helmond). Reden: Eerst de reguliere route.',
      'Vastgesteld. Doorbraakbudget wijkteam-noord 2026: €\u00a010.000,00, toegekend €\u00a00,00, over €\u00a010.000,00.',
      'Laat het burgerservicenummer (BSN) weg uit "ik wil": dat slaan we nooit op.',
      'Kies een status: open, bezig, gedaan of vervallen.',
      'Hieronder de uitnodiging als agendabestand: open het om het MDO in je agenda te zetten.',
    ]) assertPlainDutch(text);
  });

  it('passes the sentence for every kind of zod issue, and the refusals of the commands', () => {
    const kinds: Record<string, unknown>[] = [
      { code: 'invalid_type', expected: 'string', input: undefined },
      { code: 'invalid_type', expected: 'string', input: 5 },
      { code: 'invalid_type', expected: 'number', input: 'x' },
      { code: 'invalid_type', expected: 'int', input: 1.5 },
      { code: 'invalid_type', expected: 'object', input: [] },
      { code: 'too_big', origin: 'number', maximum: 100_000_000, inclusive: true },
      { code: 'too_big', origin: 'number', maximum: 10, inclusive: false },
      { code: 'too_big', origin: 'string', maximum: 1000 },
      { code: 'too_big', origin: 'array', maximum: 30 },
      { code: 'too_small', origin: 'number', minimum: 0, inclusive: false },
      { code: 'too_small', origin: 'string', minimum: 1 },
      { code: 'too_small', origin: 'array', minimum: 2 },
      { code: 'invalid_value', values: ['open', 'bezig'] },
      { code: 'invalid_format', format: 'date' },
      { code: 'invalid_format', format: 'regex' },
      { code: 'unrecognized_keys', keys: ['amountCents'] },
      { code: 'invalid_union' },
      { code: 'custom' },
    ];
    for (const issue of kinds) assertPlainDutch(plainDutchIssue(issue as never), JSON.stringify(issue));
    for (const command of [
      {},
      'geen object',
      { type: 'setActieStatus', actieId: 5, status: 'x' },
      { type: 'recordDeelC', kwaliteitVanLevenVoor: 11 },
      { type: 'recordDeelC', kwaliteitVanLevenVoor: 'x' },
      { type: 'recordMdoChecklist', mdoId: 'abcdefg', section: 'x', items: { a: 'b' } },
      { type: 'setHouseholdMember', member: { role: 'kind', label: 'K', leeftijd: 200 } },
      { type: 'recordDeelB', verzoek: { doorbraakbudgetCents: Number.NaN, doel: 'x' } },
    ]) assertPlainDutch(refusalOf(command), JSON.stringify(command));
  });

  it('fails on zod\u2019s English and Dutch-locale messages, field names, paths, JavaScript leftovers and JSON', () => {
    const jargon: [string, RegExp][] = [
      ['Invalid input: expected number, received string', /zod or JavaScript English/],
      ['Required', /zod or JavaScript English/],
      ['Ongeldige invoer: verwacht string, ontving undefined (bij caseId).', /schema identifier.*caseId/],
      ['Te groot: verwacht dat number <=120 is (bij member.leeftijd).', /field path/],
      ['Vul dit in (bij toelichting).', /field path.*toelichting/],
      ['Het veld `toelichting` ontbreekt.', /quoted field name/],
      ['amountCents moet positief zijn.', /schema identifier.*amountCents/],
      ['Kies een score bij zrm_financien.', /schema identifier.*zrm_financien/],
      ['Kies meerInformatie of akkoord.', /schema identifier/],
      ['Ongeldige optie: verwacht één van "open"|"bezig"|"gedaan"', /Dutch locale/],
      ['Onbekende key: "junk"', /Dutch locale/],
      ['Het bedrag is NaN.', /English/],
      ['Reden: [object Object]', /English/],
      ['TypeError: Cannot read properties of undefined', /English/],
      ['{"error":"invalid_activity"}', /JSON/],
      ['Er ging iets mis: {"code": 5}', /JSON/],
      ['Dit is null.', /English/],
    ];
    for (const [text, problem] of jargon) {
      expect(() => assertPlainDutch(text), text).to.throw(problem);
      expect(plainDutchProblems(text), text).to.not.be.empty;
    }
  });

  it('is fast enough to run on every reply of a fuzz test', () => {
    const texts = [...Object.values(ERROR_MESSAGES), HELP_TEXT, 'Ongeldige invoer: verwacht string, ontving undefined (bij caseId).'];
    const started = performance.now();
    for (let i = 0; i < 2000; i++) for (const text of texts) plainDutchProblems(text);
    expect(performance.now() - started).to.be.below(2000);
  });

  it('plainDutchIssue is what parseInput uses for a schema without a message of its own; one sentence, no path', () => {
    const result = parseInput(z.object({ n: z.number().max(120), s: z.string() }), { n: 121 });
    expect(result.ok ? '' : result.error.userMessage).to.equal('Dat getal is te hoog; het kan hooguit 120 zijn.');
    // An error parsed elsewhere (zod's English) is put into plain Dutch too.
    expect(describeIssues(z.object({ n: z.number() }).safeParse({ n: 'x' }).error as z.ZodError)).to.equal('Geef hier een getal op.');
  });
});

/**
 * "Bestaat niet" everywhere (issue 11), over HTTP with the real turn error handler: a case one is not on, or no
 * longer on, or that does not exist, gets ERROR_MESSAGES['CASE.NOT_FOUND'] by kenmerk, by "Openen", by "verder", by
 * an answer in the middle of a question, by "status" and "deel a"; never the generic error, and nothing changes.
 */
import { expect } from 'chai';
import { GENERIC_ERROR_TEXT } from '../../bot/app';
import { UNKNOWN_TEXT } from '../../bot/texts';
import { ACTIE_TOEVOEGEN, CASUS_OPENEN, CASUS_VERDER } from '../../cards/verbs';
import { ERROR_MESSAGES } from '../../services/domain/errors';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { assertPlainDutch } from '../support/plain-dutch';
import { caseAt, PEOPLE, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsSubmit } from '../support/teams-activities';

const NOT_FOUND = ERROR_MESSAGES['CASE.NOT_FOUND'];

describe('end to end: a case one may not see "bestaat niet", wherever it is asked for', function () {
  this.timeout(30_000);
  let bot: BotOverHttp;
  let c: Case;

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory());
    c = caseAt('plan').case;
    await bot.store.create(c);
  });
  after(() => bot.close());

  /** What the bot answered a card submit. */
  async function submit(person: Person, value: Record<string, unknown>): Promise<string> {
    bot.connector.reset();
    await postActivity(bot.botUrl, teamsSubmit(value, bot.as(person)));
    return bot.connector.texts().join('\n');
  }

  it('by kenmerk and by "Openen" on the case list: someone not on the case, and a case that does not exist', async () => {
    for (const answer of [
      await bot.say('onbekend', `casus ${c.reference}`),
      await bot.say('onbekend', 'casus HA-2026-ZZZZZZ'),
      await submit('onbekend', { verb: CASUS_OPENEN, caseId: c.id }),
      await submit('onbekend', { verb: CASUS_VERDER, caseId: c.id }),
      await submit('regisseur', { verb: CASUS_OPENEN, caseId: 'case-verzonnen' }),
    ]) expect(answer).to.equal(NOT_FOUND);
    assertPlainDutch(NOT_FOUND);
  });

  it('a professional taken off the case in the middle of a question: the answer, "verder", "status" and "deel a"', async () => {
    expect(await bot.say('schuldhulp', `casus ${c.reference}`)).to.equal('');
    expect(bot.connector.calls.at(-1)?.body.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(await bot.say('schuldhulp', 'verder')).to.contain('Stap 5A, **plan**');
    await bot.services.cases.execute(PEOPLE.regisseur, c.id, { type: 'deactivateProfessional', userId: PEOPLE.schuldhulp.userId });
    const before = (await bot.store.get(c.id))?.etag;
    const answers = [
      await submit('schuldhulp', { verb: ACTIE_TOEVOEGEN, caseId: c.id, wie: 'Schuldhulp', wat: 'Budgetplan', wanneer: '2026-12-01' }),
      await bot.say('schuldhulp', 'verder'),
      await bot.say('schuldhulp', 'status'),
      await bot.say('schuldhulp', 'deel a'),
    ];
    expect(answers, `never ${JSON.stringify(GENERIC_ERROR_TEXT)}`).to.deep.equal([NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND]);
    // The question that was waiting is gone: the next message is not taken as its answer.
    expect(await bot.say('schuldhulp', 'Budgetplan')).to.equal(UNKNOWN_TEXT);
    expect((await bot.store.get(c.id))?.etag).to.equal(before);
  });
});

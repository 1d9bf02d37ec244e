/** Long explanations once per professional, short ones after (issue #15), over HTTP through the whole bot. */
import { expect } from 'chai';
import { HOUSEHOLD_QUESTION, HOUSEHOLD_QUESTION_SHORT } from '../../bot/dialogs/indienen-dialog';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt } from '../support/stappenplan-driver';

describe('end to end: a long explanation the first time, a short one after', function () {
  this.timeout(30_000);
  let bot: BotOverHttp;

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory());
  });
  after(() => bot.close());

  const LONG_INTRO = 'Stap 1, **indienen**: we leggen de hulpvraag en het huishouden vast.';
  const LONG_QUESTION = 'Wat is de hulpvraag van de inwoner? Schrijf die zoveel mogelijk in de woorden van de inwoner.';

  it('explains stap 1, the hulpvraag and the household in full to a professional the first time only', async () => {
    const first = await bot.say('regisseur', 'nieuwe casus');
    expect(first).to.contain(LONG_INTRO).and.contain(LONG_QUESTION);
    expect(await bot.say('regisseur', 'Wij moeten het huis uit.')).to.contain(HOUSEHOLD_QUESTION);
    await bot.say('regisseur', 'stop');

    const second = await bot.say('regisseur', 'nieuwe casus');
    expect(second).to.contain('Stap 1, **indienen**.').and.contain('Wat is de hulpvraag van de inwoner?');
    expect(second).to.not.contain(LONG_INTRO).and.not.contain('Schrijf die zoveel mogelijk');
    const household = await bot.say('regisseur', 'De schulden lopen op.');
    expect(household).to.contain(HOUSEHOLD_QUESTION_SHORT).and.not.contain(HOUSEHOLD_QUESTION);
    await bot.say('regisseur', 'stop');
  });

  it('the stap 5B explanation (the longest one repeated) in full once, then short', async () => {
    const LONG_5B = 'De inwoner hoeft hier niet bij te zijn.';
    for (const [n, long, reference] of [[1, true, 'HA-2026-EXP1N1'], [2, false, 'HA-2026-EXP1N2']] as const) {
      const c = { ...caseAt('onderbouwing').case, id: `case-uitleg-${n}`, reference };
      await bot.store.create(c);
      await bot.say('regisseur', `casus ${c.reference}`);
      const intro = await bot.say('regisseur', 'verder');
      expect(intro, `case ${n}`).to.contain('Stap 5B, **onderbouwing** (Deel B).');
      if (long) expect(intro).to.contain(LONG_5B);
      else expect(intro).to.not.contain(LONG_5B);
      await bot.say('regisseur', 'stop');
    }
  });

  it('another professional still gets the long explanation', async () => {
    expect(await bot.say('schuldhulp', 'nieuwe casus')).to.contain(LONG_INTRO).and.contain(LONG_QUESTION);
  });
});

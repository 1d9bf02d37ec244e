/**
 * Issue 16 over HTTP: the voorbeeldcasus with two goals (huisvesting and financiën), one action linked to each, through
 * uitvoering into the evaluation: each goal is asked (bereikt, tevredenheid now), the before/after card carries the
 * right numbers per goal, and a new round keeps both goals with the old evaluation in the previous round.
 */
import { expect } from 'chai';
import { ZRM_OPSLAAN } from '../../cards/verbs';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import type { Case } from '../../services/domain/model/case';
import { LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, VOORBEELD } from '../support/stappenplan-driver';
import { tweedeDoel } from '../support/deel-a-voorbeeld';
import { postActivity, teamsSubmit } from '../support/teams-activities';

type Card = Record<string, unknown>;

describe('end to end: two goals through uitvoering, the evaluation per goal and a new round, over HTTP', function () {
  this.timeout(60_000);
  let bot: BotOverHttp;
  let c: Case;

  const cardsOf = () =>
    bot.chatOf('regisseur').flatMap((call) => call.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Card);

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({}));
    // Plan: the voorbeeldcasus' goal for huisvesting (tevredenheid 3) and a second one for financiën (2); the
    // action "Huurachterstand in kaart" serves huisvesting, the talk with the corporatie serves financiën.
    const d = tweedeDoel(caseAt('plan'))
      .run('regisseur', { type: 'recordKwaliteitVanLevenVoor', cijfer: 4 })
      .go('regisseur', 'geenUitzonderingNodig');
    VOORBEELD.allesGedaan(d).go('regisseur', 'planLukt');
    c = d.case;
    expect(c.step).to.equal('evaluatie');
    expect(c.deelA.doelen.map((g) => g.leefgebied)).to.deep.equal(['huisvesting', 'financien']);
    expect(c.deelA.acties.filter((a) => a.doelId).map((a) => a.doelId)).to.have.members(c.deelA.doelen.map((g) => g.id));
    await bot.store.create(c);
    await bot.say('regisseur', `casus ${c.reference}`);
  });
  after(() => bot.close());

  it('the case view lists both goals in the inwoner\'s words, with the score at the start and the result', async () => {
    bot.connector.reset();
    await bot.say('regisseur', `casus ${c.reference}`);
    const read = bot.readBy('regisseur').join('\n');
    expect(read).to.contain('Doelen van de inwoner').and.contain('Huisvesting: ').and.contain('Met de kinderen in ons huis blijven wonen.');
    expect(read).to.contain('Financiën: ').and.contain('Weer grip op mijn geld.').and.contain('Tevredenheid bij de start: 2 van 10 · opgelost als: Er is een budgetplan');
  });

  it('asks each goal, shows voor → na per goal on the card, and a new round keeps both goals', async () => {
    // The quality of life before was recorded at the start: the evaluation begins with "gerealiseerd?".
    expect(await bot.say('regisseur', 'verder')).to.contain('Is het plan gerealiseerd?');
    expect(await bot.choose('regisseur', 'Deels')).to.contain('Is het resultaat bereikt: Er is een betalingsregeling met de corporatie');
    expect(await bot.choose('regisseur', 'Ja')).to.contain('Hoe tevreden is de inwoner nu over Met de kinderen in ons huis blijven wonen.?');
    expect(await bot.say('regisseur', '7')).to.contain('Is het resultaat bereikt: Er is een budgetplan en de vaste lasten worden betaald.?');
    expect(await bot.choose('regisseur', 'Deels')).to.contain('Hoe tevreden is de inwoner nu over Weer grip op mijn geld.?');
    await bot.say('regisseur', '5');
    expect(cardsOf().some((card) => JSON.stringify(card).includes(ZRM_OPSLAAN)), 'the ZRM card for the scores after').to.equal(true);

    const na = { ...Object.fromEntries(LEEFGEBIEDEN.map((l) => [`zrm_${l}`, '4'])), zrm_financien: '3' };
    bot.connector.reset();
    await postActivity(bot.botUrl, teamsSubmit({ verb: ZRM_OPSLAAN, caseId: c.id, moment: 'na', ...na }, bot.as('regisseur')));
    expect(await bot.say('regisseur', '6')).to.contain('nog nodig');
    const card = cardsOf().find((x) => JSON.stringify(x).includes('Voor en na: casus'));
    expect(card, 'the before/after card').to.not.equal(undefined);
    const body = JSON.parse(JSON.stringify(card)).body as Card[];
    const perDoel = body.filter((e) => e.type === 'Container' && JSON.stringify(e).includes('Tevredenheid')).map((e) => JSON.stringify(e));
    expect(perDoel).to.have.length(2);
    expect(perDoel[0]).to.contain('Huisvesting').and.contain('Tevredenheid 3 → 7').and.contain('↑ beter (+4)').and.contain('Resultaat bereikt: Ja');
    expect(perDoel[1]).to.contain('Financiën').and.contain('Weer grip op mijn geld.').and.contain('Tevredenheid 2 → 5').and.contain('↑ beter (+3)').and.contain('Resultaat bereikt: Deels');
    expect(JSON.stringify(card)).to.contain('4 → 6');

    await bot.say('regisseur', 'Een vervolg op de financiën: het budgetplan moet nog rond.');
    expect(await bot.say('regisseur', 'Een nieuwe ronde voor de financiën.')).to.contain('Hoe verder met deze casus?');
    await bot.choose('regisseur', 'Nieuwe ronde vanaf vraagverheldering');
    const after = (await bot.store.get(c.id))?.case;
    expect(after?.step).to.equal('vraagverheldering');
    expect(after?.deelA.doelen.map((g) => [g.leefgebied, g.doel])).to.deep.equal([
      ['huisvesting', 'Met de kinderen in ons huis blijven wonen.'],
      ['financien', 'Weer grip op mijn geld.'],
    ]);
    expect(after?.vorigeRondes[0]?.deelC.doelen?.map((e) => [e.bereikt, e.tevredenheidNa])).to.deep.equal([['ja', 7], ['deels', 5]]);
    expect(after?.deelC.doelen ?? [], 'the new round asks the goals again').to.deep.equal([]);
  });
});

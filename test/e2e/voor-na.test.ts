/**
 * Issue 16 over HTTP: the evaluation of the voorbeeldcasus with new scores brings the before/after card with the right
 * numbers per leefgebied and the inwoner's quality of life; the case view has its "Voor en na"; a party without the
 * inwoner's consent for the ZRM sees neither.
 */
import { expect } from 'chai';
import { ZRM_OPSLAAN } from '../../cards/verbs';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import type { Case } from '../../services/domain/model/case';
import { LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { ALLE_ONDERDELEN } from '../support/case-fixtures';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';
import { postActivity, teamsSubmit } from '../support/teams-activities';

type Card = Record<string, unknown>;

describe('end to end: voor en na in de evaluatie, over HTTP', function () {
  this.timeout(60_000);
  let bot: BotOverHttp;
  let c: Case;

  /** The Adaptive Cards that reached a person's chat in the last turn. */
  const cardsOf = (person: 'regisseur' | 'schuldhulp') =>
    bot.chatOf(person).flatMap((call) => call.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Card);
  const isVoorNa = (card: Card) => JSON.stringify(card).includes('Voor en na: casus');

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({}));
    // Schuldhulp is on the case with consent for everything but the ZRM scores.
    const d = caseAt('evaluatie').run('regisseur', { type: 'changeConsent', userId: PEOPLE.schuldhulp.userId, toestemming: { ...ALLE_ONDERDELEN, onderdelen: ['hulpvraag', 'deelA', 'mdo', 'evaluatie'] } });
    c = d.case;
    await bot.store.create(c);
    await bot.say('regisseur', `casus ${c.reference}`);
  });
  after(() => bot.close());

  it('the evaluation with new scores shows before and after with the right numbers per leefgebied', async () => {
    expect(await bot.say('regisseur', 'verder')).to.match(/Welk cijfer gaf de inwoner zelf aan de \*\*kwaliteit van leven\*\* toen de hulp begon\?/);
    expect(await bot.say('regisseur', '11')).to.match(/^Geef de kwaliteit van leven als cijfer van 1 tot en met 10\.\n\nWelk cijfer gaf/);
    expect(await bot.say('regisseur', '4')).to.contain('Is het plan gerealiseerd?');
    // The voorbeeldcasus has one doel (huisvesting, tevredenheid voor 3): asked before the ZRM after.
    expect(await bot.choose('regisseur', 'Ja, gerealiseerd')).to.contain('Is het resultaat bereikt: Er is een betalingsregeling met de corporatie en de ontruiming is van de baan.?');
    expect(await bot.choose('regisseur', 'Ja')).to.contain('Hoe tevreden is de inwoner nu over Met de kinderen in ons huis blijven wonen.? (0–10)');
    expect(await bot.say('regisseur', '11')).to.match(/^Geef de tevredenheid van de inwoner als cijfer van 0 tot en met 10\.\n\nHoe tevreden is de inwoner nu/);
    await bot.say('regisseur', '7');
    const zrmCard = cardsOf('regisseur').find((card) => JSON.stringify(card).includes(ZRM_OPSLAAN));
    expect(zrmCard, 'the ZRM card for the scores after').to.not.equal(undefined);

    // Before (the voorbeeldcasus' vraagverheldering): all 4, financiën 1, huisvesting 2, geestelijke gezondheid 2,
    // huiselijke relaties 3, sociaal netwerk 3, werk & opleiding 2. After: all 4, financiën 3, werk & opleiding 1.
    const na = { ...Object.fromEntries(LEEFGEBIEDEN.map((l) => [`zrm_${l}`, '4'])), zrm_financien: '3', zrm_werkOpleiding: '1' };
    bot.connector.reset();
    await postActivity(bot.botUrl, teamsSubmit({ verb: ZRM_OPSLAAN, caseId: c.id, moment: 'na', ...na }, bot.as('regisseur')));
    expect(bot.readBy('regisseur').join('\n')).to.contain('De ZRM-scores zijn opgeslagen.').and.match(/kwaliteit van leven/);
    expect(cardsOf('regisseur').some(isVoorNa), 'no card before the quality of life after').to.equal(false);

    expect(await bot.say('regisseur', 'goed')).to.match(/^Geef de kwaliteit van leven als cijfer van 1 tot en met 10\.\n\nWelk cijfer geeft de inwoner zelf \*\*nu\*\*/);
    const answer = await bot.say('regisseur', '7');
    expect(answer).to.contain('nog nodig');
    const card = cardsOf('regisseur').find(isVoorNa);
    expect(card, 'the before/after card').to.not.equal(undefined);
    const rows = (JSON.parse(JSON.stringify(card)).body as Card[]).find((e) => e.type === 'Table')?.rows as { cells: { items: { text: string; color?: string }[] }[] }[];
    const table = rows.slice(1).map((row) => row.cells.map((cell) => cell.items[0]?.text));
    expect(table).to.have.length(13);
    expect(table).to.deep.include.members([
      ['Financiën', '1', '3', '↑ beter (+2)'],
      ['Werk & opleiding', '2', '1', '↓ slechter (-1)'],
      ['Huisvesting', '2', '4', '↑ beter (+2)'],
      ['Geestelijke gezondheid', '2', '4', '↑ beter (+2)'],
      ['Huiselijke relaties', '3', '4', '↑ beter (+1)'],
      ['Sociaal netwerk', '3', '4', '↑ beter (+1)'],
      ['Justitie', '4', '4', '= gelijk'],
    ]);
    expect(rows[1]?.cells[3]?.items[0]?.color).to.equal('Good');
    expect(JSON.stringify(card)).to.contain('5 leefgebieden beter, 1 slechter, 7 gelijk.').and.contain('4 → 7');
    // Per doel: the inwoner's words as TextRuns, tevredenheid voor → na with its change, and bereikt.
    const doel = (JSON.parse(JSON.stringify(card)).body as Card[]).find((e) => e.type === 'Container' && JSON.stringify(e).includes('Tevredenheid'));
    const doelTekst = JSON.stringify(doel);
    expect(doelTekst).to.contain('"text":"Huisvesting"').and.contain('{"type":"TextRun","text":"Met de kinderen in ons huis blijven wonen."}');
    expect(doelTekst).to.contain('Tevredenheid 3 → 7').and.contain('"text":"↑ beter (+4)","color":"Good"').and.contain('Resultaat bereikt: Ja');
    expect(cardsOf('schuldhulp'), 'nothing of it to the party in this turn').to.have.length(0);
  });

  it('the case view shows "Voor en na" to the casusregisseur, and not to a party without consent for the ZRM', async () => {
    await bot.say('regisseur', `casus ${c.reference}`);
    const regisseur = JSON.stringify(cardsOf('regisseur'));
    expect(regisseur).to.contain('"text":"Voor en na"').and.contain('1 → 3, ↑ beter (+2)').and.contain('4 → 7, ↑ beter (+3)');
    expect(regisseur).to.contain('Doel Huisvesting').and.contain('tevredenheid 3 → 7, ↑ beter (+4); resultaat bereikt: Ja');

    await bot.say('schuldhulp', `casus ${c.reference}`);
    const party = cardsOf('schuldhulp');
    expect(JSON.stringify(party), 'the party does see the case').to.contain(`Casus ${c.reference}`);
    expect(JSON.stringify(party)).to.not.contain('Voor en na').and.not.contain('↑ beter');
    expect(bot.readBy('schuldhulp').join('\n')).to.not.contain('Voor en na');
  });
});

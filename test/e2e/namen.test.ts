/**
 * Nobody is "een collega" any more: people who were never put on the case as professionals (the leidinggevende who
 * decides, the procesregisseur an escalation asks) are named on the approval card, in the decision the casusregisseur
 * reads, on the escalation card and in the case view's history, by the name Teams sends with their turns and the
 * organisation the address book gives.
 */
import { expect } from 'chai';
import { DEELB_AFWIJZEN, ESCALATIE_ONDERBOUWING } from '../../cards/verbs';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { StaticPeople } from '../../services/adapters/memory/static-people';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, PEOPLE, VOORBEELD } from '../support/stappenplan-driver';

describe('end to end: professionals by name (approval, decision, escalation, history)', function () {
  this.timeout(60_000);
  let bot: BotOverHttp;
  let c: Case;
  const stored = async () => (await bot.store.get(c.id))?.case as Case;
  const cardOf = (person: 'leidinggevende' | 'procesregisseur') => JSON.stringify(bot.chatOf(person).at(-1)?.body.attachments?.[0]?.content ?? {});

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({ [PEOPLE.leidinggevende.userId]: ['leidinggevende'], [PEOPLE.procesregisseur.userId]: ['procesregisseur'] }), {
      // The address book: the leidinggevende under a shorter name than Teams sends; the procesregisseur's organisation.
      people: new StaticPeople([
        { id: PEOPLE.leidinggevende.userId, displayName: 'S. de Wit', organisatie: 'Wijkteam Helmond' },
        { id: PEOPLE.procesregisseur.userId, displayName: 'Ruud Verhoeven', organisatie: 'Gemeente Helmond' },
      ]),
    });
    // The casusregisseur was never given a name on the case (as with every case opened in Teams so far).
    c = VOORBEELD.deelB(caseAt('onderbouwing')).case;
    expect(c.professionals.every((p) => p.displayName === undefined || p.userId !== PEOPLE.regisseur.userId)).to.equal(true);
    await bot.store.create(c);
    for (const person of ['leidinggevende', 'procesregisseur'] as const) await bot.say(person, 'help');
  });
  after(() => bot.close());

  it('the approval card names who asked; "wacht op" names whom it waits for', async () => {
    await bot.say('regisseur', `casus ${c.reference}`);
    expect(await bot.say('regisseur', 'verder')).to.match(/ter beoordeling/);
    expect(await bot.say('regisseur', 'ja')).to.contain('De kaart staat bij de beoordelaar.');
    expect(cardOf('leidinggevende')).to.contain('Fatima El Amrani').and.not.contain('een collega');
    await bot.say('regisseur', 'mijn casussen');
    expect(JSON.stringify(bot.chatOf('regisseur'))).to.contain('Akkoord van S. de Wit (Wijkteam Helmond)');
  });

  it('the decision names who decided: on the card, in the casusregisseur\'s update and in the dialog', async () => {
    const requestId = (await stored()).approvals.at(-1)?.id as string;
    const card = await bot.press('leidinggevende', DEELB_AFWIJZEN, { caseId: c.id, requestId, reden: 'Eerst de reguliere route via de Participatiewet.' });
    expect(card).to.contain('Afgewezen, door Sanne de Wit (Wijkteam Helmond) op');
    bot.connector.reset();
    await bot.deliver();
    expect(bot.readBy('regisseur').join('\n')).to.contain('Sanne de Wit (Wijkteam Helmond) heeft besloten over Deel B: Afgewezen. Reden:');
    expect(await bot.say('regisseur', 'verder')).to.contain('Besluit op Deel B: **Afgewezen**, door Sanne de Wit (Wijkteam Helmond).');
  });

  it('the escalation card names who escalated and whom it asks', async () => {
    expect(await bot.choose('regisseur', 'Escaleren naar de procesregisseur')).to.match(/Wat is je vraag aan de procesregisseur/);
    expect(await bot.say('regisseur', 'Kan de uitzondering toch, gezien de termijn?')).to.contain('De procesregisseur heeft de escalatie in Teams gekregen.');
    const card = cardOf('procesregisseur');
    expect(card).to.contain('Geëscaleerd door').and.contain('Fatima El Amrani');
    expect(card).to.contain('Gevraagd aan').and.contain('Ruud Verhoeven (Gemeente Helmond)');
    expect(card).to.contain('Afgewezen, door Sanne de Wit (Wijkteam Helmond)');
  });

  it('the case view\'s history names the actor of every entry, the decision among them', async () => {
    expect(await bot.press('procesregisseur', ESCALATIE_ONDERBOUWING, { caseId: c.id, toelichting: 'Onderbouw de termijn met de brief van de deurwaarder.' })).to.contain('Afgerond');
    bot.connector.reset();
    await bot.say('regisseur', `casus ${c.reference}`);
    const view = JSON.stringify(bot.chatOf('regisseur'));
    expect(view).to.contain('Ruud Verhoeven (Gemeente Helmond)').and.contain('Sanne de Wit (Wijkteam Helmond)').and.contain('Fatima El Amrani');
    expect(view).to.contain('Eerst de reguliere route via de Participatiewet.');
    expect(view).to.match(/Sanne de Wit \(Wijkteam Helmond\): besluit over Deel B: Afgewezen/);
    expect(view).to.match(/Ruud Verhoeven \(Gemeente Helmond\): 6B Escaleren → 5B/);
    expect(view).to.match(/Fatima El Amrani: 5B Onderbouwing \(Deel B\) → 6B Escaleren/);
    const namen = (await stored()).namen;
    expect(Object.keys(namen)).to.have.members([PEOPLE.regisseur.userId, PEOPLE.leidinggevende.userId, PEOPLE.procesregisseur.userId]);
  });
});

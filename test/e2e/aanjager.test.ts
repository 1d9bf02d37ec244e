/** The aanjager's review of Deel B over HTTP: asked by the professional, edited on a card, reported back. */
import { expect } from 'chai';
import { DEELB_REVIEW_KLAAR, DEELB_REVIEW_OPSLAAN } from '../../cards/verbs';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';

describe('end to end: the aanjager reviews Deel B', function () {
  this.timeout(30_000);
  let bot: BotOverHttp;
  let c: Case;
  const stored = async () => (await bot.store.get(c.id))?.case as Case;

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({ [PEOPLE.aanjager.userId]: ['aanjager'] }));
    // The first version of the voorbeeldcasus' Deel B lacks "waarom niet regulier".
    c = caseAt('onderbouwing').run('regisseur', {
      type: 'recordDeelB',
      situatiebeschrijving: 'Huurachterstand van drie maanden, ontruiming dreigt.',
      dreigendScenario: 'Huisuitzetting binnen 8 weken, de kinderen mogelijk tijdelijk elders.',
      rendement: 'Een uitzetting kost meer.',
      legitimiteit: 'De Participatiewet staat een eenmalige betaling in deze situatie toe.',
      betrokkenheid: 'De corporatie stopt de procedure zodra de achterstand is betaald.',
      verzoek: { doorbraakbudgetCents: 125_000, categorie: 'huisvesting', doel: 'De huurachterstand betalen zodat de ontruiming stopt.' },
    }).case;
    await bot.store.create(c);
    await bot.say('aanjager', 'help');
    await bot.say('regisseur', `casus ${c.reference}`);
  });
  after(() => bot.close());

  it('the professional asks; the aanjager gets the draft Deel B in their own chat', async () => {
    await bot.say('regisseur', 'aanjager');
    const card = bot.chatOf('aanjager')[0];
    expect(JSON.stringify(card?.body.attachments?.[0]?.content)).to.contain('Deel B: wil je meekijken?').and.contain('Huurachterstand van drie maanden')
      .and.contain('Doorbraakbudget €\u00a01.250,00 · Waarvoor: Huisvesting · Doel: De huurachterstand betalen');
    expect(bot.connector.texts()).to.include('De aanjager heeft Deel B in Teams gekregen. Je hoort het als er iets is aangepast.');
    expect((await stored()).professionals.find((p) => p.userId === PEOPLE.aanjager.userId)?.role).to.equal('aanjager');
  });

  it('a BSN in a field is refused on the card and nothing is stored', async () => {
    const answer = await bot.press('aanjager', DEELB_REVIEW_OPSLAAN, { caseId: c.id, waaromNietRegulier: 'Zie dossier 123456782.' });
    expect(answer).to.contain('Laat het burgerservicenummer (BSN) weg uit waarom het niet regulier kan');
    expect((await stored()).deelB?.waaromNietRegulier).to.equal(undefined);
  });

  it('the aanjager completes it and marks it ready; the professional hears what changed', async () => {
    const answer = await bot.press('aanjager', DEELB_REVIEW_KLAAR, {
      caseId: c.id,
      waaromNietRegulier: 'De reguliere schuldhulproute duurt 10 weken; de ontruiming komt eerder.',
      rendement: 'Een uitzetting kost meer.',
      opmerking: 'Noem ook de kosten van tijdelijke opvang voor twee kinderen.',
    });
    expect(answer).to.contain('Opgeslagen en gemeld: klaar voor akkoord.');
    const deelB = (await stored()).deelB;
    expect(deelB?.waaromNietRegulier).to.equal('De reguliere schuldhulproute duurt 10 weken; de ontruiming komt eerder.');
    expect(deelB?.opmerkingen?.map((o) => [o.by, o.tekst])).to.deep.equal([[PEOPLE.aanjager.userId, 'Noem ook de kosten van tijdelijke opvang voor twee kinderen.']]);
    expect(deelB?.klaarVoorAkkoord?.by).to.equal(PEOPLE.aanjager.userId);
    const told = bot.chatOf('regisseur')[0]?.body.text;
    expect(told).to.match(/^De aanjager heeft Deel B van casus HA-2026-7K3FQ9 bekeken\. Aangepast: waarom niet regulier\. Opmerking: Noem ook/);
    expect(told).to.contain('**klaar voor akkoord**');
  });

  it('someone not on the case gets "bestaat niet"', async () => {
    const answer = await bot.press('onbekend', DEELB_REVIEW_OPSLAAN, { caseId: c.id, rendement: 'Anders.' });
    expect(answer).to.contain('Deze casus bestaat niet, of je hebt er geen toegang toe.');
  });
});

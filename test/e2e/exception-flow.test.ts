/**
 * The voorbeeldcasus with its exception, over HTTP as Teams would: Deel B written in the dialog, an aanjager
 * completes it, the leidinggevende rejects, the casusregisseur escalates, the procesregisseur asks for a new
 * onderbouwing, the second Deel B is approved (and booked), and the case goes into uitvoering.
 */
import { expect } from 'chai';
import { DEELB_AFWIJZEN, DEELB_AKKOORD, DEELB_REVIEW_KLAAR, ESCALATIE_ONDERBOUWING } from '../../cards/verbs';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';

describe('end to end: an exception from Deel B to uitvoering, through rejection and escalation', function () {
  this.timeout(60_000);
  let bot: BotOverHttp;
  let c: Case;
  const say = (...args: Parameters<BotOverHttp['say']>) => bot.say(...args);
  const choose = (...args: Parameters<BotOverHttp['choose']>) => bot.choose(...args);
  const press = (...args: Parameters<BotOverHttp['press']>) => bot.press(...args);
  const stored = async () => (await bot.store.get(c.id))?.case as Case;
  const requestId = async () => (await stored()).approvals.at(-1)?.id as string;

  before(async () => {
    bot = await startBotOverHttp(
      new StaticDirectory({
        [PEOPLE.aanjager.userId]: ['aanjager'],
        [PEOPLE.leidinggevende.userId]: ['leidinggevende'],
        [PEOPLE.procesregisseur.userId]: ['procesregisseur'],
      }),
    );
    c = caseAt('onderbouwing').case;
    await bot.store.create({ ...c, teamId: 'wijkteam-noord' });
    await bot.ledger.setBudget({ teamId: 'wijkteam-noord', period: '2026', amountCents: 1_000_000, by: 'aad-beheerder-1', at: '2026-11-23T09:00:00.000Z' });
    for (const person of ['aanjager', 'leidinggevende', 'procesregisseur'] as const) await say(person, 'help');
  });
  after(() => bot.close());

  it('walks the exception through', async () => {
    // Deel B in the dialog; the professional stops at "waarom niet regulier" and asks an aanjager.
    await say('regisseur', `casus ${c.reference}`);
    expect(await say('regisseur', 'verder')).to.match(/Stap 5B[\s\S]*beknopte situatiebeschrijving/);
    expect(await say('regisseur', 'Moeder met twee kinderen, huurachterstand van drie maanden.')).to.match(/dreigend scenario/);
    expect(await say('regisseur', 'Huisuitzetting binnen 8 weken; kinderen mogelijk tijdelijk elders.')).to.match(/niet regulier/);
    expect(await say('regisseur', 'stop')).to.match(/Gestopt\./);
    expect(await say('regisseur', 'aanjager')).to.contain('De aanjager heeft Deel B in Teams gekregen.');

    // The aanjager writes what was missing and marks it ready.
    expect(await press('aanjager', DEELB_REVIEW_KLAAR, {
      caseId: c.id,
      waaromNietRegulier: 'De reguliere schuldhulproute duurt 10 weken; de ontruiming komt eerder.',
      rendement: 'Een uitzetting en tijdelijke opvang voor twee kinderen kosten vele malen meer.',
      legitimiteit: 'De Participatiewet staat een eenmalige betaling toe; het beleid noemt dit fonds.',
      betrokkenheid: 'De corporatie stopt de procedure bij betaling; de inwoner tekent het plan.',
    })).to.contain('klaar voor akkoord');

    // Back to the professional: only what is asked is left, then submit.
    expect(await say('regisseur', 'verder')).to.match(/Wat vraag je aan\?/);
    expect(await choose('regisseur', 'Doorbraakbudget')).to.match(/Hoeveel/);
    expect(await say('regisseur', '€ 1.250,00')).to.match(/Voor welk \*\*leefgebied\*\* is het geld\?/);
    expect(await choose('regisseur', 'Huisvesting')).to.match(/doel/);
    expect(await say('regisseur', 'Huurachterstand van drie maanden betalen zodat de ontruiming stopt.')).to.match(/ter beoordeling/);
    const submitted = await say('regisseur', 'ja');
    expect(submitted).to.contain('Deel B is ingediend ter beoordeling.').and.contain('De kaart staat bij de beoordelaar.');

    // Rejected, with a reason.
    expect(await press('leidinggevende', DEELB_AFWIJZEN, { caseId: c.id, requestId: await requestId(), reden: 'Eerst de reguliere route via de Participatiewet proberen.' })).to.match(/Afgewezen, door/);

    // The casusregisseur escalates; the procesregisseur asks for a new onderbouwing.
    expect(await say('regisseur', 'verder')).to.match(/Besluit op Deel B: \*\*Afgewezen\*\*[\s\S]*Hoe verder\?/);
    expect(await choose('regisseur', 'Escaleren naar de procesregisseur')).to.match(/Wat is je vraag aan de procesregisseur/);
    expect(await say('regisseur', 'De reguliere route komt na de ontruiming; kan de uitzondering toch?')).to.contain('De procesregisseur heeft de escalatie in Teams gekregen.');
    expect(await press('procesregisseur', ESCALATIE_ONDERBOUWING, { caseId: c.id, toelichting: 'Onderbouw de termijn met de brief van de deurwaarder.' })).to.contain('Afgerond');
    expect((await stored()).step).to.equal('onderbouwing');

    // The second Deel B: sharpened, submitted, approved and booked.
    expect(await say('regisseur', 'verder')).to.match(/Stap 5B/);
    await say('regisseur', 'stop');
    expect(await press('aanjager', DEELB_REVIEW_KLAAR, { caseId: c.id, waaromNietRegulier: 'De deurwaarder ontruimt op 15 januari; de reguliere route duurt tot half februari.' })).to.contain('klaar voor akkoord');
    expect(await say('regisseur', 'verder')).to.match(/ter beoordeling/);
    expect(await say('regisseur', 'ja')).to.contain('De kaart staat bij de beoordelaar.');
    const second = await requestId();
    expect(await press('leidinggevende', DEELB_AKKOORD, { caseId: c.id, requestId: second })).to.match(/Akkoord, door/);
    expect((await bot.ledger.get('wijkteam-noord', '2026'))?.bookings.map((b) => b.requestId)).to.deep.equal([second]);

    // And into uitvoering.
    expect(await say('regisseur', 'verder')).to.contain('staat nu in **stap 6 (uitvoering)**');
    const done = await stored();
    expect(done.step).to.equal('uitvoering');
    expect(done.deelB?.versie).to.equal(2);
    expect(done.history.map((h) => ('to' in h ? h.to : undefined))).to.include.members(['escaleren', 'onderbouwing', 'uitvoering']);
  });
});

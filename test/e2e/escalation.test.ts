/** Escalation along the AVE-model over HTTP: from "ik loop vast" to a card for the procesregisseur and back. */
import { expect } from 'chai';
import { ESCALATIE_AFGEROND, ESCALATIE_OPSCHALEN } from '../../cards/verbs';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';

describe('end to end: escalation cards (AVE-model)', function () {
  this.timeout(30_000);
  let bot: BotOverHttp;
  let c: Case;
  const stored = async () => (await bot.store.get(c.id))?.case as Case;

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({ [PEOPLE.procesregisseur.userId]: ['procesregisseur'], [PEOPLE.leidinggevende.userId]: ['leidinggevende'] }));
    c = caseAt('uitvoering').case;
    await bot.store.create(c);
    for (const person of ['procesregisseur', 'leidinggevende'] as const) await bot.say(person, 'help');
    await bot.say('regisseur', `casus ${c.reference}`);
  });
  after(() => bot.close());

  it('"ik loop vast" in uitvoering brings the escalation card to the procesregisseur', async () => {
    await bot.say('regisseur', 'verder');
    await bot.choose('regisseur', 'Ik loop vast');
    expect(await bot.say('regisseur', 'De corporatie twijfelt over de betalingsregeling.')).to.contain('staat nu in **stap 6B (escaleren)**').and.contain('De procesregisseur heeft de escalatie in Teams gekregen.');
    const card = JSON.stringify(bot.chatOf('procesregisseur')[0]?.body.attachments?.[0]?.content);
    expect(card).to.contain('Escalatie (AVE-model)').and.contain('Fase 2: procesregie').and.contain('De corporatie twijfelt over de betalingsregeling.');
  });

  it('scaling up needs a reason; with one it goes to fase 3 and the leidinggevende gets the card', async () => {
    expect(await bot.press('procesregisseur', ESCALATIE_OPSCHALEN, { caseId: c.id })).to.contain('Vul de toelichting in.');
    expect((await stored()).aveFase).to.equal(2);
    const card = await bot.press('procesregisseur', ESCALATIE_OPSCHALEN, { caseId: c.id, toelichting: 'De corporatie wil een besluit op directieniveau.' });
    expect(card).to.contain('Fase 3: management');
    expect((await stored()).aveFase).to.equal(3);
    expect(JSON.stringify(bot.chatOf('leidinggevende')[0]?.body.attachments?.[0]?.content)).to.contain('Escalatie (AVE-model)');
    expect(bot.chatOf('regisseur')[0]?.body.text).to.match(/^De escalatie van casus HA-2026-7K3FQ9 is opgeschaald naar Fase 3: management\./);
  });

  it('closing it with the outcome puts the case back in uitvoering and tells the casusregisseur', async () => {
    const card = await bot.press('leidinggevende', ESCALATIE_AFGEROND, { caseId: c.id, toelichting: 'De directie van de corporatie gaat akkoord met de regeling.' });
    expect(card).to.contain('Afgerond: De directie van de corporatie gaat akkoord met de regeling.').and.not.contain('"ActionSet"');
    const after = await stored();
    expect(after.step).to.equal('uitvoering');
    expect(after.escalaties[0]).to.deep.include({ uitkomst: 'De directie van de corporatie gaat akkoord met de regeling.' });
    expect(bot.chatOf('regisseur')[0]?.body.text).to.match(/is afgerond; de casus is terug in uitvoering\./);
  });

  it('someone not on the case gets "bestaat niet"', async () => {
    expect(await bot.press('onbekend', ESCALATIE_AFGEROND, { caseId: c.id, toelichting: 'X.' })).to.contain('Deze casus bestaat niet, of je hebt er geen toegang toe.');
  });
});

/** Escalation along the AVE-model over HTTP: from "ik loop vast" to a card for the procesregisseur and back. */
import { expect } from 'chai';
import { createApp, type App } from '../../bot/app';
import { ESCALATIE_AFGEROND, ESCALATIE_OPSCHALEN } from '../../cards/verbs';
import { loadConfig } from '../../services/config';
import { silentLogger } from '../../services/logging';
import type { Case } from '../../services/model/case';
import { StaticDirectory } from '../../services/ports/directory';
import { createTestBot } from '../support/bot-services';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { caseAt, PEOPLE, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsCardAction, teamsMessage, type TeamsContext } from '../support/teams-activities';

describe('end to end: escalation cards (AVE-model)', function () {
  this.timeout(30_000);
  const ctx = createTestBot(new StaticDirectory({ [PEOPLE.procesregisseur.userId]: ['procesregisseur'], [PEOPLE.leidinggevende.userId]: ['leidinggevende'] }));
  let connector: LocalConnector;
  let app: App;
  let botUrl: string;
  let c: Case;

  const as = (person: Person): TeamsContext => ({ serviceUrl: connector.serviceUrl, user: { aadObjectId: PEOPLE[person].userId, name: person } });
  const say = (person: Person, text: string) => postActivity(botUrl, teamsMessage(text, as(person)));
  const press = async (person: Person, verb: string, data: Record<string, unknown>) =>
    JSON.stringify(JSON.parse((await postActivity(botUrl, teamsCardAction(verb, data, as(person)))).body).value);
  const stored = async () => (await ctx.store.get(c.id))?.case as Case;
  const chatOf = (person: Person) => connector.calls.filter((call) => call.conversationId === `a:personal-${PEOPLE[person].userId}`);

  before(async () => {
    connector = await startLocalConnector();
    app = await createApp(loadConfig({}), { bot: ctx.bot, logger: silentLogger });
    botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    ctx.notifier.attach(app.adapter, undefined);
    c = caseAt('uitvoering').case;
    await ctx.store.create(c);
    for (const person of ['procesregisseur', 'leidinggevende'] as const) await say(person, 'help');
    await say('regisseur', `casus ${c.reference}`);
  });
  after(async () => {
    await app.close();
    await connector.close();
  });

  it('"ik loop vast" in uitvoering brings the escalation card to the procesregisseur', async () => {
    await say('regisseur', 'verder');
    await say('regisseur', '2');
    connector.reset();
    await say('regisseur', 'De corporatie twijfelt over de betalingsregeling.');
    expect(connector.texts().join('\n')).to.contain('staat nu in stap **6B Escaleren**').and.contain('De procesregisseur heeft de escalatie in Teams gekregen.');
    const card = JSON.stringify(chatOf('procesregisseur')[0]?.body.attachments?.[0]?.content);
    expect(card).to.contain('Escalatie (AVE-model)').and.contain('Fase 2: procesregie').and.contain('De corporatie twijfelt over de betalingsregeling.');
  });

  it('scaling up needs a reason; with one it goes to fase 3 and the leidinggevende gets the card', async () => {
    expect(await press('procesregisseur', ESCALATIE_OPSCHALEN, { caseId: c.id })).to.contain('Vul de toelichting in.');
    expect((await stored()).aveFase).to.equal(2);
    connector.reset();
    const card = await press('procesregisseur', ESCALATIE_OPSCHALEN, { caseId: c.id, toelichting: 'De corporatie wil een besluit op directieniveau.' });
    expect(card).to.contain('Fase 3: management');
    expect((await stored()).aveFase).to.equal(3);
    expect(JSON.stringify(chatOf('leidinggevende')[0]?.body.attachments?.[0]?.content)).to.contain('Escalatie (AVE-model)');
    expect(chatOf('regisseur')[0]?.body.text).to.match(/^De escalatie van casus HA-2026-7K3FQ9 is opgeschaald naar Fase 3: management\./);
  });

  it('closing it with the outcome puts the case back in uitvoering and tells the casusregisseur', async () => {
    connector.reset();
    const card = await press('leidinggevende', ESCALATIE_AFGEROND, { caseId: c.id, toelichting: 'De directie van de corporatie gaat akkoord met de regeling.' });
    expect(card).to.contain('Afgerond: De directie van de corporatie gaat akkoord met de regeling.').and.not.contain('"ActionSet"');
    const after = await stored();
    expect(after.step).to.equal('uitvoering');
    expect(after.escalaties[0]).to.deep.include({ uitkomst: 'De directie van de corporatie gaat akkoord met de regeling.' });
    expect(chatOf('regisseur')[0]?.body.text).to.match(/is afgerond; de casus is terug in uitvoering\./);
  });

  it('someone not on the case gets "bestaat niet"', async () => {
    expect(await press('onbekend', ESCALATIE_AFGEROND, { caseId: c.id, toelichting: 'X.' })).to.contain('Deze casus bestaat niet, of je hebt er geen toegang toe.');
  });
});

/**
 * Herinneringen over HTTP: an action whose date passed reaches its doer as a reminder card when the dispatcher sweeps;
 * Later herinneren puts it off once (in the history, with why), Gedaan marks the action done, Escaleren opens the
 * escalation; "wat moet ik doen" lists what waits on each person, earliest first.
 */
import { expect } from 'chai';
import { DEELB_VERNIEUW, HERINNERING_ESCALEREN, HERINNERING_GEDAAN, HERINNERING_UITSTELLEN } from '../../cards/verbs';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, PEOPLE, VOORBEELD, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsSubmit } from '../support/teams-activities';

type Json = Record<string, any>;

const directory = new StaticDirectory(Object.fromEntries(Object.values(PEOPLE).map((p) => [p.userId, p.orgRoles])));

describe('end to end: herinneringen and "wat moet ik doen"', function () {
  this.timeout(30_000);
  let bot: BotOverHttp;
  /** In uitvoering, three actions of the regisseur's: 30 November, 7 and 14 December 2026. */
  let c: Case;
  /** In onderbouwing, Deel B asked of the leidinggevende on Monday 23 November. */
  let asked: Case;

  /** The reminder cards of a case (the first by default) that reached a person since the last reset, newest last. */
  const remindersOf = (person: Person, of: Case = c): Json[] =>
    bot
      .chatOf(person)
      .flatMap((call) => call.body.attachments ?? [])
      .map((a) => a.content as Json)
      .filter((card) => String(card?.body?.[0]?.text ?? '').startsWith('Herinnering:') && JSON.stringify(card).includes(`Kenmerk ${of.reference}`));
  const idOf = (card: Json | undefined): string => {
    const gedaan = JSON.stringify(card ?? {}).match(/"reminderId":"([^"]+)"/);
    return gedaan?.[1] ?? '';
  };
  const at = async (iso: string) => {
    bot.clock.set(iso);
    bot.connector.reset();
    await bot.deliver();
  };
  const actie = async (n: number) => (await bot.store.get(c.id))?.case.deelA.acties[n];

  before(async () => {
    bot = await startBotOverHttp(directory);
    c = caseAt('uitvoering').case;
    const d = caseAt('onderbouwing');
    VOORBEELD.deelB(d).run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
    asked = { ...d.case, id: 'case-000002', reference: 'HA-2026-7K3FQ8' };
    await bot.store.create(c);
    await bot.store.create(asked);
    for (const person of ['regisseur', 'leidinggevende', 'procesregisseur', 'aanjager'] as const) await bot.say(person, 'help');
  });
  after(() => bot.close());

  it('"wat moet ik doen" lists the casusregisseur\u2019s actions and reminders across the cases, the earliest first', async () => {
    await bot.say('regisseur', 'Wat moet ik doen?');
    const card = JSON.stringify(bot.connector.calls.flatMap((call) => call.body.attachments ?? []));
    const order = ['Huurachterstand in kaart', 'Gesprek woningcorporatie', 'Intake GGZ'].map((text) => card.indexOf(text));
    expect(order.every((i) => i > 0)).to.equal(true);
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    expect(card).to.include('Kenmerk HA-2026-7K3FQ9').and.include('Kenmerk HA-2026-7K3FQ8').and.include('Deel B wacht op een besluit');
  });

  it('"wat moet ik doen" shows the leidinggevende the open request, whose button brings the approval card', async () => {
    await bot.say('leidinggevende', 'wat moet ik doen');
    const card = bot.connector.calls.flatMap((call) => call.body.attachments ?? [])[0]?.content as Json;
    const texts = JSON.stringify(card);
    expect(texts).to.include('Besluit over Deel B').and.include('Kenmerk HA-2026-7K3FQ8').and.not.include('HA-2026-7K3FQ9');
    const besluiten = JSON.parse(texts.match(/\{"verb":"deelb\.vernieuw"[^}]*\}/)?.[0] ?? '{}') as Json;
    expect(besluiten).to.deep.include({ verb: DEELB_VERNIEUW, caseId: asked.id });
    bot.connector.reset();
    await postActivity(bot.botUrl, teamsSubmit(besluiten, bot.as('leidinggevende')));
    expect(bot.readBy('leidinggevende').join('\n')).to.include('Huisuitzetting binnen 8 weken');
  });

  it('someone nothing waits on hears so in a friendly sentence', async () => {
    await bot.say('aanjager', 'wat moet ik doen');
    expect(bot.readBy('aanjager').join('\n')).to.include('Er wacht nu niets op jou');
  });

  it('nothing goes out before the action\u2019s date; the werkdag after it the casusregisseur gets the reminder card', async () => {
    await at('2026-11-30T10:00:00');
    expect(remindersOf('regisseur').filter((card) => idOf(card).startsWith('actie:'))).to.have.length(0);
    await at('2026-12-01T09:30:00');
    const [card, ...more] = remindersOf('regisseur');
    expect(more).to.have.length(0);
    const text = JSON.stringify(card);
    expect(text).to.include('Herinnering: Actie over de datum').and.include('Huurachterstand in kaart').and.include('Kenmerk HA-2026-7K3FQ9');
    expect(card?.actions.map((a: Json) => a.title)).to.deep.equal(['Openen', 'Gedaan', 'Later herinneren']);
  });

  it('Later herinneren beyond two weeks is refused on the card, with the day and the reason kept', async () => {
    const reminderId = (await bot.store.get(c.id))?.case.reminders.find((r) => r.kind === 'actie' && r.state === 'sent')?.id as string;
    const card = await bot.press('regisseur', HERINNERING_UITSTELLEN, { caseId: c.id, reminderId, tot: '2026-12-31', reden: 'Schuldhulp is op vakantie' });
    expect(card).to.include('Stel hooguit 14 dagen uit: uiterlijk 15 december 2026.').and.include('"value":"2026-12-31"').and.include('"value":"Schuldhulp is op vakantie"');
    expect((JSON.parse(card) as Json).actions.map((a: Json) => a.title)).to.deep.equal(['Openen', 'Gedaan']);
    expect((await bot.store.get(c.id))?.case.reminders.find((r) => r.id === reminderId)?.uitgesteld).to.equal(false);
  });

  it('Later herinneren with a day and a reason: the card says until when, and the history says it was put off and why', async () => {
    const reminderId = (await bot.store.get(c.id))?.case.reminders.find((r) => r.kind === 'actie' && r.state === 'sent')?.id as string;
    const card = await bot.press('regisseur', HERINNERING_UITSTELLEN, { caseId: c.id, reminderId, tot: '2026-12-03', reden: 'Schuldhulp belt donderdag terug' });
    expect(card).to.include('Uitgesteld: je krijgt deze herinnering opnieuw op donderdag 3 december om 09:00').and.not.include('Later herinneren');
    await bot.say('regisseur', `casus ${c.reference}`);
    const view = JSON.stringify(bot.connector.calls.flatMap((call) => call.body.attachments ?? []));
    expect(view).to.include('herinnering \\"actie over de datum\\" uitgesteld tot 3 december 2026').and.include('Schuldhulp belt donderdag terug');
  });

  it('the next day nothing comes; on the chosen day it comes again, and it cannot be put off a second time', async () => {
    await at('2026-12-02T09:30:00');
    expect(remindersOf('regisseur')).to.have.length(0);
    await at('2026-12-03T09:30:00');
    const [card, ...more] = remindersOf('regisseur');
    expect(more).to.have.length(0);
    expect(JSON.stringify(card)).to.include('Huurachterstand in kaart');
    expect(card?.actions.map((a: Json) => a.title)).to.deep.equal(['Openen', 'Gedaan']);
    const again = await bot.press('regisseur', HERINNERING_UITSTELLEN, { caseId: c.id, reminderId: idOf(card), tot: '2026-12-07', reden: 'Nog even' });
    expect(again).to.include('Je hebt deze herinnering al een keer uitgesteld; dat kan één keer.');
  });

  it('Gedaan marks the action done; put off before, it does not come again', async () => {
    await at('2026-12-08T09:30:00');
    const card = remindersOf('regisseur').find((x) => JSON.stringify(x).includes('Gesprek woningcorporatie'));
    const reminderId = idOf(card);
    expect(reminderId).to.match(/^actie:/);
    await bot.press('regisseur', HERINNERING_UITSTELLEN, { caseId: c.id, reminderId, tot: '2026-12-10', reden: 'Wacht op de corporatie' });
    const done = await bot.press('regisseur', HERINNERING_GEDAAN, { caseId: c.id, reminderId });
    expect(done).to.include('Gedaan: de actie staat nu op gedaan in het plan.').and.not.include('"title":"Gedaan"');
    expect((await actie(1))?.status).to.equal('gedaan');
    await at('2026-12-10T09:30:00');
    expect(remindersOf('regisseur').filter((x) => JSON.stringify(x).includes('Gesprek woningcorporatie'))).to.have.length(0);
  });

  it('Deel B without a decision for twice the werkdagen: the casusregisseur escalates from the reminder, and the procesregisseur gets the escalation', async () => {
    bot.clock.set('2026-12-08T09:30:00');
    const reminderId = (await bot.store.get(asked.id))?.case.reminders.find((r) => r.kind === 'akkoordEscaleren')?.id as string;
    expect(reminderId).to.be.a('string');
    const empty = await bot.press('regisseur', HERINNERING_ESCALEREN, { caseId: asked.id, reminderId, vraag: ' ' });
    expect(empty).to.include('Vul de toelichting in.');
    const card = await bot.press('regisseur', HERINNERING_ESCALEREN, { caseId: asked.id, reminderId, vraag: 'Wie besluit nu de leidinggevende niet reageert?' });
    expect(card).to.include('De escalatie is geopend: de procesregisseur heeft haar in Teams gekregen.');
    const stored = (await bot.store.get(asked.id))?.case;
    expect(stored?.step).to.equal('escaleren');
    expect(stored?.escalaties.at(-1)?.askedUserIds).to.deep.equal([PEOPLE.procesregisseur.userId]);
    expect(bot.readBy('procesregisseur').join('\n')).to.include('Escalatie (AVE-model)').and.include('Wie besluit nu de leidinggevende niet reageert?');
  });
});

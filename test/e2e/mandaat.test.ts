/**
 * The casusregisseur's mandaat over HTTP: `mandaat` shows the card, *Uitgeven* books at once on the team's
 * doorbraakbudget without Deel B and records it on the case, above the mandaat the card comes back with the refusal
 * and the Deel B route (what was typed kept), and `budget` shows mandate spending apart.
 */
import { expect } from 'chai';
import { MANDAAT_UITGEVEN } from '../../cards/verbs';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, PEOPLE, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsSubmit } from '../support/teams-activities';

const TEAM = 'wijkteam-noord';

describe('end to end: the mandaat of the casusregisseur', function () {
  this.timeout(30_000);
  let bot: BotOverHttp;

  const attachments = () => bot.connector.calls.flatMap((call) => call.body.attachments ?? []);
  /** The card the last turn sent (its content), and the id of the spending it makes. */
  const lastCard = () => attachments().at(-1)?.content as { actions: { data: Record<string, string> }[] } & Record<string, unknown>;

  async function submit(person: Person, values: Record<string, string>): Promise<string> {
    bot.connector.reset();
    await postActivity(bot.botUrl, teamsSubmit(values, bot.as(person)));
    return bot.connector.calls.map((call) => JSON.stringify(call.body)).join('\n');
  }

  async function onTheCase(): Promise<Case> {
    // Beside schuldhulp (consent for every part), the teamleider is on the case with consent for Deel A only.
    const d = caseAt('uitvoering').run('regisseur', { type: 'addProfessional', userId: PEOPLE.teamleider.userId, role: 'betrokkenProfessional', toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['deelA'] } });
    const c = structuredClone(d.case);
    c.id = `case-${Math.random().toString(36).slice(2, 10)}`;
    c.reference = `HA-2026-${Math.random().toString(36).slice(2, 8).toUpperCase().replace(/[ILOU]/g, 'X')}`;
    await bot.store.create(c);
    return c;
  }

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({}));
    await bot.ledger.setBudget({ teamId: TEAM, period: '2026', amountCents: 1_000_000, by: 'aad-beheerder-1', at: '2026-11-01T09:00:00.000Z' });
  });
  after(() => bot.close());

  it('shows the card, spends within the mandaat, refuses above it with the Deel B route on the card, and budget shows it apart', async () => {
    const c = await onTheCase();
    await bot.say('regisseur', `casus ${c.reference}`);
    // Nothing but the card (a typing indicator, sent when a turn is slow, has no text).
    expect((await bot.say('regisseur', 'mandaat')).trim()).to.equal('');
    const card = JSON.stringify(lastCard());
    expect(card).to.include('Voor welk leefgebied is het geld?').and.include('"title":"Justitie","value":"justitie"');
    expect(card).to.include('Uitgeven onder je mandaat').and.include('tot €\u00a0250,00 per casus per periode').and.include('€\u00a0250,00').and.include(MANDAAT_UITGEVEN);
    const uitgaveId = lastCard().actions[0]?.data.uitgaveId as string;
    expect(uitgaveId).to.match(/^[A-Za-z0-9_-]{6,64}$/);

    const spent = await submit('regisseur', { verb: MANDAAT_UITGEVEN, caseId: c.id, uitgaveId, bedrag: '€ 42,50', doel: 'treinkaartje naar de rechtbank', waarom: 'Moeder moet morgen naar de zitting.', categorie: 'justitie' });
    expect(spent).to.include('Uitgegeven onder je mandaat: €\u00a042,50 voor treinkaartje naar de rechtbank (Justitie)').and.include('nog €\u00a0207,50 over');
    // A second press of the same card books nothing more.
    expect(await submit('regisseur', { verb: MANDAAT_UITGEVEN, caseId: c.id, uitgaveId, bedrag: '42,50', doel: 'treinkaartje naar de rechtbank', waarom: 'Moeder moet morgen naar de zitting.', categorie: 'justitie' })).to.include('Dit was al uitgegeven');
    const stored = (await bot.store.get(c.id))?.case as Case;
    expect(stored.mandaatUitgaven?.map((u) => [u.amountCents, u.doel, u.by])).to.deep.equal([[4_250, 'treinkaartje naar de rechtbank', PEOPLE.regisseur.userId]]);
    expect(stored.mandaatUitgaven?.[0]?.categorie).to.equal('justitie');
    expect((await bot.ledger.get(TEAM, '2026'))?.bookings.map((b) => [b.requestId, b.amountCents, b.mandaat, b.categorie])).to.deep.equal([[uitgaveId, 4_250, true, 'justitie']]);

    await bot.say('regisseur', 'mandaat');
    const next = lastCard().actions[0]?.data.uitgaveId as string;
    expect(next).not.to.equal(uitgaveId);
    const refused = await submit('regisseur', { verb: MANDAAT_UITGEVEN, caseId: c.id, uitgaveId: next, bedrag: '300', doel: 'huur', waarom: 'De huur is achterstallig.', categorie: 'huisvesting' });
    expect(refused).to.include('€\u00a0300,00 is meer dan het mandaat van €\u00a0250,00 per casus per periode. Dat gaat via Deel B, de normale route');
    // The refusal is on the card, with what was typed and the same spending id.
    const again = JSON.stringify(lastCard());
    expect(again).to.include('"value":"300"').and.include('"value":"huur"').and.include(next);
    const beyond = await submit('regisseur', { verb: MANDAAT_UITGEVEN, caseId: c.id, uitgaveId: next, bedrag: '210', doel: 'huur', waarom: 'De huur is achterstallig.', categorie: 'huisvesting' });
    expect(beyond).to.include('nog €\u00a0207,50 over; €\u00a0210,00 past daar niet in. Dat gaat via Deel B');
    expect((await bot.ledger.get(TEAM, '2026'))?.bookings).to.have.length(1);

    expect(await bot.say('regisseur', 'budget')).to.equal(
      'Doorbraakbudget wijkteam-noord 2026: €\u00a010.000,00, toegekend €\u00a042,50, over €\u00a09.957,50. Daarvan via Deel B €\u00a00,00 en onder het mandaat van casusregisseurs €\u00a042,50 (1 uitgave).',
    );
    await bot.say('regisseur', `casus ${c.reference}`);
    expect(JSON.stringify(attachments())).to.include('Uitgegeven onder het mandaat').and.include('Justitie: treinkaartje naar de rechtbank (2026)').and.include('€\u00a042,50 uitgegeven onder het mandaat van de casusregisseur');
  });

  it('the spending reaches who may see Deel B once, with amount and purpose; a colleague without that consent hears nothing and sees no amount', async () => {
    const c = await onTheCase();
    for (const person of ['regisseur', 'schuldhulp', 'teamleider'] as const) await bot.say(person, 'help');
    await bot.say('regisseur', `casus ${c.reference}`);
    // What the case's earlier changes left in the outbox is delivered first: only the spending's news counts below.
    await bot.deliver();
    await bot.say('regisseur', 'mandaat');
    const uitgaveId = lastCard().actions[0]?.data.uitgaveId as string;
    await submit('regisseur', { verb: MANDAAT_UITGEVEN, caseId: c.id, uitgaveId, bedrag: '42,50', doel: 'treinkaartje naar de rechtbank', waarom: 'Moeder moet morgen naar de zitting.', categorie: 'justitie' });
    // A second press of the same card is the same spending: no second message.
    await submit('regisseur', { verb: MANDAAT_UITGEVEN, caseId: c.id, uitgaveId, bedrag: '42,50', doel: 'treinkaartje naar de rechtbank', waarom: 'Moeder moet morgen naar de zitting.', categorie: 'justitie' });
    bot.connector.reset();
    await bot.deliver();
    await bot.deliver();
    const schuldhulp = bot.readBy('schuldhulp');
    expect(schuldhulp).to.have.length(1);
    expect(schuldhulp[0]).to.include(c.reference).and.include('heeft €\u00a042,50 uitgegeven onder het mandaat van de casusregisseur: treinkaartje naar de rechtbank (Justitie).');
    expect(bot.chatOf('teamleider')).to.deep.equal([]);
    expect(bot.chatOf('regisseur')).to.deep.equal([]);

    // The teamleider's view of the case: the spending is in the history, without its amount or purpose.
    await bot.say('teamleider', `casus ${c.reference}`);
    const view = JSON.stringify(attachments());
    expect(view).to.include('uitgave onder het mandaat van de casusregisseur');
    expect(view).not.to.include('42,50').and.not.include('treinkaartje');
    // Schuldhulp, with consent for Deel B, reads the amount in the same history.
    await bot.say('schuldhulp', `casus ${c.reference}`);
    expect(JSON.stringify(attachments())).to.include('€\u00a042,50 uitgegeven onder het mandaat van de casusregisseur');
  });

  it('only the casusregisseur gets the card; a bad amount comes back on the card in Dutch', async () => {
    const c = await onTheCase();
    await bot.say('schuldhulp', `casus ${c.reference}`);
    expect(await bot.say('schuldhulp', 'mandaat')).to.include('Alleen de casusregisseur kan onder het mandaat uitgeven.');
    const refused = await submit('schuldhulp', { verb: MANDAAT_UITGEVEN, caseId: c.id, uitgaveId: 'uitgave-vreemd-1', bedrag: '10', doel: 'taxi', waarom: 'Snel.', categorie: 'justitie' });
    expect(refused).to.include('Alleen de casusregisseur');
    const bad = await submit('regisseur', { verb: MANDAAT_UITGEVEN, caseId: c.id, uitgaveId: 'uitgave-slecht-1', bedrag: 'tien', doel: 'taxi', waarom: 'Snel.', categorie: 'justitie' });
    expect(bad).to.include('Dat bedrag kan ik niet lezen; schrijf het bijvoorbeeld als 12,50.').and.include('"value":"tien"');
    expect((await bot.store.get(c.id))?.case.mandaatUitgaven ?? []).to.deep.equal([]);
  });

  it('a spending without a leefgebied, or with one not on the list, comes back on the card and books nothing', async () => {
    const c = await onTheCase();
    await bot.say('regisseur', `casus ${c.reference}`);
    const typed = { verb: MANDAAT_UITGEVEN, caseId: c.id, uitgaveId: 'uitgave-categorie-1', bedrag: '12,50', doel: 'taxi', waarom: 'Snel naar de huisarts.' };
    expect(await submit('regisseur', typed)).to.include('Kies voor welk leefgebied het geld is.').and.include('"value":"taxi"');
    expect(await submit('regisseur', { ...typed, categorie: 'vakantie' })).to.include('Kies een leefgebied uit de lijst.').and.include('uitgave-categorie-1');
    expect((await bot.store.get(c.id))?.case.mandaatUitgaven ?? []).to.deep.equal([]);
    expect((await bot.ledger.get(TEAM, '2026'))?.bookings.filter((b) => b.caseId === c.id)).to.deep.equal([]);
  });
});

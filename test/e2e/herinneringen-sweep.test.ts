/**
 * Herinneringen (issue #14) end to end over HTTP, with a frozen clock moved forward and one dispatcher sweep at a
 * time (`deliver`): the voorbeeldcasus's evaluation six weeks after its MDO (the werkdag before and on the day,
 * exactly once, nothing in the evening or at the weekend), and a Deel B request left waiting (the leidinggevende, then
 * the casusregisseur with the offer to escalate, nothing once decided). The assertions read the reminder's lines as
 * the recipient reads them (text or card TextBlocks), not the card's layout.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { DEELB_AKKOORD } from '../../cards/verbs';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import type { Case } from '../../services/domain/model/case';
import type { ReminderKind } from '../../services/domain/model/reminder';
import type { CaseCommandInput } from '../../services/domain/stappenplan/commands';
import { ZONE } from '../../services/ports/clock';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, PEOPLE, VOORBEELD, type Person } from '../support/stappenplan-driver';

/** The casusregisseur as the case names her (the reminders name who asked). */
const named = (c: Case): Case => ({
  ...c,
  professionals: c.professionals.map((p) => (p.userId === PEOPLE.regisseur.userId ? { ...p, displayName: 'Sanne de Vries', organisatie: 'Wijkteam Noord' } : p)),
});

/** The bot over HTTP with the people who take part having opened it once (so the bot can reach them). */
async function botWith(people: readonly Person[]): Promise<BotOverHttp> {
  const bot = await startBotOverHttp(new StaticDirectory({ [PEOPLE.leidinggevende.userId]: ['leidinggevende'], [PEOPLE.procesregisseur.userId]: ['procesregisseur'] }));
  for (const person of people) await bot.say(person, 'help');
  return bot;
}

/** Move the clock to an Amsterdam wall-clock moment and run one dispatcher sweep; what each person read then. */
async function at(bot: BotOverHttp, moment: string): Promise<(person: Person) => string[]> {
  bot.clock.set(DateTime.fromISO(moment, { zone: ZONE }));
  bot.connector.reset();
  await bot.deliver();
  return (person) => bot.readBy(person);
}

/** Sweeps at each of the moments, in which none of the people reads anything. */
async function nothingAt(bot: BotOverHttp, people: readonly Person[], moments: readonly string[]): Promise<void> {
  for (const moment of moments) {
    const read = await at(bot, moment);
    expect(people.flatMap(read), moment).to.deep.equal([]);
  }
}

/** The states of the case's reminders of some kinds, in the store. */
async function states(bot: BotOverHttp, caseId: string, ...kinds: ReminderKind[]): Promise<string[]> {
  const c = (await bot.store.get(caseId))?.case as Case;
  return c.reminders.filter((r) => kinds.includes(r.kind)).map((r) => `${r.kind}:${r.state}`);
}

describe('end to end: herinneringen for the evaluation, over HTTP with the clock moved on', function () {
  this.timeout(60_000);
  let bot: BotOverHttp;
  let c: Case;
  const regisseur = PEOPLE.regisseur;
  const run = (command: CaseCommandInput) => bot.services.cases.execute(regisseur, c.id, command);

  before(async () => {
    bot = await botWith(['regisseur', 'schuldhulp']);
    c = named(caseAt('mdo').case);
    await bot.store.create(c);
  });
  after(() => bot.close());

  it('the MDO is held on Thursday 26 November; its evaluation is six weeks later, on Thursday 7 January', async () => {
    await run({ type: 'planMdo', datum: '2026-11-26', locatie: 'thuis' });
    bot.clock.set(DateTime.fromISO('2026-11-26T15:00', { zone: ZONE }));
    const mdoId = ((await bot.store.get(c.id))?.case as Case).mdos[0]?.id as string;
    await run({ type: 'recordMdoChecklist', mdoId, section: 'opening', items: { voorstelronde: true, spelregels: true } });
    await run({
      type: 'recordMdoUitkomsten',
      mdoId,
      ikWilIkKanIkHebNodigVastgesteld: true,
      gezamenlijkBelang: 'Het gezin blijft in de woning.',
      watAlsWeNietsDoen: 'Huisuitzetting binnen 8 weken, kinderen mogelijk tijdelijk elders.',
      ondersteuning: 'Schuldhulp, GGZ-gesprekken.',
      casusregie: regisseur.userId,
      afspraken: [{ wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '2026-12-03' }],
    });
    await run({ type: 'overgang', transition: 'mdoAfgerond' });
    // The plan: one goal and one action, done in uitvoering, so only the evaluation is left to remind of.
    await run({ type: 'setDoel', doel: { leefgebied: 'huisvesting', doel: 'In ons huis blijven wonen.', tevredenheidVoor: 3, resultaat: 'Er is een betalingsregeling.', resultaatDatum: '2027-01-18' } });
    await run({ type: 'setActie', actie: { wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '2026-12-03' } });
    await run({ type: 'overgang', transition: 'geenUitzonderingNodig' });
    const planned = (await bot.store.get(c.id))?.case as Case;
    await run({ type: 'setActieStatus', actieId: planned.deelA.acties[0]?.id as string, status: 'gedaan' });
    const held = (await bot.store.get(c.id))?.case as Case;
    expect(held.step).to.equal('uitvoering');
    expect(held.mdos[0]?.uitkomsten.evaluatieDatum).to.equal('2027-01-07');
    expect(held.reminders.map((r) => [r.kind, r.dueAt])).to.deep.equal([
      ['evaluatieVooraf', '2027-01-06T08:00:00.000Z'],
      ['evaluatie', '2027-01-07T08:00:00.000Z'],
    ]);
    await at(bot, '2026-11-26T15:30'); // the news of the plan to the others
  });

  it('before the werkdag before, nothing is sent', async () => {
    await nothingAt(bot, ['regisseur', 'schuldhulp'], ['2026-12-15T10:00', '2027-01-04T10:00', '2027-01-05T17:55', '2027-01-06T08:59']);
  });

  it('on Wednesday 6 January at 09:05 the casusregisseur reads that the evaluation is tomorrow, with the kenmerk; once', async () => {
    const read = await at(bot, '2027-01-06T09:05');
    expect(read('regisseur')).to.have.length(1);
    const [message] = read('regisseur') as [string];
    expect(message).to.include(c.reference).and.include('De evaluatie van het plan is donderdag 7 januari 2027, zes weken na het MDO.');
    expect(message).not.to.include('Moeder').and.not.include('huis uit');
    expect(read('schuldhulp')).to.deep.equal([]);
    expect((await at(bot, '2027-01-06T09:06'))('regisseur')).to.deep.equal([]);
    expect((await at(bot, '2027-01-06T16:00'))('regisseur')).to.deep.equal([]);
    expect(await states(bot, c.id, 'evaluatieVooraf', 'evaluatie')).to.deep.equal(['evaluatieVooraf:sent', 'evaluatie:open']);
  });

  it('on the day, the evaluation reminder; a further sweep sends nothing again', async () => {
    const read = await at(bot, '2027-01-07T09:05');
    expect(read('regisseur')).to.have.length(1);
    expect(read('regisseur')[0]).to.include(c.reference).and.include('De evaluatie van het plan staat voor donderdag 7 januari 2027');
    await nothingAt(bot, ['regisseur'], ['2027-01-07T09:06', '2027-01-07T14:00', '2027-01-08T09:05', '2027-01-14T09:05']);
    expect(await states(bot, c.id, 'evaluatieVooraf', 'evaluatie')).to.deep.equal(['evaluatieVooraf:sent', 'evaluatie:sent']);
  });

  it('at 22:00 and at the weekend nothing goes out even when due; on Monday at 09:05 it does', async () => {
    // An action due Thursday 14 January, not done: its reminder is due on Friday 15 January at 09:00.
    bot.clock.set(DateTime.fromISO('2027-01-14T12:00', { zone: ZONE }));
    await run({ type: 'setActie', actie: { wie: 'Casusregisseur', wat: 'Gesprek woningcorporatie over betalingsregeling', wanneer: '2027-01-14' } });
    await at(bot, '2027-01-14T12:01'); // the news of it to schuldhulp
    const due = ((await bot.store.get(c.id))?.case as Case).reminders.find((r) => r.kind === 'actie');
    expect(due).to.deep.include({ dueAt: '2027-01-15T08:00:00.000Z', state: 'open', to: regisseur.userId });
    await nothingAt(bot, ['regisseur'], ['2027-01-15T22:00', '2027-01-16T12:00', '2027-01-17T20:00', '2027-01-18T07:30']);
    expect(await states(bot, c.id, 'actie')).to.deep.equal(['actie:open']);
    const read = await at(bot, '2027-01-18T09:05');
    expect(read('regisseur')).to.have.length(1);
    expect(read('regisseur')[0]).to.include(c.reference).and.include('De actie "Gesprek woningcorporatie over betalingsregeling" (Casusregisseur) stond voor 14 januari 2027 en is nog niet gedaan.');
    expect((await at(bot, '2027-01-18T09:06'))('regisseur')).to.deep.equal([]);
  });
});

describe('end to end: herinneringen for a Deel B request left waiting, over HTTP', function () {
  this.timeout(60_000);
  let bot: BotOverHttp;
  /** Waits for a decision; the other is decided in time and never reminded of. */
  let waiting: Case;
  let decided: Case;
  const requestOf = async (c: Case) => ((await bot.store.get(c.id))?.case as Case).approvals.at(-1)?.id as string;

  before(async () => {
    bot = await botWith(['regisseur', 'leidinggevende']);
    await bot.ledger.setBudget({ teamId: 'wijkteam-noord', period: '2026', amountCents: 1_000_000, by: 'aad-beheerder-1', at: '2026-11-23T09:00:00.000Z' });
    // The plan's actions done, so only the request is left to remind of.
    const base = named(VOORBEELD.allesGedaan(VOORBEELD.deelB(caseAt('onderbouwing'))).case);
    waiting = { ...base, id: 'case-wacht-1', reference: 'HA-2026-WACHT1' };
    decided = { ...base, id: 'case-besluit-1', reference: 'HA-2026-BSCHT2' };
    for (const c of [waiting, decided]) {
      await bot.store.create(c);
      // Monday 23 November 10:00: Deel B is asked of the leidinggevende.
      await bot.services.cases.execute(PEOPLE.regisseur, c.id, { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
    }
    await at(bot, '2026-11-23T10:01'); // the news of the requests
  });
  after(() => bot.close());

  it('the one decided in time is never reminded of', async () => {
    bot.clock.set(DateTime.fromISO('2026-11-25T11:00', { zone: ZONE }));
    expect(await bot.press('leidinggevende', DEELB_AKKOORD, { caseId: decided.id, requestId: await requestOf(decided) })).to.match(/Akkoord, door/);
    await at(bot, '2026-11-25T11:01');
    expect(await states(bot, decided.id, 'akkoord', 'akkoordEscaleren')).to.deep.equal([]);
  });

  it('before five werkdagen, nothing; after, the leidinggevende reads that Deel B waits on their decision and who asked', async () => {
    await nothingAt(bot, ['leidinggevende', 'regisseur'], ['2026-11-27T16:00', '2026-11-30T09:55']);
    const read = await at(bot, '2026-11-30T10:05');
    expect(read('leidinggevende')).to.have.length(1);
    const [message] = read('leidinggevende') as [string];
    expect(message).to.include(waiting.reference).and.not.include(decided.reference);
    expect(message).to.include('Deel B wacht sinds 23 november 2026 (5 werkdagen) op jouw besluit. Gevraagd door Sanne de Vries (Wijkteam Noord).');
    expect(message).not.to.match(/escaleren/i);
    expect(read('regisseur')).to.deep.equal([]);
    expect((await at(bot, '2026-11-30T10:06'))('leidinggevende')).to.deep.equal([]);
  });

  it('after ten werkdagen the casusregisseur reads that it waits on the leidinggevende, with the offer to escalate', async () => {
    await nothingAt(bot, ['leidinggevende', 'regisseur'], ['2026-12-04T10:05', '2026-12-07T09:55']);
    const read = await at(bot, '2026-12-07T10:05');
    expect(read('regisseur')).to.have.length(1);
    expect(read('regisseur')[0]).to.include(waiting.reference)
      .and.include('Deel B wacht sinds 23 november 2026 (10 werkdagen) op een besluit van de leidinggevende.')
      .and.include('Je kunt nu escaleren naar de procesregisseur (AVE, fase 2).');
    expect(read('leidinggevende')).to.deep.equal([]);
    expect((await at(bot, '2026-12-07T10:06'))('regisseur')).to.deep.equal([]);
  });

  it('once decided, nothing more is sent and the reminders are done', async () => {
    bot.clock.set(DateTime.fromISO('2026-12-07T11:00', { zone: ZONE }));
    expect(await bot.press('leidinggevende', DEELB_AKKOORD, { caseId: waiting.id, requestId: await requestOf(waiting) })).to.match(/Akkoord, door/);
    await at(bot, '2026-12-07T11:01'); // the news of the decision
    expect(await states(bot, waiting.id, 'akkoord', 'akkoordEscaleren')).to.deep.equal(['akkoord:done', 'akkoordEscaleren:done']);
    await nothingAt(bot, ['leidinggevende', 'regisseur'], ['2026-12-14T10:05', '2026-12-21T10:05']);
    // Weeks later the plan's own reminders come (uitvoering, evaluation), none about the decision.
    const later = await at(bot, '2027-01-11T10:05');
    expect(later('leidinggevende')).to.deep.equal([]);
    expect(later('regisseur').filter((m) => /besluit|escaleren/i.test(m))).to.deep.equal([]);
  });
});

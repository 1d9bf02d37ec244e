/**
 * Colleagues of other organisations on one case, over HTTP: put on the case with the "Collega toevoegen" card and
 * the inwoner's consent, told in their personal chat, and shown only what the consent names.
 */
import { expect } from 'chai';
import { COLLEGA_TOEVOEGEN, COLLEGA_VERWIJDEREN, TOESTEMMING_INTREKKEN, TOESTEMMING_WIJZIGEN } from '../../cards/verbs';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { StaticPeople } from '../../services/adapters/memory/static-people';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, PEOPLE, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsSubmit } from '../support/teams-activities';

const people = new StaticPeople([
  { id: PEOPLE.onbekend.userId, displayName: 'Joris Bakker', organisatie: 'GGZ-praktijk' },
  { id: PEOPLE.teamleider.userId, displayName: 'Fatima Yilmaz', organisatie: 'Woningcorporatie' },
]);

describe('end to end: a colleague of another organisation on the case, with the inwoner\'s consent', function () {
  this.timeout(30_000);
  let bot: BotOverHttp;
  let c: Case;
  /** Everything the connector received in this file, to check what reached whom. */
  const seen: BotOverHttp['connector']['calls'][number][] = [];

  async function say(person: Person, text: string): Promise<string> {
    const answer = await bot.say(person, text);
    seen.push(...bot.connector.calls);
    return answer;
  }

  /** Press a button (by default "Toevoegen") on a card as `person` with these values; what came back (texts and cards, as JSON). */
  async function submit(person: Person, values: Record<string, string>, verb: string = COLLEGA_TOEVOEGEN): Promise<string> {
    bot.connector.reset();
    await postActivity(bot.botUrl, teamsSubmit({ verb, caseId: c.id, ...values }, bot.as(person)));
    seen.push(...bot.connector.calls);
    return bot.connector.calls.map((call) => JSON.stringify(call.body)).join('\n');
  }

  const ggz = { userId: PEOPLE.onbekend.userId, organisatie: 'GGZ-praktijk', taak: 'gesprekken met moeder', hoe: 'mondeling', op: '2026-11-23', onderdelen: 'hulpvraag,deelA,mdo' };

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({}), { people });
    c = caseAt('uitvoering', { uitzondering: true }).case;
    await bot.store.create(c);
    await say('onbekend', 'help');
    await say('regisseur', `casus ${c.reference}`);
  });
  after(() => bot.close());

  it('the card offers the people of the address book and asks the consent', async () => {
    const answer = await say('regisseur', 'collega toevoegen');
    const card = JSON.stringify(bot.connector.calls.flatMap((call) => call.body.attachments ?? []));
    expect(answer + card).to.include('Joris Bakker').and.include('Fatima Yilmaz').and.include('Samenwerkplan Deel B');
  });

  it('refuses in Dutch on the card, and adds nobody, without parts or with a date in the future', async () => {
    expect(await submit('regisseur', { ...ggz, onderdelen: '' })).to.include('Kies minstens één onderdeel');
    expect(await submit('regisseur', { ...ggz, op: '2026-12-01' })).to.include('toekomst');
    expect((await bot.store.get(c.id))?.case.professionals.map((p) => p.userId)).not.to.include(PEOPLE.onbekend.userId);
  });

  it('adds the colleague with the consent, tells them in their chat, and says so', async () => {
    const answer = await submit('regisseur', ggz);
    expect(answer).to.include('Joris Bakker (GGZ-praktijk) staat nu op casus').and.include('heeft er bericht over gekregen');
    const told = bot.readBy('onbekend').join('\n');
    expect(told).to.include(`casus **${c.reference}**`).and.include('Hulpvraag en vraagverheldering, Samenwerkplan Deel A, MDO-uitkomsten');
    const party = (await bot.store.get(c.id))?.case.professionals.find((p) => p.userId === PEOPLE.onbekend.userId);
    expect(party).to.deep.include({ role: 'betrokkenProfessional', displayName: 'Joris Bakker', organisatie: 'GGZ-praktijk', taak: 'gesprekken met moeder' });
    expect(party?.toestemming?.onderdelen).to.deep.equal(['hulpvraag', 'deelA', 'mdo']);
  });

  it('someone who never opened the app is added and the casusregisseur hears they were not told', async () => {
    const answer = await submit('regisseur', { ...ggz, userId: PEOPLE.teamleider.userId, organisatie: 'Woningcorporatie', onderdelen: 'deelA' });
    expect(answer).to.include('Fatima Yilmaz (Woningcorporatie) staat nu op casus').and.include('nog niet geopend');
  });

  it('the colleague opens the case and sees who looks along, and no Deel B text ever reaches them', async () => {
    const view = await say('onbekend', `casus ${c.reference}`);
    const card = JSON.stringify(bot.connector.calls.flatMap((call) => call.body.attachments ?? []));
    expect(view + card).to.include('Wie kijkt mee').and.include(c.hulpvraag as string).and.include('Ziet: Hulpvraag en vraagverheldering');
    // Whatever it asks in its own chat: the status, the step's dialog.
    await say('onbekend', 'status');
    await say('onbekend', 'verder');
    await say('onbekend', 'stop');
    const deelB = [c.deelB?.situatiebeschrijving, c.deelB?.dreigendScenario, c.deelB?.rendement].filter((t): t is string => Boolean(t));
    expect(deelB.length).to.equal(3);
    const toThem = seen.filter((x) => x.conversationId === `a:personal-${PEOPLE.onbekend.userId}`);
    expect(toThem.length).to.be.greaterThan(4);
    for (const call of toThem) {
      for (const text of deelB) expect(JSON.stringify(call.body)).not.to.include(text);
    }
  });

  it('a change by one party reaches every other party once, through the outbox and the dispatcher, never its author', async () => {
    bot.connector.reset();
    const actie = c.deelA.acties[0]?.id as string;
    await bot.services.cases.execute(PEOPLE.schuldhulp, c.id, { type: 'setActieStatus', actieId: actie, status: 'gedaan' });
    await bot.services.cases.execute(PEOPLE.schuldhulp, c.id, { type: 'setActie', actie: { wie: 'Schuldhulp', wat: 'Budgetcoach regelen', wanneer: '2026-12-15' } });
    expect(await bot.deliver()).to.equal(2);
    for (const person of ['regisseur', 'onbekend'] as const) {
      const texts = bot.readBy(person);
      expect(texts, person).to.have.length(1);
      // One card: the kenmerk, a line per change, and a button that opens the case.
      // (The fixture's own history left earlier news in the outbox too, such as the decision on Deel B.)
      expect(texts[0], person).to.match(new RegExp(`^Casus ${c.reference} is gewijzigd\n`)).and.include('• Een collega heeft een actie afgerond.\n• Een collega heeft een actie aan het plan toegevoegd.');
      expect(JSON.stringify(bot.chatOf(person)[0]?.body.attachments)).to.include('"verb":"casus.openen"').and.include(`"caseId":"${c.id}"`);
    }
    expect(bot.chatOf('schuldhulp')).to.deep.equal([]);
    // Schuldhulp (for earlier changes) and Fatima never opened the app: their messages wait in the outbox, with a backoff.
    const waiting = (await bot.store.get(c.id))?.case.outbox ?? [];
    expect(waiting.map((item) => [item.to, item.attempts]).sort()).to.deep.equal([[PEOPLE.schuldhulp.userId, 1], [PEOPLE.teamleider.userId, 1]].sort());
    seen.push(...bot.connector.calls);
  });

  it('the consent changed: the party is told and sees the new parts; withdrawn: told its access ended, and the case is gone for it', async () => {
    const card = await say('regisseur', 'toestemming');
    const shown = card + JSON.stringify(bot.connector.calls.flatMap((call) => call.body.attachments ?? []));
    expect(shown).to.include('Joris Bakker · GGZ-praktijk').and.include('Ziet: Hulpvraag en vraagverheldering, Samenwerkplan Deel A, MDO-uitkomsten');

    const refused = await submit('regisseur', { userId: PEOPLE.onbekend.userId, op: '2026-11-23', hoe: 'schriftelijk', onderdelen: '' }, TOESTEMMING_WIJZIGEN);
    expect(refused).to.include('Kies minstens één onderdeel').and.include('Toestemming van de inwoner');

    const changed = await submit('regisseur', { userId: PEOPLE.onbekend.userId, op: '2026-11-23', hoe: 'schriftelijk', onderdelen: 'deelA' }, TOESTEMMING_WIJZIGEN);
    expect(changed).to.include('De toestemming is gewijzigd: Joris Bakker ziet nu Samenwerkplan Deel A. Joris Bakker krijgt er bericht van.');
    await deliver();
    expect(bot.readBy('onbekend').join('\n')).to.include('heeft gewijzigd wat je mag zien. Je ziet nu: Samenwerkplan Deel A.');
    const view = await say('onbekend', `casus ${c.reference}`);
    expect(view + JSON.stringify(bot.connector.calls.flatMap((call) => call.body.attachments ?? []))).not.to.include(c.hulpvraag as string);

    const withdrawn = await submit('regisseur', { userId: PEOPLE.onbekend.userId, op: '2026-11-23', hoe: '', onderdelen: '' }, TOESTEMMING_INTREKKEN);
    expect(withdrawn).to.include('De toestemming is ingetrokken: Joris Bakker staat niet meer op de casus');
    await deliver();
    const told = bot.chatOf('onbekend').map((call) => JSON.stringify(call.body)).join('\n');
    expect(told).to.include(`Je toegang tot casus **${c.reference}** is beëindigd. Je ziet de casus niet meer.`);
    expect(told).not.to.include(c.hulpvraag as string);
    expect(await say('onbekend', `casus ${c.reference}`)).to.match(/bestaat niet|niet gevonden|geen toegang/i);
    const history = (await bot.store.get(c.id))?.case.history.flatMap((h) => ('gebeurtenis' in h ? [h.gebeurtenis] : []));
    expect(history?.slice(-4)).to.deep.equal(['toegevoegd', 'toegevoegd', 'toestemmingGewijzigd', 'toestemmingIngetrokken']);
  });

  it('a colleague whose work is done is taken off the case, and it is in the history', async () => {
    const removed = await submit('regisseur', { userId: PEOPLE.teamleider.userId, op: '2026-11-23', hoe: '', onderdelen: '' }, COLLEGA_VERWIJDEREN);
    expect(removed).to.include('Fatima Yilmaz staat niet meer op de casus.');
    const stored = (await bot.store.get(c.id))?.case;
    expect(stored?.memberIds).not.to.include(PEOPLE.teamleider.userId);
    expect(stored?.history.at(-1)).to.deep.include({ partij: PEOPLE.teamleider.userId, gebeurtenis: 'verwijderd' });
    expect(await submit('regisseur', { userId: PEOPLE.regisseur.userId, op: '2026-11-23', hoe: '', onderdelen: '' }, COLLEGA_VERWIJDEREN)).to.include('Draag eerst de casusregie over.');
  });

  /** One sweep of the outbox, as the bot's dispatcher does every few seconds; what it delivered goes into `seen`. */
  async function deliver(): Promise<void> {
    bot.connector.reset();
    await bot.deliver();
    seen.push(...bot.connector.calls);
  }

  it('only the casusregisseur can add a colleague', async () => {
    expect(await say('schuldhulp', `casus ${c.reference}`)).to.equal('');
    expect(await say('schuldhulp', 'collega toevoegen')).to.include('Alleen de casusregisseur');
    expect(await say('schuldhulp', 'toestemming')).to.include('Alleen de casusregisseur');
  });
});

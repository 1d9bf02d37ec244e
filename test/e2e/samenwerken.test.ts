/**
 * The voorbeeldcasus with three professionals of three organisations, over HTTP with the local connector and a local
 * Graph server: added with the inwoner's consent (the GGZ colleague without Deel B), the MDO invite to all three, an
 * action changed by one reaching the other two as one message each, the GGZ colleague never receiving Deel B text in
 * any activity, consent withdrawn (cannot open the case, was told), and casusregie handed over and accepted.
 */
import { expect } from 'chai';
import { COLLEGA_TOEVOEGEN, MDO_MOMENT_KIEZEN, REGIE_AANVAARDEN, REGIE_VOORSTELLEN, TOESTEMMING_INTREKKEN } from '../../cards/verbs';
import { createGraphClient } from '../../services/adapters/graph/graph-client';
import { GraphCalendar } from '../../services/adapters/graph/graph-calendar';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { StaticPeople } from '../../services/adapters/memory/static-people';
import { activeCasusregisseur, type Case } from '../../services/domain/model/case';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { startGraphServer, testCredential } from '../support/graph-server';
import { caseAt, PEOPLE, VOORBEELD, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsSubmit } from '../support/teams-activities';

/** Three organisations: the wijkteam (regisseur), schuldhulp, and GGZ (`onbekend` in the test people). */
const PEOPLE_FILE = new StaticPeople([
  { id: PEOPLE.regisseur.userId, displayName: 'Sanne de Vries', organisatie: 'Wijkteam Noord' },
  { id: PEOPLE.schuldhulp.userId, displayName: 'Ahmed El Amrani', organisatie: 'Schuldhulpverlening' },
  { id: PEOPLE.onbekend.userId, displayName: 'Joris Bakker', organisatie: 'GGZ-praktijk' },
]);
const MAILS: Record<string, string> = {
  [PEOPLE.regisseur.userId]: 'sanne@wijkteam.example',
  [PEOPLE.schuldhulp.userId]: 'ahmed@schuldhulp.example',
  [PEOPLE.onbekend.userId]: 'joris@ggz.example',
};

describe('end to end: samenwerken op één casus, three organisations, over HTTP', function () {
  this.timeout(60_000);
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  let bot: BotOverHttp;
  let c: Case;
  /** Every call the connector received in this file. */
  const seen: BotOverHttp['connector']['calls'][number][] = [];
  const record = () => seen.push(...bot.connector.calls);
  const chat = (person: Person) => seen.filter((call) => call.conversationId === `a:personal-${PEOPLE[person].userId}`);

  async function say(person: Person, text: string): Promise<string> {
    const answer = await bot.say(person, text);
    record();
    return answer + JSON.stringify(bot.connector.calls.flatMap((call) => call.body.attachments ?? []));
  }
  async function submit(person: Person, value: Record<string, unknown>): Promise<string> {
    bot.connector.reset();
    await postActivity(bot.botUrl, teamsSubmit(value, bot.as(person)));
    record();
    return bot.connector.calls.map((call) => JSON.stringify(call.body)).join('\n');
  }
  async function deliver(): Promise<void> {
    bot.connector.reset();
    await bot.deliver();
    record();
  }
  const stored = async () => (await bot.store.get(c.id))?.case as Case;

  before(async () => {
    graph = await startGraphServer();
    graph.route((call) => {
      const user = /^\/v1\.0\/users\/([^/?]+)\?/.exec(call.path)?.[1];
      return user && call.method === 'GET' ? { status: 200, body: { mail: MAILS[decodeURIComponent(user)] } } : undefined;
    });
    // Everyone free: one (empty) schedule per address asked.
    graph.route((call) =>
      call.path.endsWith('/calendar/getSchedule')
        ? { status: 200, body: { value: (JSON.parse(call.body ?? '{}') as { schedules: string[] }).schedules.map((scheduleId) => ({ scheduleId, scheduleItems: [] })) } }
        : undefined,
    );
    graph.route((call) => (call.method === 'POST' && call.path.endsWith('/events') ? { status: 201, body: { id: 'event-1', onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' } } } : undefined));
    const calendar = new GraphCalendar(createGraphClient({ credential: testCredential, baseUrl: graph.baseUrl, agent: graph.agent }));
    bot = await startBotOverHttp(new StaticDirectory({}), { people: PEOPLE_FILE, calendar });
    // The voorbeeldcasus up to stap 3 decided (meervoudig), without anyone of another organisation on it yet.
    const d = caseAt('wieIsErNodig');
    VOORBEELD.meervoudig(d);
    d.run('regisseur', { type: 'deactivateProfessional', userId: PEOPLE.schuldhulp.userId });
    d.go('regisseur', 'meervoudigeVraag');
    c = { ...d.case, professionals: d.case.professionals.map((p) => (p.userId === PEOPLE.regisseur.userId ? { ...p, displayName: 'Sanne de Vries', organisatie: 'Wijkteam Noord' } : p)) };
    await bot.store.create(c);
    for (const person of ['regisseur', 'schuldhulp', 'onbekend'] as const) await say(person, 'help');
    await say('regisseur', `casus ${c.reference}`);
  });
  after(async () => {
    await bot.close();
    await graph.close();
  });

  it('stap 3: schuldhulp (everything) and GGZ (no Deel B) are added with the inwoner\'s consent', async () => {
    const consent = { hoe: 'mondeling', op: '2026-11-23' };
    expect(await submit('regisseur', { verb: COLLEGA_TOEVOEGEN, caseId: c.id, userId: PEOPLE.schuldhulp.userId, organisatie: 'Schuldhulpverlening', taak: 'schuldregeling', ...consent, onderdelen: 'hulpvraag,zrm,deelA,deelB,mdo,evaluatie' })).to.include('staat nu op casus');
    expect(await submit('regisseur', { verb: COLLEGA_TOEVOEGEN, caseId: c.id, userId: PEOPLE.onbekend.userId, organisatie: 'GGZ-praktijk', taak: 'gesprekken met moeder', ...consent, onderdelen: 'hulpvraag,deelA,mdo' })).to.include('staat nu op casus');
    const parties = (await stored()).professionals.filter((p) => p.active).map((p) => [p.displayName, p.role]);
    expect(parties).to.deep.equal([['Sanne de Vries', 'casusregisseur'], ['Ahmed El Amrani', 'betrokkenProfessional'], ['Joris Bakker', 'betrokkenProfessional']]);
  });

  it('stap 4: the MDO invite goes to all three through Graph, naming the kenmerk only', async () => {
    expect(await say('regisseur', 'verder')).to.include('Stap 4');
    const before = graph.calls.length;
    const planned = await submit('regisseur', { verb: MDO_MOMENT_KIEZEN, caseId: c.id, mdoId: '', moment: '', datum: '2026-11-26', tijd: '14:00', locatie: 'thuis', deelnemers: [PEOPLE.regisseur.userId, PEOPLE.schuldhulp.userId, PEOPLE.onbekend.userId].join(',') });
    expect(planned, planned).to.match(/MDO 1|gepland|uitnodiging/i);
    const event = graph.calls.slice(before).find((call) => call.method === 'POST' && call.path.endsWith('/events'));
    const body = JSON.parse(event?.body ?? '{}') as { subject: string; attendees: { emailAddress: { address: string } }[] };
    expect(body.subject).to.equal(`MDO ${c.reference}`);
    expect(body.attendees.map((a) => a.emailAddress.address).sort()).to.deep.equal(['ahmed@schuldhulp.example', 'joris@ggz.example']);
    for (const personal of ['Moeder', 'huis uit', 'Joris', 'Ahmed']) expect(event?.body).not.to.include(personal);
    const schedules = graph.calls.filter((call) => call.path.endsWith('/calendar/getSchedule')).map((call) => (JSON.parse(call.body ?? '{}') as { schedules: string[] }).schedules);
    expect(schedules.at(-1)?.sort()).to.deep.equal(Object.values(MAILS).sort());
  });

  it('an action changed by schuldhulp reaches the other two as one message each, and not schuldhulp itself', async () => {
    // The MDO held and the plan made are put in the store as the voorbeeldcasus has them (the MDO and plan dialogs have
    // their own tests); then schuldhulp works on the plan through the core, as its dialog does.
    const now = await stored();
    const d = caseAt('plan');
    const plan = { ...now, step: 'plan' as const, deelA: d.case.deelA, mdos: now.mdos.map((m) => ({ ...m, afgerondAt: '2026-11-26T15:00:00.000Z', uitkomsten: d.case.mdos[0]?.uitkomsten ?? m.uitkomsten })) };
    await bot.store.replace(plan, (await bot.store.get(c.id))?.etag as string);
    await bot.services.cases.execute(PEOPLE.schuldhulp, c.id, { type: 'setActieStatus', actieId: plan.deelA.acties[0]?.id as string, status: 'gedaan' });
    await deliver();
    for (const person of ['regisseur', 'onbekend'] as const) {
      const told = bot.readBy(person);
      expect(told, person).to.have.length(1);
      expect(told[0]).to.include(`Casus ${c.reference} is gewijzigd`).and.include('Ahmed El Amrani (Schuldhulpverlening) heeft een actie afgerond.');
    }
    // Schuldhulp hears of the others' earlier changes, never of its own.
    expect(bot.readBy('schuldhulp').join('\n')).not.to.include('actie afgerond');
  });

  it('Deel B is written and asked for; the GGZ colleague, without consent for Deel B, sees none of it anywhere', async () => {
    // Deel B as the voorbeeldcasus has it, put in the store (the onderbouwing dialog has its own tests); the request goes through the core.
    const d = VOORBEELD.deelB(caseAt('onderbouwing'));
    const now = await stored();
    await bot.store.replace({ ...now, step: 'onderbouwing', uitzonderingNodig: true, deelB: d.case.deelB }, (await bot.store.get(c.id))?.etag as string);
    await bot.services.cases.execute(PEOPLE.regisseur, c.id, { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
    await deliver();
    await say('onbekend', `casus ${c.reference}`);
    // Whether money was asked is part of Deel B too: no budget line in the GGZ colleague's status.
    expect(await say('onbekend', 'status')).to.include('stap').and.not.include('doorbraakbudget').and.not.include('Doorbraakbudget');
    await say('onbekend', 'verder');
    await say('onbekend', 'stop');
    const deelB = [d.case.deelB?.situatiebeschrijving, d.case.deelB?.dreigendScenario, d.case.deelB?.waaromNietRegulier, d.case.deelB?.rendement].filter((t): t is string => Boolean(t));
    expect(deelB).to.have.length(4);
    const toGgz = chat('onbekend');
    expect(toGgz.length).to.be.greaterThan(5);
    for (const call of toGgz) for (const text of deelB) expect(JSON.stringify(call.body), text).not.to.include(text);
    // Schuldhulp, with consent for Deel B, does see it (the check above can fail).
    const schuldhulpView = (await bot.services.cases.get(PEOPLE.schuldhulp, c.id)).case;
    expect(schuldhulpView.deelB?.situatiebeschrijving).to.equal(deelB[0]);
  });

  it('casusregie is handed over to schuldhulp and accepted; the former regisseur stays on with sight of everything', async () => {
    await say('regisseur', `casus ${c.reference}`);
    expect(await submit('regisseur', { verb: REGIE_VOORSTELLEN, caseId: c.id, userId: PEOPLE.schuldhulp.userId })).to.include('Voorstel verstuurd');
    const voorstelId = (await stored()).regieOverdragen?.id as string;
    expect(await bot.press('schuldhulp', REGIE_AANVAARDEN, { caseId: c.id, voorstelId })).to.include('Je hebt de casusregie aanvaard');
    const after = await stored();
    expect(activeCasusregisseur(after)?.userId).to.equal(PEOPLE.schuldhulp.userId);
    expect(after.professionals.find((p) => p.userId === PEOPLE.regisseur.userId)).to.deep.include({ role: 'betrokkenProfessional', active: true });
    await deliver();
    expect(bot.readBy('regisseur').join('\n')).to.include('Ahmed El Amrani (Schuldhulpverlening) is nu de casusregisseur.');
  });

  it('consent withdrawn: the GGZ colleague is told its access ended and can no longer open the case', async () => {
    await say('schuldhulp', `casus ${c.reference}`);
    expect(await submit('schuldhulp', { verb: TOESTEMMING_INTREKKEN, caseId: c.id, userId: PEOPLE.onbekend.userId, op: '2026-11-23', hoe: '', onderdelen: '' })).to.include('De toestemming is ingetrokken');
    await deliver();
    expect(bot.readBy('onbekend').join('\n')).to.equal(`Je toegang tot casus **${c.reference}** is beëindigd. Je ziet de casus niet meer.`);
    expect(await say('onbekend', `casus ${c.reference}`)).to.match(/bestaat niet|niet gevonden/i);
    expect(await say('onbekend', 'mijn casussen')).not.to.include(c.reference);
  });
});

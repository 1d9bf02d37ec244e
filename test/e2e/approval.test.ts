/**
 * Deel B approval through the bot over real HTTP: Teams-shaped adaptiveCard/action invokes (Action.Execute) and the
 * card that comes back. Four-eyes, strangers, forged ids, replays, 100 presses at once, and the budget ledger.
 */
import { ALLE_ONDERDELEN } from '../support/case-fixtures';
import { expect } from 'chai';
import type { Case } from '../../services/domain/model/case';
import { createApp, type App } from '../../bot/app';
import { DEELB_AFWIJZEN, DEELB_AKKOORD, DEELB_MEER_INFO, DEELB_VERNIEUW } from '../../cards/verbs';
import { remaining } from '../../services/budget/ledger';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { createTestBot } from '../support/bot-services';
import { OutboxDispatcher } from '../../services/notify/dispatcher';
import { changesAsText } from '../../services/notify/outbox-message';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { caseAt, PEOPLE, TEAMS_NAMES, VOORBEELD, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsCardAction, teamsMessage, teamsSubmit, type TeamsContext } from '../support/teams-activities';

const directory = new StaticDirectory({
  [PEOPLE.leidinggevende.userId]: ['leidinggevende'],
  [PEOPLE.teamleider.userId]: ['leidinggevende'],
  [PEOPLE.onbekend.userId]: ['leidinggevende'],
});

describe('end to end: Deel B approval cards (Action.Execute invokes over HTTP)', function () {
  this.timeout(60_000);
  let connector: LocalConnector;
  let app: App;
  let botUrl: string;
  let ctx: ReturnType<typeof createTestBot>;

  before(async () => {
    connector = await startLocalConnector();
    ctx = createTestBot(directory);
    app = await createApp(loadConfig({}), { bot: ctx.bot, logger: silentLogger });
    botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    ctx.notifier.attach(app.adapter, undefined);
  });
  after(async () => {
    await app.close();
    await connector.close();
  });

  /** A case in 5B with Deel B submitted by `requester` for € 1.250,00, asked of the leidinggevende; a budget set. */
  async function submitted(budgetCents = 1_000_000, requester: Person = 'regisseur'): Promise<{ caseId: string; requestId: string; teamId: string }> {
    const d = VOORBEELD.deelB(caseAt('onderbouwing'));
    if (requester === 'teamleider') d.run('regisseur', { type: 'addProfessional', userId: PEOPLE.teamleider.userId, role: 'betrokkenProfessional', toestemming: ALLE_ONDERDELEN });
    d.run(requester, { type: 'requestApproval', askedUserIds: requester === 'teamleider' ? [] : [PEOPLE.leidinggevende.userId] });
    const c: Case = { ...d.case, id: `case-${Math.random().toString(36).slice(2, 10)}`, reference: `HA-2026-${Math.random().toString(36).slice(2, 8).toUpperCase().replace(/[ILOU]/g, 'X')}` };
    await ctx.store.create(c);
    const teamId = `team-${c.id}`;
    await ctx.store.replace({ ...c, teamId }, (await ctx.store.get(c.id))?.etag as string);
    await ctx.ledger.setBudget({ teamId, period: '2026', amountCents: budgetCents, by: 'aad-beheerder-1', at: '2026-11-23T09:00:00.000Z' });
    return { caseId: c.id, requestId: c.approvals[0]?.id as string, teamId };
  }

  const as = (person: Person): TeamsContext => ({ serviceUrl: connector.serviceUrl, user: { aadObjectId: PEOPLE[person].userId, name: TEAMS_NAMES[person] } });

  async function press(person: Person, verb: string, data: Record<string, unknown>): Promise<{ status: number; card: string; json: Record<string, any> }> {
    const response = await postActivity(botUrl, teamsCardAction(verb, data, as(person)));
    const json = JSON.parse(response.body) as Record<string, any>;
    return { status: json.statusCode as number, card: JSON.stringify(json.value), json };
  }

  const stored = async (caseId: string) => (await ctx.store.get(caseId))?.case as Case;

  it('akkoord: stored once, booked on the budget, and the card shows who decided and loses its buttons', async () => {
    const { caseId, requestId, teamId } = await submitted();
    const answer = await press('leidinggevende', DEELB_AKKOORD, { caseId, requestId });
    expect(answer.status).to.equal(200);
    expect(answer.json.type).to.equal('application/vnd.microsoft.card.adaptive');
    expect(answer.card).to.match(/Akkoord, door Sanne de Wit op 23 nov 2026, 10:00\./);
    expect(answer.card).to.not.contain('"ActionSet"');
    expect(answer.card).to.contain('€\u00a08.750,00');
    // What the money is for, as the verzoek says it, is on the card and goes with the grant onto the ledger.
    expect(answer.card).to.contain('{"title":"Waarvoor","value":"Huisvesting"}');
    expect((await stored(caseId)).approvals[0]).to.deep.include({ status: 'akkoord' });
    const budget = await ctx.ledger.get(teamId, '2026');
    expect(budget?.bookings.map((b) => [b.requestId, b.amountCents, b.categorie])).to.deep.equal([[requestId, 125_000, 'huisvesting']]);
  });

  it('afwijzen needs a reason: without one the card says so and nothing changes; with one it is stored', async () => {
    const { caseId, requestId } = await submitted();
    const bare = await press('leidinggevende', DEELB_AFWIJZEN, { caseId, requestId, reden: '  ' });
    expect(bare.card).to.contain('Geef een reden bij afwijzen of meer informatie vragen.').and.contain('"ActionSet"');
    expect((await stored(caseId)).approvals[0]?.status).to.equal('open');
    const reasoned = await press('leidinggevende', DEELB_AFWIJZEN, { caseId, requestId, reden: 'Eerst de reguliere route proberen.' });
    expect(reasoned.card).to.match(/Afgewezen, door/).and.contain('Reden: Eerst de reguliere route proberen.');
    expect((await stored(caseId)).approvals[0]?.decision).to.deep.include({ outcome: 'afgewezen', reason: 'Eerst de reguliere route proberen.' });
  });

  it('meer informatie with a question', async () => {
    const { caseId, requestId } = await submitted();
    const answer = await press('leidinggevende', DEELB_MEER_INFO, { caseId, requestId, reden: 'Hoe lang duurt de reguliere route precies?' });
    expect(answer.card).to.match(/Meer informatie nodig, door/);
    expect((await stored(caseId)).approvals[0]?.status).to.equal('meerInformatie');
  });

  it('four-eyes: a leidinggevende who asked cannot approve their own request', async () => {
    const { caseId, requestId, teamId } = await submitted(1_000_000, 'teamleider');
    const answer = await press('teamleider', DEELB_AKKOORD, { caseId, requestId });
    expect(answer.card).to.contain('Je kunt een verzoek dat je zelf hebt ingediend niet zelf goedkeuren.');
    expect((await stored(caseId)).approvals[0]?.status).to.equal('open');
    expect((await ctx.ledger.get(teamId, '2026'))?.bookings).to.deep.equal([]);
  });

  it('a stranger and a forged case id get "bestaat niet" and change nothing', async () => {
    const { caseId, requestId } = await submitted();
    const stranger = await press('onbekend', DEELB_AKKOORD, { caseId, requestId });
    expect(stranger.card).to.contain('Deze casus bestaat niet, of je hebt er geen toegang toe.');
    const forged = await press('leidinggevende', DEELB_AKKOORD, { caseId: 'verzonnen-casus', requestId });
    expect(forged.card).to.contain('Deze casus bestaat niet, of je hebt er geen toegang toe.');
    const broken = await press('leidinggevende', DEELB_AKKOORD, { caseId: 42 });
    expect(broken.card).to.contain('Deze kaart is niet geldig');
    expect((await stored(caseId)).approvals[0]?.status).to.equal('open');
  });

  it('a replayed decision says it was already decided, and books nothing twice', async () => {
    const { caseId, requestId, teamId } = await submitted();
    await press('leidinggevende', DEELB_AKKOORD, { caseId, requestId });
    const replay = await press('leidinggevende', DEELB_AFWIJZEN, { caseId, requestId, reden: 'Toch niet.' });
    expect(replay.card).to.contain('Over dit verzoek is al beslist.').and.match(/Akkoord, door/);
    expect((await stored(caseId)).approvals[0]?.status).to.equal('akkoord');
    expect((await ctx.ledger.get(teamId, '2026'))?.bookings).to.have.length(1);
  });

  it('100 presses at once: exactly one decision and one booking', async () => {
    const { caseId, requestId, teamId } = await submitted();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => press('leidinggevende', i % 2 ? DEELB_AKKOORD : DEELB_AFWIJZEN, { caseId, requestId, reden: 'Reden.' })));
    expect(answers.every((a) => a.status === 200)).to.equal(true);
    const request = (await stored(caseId)).approvals[0];
    expect(request?.status).to.be.oneOf(['akkoord', 'afgewezen']);
    const bookings = (await ctx.ledger.get(teamId, '2026'))?.bookings ?? [];
    expect(bookings).to.have.length(request?.status === 'akkoord' ? 1 : 0);
    const decided = answers.filter((a) => !a.card.includes('Over dit verzoek is al beslist.'));
    expect(decided.length).to.be.at.least(1);
  });

  it('a grant that would overdraw the budget is refused in Dutch; the request stays open', async () => {
    const { caseId, requestId, teamId } = await submitted(100_000);
    const answer = await press('leidinggevende', DEELB_AKKOORD, { caseId, requestId });
    expect(answer.card).to.contain('Het doorbraakbudget heeft nog €\u00a01.000,00; €\u00a01.250,00 past daar niet in.');
    expect((await stored(caseId)).approvals[0]?.status).to.equal('open');
    expect(remaining((await ctx.ledger.get(teamId, '2026'))!)).to.equal(100_000);
  });

  it('refresh shows the card as it stands; clients without Action.Execute use the Action.Submit fallback; unknown verbs are a 400', async () => {
    const { caseId, requestId } = await submitted();
    expect((await press('leidinggevende', DEELB_VERNIEUW, { caseId, requestId })).card).to.contain('Deel B ter beoordeling').and.contain('"ActionSet"');
    connector.reset();
    await postActivity(botUrl, teamsSubmit({ verb: DEELB_AKKOORD, caseId, requestId }, as('leidinggevende')));
    expect(JSON.stringify(connector.calls.at(-1)?.body.attachments?.[0]?.content)).to.match(/Akkoord, door/);
    expect((await press('leidinggevende', 'iets.anders', {})).status).to.equal(400);
  });

  it('brings the card to the approver in their own chat; after the decision that copy is updated and the requester told', async () => {
    const { caseId, requestId } = await submitted();
    // Teams gives the bot a professional's personal chat once they have used the app.
    await postActivity(botUrl, teamsMessage('help', as('leidinggevende')));
    await postActivity(botUrl, teamsMessage('help', as('regisseur')));
    connector.reset();
    expect(await ctx.delivery.deliver(PEOPLE.regisseur, caseId, requestId)).to.deep.equal({ reached: 1, asked: 1 });
    const delivered = connector.calls.at(-1);
    expect(delivered?.conversationId).to.equal(`a:personal-${PEOPLE.leidinggevende.userId}`);
    expect(JSON.stringify(delivered?.body.attachments?.[0]?.content)).to.contain('Deel B ter beoordeling').and.contain('"ActionSet"');
    expect(await ctx.sentCards.list(requestId)).to.deep.equal([{ userId: PEOPLE.leidinggevende.userId, activityId: delivered?.id }]);

    connector.reset();
    await press('leidinggevende', DEELB_AKKOORD, { caseId, requestId });
    const update = connector.calls.find((c) => c.kind === 'update');
    expect(update?.activityId).to.equal(delivered?.id);
    expect(JSON.stringify(update?.body.attachments?.[0]?.content)).to.match(/Akkoord, door/).and.not.contain('"ActionSet"');
    // The requester hears the decision once, through the case's outbox (not also straight from the press).
    expect(connector.calls.filter((c) => c.conversationId === `a:personal-${PEOPLE.regisseur.userId}`)).to.deep.equal([]);
    await new OutboxDispatcher(ctx.store, ctx.notifier, { instanceId: 'bot-test', intervalMs: 1000, perConversationMs: 0, render: changesAsText, now: () => ctx.clock.now().toJSDate() }).sweep();
    const reference = (await ctx.store.get(caseId))?.case.reference as string;
    const told = connector.calls.filter((c) => c.conversationId === `a:personal-${PEOPLE.regisseur.userId}` && String(c.body.text).includes(reference));
    expect(told).to.have.length(1);
    expect(told[0]?.body.text).to.match(/^Casus \*\*HA-2026-\w{6}\*\* is gewijzigd:\n\n- .* heeft besloten over Deel B: Akkoord\./);
  });

  it('an approver who never opened the app is reported as not reached, and nothing is sent to them', async () => {
    const { caseId, requestId } = await submitted();
    const c = (await ctx.store.get(caseId)) as { case: Case; etag: string };
    const asked = [PEOPLE.leidinggevende.userId, 'aad-leidinggevende-nieuw'];
    const approvals = c.case.approvals.map((r) => ({ ...r, askedUserIds: asked }));
    await ctx.store.replace({ ...c.case, approvals, memberIds: [...new Set([...c.case.memberIds, ...asked])] }, c.etag);
    connector.reset();
    expect(await ctx.delivery.deliver(PEOPLE.regisseur, caseId, requestId)).to.deep.equal({ reached: 1, asked: 2 });
    expect(connector.calls.map((call) => call.conversationId)).to.deep.equal([`a:personal-${PEOPLE.leidinggevende.userId}`]);
  });

  it('a crash between booking and storing the decision: the next press completes it and books once', async () => {
    const { caseId, requestId, teamId } = await submitted();
    // The crashed attempt got as far as the booking (the process died before the decision was stored).
    await ctx.ledger.book(teamId, '2026', { requestId, caseId, amountCents: 125_000, at: '2026-11-23T09:00:00.000Z', by: PEOPLE.leidinggevende.userId });
    expect((await stored(caseId)).approvals[0]?.status).to.equal('open');
    const answer = await press('leidinggevende', DEELB_AKKOORD, { caseId, requestId });
    expect(answer.card).to.match(/Akkoord, door/);
    expect((await stored(caseId)).approvals[0]?.status).to.equal('akkoord');
    expect((await ctx.ledger.get(teamId, '2026'))?.bookings.map((b) => b.requestId)).to.deep.equal([requestId]);
  });

  it('a crash after booking, then another approver rejects: the rejection takes the booking back', async () => {
    const { caseId, requestId, teamId } = await submitted();
    await ctx.ledger.book(teamId, '2026', { requestId, caseId, amountCents: 125_000, at: '2026-11-23T09:00:00.000Z', by: PEOPLE.leidinggevende.userId });
    const answer = await press('leidinggevende', DEELB_AFWIJZEN, { caseId, requestId, reden: 'Eerst de reguliere route.' });
    expect(answer.card).to.match(/Afgewezen, door/).and.contain('€\u00a010.000,00 (team-');
    expect((await stored(caseId)).approvals[0]?.status).to.equal('afgewezen');
    expect((await ctx.ledger.get(teamId, '2026'))?.bookings).to.deep.equal([]);
  });
});

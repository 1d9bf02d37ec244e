/**
 * Quarter and year budgets through the bot over HTTP: a beheerder sets them with `budget`, an approval books on the
 * period that holds its date and the card, `budget` and `status` show that period; and what an approval press costs
 * in store operations (counted, not timed): at most two case reads, one case write, one ledger read and one write.
 */
import { expect } from 'chai';
import { DEELB_AKKOORD, DEELB_AFWIJZEN } from '../../cards/verbs';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { CASE_STORE_KINDS, counted, OperationCounter, VERSIONED_STORE_KINDS } from '../support/counting';
import type { LocalConnector } from '../support/local-connector';
import { caseAt, PEOPLE, VOORBEELD, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsCardAction, teamsMessage, type TeamsContext } from '../support/teams-activities';

const BEHEERDER = 'aad-beheerder-1';
const TEAM = 'wijkteam-noord';

describe('end to end: doorbraakbudget by quarter and by year, and what an approval press costs', function () {
  this.timeout(60_000);
  const counter = new OperationCounter();
  let connector: LocalConnector;
  let botUrl: string;
  let ctx: BotOverHttp;
  let n = 0;

  before(async () => {
    ctx = await startBotOverHttp(new StaticDirectory({ [PEOPLE.leidinggevende.userId]: ['leidinggevende'], [BEHEERDER]: ['beheerder'] }), {
      wrap: {
        caseStore: (store) => counted(store, counter, 'case', CASE_STORE_KINDS),
        ledgerStore: (store) => counted(store, counter, 'ledger', VERSIONED_STORE_KINDS),
      },
    });
    ({ connector, botUrl } = ctx);
  });
  after(() => ctx.close());

  const as = (userId: string): TeamsContext => ({ serviceUrl: connector.serviceUrl, user: { aadObjectId: userId, name: 'Professional' } });
  const asPerson = (person: Person) => as(PEOPLE[person].userId);

  async function say(userId: string, text: string): Promise<string[]> {
    connector.reset();
    await postActivity(botUrl, teamsMessage(text, as(userId)));
    return connector.texts();
  }

  async function press(verb: string, data: Record<string, unknown>): Promise<string> {
    connector.reset();
    const response = await postActivity(botUrl, teamsCardAction(verb, data, asPerson('leidinggevende')));
    return JSON.stringify((JSON.parse(response.body) as { value: unknown }).value);
  }

  /** A case of TEAM in 5B with Deel B (€ 1.250,00) submitted by the regisseur and asked of the leidinggevende. */
  async function submitted(teamId = TEAM): Promise<{ caseId: string; requestId: string }> {
    const d = VOORBEELD.deelB(caseAt('onderbouwing'));
    d.run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
    n++;
    const c: Case = { ...d.case, id: `case-budget-${n}`, reference: `HA-2026-BKDG${String(n).padStart(2, '0')}`, teamId };
    await ctx.store.create(c);
    return { caseId: c.id, requestId: c.approvals[0]?.id as string };
  }

  it('quarter budgets: set by the beheerder, drawn on by an approval in that quarter, shown by budget, status and the card', async () => {
    expect(await say(BEHEERDER, 'budget 5.000 2026-Q4')).to.deep.equal([
      'Vastgesteld. Doorbraakbudget wijkteam-noord 2026-Q4: €\u00a05.000,00, toegekend €\u00a00,00, over €\u00a05.000,00.',
    ]);
    expect(await say(BEHEERDER, 'budget 4.000 2026-q3')).to.deep.equal([
      'Vastgesteld. Doorbraakbudget wijkteam-noord 2026-Q3: €\u00a04.000,00, toegekend €\u00a00,00, over €\u00a04.000,00.',
    ]);
    // Today (23 November 2026) is in Q4: "budget" shows Q4.
    expect(await say(PEOPLE.regisseur.userId, 'budget')).to.deep.equal([
      'Doorbraakbudget wijkteam-noord 2026-Q4: €\u00a05.000,00, toegekend €\u00a00,00, over €\u00a05.000,00.',
    ]);
    const { caseId, requestId } = await submitted();
    const card = await press(DEELB_AKKOORD, { caseId, requestId });
    expect(card).to.match(/Akkoord, door/).and.contain('€\u00a03.750,00 (wijkteam-noord, 2026-Q4)');
    expect((await ctx.ledger.get(TEAM, '2026-Q4'))?.bookings.map((b) => b.requestId)).to.deep.equal([requestId]);
    expect((await ctx.ledger.get(TEAM, '2026-Q3'))?.bookings).to.deep.equal([]);
    expect(await say(PEOPLE.regisseur.userId, 'budget')).to.deep.equal([
      'Doorbraakbudget wijkteam-noord 2026-Q4: €\u00a05.000,00, toegekend €\u00a01.250,00, over €\u00a03.750,00.',
    ]);
    await say(PEOPLE.regisseur.userId, `casus ${(await ctx.store.get(caseId))?.case.reference}`);
    const status = (await say(PEOPLE.regisseur.userId, 'status')).join('\n');
    expect(status).to.contain('Doorbraakbudget wijkteam-noord 2026-Q4: €\u00a05.000,00, toegekend €\u00a01.250,00, over €\u00a03.750,00.');
    // A year budget beside quarter budgets is refused, and "budget 6.000" without a period sets this quarter.
    expect((await say(BEHEERDER, 'budget 10.000 2026'))[0]).to.match(/^Voor 2026 zijn kwartaalbudgetten vastgesteld; een jaarbudget kan daar niet naast\./);
    expect(await say(BEHEERDER, 'budget 6.000')).to.deep.equal([
      'Vastgesteld. Doorbraakbudget wijkteam-noord 2026-Q4: €\u00a06.000,00, toegekend €\u00a01.250,00, over €\u00a04.750,00.',
    ]);
  });

  it('a year budget: drawn on by an approval, shown by budget and the card', async () => {
    const team = 'wijkteam-zuid';
    await ctx.ledger.setBudget({ teamId: team, period: '2026', amountCents: 1_000_000, by: BEHEERDER, at: '2026-11-23T09:00:00.000Z' });
    const { caseId, requestId } = await submitted(team);
    const card = await press(DEELB_AKKOORD, { caseId, requestId });
    expect(card).to.contain('€\u00a08.750,00 (wijkteam-zuid, 2026)');
    expect((await ctx.ledger.get(team, '2026'))?.bookings.map((b) => [b.requestId, b.amountCents])).to.deep.equal([[requestId, 125_000]]);
  });

  it('an approval press reads the case once, writes it once, and reads and writes the ledger once', async () => {
    const team = 'wijkteam-oost';
    await ctx.ledger.setBudget({ teamId: team, period: '2026', amountCents: 1_000_000, by: BEHEERDER, at: '2026-11-23T09:00:00.000Z' });
    const { caseId, requestId } = await submitted(team);
    counter.reset();
    await press(DEELB_AKKOORD, { caseId, requestId });
    const counts = counter.snapshot();
    expect(counts['case.read'] ?? 0, JSON.stringify(counts)).to.be.at.most(2);
    expect(counts['case.write'] ?? 0, JSON.stringify(counts)).to.equal(1);
    expect(counts['ledger.read'] ?? 0, JSON.stringify(counts)).to.equal(1);
    expect(counts['ledger.write'] ?? 0, JSON.stringify(counts)).to.equal(1);
    // A refused press (already decided): no writes at all.
    counter.reset();
    await press(DEELB_AFWIJZEN, { caseId, requestId, reden: 'Toch niet.' });
    expect(counter.get('case.write') + counter.get('ledger.write'), JSON.stringify(counter.snapshot())).to.equal(0);
    expect(counter.get('case.read'), JSON.stringify(counter.snapshot())).to.be.at.most(2);
  });
});

/**
 * What a turn costs in store operations, counted (never timed) with counting stores under the real bot over HTTP:
 * a message inside a step reads its case once and writes it at most once, resolves the actor once, and audits one
 * read per case per turn.
 */
import { expect } from 'chai';
import sinon from 'sinon';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { CASE_STORE_KINDS, counted, OperationCounter } from '../support/counting';
import type { LocalConnector } from '../support/local-connector';
import { postActivity, teamsMessage, type TeamsContext } from '../support/teams-activities';

describe('what a turn costs: one case read, at most one case write', function () {
  this.timeout(60_000);
  const counter = new OperationCounter();
  const directory = new StaticDirectory();
  let connector: LocalConnector;
  let botUrl: string;
  let ctx: BotOverHttp;
  let context: TeamsContext;

  before(async () => {
    ctx = await startBotOverHttp(directory, { wrap: { caseStore: (store) => counted(store, counter, 'case', CASE_STORE_KINDS) } });
    ({ connector, botUrl } = ctx);
    context = { serviceUrl: connector.serviceUrl };
  });
  after(() => ctx.close());

  async function say(text: string): Promise<string> {
    connector.reset();
    await postActivity(botUrl, teamsMessage(text, context));
    return connector.texts().join('\n');
  }

  it('an answer in the middle of vraagverheldering', async () => {
    for (const text of ['nieuwe casus', 'Ik krijg een brief dat we het huis uit moeten.', 'inwoner Moeder (M1) 38', 'klaar']) await say(text);
    expect(await say('ja')).to.match(/\*\*Ik wil\*\*/);
    const rolesOf = sinon.spy(directory, 'rolesOf');
    counter.reset();
    ctx.audit.entries.length = 0;
    expect(await say('Met de kinderen in ons huis blijven wonen.')).to.match(/\*\*Ik kan\*\*/);
    const counts = counter.snapshot();
    expect(counts['case.read'] ?? 0, JSON.stringify(counts)).to.equal(1);
    expect(counts['case.write'] ?? 0, JSON.stringify(counts)).to.equal(1);
    expect(rolesOf.callCount, 'directory look-ups of the actor').to.equal(1);
    const reads = ctx.audit.entries.filter((e) => e.action === 'read');
    expect(reads, JSON.stringify(ctx.audit.entries)).to.have.length(1);
    expect(ctx.audit.entries.filter((e) => e.action === 'update')).to.have.length(1);
    rolesOf.restore();
  });

  it('a refused answer (a BSN in free text) reads once and writes nothing', async () => {
    counter.reset();
    expect(await say('Ze heeft BSN 111222333 gegeven.')).to.match(/BSN/);
    expect(counter.get('case.write'), JSON.stringify(counter.snapshot())).to.equal(0);
    expect(counter.get('case.read'), JSON.stringify(counter.snapshot())).to.be.at.most(1);
  });
});

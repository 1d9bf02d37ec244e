import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import ExcelJS from 'exceljs';
import { Downloads } from '../../bot/downloads';
import { FileOffers } from '../../bot/file-offers';
import { handleResultatenCommand, RESULTATEN_HELP, RESULTATEN_PATTERN } from '../../bot/resultaten-command';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { DomainError } from '../../services/domain/errors';
import type { Actor } from '../../services/domain/model/roles';
import type { ResultatenBron } from '../../services/resultaten/bron';
import { resultatenCsv } from '../../services/resultaten/export';
import { textsOf } from '../support/adaptivecards';
import { createTestServices } from '../support/bot-services';
import { resultatenFixture } from '../support/resultaten-fixture';

const WEIGERING = 'Alleen een leidinggevende, beheerder of bestuurder van het team kan de resultaten zien.';

/** A bron that serves the fixture to a leidinggevende and refuses anyone else, as ResultatenService would. */
class FakeBron implements ResultatenBron {
  readonly asked: { actor: Actor; teamId: string; periode?: string }[] = [];
  async rapport(actor: Actor, input: { readonly teamId: string; readonly periode?: string }) {
    this.asked.push({ actor, ...input });
    if (!actor.orgRoles.includes('leidinggevende')) throw new DomainError('CASE.FORBIDDEN_ROLE', WEIGERING);
    return resultatenFixture({ teamId: input.teamId, periode: input.periode ?? '2026-Q1' });
  }
}

function harness(options: { downloads?: boolean } = {}) {
  const directory = new StaticDirectory({ user1: ['leidinggevende'] });
  const { services, clock } = createTestServices(directory);
  const bron = new FakeBron();
  const downloads = options.downloads ? new Downloads(clock) : undefined;
  downloads?.attach('http://127.0.0.1:3978');
  const files = new FileOffers(services, downloads, { bron, teamId: 'wijkteam-noord' });
  const adapter = new TestAdapter(async (turn) => {
    const match = RESULTATEN_PATTERN.exec(turn.activity.text ?? '');
    if (match) await handleResultatenCommand(turn, { directory, resultaten: bron, files }, 'wijkteam-noord', match);
  });
  const send = async (activity: Partial<Activity>) => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(activity);
    return adapter.activeQueue.splice(0);
  };
  /** A turn of the test's user running something on FileOffers (a consent answer). */
  const turnOf = async (f: (turn: TurnContext) => Promise<void>, from?: Activity['from']) => {
    const other = new TestAdapter(f);
    await other.processActivity({ type: 'invoke', text: '', ...(from ? { from } : {}) });
    return other.activeQueue.splice(0);
  };
  return { bron, files, send, turnOf, downloads };
}

describe('resultaten command (bot/resultaten-command.ts)', () => {
  it('matches "resultaten", a period and "export", anchored; a help line for the command list', () => {
    const m = (t: string) => RESULTATEN_PATTERN.exec(t)?.slice(1, 3);
    expect(m('resultaten')).to.deep.equal([undefined, undefined]);
    expect(m(' Resultaten 2026-q1 ')).to.deep.equal([undefined, '2026-q1']);
    expect(m('resultaten export')).to.deep.equal(['export', undefined]);
    expect(m('resultaten export 2026')).to.deep.equal(['export', '2026']);
    expect(m('resultaten 2026-Q5')).to.deep.equal([undefined, '2026-Q5']);
    expect(m('mijn resultaten')).to.equal(undefined);
    expect(m('resultaten 2026 en meer')).to.equal(undefined);
    expect(RESULTATEN_HELP[0]).to.equal('resultaten');
  });

  it('sends the card of the period asked, for the bot\'s team', async () => {
    const h = harness();
    const replies = await h.send({ type: 'message', text: 'resultaten 2026-q1' });
    expect(replies).to.have.length(1);
    const card = replies[0]?.attachments?.[0];
    expect(card?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(textsOf(card?.content)[0]).to.equal('Resultaten wijkteam-noord 2026-Q1');
    expect(h.bron.asked.map(({ teamId, periode }) => ({ teamId, periode }))).to.deep.equal([{ teamId: 'wijkteam-noord', periode: '2026-Q1' }]);
    await h.send({ type: 'message', text: 'resultaten' });
    expect(h.bron.asked[1]).to.not.have.property('periode');
  });

  it('passes the bron\'s refusal on in its own words', async () => {
    const h = harness();
    const replies = await h.send({ type: 'message', text: 'resultaten', from: { id: 'iemand-anders', name: 'B' } });
    expect(replies.map((r) => r.text)).to.deep.equal([WEIGERING]);
    expect(replies[0]?.attachments ?? []).to.deep.equal([]);
  });

  it('refuses a period that is none in Dutch, without asking the bron', async () => {
    const h = harness();
    for (const text of ['resultaten 2026-Q5', 'resultaten export vorige', 'resultaten 26']) {
      const replies = await h.send({ type: 'message', text });
      expect(replies.map((r) => r.text), text).to.deep.equal(['Dat is geen periode. Typ een jaar of een kwartaal, bijvoorbeeld **resultaten 2026** of **resultaten export 2026-Q1**.']);
    }
    expect(h.bron.asked).to.deep.equal([]);
  });

  it('never shows resultaten in a group chat', async () => {
    const h = harness();
    const replies = await h.send({ type: 'message', text: 'resultaten', conversation: { id: 'groep', isGroup: true, conversationType: 'groupChat', name: '' } });
    expect(replies.map((r) => r.text)).to.deep.equal(['Resultaten laat ik alleen in je persoonlijke chat met mij zien.']);
    expect(h.bron.asked).to.deep.equal([]);
  });

  it('offers the export in Teams as two files to save (file consent), named after team and period', async () => {
    const h = harness();
    const replies = await h.send({ type: 'message', text: 'resultaten export 2026-Q1' });
    const offers = replies.map((r) => r.attachments?.[0]);
    expect(offers.map((a) => [a?.contentType, a?.name])).to.deep.equal([
      ['application/vnd.microsoft.teams.card.file.consent', 'resultaten-wijkteam-noord-2026-Q1.xlsx'],
      ['application/vnd.microsoft.teams.card.file.consent', 'resultaten-wijkteam-noord-2026-Q1.csv'],
    ]);
    expect(offers[1]?.content).to.deep.include({
      sizeInBytes: resultatenCsv(resultatenFixture()).length,
      acceptContext: { kind: 'resultaten', teamId: 'wijkteam-noord', periode: '2026-Q1', formaat: 'csv' },
    });
  });

  it('makes the file again when it is accepted and uploads it to the place Teams names', async () => {
    const h = harness();
    const uploads: Buffer[] = [];
    const onedrive = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        uploads.push(Buffer.concat(parts));
        // statusCode, not writeHead(): restify (loaded by other test files) patches writeHead for every server.
        res.statusCode = 201;
        res.end();
      });
    });
    await new Promise<void>((resolve) => onedrive.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(onedrive.address() as AddressInfo).port}`;
      const context = { kind: 'resultaten', teamId: 'wijkteam-noord', periode: '2026-Q1', formaat: 'xlsx' };
      const uploadInfo = { name: 'resultaten-wijkteam-noord-2026-Q1.xlsx', uploadUrl: `${url}/upload`, contentUrl: 'https://contoso.sharepoint.com/r.xlsx', uniqueId: 'r-1', fileType: 'xlsx' };
      const replies = await h.turnOf((turn) => h.files.accept(turn, { action: 'accept', context, uploadInfo }));
      expect(replies.map((r) => r.attachments?.[0]?.contentType)).to.deep.equal(['application/vnd.microsoft.teams.card.file.info']);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(uploads[0] as unknown as ArrayBuffer);
      expect(workbook.worksheets).to.have.length(4);
      // Declined: nothing is made or uploaded.
      const declined = await h.turnOf((turn) => h.files.decline(turn, { action: 'decline', context }));
      expect(declined.map((r) => r.text)).to.deep.equal(['Prima, geen bestand. Typ **resultaten export** als je het later toch wilt.']);
      expect(uploads).to.have.length(1);
    } finally {
      onedrive.close();
    }
  });

  it('an accept naming another team, or from someone without the role, uploads nothing and says why in Dutch', async () => {
    const h = harness();
    let uploads = 0;
    const onedrive = http.createServer((req, res) => {
      uploads++;
      req.resume();
      res.statusCode = 201;
      res.end();
    });
    await new Promise<void>((resolve) => onedrive.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(onedrive.address() as AddressInfo).port}`;
      const uploadInfo = { name: 'r.csv', uploadUrl: `${url}/upload`, contentUrl: 'https://contoso.sharepoint.com/r.csv', uniqueId: 'r-2', fileType: 'csv' };
      // The team comes back from the client: another team's figures are never made, whatever the card said.
      const forged = { kind: 'resultaten', teamId: 'wijkteam-zuid', periode: '2026-Q1', formaat: 'csv' };
      const other = await h.turnOf((turn) => h.files.accept(turn, { action: 'accept', context: forged, uploadInfo }));
      expect(other.map((r) => r.text)).to.deep.equal(['De resultaten kunnen nu niet worden gemaakt. Probeer het zo opnieuw.']);
      expect(h.bron.asked).to.deep.equal([]);
      // Someone without the role who accepts a forwarded consent: refused in the bron's own words, inside the invoke.
      const context = { kind: 'resultaten', teamId: 'wijkteam-noord', periode: '2026-Q1', formaat: 'csv' };
      const refused = await h.turnOf((turn) => h.files.accept(turn, { action: 'accept', context, uploadInfo }), { id: 'user2', aadObjectId: 'user2', name: 'Zonder rol' });
      expect(refused.map((r) => r.text)).to.deep.equal([WEIGERING]);
      expect(uploads).to.equal(0);
    } finally {
      onedrive.close();
    }
  });

  it('offers download links in a local run', async () => {
    const h = harness({ downloads: true });
    const replies = await h.send({ type: 'message', text: 'resultaten export' });
    const cards = replies.map((r) => r.attachments?.[0]?.content);
    expect(cards.map((c) => textsOf(c)[1])).to.deep.equal(['resultaten-wijkteam-noord-2026-Q1.xlsx', 'resultaten-wijkteam-noord-2026-Q1.csv']);
    const link = String((cards[1] as { actions: { url: string }[] }).actions[0]?.url);
    const file = h.downloads?.get(link.split('/').at(-1) as string);
    expect(file?.content.equals(resultatenCsv(resultatenFixture()))).to.equal(true);
  });
});

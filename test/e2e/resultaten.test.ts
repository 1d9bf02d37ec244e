/**
 * Resultaten over real HTTP, in a local run (files by link): a generated population of the team's cases and its
 * ledger, a professional without a role refused in Dutch, a leidinggevende's card, and the export's spreadsheet
 * opened with exceljs holding the same figures as that card. The audit trail names who asked for which report.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { textsOf } from '../support/adaptivecards';
import { createTestBot } from '../support/bot-services';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { maakPopulatie, TEAM } from '../support/resultaten-populatie';
import { T0 } from '../support/stappenplan-driver';
import { postActivity, PROFESSIONAL_A, teamsMessage, type TeamsContext, type TeamsUser } from '../support/teams-activities';

const LEIDINGGEVENDE: TeamsUser = { aadObjectId: '00000000-0000-4000-8000-0000000000c1', name: 'Leidinggevende' };

/** A figure as the card writes it ("€ 1.234,56", "23 dagen", "2,4") as a number; words ("minder dan 5", "afgeschermd") stay words. */
function figure(text: string): number | string {
  const bare = text.replace(/^€\s*/, '').replace(/\s*(werkdagen|dagen|%)$/, '');
  return /^-?[\d.]+(,\d+)?$/.test(bare) ? Number(bare.replaceAll('.', '').replace(',', '.')) : text;
}

describe('end to end: resultaten over HTTP (card, refusal, export)', function () {
  this.timeout(60_000);
  const directory = new StaticDirectory({ [LEIDINGGEVENDE.aadObjectId]: ['leidinggevende'] });
  const { bot, ledger, store, audit, downloads } = createTestBot(directory, { downloads: true });
  const populatie = maakPopulatie({ seed: 17, aantal: 900, nu: T0.toUTC().toISO() as string });
  let connector: LocalConnector;
  let app: App;
  let botUrl: string;
  const as = (user: TeamsUser): TeamsContext => ({ serviceUrl: connector.serviceUrl, user });

  before(async () => {
    connector = await startLocalConnector();
    app = await createApp(loadConfig({}), { bot, logger: silentLogger, ...(downloads ? { downloads } : {}) });
    botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    for (const c of populatie.cases) await store.create(c);
    for (const doc of populatie.ledger.filter((d) => d.teamId === TEAM)) {
      for (const b of doc.budgets) await ledger.setBudget({ teamId: TEAM, period: b.period, amountCents: b.amountCents, by: b.setBy, at: b.setAt });
      for (const { period, ...booking } of doc.bookings) await ledger.book(TEAM, period, booking);
    }
  });

  after(async () => {
    await app.close();
    await connector.close();
  });

  beforeEach(() => connector.reset());

  const cards = () =>
    connector.calls.flatMap((c) => c.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Record<string, unknown>);

  it('a professional without the role is told in Dutch who may see them; no card, no figure', async () => {
    await postActivity(botUrl, teamsMessage('resultaten 2026-Q2', as(PROFESSIONAL_A)));
    expect(connector.texts()).to.deep.equal(['Alleen een leidinggevende, beheerder of bestuurder kan de resultaten zien.']);
    expect(cards()).to.deep.equal([]);
    expect(audit.entries.at(-1)).to.deep.include({ actorId: PROFESSIONAL_A.aadObjectId, action: 'denied', operation: `resultaten:${TEAM}:2026-Q2` });
  });

  it('a bad period is refused in words and asks nothing', async () => {
    const before = audit.entries.length;
    await postActivity(botUrl, teamsMessage('resultaten 2026-Q5', as(LEIDINGGEVENDE)));
    expect(connector.texts().join('\n')).to.contain('Dat is geen periode.');
    expect(audit.entries).to.have.length(before);
  });

  it('a year budgeted by quarter: the whole year is refused in plain Dutch (no report to subtract quarters from), audited', async () => {
    await postActivity(botUrl, teamsMessage('resultaten 2026', as(LEIDINGGEVENDE)));
    expect(connector.texts()).to.deep.equal(['Het team heeft voor 2026 kwartaalbudgetten; vraag de resultaten per kwartaal, bijvoorbeeld resultaten 2026-Q1.']);
    expect(cards()).to.deep.equal([]);
    expect(audit.entries.at(-1)).to.deep.include({ actorId: LEIDINGGEVENDE.aadObjectId, action: 'denied', operation: `resultaten:${TEAM}:2026` });
  });

  it('the leidinggevende gets the card, and the export\'s spreadsheet holds the very figures of that card', async () => {
    await postActivity(botUrl, teamsMessage('resultaten 2026-Q2', as(LEIDINGGEVENDE)));
    const [card] = cards();
    expect(card, 'the resultaten card').to.not.equal(undefined);
    const texts = textsOf(card);
    expect(texts[0]).to.equal(`Resultaten ${TEAM} 2026-Q2`);
    for (const c of populatie.cases.slice(0, 50)) expect(JSON.stringify(card)).to.not.contain(c.reference);
    expect(audit.entries.at(-1)).to.deep.include({ actorId: LEIDINGGEVENDE.aadObjectId, action: 'report', operation: `resultaten:${TEAM}:2026-Q2` });

    connector.reset();
    await postActivity(botUrl, teamsMessage('resultaten export 2026-Q2', as(LEIDINGGEVENDE)));
    const links = cards()
      .flatMap((c) => (c.actions as { type: string; url: string }[] | undefined) ?? [])
      .filter((a) => a.type === 'Action.OpenUrl')
      .map((a) => a.url);
    expect(links).to.have.length(2);
    const [xlsx, csv] = await Promise.all(links.map(async (url) => fetch(url)));
    expect(xlsx?.headers.get('content-disposition')).to.equal(`attachment; filename="resultaten-${TEAM}-2026-Q2.xlsx"`);
    expect(csv?.headers.get('content-disposition')).to.equal(`attachment; filename="resultaten-${TEAM}-2026-Q2.csv"`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx?.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).to.deep.equal(['Casussen', 'Akkoorden en escalaties', 'Doorbraakbudget', 'Wat het de inwoners bracht']);
    // Every row of figures in the workbook, found on the card in the same order: its label, then its figures.
    let at = 0;
    let figures = 0;
    let suppressed = 0;
    const verborgen = (v: unknown) => typeof v === 'string' && (v.startsWith('minder dan') || v === 'afgeschermd');
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row, number) => {
        const values = (row.values as unknown[]).slice(1);
        const [label, ...cells] = values;
        if (number === 1 || cells.length === 0 || !cells.some((v) => typeof v === 'number' || verborgen(v))) return;
        const found = texts.indexOf(label as string, at);
        expect(found, `"${String(label)}" on the card after position ${at}`).to.be.greaterThan(-1);
        const written = texts.slice(found + 1, found + 1 + cells.length).flatMap((t) => (t.includes(' → ') ? t.split(' → ') : [t]));
        const onCard = written.slice(0, cells.length).map(figure);
        expect(onCard, `${sheet.name}: ${String(label)}`).to.deep.equal(cells.map((v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)));
        figures += cells.filter((v) => typeof v === 'number').length;
        suppressed += cells.filter(verborgen).length;
        at = found + 1;
      });
    }
    expect(figures, 'figures compared').to.be.greaterThan(30);
    expect(suppressed, 'a team this size still has cells of fewer than 5 cases').to.be.greaterThan(0);
    const toegekend = populatie.bookings
      .filter((b) => b.teamId === TEAM && !b.mandaat && b.at >= '2026-03-31T22:00:00.000Z' && b.at < '2026-06-30T22:00:00.000Z')
      .reduce((sum, b) => sum + b.amountCents, 0);
    const onCard = texts[texts.indexOf('Toegekend via Deel B') + 1] as string;
    expect(figure(onCard)).to.equal(toegekend / 100);
  });
});

/**
 * A local run (no Azure Bot registration, the Agents Playground): Teams' file consent does not exist there, so
 * the MDO invite (.ics) and Deel A (PDF) come as a card with a download link to the bot itself, over real HTTP.
 */
import { ALLE_ONDERDELEN } from '../support/case-fixtures';
import { expect } from 'chai';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { ERROR_MESSAGES } from '../../services/domain/errors';
import { silentLogger } from '../../bot/logging';
import type { Case } from '../../services/domain/model/case';
import { createTestBot } from '../support/bot-services';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';
import { postActivity, PROFESSIONAL_A, teamsMessage, teamsSubmit, type TeamsContext } from '../support/teams-activities';

describe('end to end: files by link in a local run (the playground has no file consent)', () => {
  const { bot, store, clock, downloads, services } = createTestBot(undefined, { downloads: true });
  let connector: LocalConnector;
  let context: TeamsContext;
  let app: App;
  let botUrl: string;
  let caseId: string;

  before(async () => {
    connector = await startLocalConnector();
    context = { serviceUrl: connector.serviceUrl, user: PROFESSIONAL_A };
    app = await createApp(loadConfig({}), { bot, logger: silentLogger, ...(downloads ? { downloads } : {}) });
    botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    const c = JSON.parse(JSON.stringify(caseAt('mdo').case).replaceAll(PEOPLE.regisseur.userId, PROFESSIONAL_A.aadObjectId)) as Case;
    await store.create(c);
    caseId = c.id;
    await postActivity(botUrl, teamsMessage(`casus ${c.reference}`, context));
  });

  after(async () => {
    await app.close();
    await connector.close();
  });

  beforeEach(() => connector.reset());

  const lastCards = () => connector.calls.flatMap((c) => c.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Record<string, unknown>);
  const linkOf = (card: Record<string, unknown> | undefined) => (card?.actions as { type: string; url: string }[] | undefined)?.find((a) => a.type === 'Action.OpenUrl')?.url ?? '';

  it('plans the MDO and hands out the invite as an .ics download; the link expires after 15 minutes', async () => {
    await postActivity(botUrl, teamsMessage('verder', context));
    const planning = lastCards().find((card) => JSON.stringify(card).includes('MDO 1 plannen'));
    const data = (planning?.actions as { data: Record<string, unknown> }[])[0]?.data ?? {};
    connector.reset();
    await postActivity(botUrl, teamsSubmit({ ...data, datum: '2026-11-26', tijd: '14:00', locatie: 'thuis' }, context));
    expect(connector.texts().join('\n')).to.contain('MDO 1 staat gepland op donderdag 26 november 2026, 14:00 \u2013 15:30 (bij de inwoner thuis). Hieronder de uitnodiging als agendabestand');
    expect(connector.calls.flatMap((c) => c.body.attachments ?? []).map((a) => a.contentType)).to.not.include('application/vnd.microsoft.teams.card.file.consent');
    const card = lastCards().find((c) => JSON.stringify(c).includes('MDO-HA-2026-7K3FQ9.ics'));
    const url = linkOf(card);
    expect(url).to.match(new RegExp(`^${botUrl}/downloads/[A-Za-z0-9_-]{43}$`));

    const response = await fetch(url);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).to.equal('attachment; filename="MDO-HA-2026-7K3FQ9.ics"');
    expect(response.headers.get('cache-control')).to.equal('no-store');
    const ics = await response.text();
    expect(ics).to.contain(`UID:${caseId}-mdo-1`).and.contain('DTSTART:20261126T130000Z').and.not.contain('METHOD:');
    for (const personal of ['Moeder', 'Kind (K', 'huis uit', '123456782']) expect(ics).to.not.contain(personal);

    clock.advance({ minutes: 16 });
    const expired = await fetch(url);
    expect(expired.status).to.equal(404);
    expect(await expired.text()).to.equal('Deze link is verlopen. Vraag het bestand opnieuw aan in de chat.');
    clock.advance({ minutes: -16 });
  });

  it('"deel a" gives the PDF by link as well', async () => {
    await postActivity(botUrl, teamsMessage('deel a', context));
    const response = await fetch(linkOf(lastCards().at(-1)));
    expect(response.headers.get('content-type')).to.equal('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).to.equal('%PDF-');
  });

  it('"deel a" for a case one has been taken off is "bestaat niet": no file is made, no link handed out', async () => {
    const b = { ...context, user: { aadObjectId: '00000000-0000-4000-8000-0000000000b7', name: 'B' } };
    const regisseur = { userId: PROFESSIONAL_A.aadObjectId, orgRoles: [] };
    await services.cases.execute(regisseur, caseId, { type: 'addProfessional', userId: b.user.aadObjectId, role: 'betrokkenProfessional', toestemming: ALLE_ONDERDELEN });
    await postActivity(botUrl, teamsMessage(`casus HA-2026-7K3FQ9`, b));
    await services.cases.execute(regisseur, caseId, { type: 'deactivateProfessional', userId: b.user.aadObjectId });
    connector.reset();
    await postActivity(botUrl, teamsMessage('deel a', b));
    expect(connector.texts()).to.deep.equal([ERROR_MESSAGES['CASE.NOT_FOUND']]);
    expect(lastCards()).to.deep.equal([]);
  });

  it('an unknown token is a 404 that names nothing', async () => {
    const response = await fetch(`${botUrl}/downloads/${'A'.repeat(43)}`);
    expect(response.status).to.equal(404);
  });

  it('download links are refused when an app id is configured (Teams: file consent)', async () => {
    const config = loadConfig({ MicrosoftAppId: '00000000-0000-4000-8000-00000000b0b1', MicrosoftAppPassword: 'geheim' });
    const error = await createApp(config, { bot, logger: silentLogger, ...(downloads ? { downloads } : {}) }).catch((e: unknown) => e);
    expect((error as Error).message).to.contain('local runs only');
  });
});

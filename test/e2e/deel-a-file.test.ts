/**
 * Deel A as a PDF through Teams' file consent flow, over real HTTP: "deel a" sends the consent card; accepting it
 * (a fileConsent/invoke) makes the PDF and uploads it to the URL Teams gives (here a local server standing in for
 * OneDrive), then shows the file in the chat. Declining uploads nothing.
 */
import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { ERROR_MESSAGES } from '../../services/domain/errors';
import { silentLogger } from '../../bot/logging';
import { createTestBot } from '../support/bot-services';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import type { Case } from '../../services/domain/model/case';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';
import { postActivity, PROFESSIONAL_A, teamsMessage, type TeamsContext } from '../support/teams-activities';

describe('end to end: Deel A through the Teams file consent flow', () => {
  const { bot, services, store, audit } = createTestBot();
  const uploads: { range?: string; length: number; body: Buffer }[] = [];
  let onedrive: http.Server;
  let onedriveUrl: string;
  let connector: LocalConnector;
  let context: TeamsContext;
  let app: App;
  let botUrl: string;
  let caseId: string;

  before(async () => {
    onedrive = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        uploads.push({ range: req.headers['content-range'], length: Number(req.headers['content-length']), body: Buffer.concat(chunks) });
        res.statusCode = 201;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => onedrive.listen(0, '127.0.0.1', resolve));
    onedriveUrl = `http://127.0.0.1:${(onedrive.address() as AddressInfo).port}`;
    connector = await startLocalConnector();
    context = { serviceUrl: connector.serviceUrl, user: PROFESSIONAL_A };
    app = await createApp(loadConfig({}), { bot, logger: silentLogger });
    botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    const actor = { userId: PROFESSIONAL_A.aadObjectId, orgRoles: [] };
    const c = await services.cases.open(actor, { teamId: 'w', hulpvraag: 'Ik moet het huis uit.' });
    caseId = c.id;
    await services.cases.execute(actor, caseId, { type: 'setHouseholdMember', member: { role: 'inwoner', label: 'Moeder (M1)' } });
    await postActivity(botUrl, teamsMessage(`casus ${c.reference}`, context));
  });

  after(async () => {
    await app.close();
    await connector.close();
    await new Promise((resolve) => onedrive.close(resolve));
  });

  beforeEach(() => {
    connector.reset();
    uploads.length = 0;
  });

  const consent = (action: 'accept' | 'decline', extra: Record<string, unknown> = {}) => ({
    ...teamsMessage('', context),
    type: 'invoke',
    name: 'fileConsent/invoke',
    text: undefined,
    value: {
      type: 'fileUpload',
      action,
      context: { caseId },
      ...(action === 'accept'
        ? { uploadInfo: { name: 'Samenwerkplan-Deel-A.pdf', uploadUrl: `${onedriveUrl}/upload/1`, contentUrl: 'https://contoso.sharepoint.com/deel-a.pdf', uniqueId: 'file-1', fileType: 'pdf' } }
        : {}),
      ...extra,
    },
  });

  it('"deel a" sends a consent card for the active case', async () => {
    await postActivity(botUrl, teamsMessage('deel a', context));
    const attachment = connector.calls.at(-1)?.body.attachments?.[0];
    expect(attachment?.contentType).to.equal('application/vnd.microsoft.teams.card.file.consent');
    expect(attachment?.name).to.match(/^Samenwerkplan-Deel-A-HA-2026-\w{6}\.pdf$/);
    expect(attachment?.content).to.deep.include({ acceptContext: { caseId }, declineContext: { caseId } });
  });

  it('accepting uploads the PDF to the given URL and shows the file in the chat', async () => {
    const response = await postActivity(botUrl, consent('accept'));
    expect(response.status).to.equal(200);
    expect(uploads).to.have.length(1);
    const upload = uploads[0] as { range?: string; length: number; body: Buffer };
    expect(upload.body.subarray(0, 5).toString()).to.equal('%PDF-');
    expect(upload.range).to.equal(`bytes 0-${upload.body.length - 1}/${upload.body.length}`);
    const info = connector.calls.at(-1)?.body.attachments?.[0];
    expect(info).to.deep.include({ contentType: 'application/vnd.microsoft.teams.card.file.info', name: 'Samenwerkplan-Deel-A.pdf', contentUrl: 'https://contoso.sharepoint.com/deel-a.pdf' });
    expect(upload.length).to.equal(upload.body.length);
  });

  it('declining uploads nothing and says so in Dutch', async () => {
    await postActivity(botUrl, consent('decline'));
    expect(uploads).to.have.length(0);
    expect(connector.texts()).to.deep.equal(['Prima, geen PDF. Je kunt Deel A later alsnog opvragen met **deel a**.']);
  });

  it('an upload URL that is neither https nor loopback is refused, nothing is uploaded', async () => {
    await postActivity(botUrl, consent('accept', { uploadInfo: { name: 'x.pdf', uploadUrl: 'http://198.51.100.7/upload', contentUrl: 'https://x/y', uniqueId: 'u' } }));
    expect(uploads).to.have.length(0);
    expect(connector.texts()).to.deep.equal(['Het bestand kon niet worden opgeslagen: Teams gaf geen geldige plek op. Probeer het opnieuw.']);
  });

  it('an MDO invite (.ics) goes the same way: made from the case at upload, the kenmerk only', async () => {
    const planned = caseAt('mdo').run('regisseur', { type: 'planMdo', datum: '2026-11-26', start: '2026-11-26T13:00:00.000Z', eind: '2026-11-26T14:30:00.000Z', locatie: 'thuis', agenda: { eventId: 'x', sequence: 0 } }).case;
    const mine = JSON.parse(JSON.stringify(planned).replaceAll(PEOPLE.regisseur.userId, PROFESSIONAL_A.aadObjectId)) as Case;
    await store.create(mine);
    const agenda = { kind: 'agenda', caseId: mine.id, mdoId: mine.mdos[0]?.id, soort: 'mdo' };
    await postActivity(botUrl, consent('accept', { context: agenda, uploadInfo: { name: 'MDO-HA-2026-7K3FQ9.ics', uploadUrl: `${onedriveUrl}/upload/2`, contentUrl: 'https://contoso.sharepoint.com/mdo.ics', uniqueId: 'file-2', fileType: 'ics' } }));
    expect(uploads).to.have.length(1);
    const ics = uploads[0]?.body.toString('utf8') ?? '';
    expect(ics).to.match(/^BEGIN:VCALENDAR/).and.contain(`UID:${mine.id}-mdo-1`).and.contain('DTSTART:20261126T130000Z');
    expect(ics).to.not.contain('Moeder');
    expect(connector.calls.at(-1)?.body.attachments?.[0]).to.deep.include({ contentType: 'application/vnd.microsoft.teams.card.file.info', name: 'MDO-HA-2026-7K3FQ9.ics' });

    connector.reset();
    await postActivity(botUrl, consent('decline', { context: agenda }));
    expect(connector.texts()).to.deep.equal(['Prima, geen bestand. Zet het moment dan zelf in je agenda; typ **status** om het terug te zien.']);
    connector.reset();
    await postActivity(botUrl, consent('accept', { context: { ...agenda, mdoId: 'een-ander-mdo' } }));
    expect(uploads).to.have.length(1);
    expect(connector.texts()).to.deep.equal(['Dit bestand is er niet meer: het MDO heeft geen afspraak in de agenda.']);
  });

  it('a consent for a case the user is not on, or that does not exist, is "bestaat niet", accepted or declined; nothing is made', async () => {
    const stranger = { from: { id: '29:c3', name: 'C', aadObjectId: '00000000-0000-4000-8000-0000000000c3' } };
    for (const activity of [
      { ...consent('accept'), ...stranger },
      { ...consent('decline'), ...stranger },
      { ...consent('accept', { context: { kind: 'agenda', caseId, mdoId: 'id-000001', soort: 'mdo' } }), ...stranger },
      consent('accept', { context: { caseId: 'case-verzonnen' } }),
      consent('decline', { context: { caseId: 'case-verzonnen' } }),
    ]) {
      connector.reset();
      const response = await postActivity(botUrl, activity);
      expect(response.status, JSON.stringify(activity.value)).to.equal(200);
      expect(connector.texts(), JSON.stringify(activity.value)).to.deep.equal([ERROR_MESSAGES['CASE.NOT_FOUND']]);
    }
    expect(uploads).to.have.length(0);
    expect(audit.entries.filter((e) => e.actorId === stranger.from.aadObjectId).map((e) => [e.action, e.operation])).to.deep.equal([
      ['denied', 'get'],
      ['denied', 'bestandWeigeren'],
      ['denied', 'get'],
    ]);
  });
});

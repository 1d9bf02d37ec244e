import { expect } from 'chai';
import { mdoInvite } from '../../services/calendar/mdo-invite';
import { createGraphClient } from '../../services/adapters/graph/graph-client';
import { GraphCalendar } from '../../services/adapters/graph/graph-calendar';
import { startGraphServer, testCredential } from '../support/graph-server';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';

const MAILS: Record<string, string> = {
  [PEOPLE.regisseur.userId]: 'sanne.devries@wijkteam.example',
  [PEOPLE.schuldhulp.userId]: 'ahmed.b@schuldhulp.example',
  'aad-ggz-1': 'megan.bowen@ggz.example',
  'aad-school-1': 'adele.vance@school.example',
};

describe('MDO invites through Microsoft Graph (local Graph server on 127.0.0.1)', () => {
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  before(async () => {
    graph = await startGraphServer();
  });
  after(() => graph.close());
  beforeEach(() => {
    graph.reset();
    graph.route((call) => {
      const user = /^\/v1\.0\/users\/([^/?]+)\?/.exec(call.path)?.[1];
      return user && call.method === 'GET' ? { status: 200, body: { mail: MAILS[decodeURIComponent(user)] } } : undefined;
    });
  });

  const calendar = () => new GraphCalendar(createGraphClient({ credential: testCredential, baseUrl: graph.baseUrl, agent: graph.agent }));
  const d = caseAt('mdo').run('regisseur', { type: 'planMdo', datum: '2026-11-26', start: '2026-11-26T13:00:00.000Z', eind: '2026-11-26T14:30:00.000Z', locatie: 'thuis' });
  const c = d.case;
  const mdo = c.mdos[0]!;
  const invite = mdoInvite(c, mdo, [PEOPLE.regisseur.userId, PEOPLE.schuldhulp.userId]);

  it('free/busy comes from getSchedule, per professional, in Dutch time', async () => {
    graph.route((call) =>
      call.path.endsWith('/calendar/getSchedule')
        ? { status: 200, body: { value: [
            { scheduleId: 'sanne.devries@wijkteam.example', scheduleItems: [{ status: 'busy', start: { dateTime: '2026-11-24T09:00:00.0000000' }, end: { dateTime: '2026-11-24T11:00:00.0000000' } }, { status: 'free', start: { dateTime: '2026-11-24T13:00:00.0000000' }, end: { dateTime: '2026-11-24T14:00:00.0000000' } }] },
            { scheduleId: 'ahmed.b@schuldhulp.example', scheduleItems: [] },
          ] } }
        : undefined,
    );
    const busy = await calendar().freeBusy(PEOPLE.regisseur.userId, [PEOPLE.regisseur.userId, PEOPLE.schuldhulp.userId], '2026-11-23T09:00:00.000Z', '2026-12-07T17:00:00.000Z');
    expect(busy).to.deep.equal({ [PEOPLE.regisseur.userId]: [{ start: '2026-11-24T08:00:00.000Z', end: '2026-11-24T10:00:00.000Z' }], [PEOPLE.schuldhulp.userId]: [] });
    const request = graph.calls.find((call) => call.path.endsWith('/calendar/getSchedule'));
    expect(JSON.parse(request?.body ?? '{}')).to.deep.include({ schedules: [MAILS[PEOPLE.regisseur.userId], MAILS[PEOPLE.schuldhulp.userId]], availabilityViewInterval: 30 });
    expect(request?.prefer).to.equal('outlook.timezone="W. Europe Standard Time"');
  });

  it('creates the event with a Teams meeting and exactly this body: the kenmerk, no personal data', async () => {
    graph.route((call) => (call.method === 'POST' && call.path.endsWith('/events') ? { status: 201, body: { id: 'event-1', onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' } } } : undefined));
    expect(await calendar().createEvent(PEOPLE.regisseur.userId, invite)).to.deep.equal({ eventId: 'event-1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' });
    const request = graph.calls.find((call) => call.method === 'POST' && call.path.endsWith('/events'));
    expect(request?.path).to.equal(`/v1.0/users/${PEOPLE.regisseur.userId}/events`);
    expect(request?.prefer).to.equal('outlook.timezone="W. Europe Standard Time"');
    const body = JSON.parse(request?.body ?? '{}');
    expect(body).to.deep.equal({
      subject: 'MDO HA-2026-7K3FQ9',
      body: { contentType: 'HTML', content: invite.bodyHtml },
      start: { dateTime: '2026-11-26T14:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-11-26T15:30:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Bij de inwoner thuis' },
      attendees: [{ emailAddress: { address: 'ahmed.b@schuldhulp.example' }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: true,
      transactionId: `${c.id}-mdo-1`,
    });
    for (const personal of ['Moeder', 'Kind (K', 'huis uit', 'rust in mijn hoofd', '123456782']) expect(request?.body).to.not.contain(personal);
    expect(invite.bodyHtml).to.contain('Gezamenlijk belang').and.contain('Evaluatie 6 weken na het MDO').and.contain('donderdag 26 november 2026 om 14:00');
  });

  it('every party invited: one getSchedule and one event carry them all, each by the address Graph gives for its user id', async () => {
    const parties = [PEOPLE.regisseur.userId, PEOPLE.schuldhulp.userId, 'aad-ggz-1', 'aad-school-1'];
    graph.route((call) => (call.path.endsWith('/calendar/getSchedule') ? { status: 200, body: { value: [] } } : undefined));
    graph.route((call) => (call.method === 'POST' && call.path.endsWith('/events') ? { status: 201, body: { id: 'event-3' } } : undefined));
    await calendar().freeBusy(PEOPLE.regisseur.userId, parties, '2026-11-23T09:00:00.000Z', '2026-12-07T17:00:00.000Z');
    await calendar().createEvent(PEOPLE.regisseur.userId, mdoInvite(c, mdo, parties));
    expect(graph.calls.filter((call) => call.method === 'GET').map((call) => decodeURIComponent(/\/users\/([^/?]+)/.exec(call.path)?.[1] ?? '')).sort()).to.deep.equal([...parties, ...parties.slice(1)].sort());
    const schedule = graph.calls.filter((call) => call.path.endsWith('/calendar/getSchedule'));
    expect(schedule).to.have.length(1);
    expect(JSON.parse(schedule[0]?.body ?? '{}').schedules).to.deep.equal(parties.map((id) => MAILS[id]));
    const events = graph.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/events'));
    expect(events).to.have.length(1);
    const body = JSON.parse(events[0]?.body ?? '{}');
    expect(body.attendees).to.deep.equal(parties.slice(1).map((id) => ({ emailAddress: { address: MAILS[id] }, type: 'required' })));
    for (const personal of ['Moeder', 'Kind (K', 'huis uit', 'rust in mijn hoofd', '123456782']) expect(events[0]?.body).to.not.contain(personal);
  });

  it('a 429 with Retry-After is retried, and one event results (same transactionId)', async () => {
    let first = true;
    graph.route((call) => {
      if (!(call.method === 'POST' && call.path.endsWith('/events'))) return undefined;
      if (first) {
        first = false;
        return { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests' } } };
      }
      return { status: 201, body: { id: 'event-2' } };
    });
    expect((await calendar().createEvent(PEOPLE.regisseur.userId, invite)).eventId).to.equal('event-2');
    const posts = graph.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/events'));
    expect(posts).to.have.length(2);
    expect(new Set(posts.map((p) => JSON.parse(p.body).transactionId)).size).to.equal(1);
  });

  it('moves and cancels the event', async () => {
    graph.route((call) => (call.method === 'PATCH' ? { status: 200, body: { id: 'event-1' } } : undefined));
    graph.route((call) => (call.path.endsWith('/cancel') ? { status: 202 } : undefined));
    await calendar().moveEvent(PEOPLE.regisseur.userId, 'event-1', { ...invite, start: '2026-11-27T09:00:00.000Z', end: '2026-11-27T10:30:00.000Z' });
    await calendar().cancelEvent(PEOPLE.regisseur.userId, 'event-1', invite, 'Het MDO gaat niet door; er volgt een nieuwe uitnodiging.');
    const patch = graph.calls.find((call) => call.method === 'PATCH');
    expect(JSON.parse(patch?.body ?? '{}')).to.deep.equal({ start: { dateTime: '2026-11-27T10:00:00', timeZone: 'W. Europe Standard Time' }, end: { dateTime: '2026-11-27T11:30:00', timeZone: 'W. Europe Standard Time' }, location: { displayName: 'Bij de inwoner thuis' }, body: { contentType: 'HTML', content: invite.bodyHtml }, attendees: [{ emailAddress: { address: 'ahmed.b@schuldhulp.example' }, type: 'required' }] });
    expect(JSON.parse(graph.calls.find((call) => call.path.endsWith('/cancel'))?.body ?? '{}')).to.deep.equal({ comment: 'Het MDO gaat niet door; er volgt een nieuwe uitnodiging.' });
  });

  it('no permission: a Dutch message that says what the beheerder must do', async () => {
    graph.route((call) => (call.method === 'POST' ? { status: 403, body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } } } : undefined));
    const error = await calendar().createEvent(PEOPLE.regisseur.userId, invite).catch((e: unknown) => e);
    expect(error).to.include({ code: 'GRAPH.FORBIDDEN' });
    expect((error as { userMessage: string }).userMessage).to.contain('Calendars.ReadWrite').and.contain('Exchange RBAC for Applications');
  });
});

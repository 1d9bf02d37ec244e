/**
 * The MDO planner's promises, against the local Graph server that behaves like Exchange: exactly one MDO and one
 * event when two professionals plan at once or one presses twice, a retry after a crash finds the same event,
 * a failed case write takes the event back, an unreachable Graph stores nothing; and the .ics files locally.
 */
import { expect } from 'chai';
import sinon from 'sinon';
import { IcsCalendar } from '../../services/adapters/ics/ics-calendar';
import { mdoAttendees } from '../../services/calendar/mdo-planner';
import { mdoInvite } from '../../services/calendar/mdo-invite';
import { DomainError } from '../../services/domain/errors';
import { openMdo, type Mdo } from '../../services/domain/model/mdo';
import { createTestServices } from '../support/bot-services';
import { codeOf } from '../support/error-code';
import { useExchange } from '../support/exchange';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';

const MAILS = { [PEOPLE.regisseur.userId]: 'sanne.devries@wijkteam.example', [PEOPLE.schuldhulp.userId]: 'ahmed.b@schuldhulp.example' };
const T1 = '2026-11-24T09:00:00.000Z';
const T2 = '2026-11-26T13:00:00.000Z';

describe('MDO planner: one MDO, one event (local Graph server)', () => {
  const local = useExchange(MAILS);
  afterEach(() => sinon.restore());

  const setup = async () => {
    const ctx = createTestServices(undefined, () => local.calendar({ maxRetries: 1 }));
    const c = caseAt('mdo').case;
    await ctx.store.create(c);
    return { ...ctx, planner: ctx.services.planner, caseId: c.id };
  };
  const stored = async (ctx: Awaited<ReturnType<typeof setup>>) => (await ctx.store.get(ctx.caseId))?.case;

  it('two professionals plan MDO 1 at the same moment: one MDO, one event in a calendar', async () => {
    const ctx = await setup();
    const results = await Promise.allSettled([
      ctx.planner.plan(PEOPLE.regisseur, ctx.caseId, { start: T1, locatie: 'thuis' }),
      ctx.planner.plan(PEOPLE.schuldhulp, ctx.caseId, { start: T2, locatie: 'online' }),
    ]);
    expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as DomainError).code).to.equal('CASE.STEP_NOT_EDITABLE');
    const c = await stored(ctx);
    expect(c?.mdos).to.have.length(1);
    expect(local.exchange.live()).to.have.length(1);
    expect(local.exchange.live()[0]?.id).to.equal(c?.mdos[0]?.agenda?.eventId);
    expect(local.exchange.live()[0]?.organizer).to.equal(c?.mdos[0]?.agenda?.organizerId);
  });

  it('one professional presses twice (or two bot instances take the same press): one event, one MDO', async () => {
    const ctx = await setup();
    const results = await Promise.allSettled([1, 2].map(() => ctx.planner.plan(PEOPLE.regisseur, ctx.caseId, { start: T1, locatie: 'thuis' })));
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    expect(local.exchange.events).to.have.length(1);
    expect(local.exchange.live()).to.have.length(1);
    expect((await stored(ctx))?.mdos.map((m) => m.agenda?.eventId)).to.deep.equal(['event-1']);
  });

  it('a retry after a crash between the event and the case write finds the same event and moves it to the new moment', async () => {
    const ctx = await setup();
    // The first attempt made the event at T1, then the bot died before it stored the MDO.
    const command = { type: 'planMdo', datum: '2026-11-24', start: T1, eind: '2026-11-24T10:30:00.000Z', locatie: 'thuis' } as const;
    const preview = await ctx.services.cases.preview(PEOPLE.regisseur, ctx.caseId, command);
    const calendar = local.calendar();
    await calendar.createEvent(PEOPLE.regisseur.userId, mdoInvite(preview, openMdo(preview.mdos) as Mdo, mdoAttendees(preview), 0));
    expect((await stored(ctx))?.mdos).to.have.length(0);

    const planned = await ctx.planner.plan(PEOPLE.regisseur, ctx.caseId, { start: T2, locatie: 'thuis' });
    expect(local.exchange.events).to.have.length(1);
    expect(local.exchange.events[0]?.body.start).to.deep.equal({ dateTime: '2026-11-26T14:00:00', timeZone: 'W. Europe Standard Time' });
    expect(planned.mdo).to.deep.include({ start: T2, datum: '2026-11-26' });
    expect(planned.mdo.agenda?.eventId).to.equal('event-1');
  });

  it('a case write that fails after the event was made takes the event back; the case is unchanged', async () => {
    const ctx = await setup();
    const before = JSON.stringify(await stored(ctx));
    sinon.stub(ctx.services.cases, 'execute').rejects(new DomainError('STORE.UNAVAILABLE'));
    expect(await codeOf(ctx.planner.plan(PEOPLE.regisseur, ctx.caseId, { start: T1, locatie: 'thuis' }))).to.equal('STORE.UNAVAILABLE');
    expect(local.exchange.events).to.have.length(1);
    expect(local.exchange.live()).to.have.length(0);
    expect(JSON.stringify(await stored(ctx))).to.equal(before);
  });

  it('Graph keeps answering 503 beyond the retry bound: a Dutch message, no event, nothing stored', async () => {
    const ctx = await setup();
    const before = JSON.stringify(await stored(ctx));
    local.exchange.failWith((call) => (call.method === 'POST' && call.path.endsWith('/events') ? { status: 503, headers: { 'Retry-After': '1' }, body: { error: { code: 'ServiceUnavailable' } } } : undefined));
    const error = await ctx.planner.plan(PEOPLE.regisseur, ctx.caseId, { start: T1, locatie: 'thuis' }).catch((e: unknown) => e);
    expect((error as DomainError).code).to.equal('GRAPH.UNAVAILABLE');
    expect((error as DomainError).userMessage).to.equal('Microsoft 365 is even niet bereikbaar. Probeer het zo opnieuw.');
    expect(local.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/events'))).to.have.length(2);
    expect(local.exchange.events).to.have.length(0);
    expect(JSON.stringify(await stored(ctx))).to.equal(before);
  });

  it('a moment in the past is refused before any calendar is touched', async () => {
    const ctx = await setup();
    const error = await ctx.planner.plan(PEOPLE.regisseur, ctx.caseId, { start: '2026-11-23T08:00:00.000Z', locatie: 'thuis' }).catch((e: unknown) => e);
    expect((error as DomainError).userMessage).to.equal('Dat moment is al voorbij; kies een moment in de toekomst.');
    expect(local.graph.calls).to.have.length(0);
  });

  it('cancelling twice (a retry after a crash) cancels once and marks the MDO once', async () => {
    const ctx = await setup();
    const planned = await ctx.planner.plan(PEOPLE.regisseur, ctx.caseId, { start: T1, locatie: 'thuis' });
    sinon.stub(ctx.services.cases, 'execute').onFirstCall().rejects(new DomainError('STORE.UNAVAILABLE')).callThrough();
    expect(await codeOf(ctx.planner.cancel(PEOPLE.regisseur, ctx.caseId, planned.mdo.id))).to.equal('STORE.UNAVAILABLE');
    expect(local.exchange.live()).to.have.length(0);
    const cancelled = await ctx.planner.cancel(PEOPLE.regisseur, ctx.caseId, planned.mdo.id);
    expect(cancelled.mdo.geannuleerdAt).to.be.a('string');
    expect(local.graph.calls.filter((c) => c.path.endsWith('/cancel'))).to.have.length(2);
  });
});

describe('MDO planner without Graph: .ics files', () => {
  it('plan, move and cancel are one event (one UID) with a rising SEQUENCE; the file is made again the same from the case', async () => {
    const ctx = createTestServices(undefined, (clock) => new IcsCalendar(clock));
    const c = caseAt('mdo').case;
    await ctx.store.create(c);
    const { planner } = ctx.services;
    const planned = await planner.plan(PEOPLE.regisseur, c.id, { start: T1, locatie: 'thuis' });
    const moved = await planner.move(PEOPLE.regisseur, c.id, planned.mdo.id, { start: T2 });
    const cancelled = await planner.cancel(PEOPLE.regisseur, c.id, planned.mdo.id);
    const lines = (ics?: string) => (ics ?? '').split('\r\n');
    expect(lines(planned.file?.content)).to.include.members([`UID:${c.id}-mdo-1`, 'SEQUENCE:0', 'DTSTART:20261124T090000Z']);
    expect(lines(moved.file?.content)).to.include.members([`UID:${c.id}-mdo-1`, 'SEQUENCE:1', 'DTSTART:20261126T130000Z']);
    expect(lines(cancelled.file?.content)).to.include.members([`UID:${c.id}-mdo-1`, 'SEQUENCE:2', 'STATUS:CANCELLED', 'SUMMARY:Geannuleerd: MDO HA-2026-7K3FQ9']);
    // Files to forward, no scheduling messages: no METHOD without an ORGANIZER (RFC 5546).
    for (const file of [planned.file, moved.file, cancelled.file]) expect(file?.content).to.not.contain('METHOD:');
    expect([planned.file?.name, cancelled.file?.name]).to.deep.equal(['MDO-HA-2026-7K3FQ9.ics', 'Geannuleerd-MDO-HA-2026-7K3FQ9.ics']);
    expect((await planner.fileFor(PEOPLE.regisseur, c.id, planned.mdo.id, 'mdo'))?.content).to.equal(cancelled.file?.content);
    expect(await planner.fileFor(PEOPLE.regisseur, c.id, planned.mdo.id, 'evaluatie')).to.equal(undefined);
    expect(await codeOf(planner.fileFor(PEOPLE.onbekend, c.id, planned.mdo.id, 'mdo'))).to.equal('CASE.NOT_FOUND');
  });
});

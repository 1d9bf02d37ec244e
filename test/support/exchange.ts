import { createGraphClient } from '../../services/adapters/graph/graph-client';
import { GraphCalendar } from '../../services/adapters/graph/graph-calendar';
import { startGraphServer, testCredential } from './graph-server';

type GraphServer = Awaited<ReturnType<typeof startGraphServer>>;

export interface ExchangeEvent {
  readonly id: string;
  readonly organizer: string;
  /** The request body as posted, with later PATCHes merged in. */
  body: Record<string, unknown>;
  cancelled?: string;
}

/**
 * Exchange behind the local Graph server, with state: users and their mail, busy periods per mailbox, events that
 * are made once per transactionId (Graph answers a repeat with the event it made), moved, and cancelled (then
 * gone from the organiser's calendar: a second cancel is a 404). Requests are recorded by the server (`calls`).
 */
export function simulateExchange(graph: GraphServer, mails: Readonly<Record<string, string>>) {
  const events: ExchangeEvent[] = [];
  const busy = new Map<string, { start: string; end: string }[]>();
  let fail: ((call: { method: string; path: string }) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined) | undefined;

  const local = (iso: string) => iso.replace(/\.\d+/, '').replace(/$/, '.0000000');
  graph.route((call) => fail?.(call));
  graph.route((call) => {
    const path = call.path.replace(/^\/v1\.0/, '').replace(/\?.*$/, '');
    const user = /^\/users\/([^/]+)/.exec(path)?.[1];
    const organizer = user ? decodeURIComponent(user) : undefined;
    if (call.method === 'GET' && organizer && path === `/users/${user}`) {
      const mail = mails[organizer];
      return mail ? { status: 200, body: { mail } } : { status: 404, body: { error: { code: 'Request_ResourceNotFound' } } };
    }
    if (!organizer || !mails[organizer]) return { status: 404, body: { error: { code: 'ErrorInvalidUser', message: 'The requested user is invalid.' } } };
    if (call.method === 'POST' && path.endsWith('/calendar/getSchedule')) {
      const { schedules } = JSON.parse(call.body) as { schedules: string[] };
      return {
        status: 200,
        body: {
          value: schedules.map((mail) => ({
            scheduleId: mail,
            scheduleItems: (busy.get(mail) ?? []).map((b) => ({ status: 'busy', start: { dateTime: local(b.start), timeZone: 'W. Europe Standard Time' }, end: { dateTime: local(b.end), timeZone: 'W. Europe Standard Time' } })),
          })),
        },
      };
    }
    if (call.method === 'POST' && path.endsWith('/events')) {
      const body = JSON.parse(call.body) as Record<string, unknown>;
      const found = events.find((e) => e.organizer === organizer && e.body.transactionId === body.transactionId);
      const event = found ?? { id: `event-${events.length + 1}`, organizer, body };
      if (!found) events.push(event);
      return { status: 201, body: { id: event.id, start: event.body.start, end: event.body.end, ...(event.body.isOnlineMeeting ? { onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/${event.id}` } } : {}) } };
    }
    const eventId = /\/events\/([^/]+)/.exec(path)?.[1];
    const event = events.find((e) => e.organizer === organizer && e.id === eventId && !e.cancelled);
    if (!event) return { status: 404, body: { error: { code: 'ErrorItemNotFound' } } };
    if (call.method === 'PATCH') {
      event.body = { ...event.body, ...(JSON.parse(call.body) as Record<string, unknown>) };
      return { status: 200, body: { id: event.id } };
    }
    if (call.method === 'POST' && path.endsWith('/cancel')) {
      event.cancelled = (JSON.parse(call.body) as { comment: string }).comment;
      return { status: 202 };
    }
    return undefined;
  });

  return {
    events,
    /** Events still in the organisers' calendars. */
    live: () => events.filter((e) => !e.cancelled),
    /** Mark a mailbox busy (Dutch local times, "2026-11-24T09:00:00"). */
    busy: (mail: string, start: string, end: string) => void busy.set(mail, [...(busy.get(mail) ?? []), { start, end }]),
    /** Answer matching requests with a fault first (e.g. a 403), until cleared with `failWith(undefined)`. */
    failWith: (f: typeof fail) => void (fail = f),
  };
}

/**
 * In a describe block: the local Graph server started once for the file, a fresh Exchange before each test, and a
 * GraphCalendar on it. Read `graph`, `exchange` inside tests (they are set by the hooks).
 */
export function useExchange(mails: Readonly<Record<string, string>>) {
  const handle = {
    graph: undefined as unknown as GraphServer,
    exchange: undefined as unknown as ReturnType<typeof simulateExchange>,
    calendar: (options: { maxRetries?: number } = {}) =>
      new GraphCalendar(createGraphClient({ credential: testCredential, baseUrl: handle.graph.baseUrl, agent: handle.graph.agent, ...options })),
  };
  before(async () => {
    handle.graph = await startGraphServer();
  });
  after(() => handle.graph.close());
  beforeEach(() => {
    handle.graph.reset();
    handle.exchange = simulateExchange(handle.graph, mails);
  });
  return handle;
}

import type { Client } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import type { Busy } from '../../ports/calendar';
import { DomainError } from '../../domain/errors';
import type { Calendar, CalendarFile, CalendarInvite, CalendarReceipt } from '../../ports/calendar';
import { mapGraphError } from './graph-client';

/** Graph's names for our zone: requests and answers in Dutch time. */
const WINDOWS_ZONE = 'W. Europe Standard Time';
const PREFER_ZONE = `outlook.timezone="${WINDOWS_ZONE}"`;

const local = (iso: string) => DateTime.fromISO(iso).setZone('Europe/Amsterdam').toFormat("yyyy-LL-dd'T'HH:mm:ss");

function mapCalendarError(error: unknown): unknown {
  if ((error as { statusCode?: number }).statusCode === 404) {
    return new DomainError('GRAPH.FORBIDDEN', 'Een van de collega\u2019s heeft geen Exchange-postvak, of valt buiten wat de bot mag. De beheerder kan dat nakijken; kies zolang zelf een moment.', { cause: error });
  }
  return mapGraphError(error, 'De bot mag geen agenda\u2019s beheren. De beheerder moet de app Calendars.ReadWrite (toepassing) geven en die beperken met Exchange RBAC for Applications.');
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw mapCalendarError(error);
  }
}

/**
 * The Calendar port on Microsoft Graph, app-only: free/busy with getSchedule (findMeetingTimes is delegated-only),
 * events with a Teams meeting in the organiser's calendar, idempotent through Graph's transactionId. 429/503/504
 * are retried by the SDK's retry handler (see graph-client.ts).
 */
export class GraphCalendar implements Calendar {
  readonly delivery = 'mailbox';

  constructor(private readonly client: Client) {}

  private async mailOf(userId: string): Promise<string> {
    const user = (await call(() => this.client.api(`/users/${encodeURIComponent(userId)}`).select('mail,userPrincipalName').get())) as { mail?: string; userPrincipalName?: string };
    const address = user.mail ?? user.userPrincipalName;
    if (!address) throw new DomainError('GRAPH.FORBIDDEN', 'Een van de collega\u2019s heeft geen e-mailadres in Microsoft 365; de beheerder kan dat nakijken.');
    return address;
  }

  async freeBusy(organizerId: string, userIds: readonly string[], from: string, to: string): Promise<Record<string, Busy[]>> {
    const mails = await Promise.all(userIds.map((id) => this.mailOf(id)));
    const answer = (await call(() =>
      this.client
        .api(`/users/${encodeURIComponent(organizerId)}/calendar/getSchedule`)
        .header('Prefer', PREFER_ZONE)
        .post({ schedules: mails, startTime: { dateTime: local(from), timeZone: WINDOWS_ZONE }, endTime: { dateTime: local(to), timeZone: WINDOWS_ZONE }, availabilityViewInterval: 30 }),
    )) as { value?: { scheduleId?: string; scheduleItems?: { status?: string; start: { dateTime: string }; end: { dateTime: string } }[] }[] };
    const busy: Record<string, Busy[]> = {};
    for (const schedule of answer.value ?? []) {
      const userId = userIds[mails.findIndex((m) => m.toLowerCase() === schedule.scheduleId?.toLowerCase())];
      if (!userId) continue;
      busy[userId] = (schedule.scheduleItems ?? [])
        .filter((item) => item.status !== 'free')
        .map((item) => ({
          start: DateTime.fromISO(item.start.dateTime, { zone: 'Europe/Amsterdam' }).toUTC().toISO() as string,
          end: DateTime.fromISO(item.end.dateTime, { zone: 'Europe/Amsterdam' }).toUTC().toISO() as string,
        }));
    }
    return busy;
  }

  /** Graph's attendees of an invite: each invited professional but the organiser, by their mailbox address. */
  private attendees(organizerId: string, invite: CalendarInvite) {
    return Promise.all(invite.attendeeIds.filter((id) => id !== organizerId).map(async (id) => ({ emailAddress: { address: await this.mailOf(id) }, type: 'required' })));
  }

  async createEvent(organizerId: string, invite: CalendarInvite): Promise<CalendarReceipt> {
    const attendees = await this.attendees(organizerId, invite);
    const event = (await call(() =>
      this.client
        .api(`/users/${encodeURIComponent(organizerId)}/events`)
        .header('Prefer', PREFER_ZONE)
        .post({
          subject: invite.subject,
          body: { contentType: 'HTML', content: invite.bodyHtml },
          start: { dateTime: local(invite.start), timeZone: WINDOWS_ZONE },
          end: { dateTime: local(invite.end), timeZone: WINDOWS_ZONE },
          location: { displayName: invite.locationText },
          attendees,
          ...(invite.onlineMeeting ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : { isOnlineMeeting: false }),
          allowNewTimeProposals: true,
          transactionId: invite.transactionId,
        }),
    )) as { id: string; start?: { dateTime?: string }; onlineMeeting?: { joinUrl?: string } };
    // Graph answers a repeated transactionId with the event it already made, at the time it already has.
    const start = event.start?.dateTime ? (DateTime.fromISO(event.start.dateTime, { zone: 'Europe/Amsterdam' }).toUTC().toISO() ?? undefined) : undefined;
    return { eventId: event.id, ...(event.onlineMeeting?.joinUrl ? { joinUrl: event.onlineMeeting.joinUrl } : {}), ...(start ? { start } : {}) };
  }

  /** The event at its new time and place, for the professionals it now invites (Graph sends each an update). */
  async moveEvent(organizerId: string, eventId: string, invite: CalendarInvite): Promise<{ file?: CalendarFile }> {
    const attendees = await this.attendees(organizerId, invite);
    await call(() =>
      this.client
        .api(`/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(eventId)}`)
        .header('Prefer', PREFER_ZONE)
        .patch({
          start: { dateTime: local(invite.start), timeZone: WINDOWS_ZONE },
          end: { dateTime: local(invite.end), timeZone: WINDOWS_ZONE },
          location: { displayName: invite.locationText },
          body: { contentType: 'HTML', content: invite.bodyHtml },
          attendees,
        }),
    );
    return {};
  }

  async cancelEvent(organizerId: string, eventId: string, _invite: CalendarInvite, comment: string): Promise<{ file?: CalendarFile }> {
    try {
      await this.client.api(`/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(eventId)}/cancel`).post({ comment });
    } catch (error) {
      // Already cancelled (a retry after a crash): the organiser's calendar no longer has it. Nothing left to do.
      if ((error as { statusCode?: number }).statusCode !== 404) throw mapCalendarError(error);
    }
    return {};
  }
}

import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { DateTime } from 'luxon';
import type { CalendarFile, CalendarInvite } from '../ports/calendar';

/** The agenda of an invite as plain text lines, for calendar apps that show no HTML. */
function plainText(html: string): string {
  return html
    .replace(/<li>/g, '- ')
    .replace(/<\/(li|p)>|<\/ul>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

export type IcsMethod = 'REQUEST' | 'CANCEL';

/**
 * An invite as a standards-compliant iCalendar file (RFC 5545), for runs without Microsoft Graph: the
 * professional gets it as a file and adds it to their own calendar. Times in UTC (unambiguous without a VTIMEZONE),
 * the transactionId as UID and the invite's sequence as SEQUENCE, so a re-plan or cancellation replaces the same
 * event; no personal data: the kenmerk.
 */
export function renderIcs(invite: CalendarInvite, options: { method: IcsMethod; stamp: DateTime }): string {
  const calendar = ical({
    prodId: { company: 'Helmond Aanpak', product: 'Assistent', language: 'NL' },
    method: options.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: invite.transactionId,
    sequence: invite.sequence,
    stamp: options.stamp.toJSDate(),
    start: new Date(invite.start),
    end: new Date(invite.end),
    summary: options.method === 'CANCEL' ? `Geannuleerd: ${invite.subject}` : invite.subject,
    location: invite.locationText,
    description: { plain: plainText(invite.bodyHtml), html: invite.bodyHtml },
    status: options.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/** The invite as a file to hand to the professional: `MDO-HA-2026-7K3FQ9.ics`. */
export function icsFile(invite: CalendarInvite, options: { method: IcsMethod; stamp: DateTime }): CalendarFile {
  const name = `${options.method === 'CANCEL' ? 'Geannuleerd-' : ''}${invite.subject.replace(/[^A-Za-z0-9-]+/g, '-')}.ics`;
  return { name, content: renderIcs(invite, options) };
}

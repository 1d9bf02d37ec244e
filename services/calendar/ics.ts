import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { DateTime } from 'luxon';
import type { MdoInvite } from '../ports/calendar';

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

/**
 * An MDO invite as a standards-compliant iCalendar file (RFC 5545), for runs without Microsoft Graph: the
 * professional gets it as a file and adds it to their own calendar. Times in UTC (unambiguous without a VTIMEZONE),
 * the transactionId as UID so a re-plan or cancellation replaces the same event, and no personal data: the kenmerk.
 */
export function renderIcs(invite: MdoInvite, options: { method: 'REQUEST' | 'CANCEL'; sequence: number; stamp: DateTime }): string {
  const calendar = ical({
    prodId: { company: 'Helmond Aanpak', product: 'Assistent', language: 'NL' },
    method: options.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: invite.transactionId,
    sequence: options.sequence,
    stamp: options.stamp.toJSDate(),
    start: new Date(invite.start),
    end: new Date(invite.end),
    summary: invite.subject,
    location: invite.locationText,
    description: { plain: plainText(invite.bodyHtml), html: invite.bodyHtml },
    status: options.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

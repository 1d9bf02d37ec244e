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

/** What the file is: an appointment (new or changed), or its cancellation. */
export type IcsKind = 'afspraak' | 'annulering';

export interface IcsOptions {
  readonly kind: IcsKind;
  readonly stamp: DateTime;
  /**
   * Who organises it, when an address is known. Then the file is an iTIP PUBLISH (RFC 5546 §3.2.1, which requires an
   * ORGANIZER); without one it carries no METHOD at all.
   */
  readonly organizer?: { readonly name: string; readonly email: string };
}

/**
 * An invite as a standards-compliant iCalendar file (RFC 5545), for runs without Microsoft Graph: the professional
 * gets it as a file, adds it to their own calendar and forwards it. It is no scheduling message: the bot sends no
 * invitations and collects no replies, so it must not say METHOD:REQUEST (or CANCEL), which RFC 5546 (§3.2.2, §3.2.5)
 * allows only with an ORGANIZER and ATTENDEEs that the file does not have (the bot knows Teams ids, not addresses).
 * Without an organizer it is a plain iCalendar object without METHOD (RFC 5545 §3.7.2: optional, and then no iTIP
 * semantics), which calendar apps import as an appointment; with one it is a METHOD:PUBLISH with that ORGANIZER and no
 * ATTENDEEs. A cancellation is the same event (the transactionId as UID, a higher SEQUENCE) with STATUS:CANCELLED,
 * which PUBLISH allows. Times in UTC (unambiguous without a VTIMEZONE); no personal data: the kenmerk.
 */
export function renderIcs(invite: CalendarInvite, options: IcsOptions): string {
  const cancelled = options.kind === 'annulering';
  const calendar = ical({
    prodId: { company: 'Helmond Aanpak', product: 'Assistent', language: 'NL' },
    ...(options.organizer ? { method: ICalCalendarMethod.PUBLISH } : {}),
  });
  calendar.createEvent({
    id: invite.transactionId,
    sequence: invite.sequence,
    stamp: options.stamp.toJSDate(),
    start: new Date(invite.start),
    end: new Date(invite.end),
    summary: cancelled ? `Geannuleerd: ${invite.subject}` : invite.subject,
    location: invite.locationText,
    description: { plain: plainText(invite.bodyHtml), html: invite.bodyHtml },
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(options.organizer ? { organizer: { name: options.organizer.name, email: options.organizer.email } } : {}),
  });
  return calendar.toString();
}

/** The invite as a file to hand to the professional: `MDO-HA-2026-7K3FQ9.ics`. */
export function icsFile(invite: CalendarInvite, options: IcsOptions): CalendarFile {
  const name = `${options.kind === 'annulering' ? 'Geannuleerd-' : ''}${invite.subject.replace(/[^A-Za-z0-9-]+/g, '-')}.ics`;
  return { name, content: renderIcs(invite, options) };
}

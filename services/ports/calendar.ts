import type { Busy } from '../calendar/slots';

/** An MDO invite as the calendar receives it: no inwoner name, address or BSN; the case's kenmerk only. */
export interface MdoInvite {
  readonly subject: string;
  readonly bodyHtml: string;
  /** ISO instants. */
  readonly start: string;
  readonly end: string;
  /** The professionals invited (Teams user ids). */
  readonly attendeeIds: readonly string[];
  readonly locationText: string;
  /** The same id on a retry, so a retry never creates a second event. */
  readonly transactionId: string;
}

/** Calendars of the professionals (Microsoft Graph in Azure; an .ics file locally). */
export interface Calendar {
  /** Busy periods per professional between two instants. */
  freeBusy(organizerId: string, userIds: readonly string[], from: string, to: string): Promise<Record<string, Busy[]>>;
  createEvent(organizerId: string, invite: MdoInvite): Promise<{ eventId: string; joinUrl?: string }>;
  moveEvent(organizerId: string, eventId: string, start: string, end: string): Promise<void>;
  cancelEvent(organizerId: string, eventId: string, comment: string): Promise<void>;
}

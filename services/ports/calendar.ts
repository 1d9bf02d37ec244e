/** A busy period of one attendee, as ISO instants. */
export interface Busy {
  readonly start: string;
  readonly end: string;
}

/** An invite as the calendar receives it: no inwoner name, address or BSN; the case's kenmerk only. */
export interface CalendarInvite {
  readonly subject: string;
  readonly bodyHtml: string;
  /** ISO instants. */
  readonly start: string;
  readonly end: string;
  /** The professionals invited besides the organiser (Teams user ids). */
  readonly attendeeIds: readonly string[];
  readonly locationText: string;
  /** With a Teams meeting link (an MDO: for whoever cannot be there in person). */
  readonly onlineMeeting: boolean;
  /** The same id on a retry, so a retry never creates a second event (Graph's transactionId, the iCalendar UID). */
  readonly transactionId: string;
  /** How often the event was changed before (the iCalendar SEQUENCE). */
  readonly sequence: number;
}

/** An invite as a file, for calendars the bot cannot write to itself. */
export interface CalendarFile {
  readonly name: string;
  readonly content: string;
}

export interface CalendarReceipt {
  readonly eventId: string;
  readonly joinUrl?: string;
  /** When the event is found again on a retry: the start it already had (ISO instant). */
  readonly start?: string;
  /** The invite as a file for the professional (only when the calendar sends no invites itself). */
  readonly file?: CalendarFile;
}

/** Calendars of the professionals (Microsoft Graph in Azure; an .ics file locally). */
export interface Calendar {
  /** `mailbox`: invites go out from the organiser's mailbox; `file`: the professional gets an .ics file to share. */
  readonly delivery: 'mailbox' | 'file';
  /** Busy periods per professional between two instants. */
  freeBusy(organizerId: string, userIds: readonly string[], from: string, to: string): Promise<Record<string, Busy[]>>;
  createEvent(organizerId: string, invite: CalendarInvite): Promise<CalendarReceipt>;
  /** The event at the invite's new time and place. */
  moveEvent(organizerId: string, eventId: string, invite: CalendarInvite): Promise<{ file?: CalendarFile }>;
  /** Cancel with a message to the attendees (fixed Dutch text: never the professional's free text). */
  cancelEvent(organizerId: string, eventId: string, invite: CalendarInvite, comment: string): Promise<{ file?: CalendarFile }>;
}

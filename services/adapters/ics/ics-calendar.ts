import type { Clock } from '../../ports/clock';
import type { Calendar, CalendarFile, CalendarInvite, CalendarReceipt } from '../../ports/calendar';
import type { Busy } from '../../ports/calendar';
import { icsFile, type IcsKind } from '../../documents/ics';

/**
 * The embedded default when no Microsoft Graph is configured: the bot cannot read or write anyone's calendar, so
 * every professional counts as free, and each invite, change and cancellation becomes an .ics file that the
 * professional adds to their own calendar and forwards. The event id is the iCalendar UID.
 */
export class IcsCalendar implements Calendar {
  readonly delivery = 'file';

  constructor(private readonly clock: Clock) {}

  async freeBusy(_organizerId: string, userIds: readonly string[]): Promise<Record<string, Busy[]>> {
    return Object.fromEntries(userIds.map((id) => [id, []]));
  }

  async createEvent(_organizerId: string, invite: CalendarInvite): Promise<CalendarReceipt> {
    return { eventId: invite.transactionId, file: this.file(invite, 'afspraak') };
  }

  async moveEvent(_organizerId: string, _eventId: string, invite: CalendarInvite): Promise<{ file?: CalendarFile }> {
    return { file: this.file(invite, 'afspraak') };
  }

  async cancelEvent(_organizerId: string, _eventId: string, invite: CalendarInvite): Promise<{ file?: CalendarFile }> {
    return { file: this.file(invite, 'annulering') };
  }

  private file(invite: CalendarInvite, kind: IcsKind): CalendarFile {
    return icsFile(invite, { kind, stamp: this.clock.now() });
  }
}

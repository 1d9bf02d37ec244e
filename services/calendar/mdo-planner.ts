import { DateTime } from 'luxon';
import type { CaseService } from '../cases/case-service';
import { DomainError, isDomainError } from '../domain/errors';
import { type Case, activeCasusregisseur, activeWorkers } from '../domain/model/case';
import { openMdo, type CalendarEntry, type Mdo } from '../domain/model/mdo';
import type { Actor } from '../domain/model/roles';
import type { Calendar, CalendarFile, CalendarInvite } from '../ports/calendar';
import { ZONE, type Clock } from '../ports/clock';
import type { WerkdagKalender } from '../domain/werkdagen';
import { icsFile } from '../documents/ics';
import { evaluatieInvite, mdoInvite } from './mdo-invite';
import { findSlots } from './slots';

/** How long an MDO and an evaluation are planned for. */
export const MDO_MINUTEN = 90;
export const EVALUATIE_MINUTEN = 60;
/** How far ahead moments are proposed (issue: the next 10 werkdagen). */
export const ZOEK_WERKDAGEN = 10;

/** A moment as ISO instants (UTC). */
export interface Moment {
  readonly start: string;
  readonly end: string;
}

export interface Proposals {
  readonly slots: readonly Moment[];
  /** Why there is nothing to choose from (no common moment, or free/busy could not be read), in Dutch. */
  readonly notice?: string;
  /**
   * Whether the moments come from the invitees' real free/busy. Not with a file calendar (CALENDAR=ics): it reads no
   * agendas and counts everyone free, so nobody may be told "iedereen is dan vrij".
   */
  readonly agendasGelezen: boolean;
}

export interface Planned {
  readonly case: Case;
  readonly mdo: Mdo;
  /** The invite (or its change or cancellation) as an .ics file, when the calendar sends no invites itself. */
  readonly file?: CalendarFile;
}

export type CalendarFileKind = 'mdo' | 'evaluatie';

/** The message attendees get with a cancellation: fixed text, never the professional's own words. */
const cancelComment = (c: Case, mdo: Mdo) => `Het MDO over casus ${c.reference} gaat niet door. Als er een nieuw moment komt, volgt een nieuwe uitnodiging.`;

const toIso = (t: DateTime) => t.toUTC().toISO() as string;
const sameInstant = (a: string, b: string) => DateTime.fromISO(a).toMillis() === DateTime.fromISO(b).toMillis();

/** The planMdo command for a moment (a new MDO, or the given one moved), with whom it invites when chosen. */
function planCommand(start: DateTime, minutes: number, locatie: Mdo['locatie'], mdoId?: string, genodigden?: readonly string[]) {
  return {
    type: 'planMdo' as const,
    ...(mdoId ? { mdoId } : {}),
    datum: start.setZone(ZONE).toISODate() as string,
    start: toIso(start),
    eind: toIso(start.plus({ minutes })),
    locatie,
    ...(genodigden ? { genodigden: [...genodigden] } : {}),
  };
}

/**
 * The professionals an MDO invites: those the professional chose (`mdo.genodigden`) who are still on the case, or,
 * without a choice, every active party on the case (the casusregisseur and the betrokken professionals).
 */
export function mdoAttendees(c: Case, mdo?: Pick<Mdo, 'genodigden'>): string[] {
  const parties = activeWorkers(c).map((p) => p.userId);
  return mdo?.genodigden ? mdo.genodigden.filter((id) => parties.includes(id)) : parties;
}

/** Who to ask free/busy of: the organiser and the chosen parties (only parties on the case; none chosen: all of them). */
function scheduleOf(c: Case, organiser: string, chosen?: readonly string[]): string[] {
  return [...new Set([organiser, ...mdoAttendees(c, chosen ? { genodigden: [...chosen] } : undefined)])];
}

/**
 * Stap 4 in the calendar: proposes moments from free/busy, plans, moves and cancels the MDO's event and plans the
 * evaluation six weeks later. Each change is made in the calendar first and then stored on the case in one write
 * with the event id, so a fault leaves the case as it was; a retry finds the same event through its transactionId.
 */
export class MdoPlanner {
  constructor(
    private readonly deps: { readonly cases: CaseService; readonly calendar: Calendar; readonly clock: Clock; readonly kalender: WerkdagKalender },
  ) {}

  get delivery(): Calendar['delivery'] {
    return this.deps.calendar.delivery;
  }

  /**
   * The best three moments in the next 10 werkdagen when the organiser and every chosen party (`genodigden`; none
   * given: every party on the case) are free.
   */
  async proposals(actor: Actor, caseId: string, genodigden?: readonly string[]): Promise<Proposals> {
    const { cases, calendar, clock, kalender } = this.deps;
    const c = (await cases.get(actor, caseId)).case;
    const now = clock.now();
    const userIds = scheduleOf(c, actor.userId, genodigden);
    let busy;
    try {
      busy = await calendar.freeBusy(actor.userId, userIds, toIso(now), toIso(kalender.plusWerkdagen(now, ZOEK_WERKDAGEN + 1).startOf('day')));
    } catch (error) {
      if (isDomainError(error) && error.code.startsWith('GRAPH.')) return { slots: [], notice: `Ik kon de agenda\u2019s niet inzien. ${error.userMessage}`, agendasGelezen: false };
      throw error;
    }
    const agendasGelezen = calendar.delivery === 'mailbox';
    const slots = findSlots({ busy, from: now, durationMinutes: MDO_MINUTEN, werkdagen: ZOEK_WERKDAGEN }, kalender).map((s) => ({ start: toIso(s.start as DateTime), end: toIso(s.end as DateTime) }));
    return slots.length > 0 ? { slots, agendasGelezen } : { slots, notice: new DomainError('CALENDAR.NO_SLOT').userMessage, agendasGelezen };
  }

  /** Plan a new MDO at a moment: the event with a Teams meeting first, then the MDO with its event id. */
  async plan(actor: Actor, caseId: string, when: { start: string; locatie: Mdo['locatie']; genodigden?: readonly string[] }): Promise<Planned> {
    const command = planCommand(this.future(when.start), MDO_MINUTEN, when.locatie, undefined, when.genodigden);
    return this.createAndStore(actor, caseId, command, (c) => openMdo(c.mdos) as Mdo);
  }

  /**
   * Plan a new MDO without an event, when the calendar cannot be reached and the professional invites people
   * themselves; moving it later gives it an event.
   */
  async planWithoutInvite(actor: Actor, caseId: string, when: { start: string; locatie: Mdo['locatie']; genodigden?: readonly string[] }): Promise<Planned> {
    const updated = await this.deps.cases.execute(actor, caseId, planCommand(this.future(when.start), MDO_MINUTEN, when.locatie, undefined, when.genodigden));
    return { case: updated, mdo: openMdo(updated.mdos) as Mdo };
  }

  /**
   * Move the open MDO to another moment: the same event, changed (with whom it invites, chosen again or as before);
   * a new one if it never had one.
   */
  async move(actor: Actor, caseId: string, mdoId: string, when: { start: string; genodigden?: readonly string[] }): Promise<Planned> {
    const { cases, calendar } = this.deps;
    const c = (await cases.get(actor, caseId)).case;
    const current = this.openOne(c, mdoId);
    // Planned without an event (the calendar was unreachable then): it gets one at the new moment.
    if (!current.agenda) return this.createAndStore(actor, caseId, planCommand(this.future(when.start), MDO_MINUTEN, current.locatie, mdoId, when.genodigden), (x) => x.mdos.find((m) => m.id === mdoId) as Mdo);
    const minutes = current.start && current.eind ? DateTime.fromISO(current.eind).diff(DateTime.fromISO(current.start), 'minutes').minutes : MDO_MINUTEN;
    const agenda: CalendarEntry = { ...current.agenda, sequence: current.agenda.sequence + 1 };
    const command = { ...planCommand(this.future(when.start), minutes, current.locatie, mdoId, when.genodigden), agenda };
    const preview = await cases.preview(actor, caseId, command);
    const moved = preview.mdos.find((m) => m.id === mdoId) as Mdo;
    const organizer = current.agenda.organizerId ?? actor.userId;
    const result = await calendar.moveEvent(organizer, current.agenda.eventId, mdoInvite(preview, moved, mdoAttendees(preview, moved)));
    let updated: Case;
    try {
      updated = await cases.execute(actor, caseId, command);
    } catch (error) {
      if (current.start && current.eind) await calendar.moveEvent(organizer, current.agenda.eventId, mdoInvite(c, current, mdoAttendees(c, current))).catch(() => undefined);
      throw error;
    }
    return { case: updated, mdo: updated.mdos.find((m) => m.id === mdoId) as Mdo, ...(result.file ? { file: result.file } : {}) };
  }

  /** Cancel the open MDO: the event is cancelled with a fixed Dutch message, then the MDO is marked cancelled. */
  async cancel(actor: Actor, caseId: string, mdoId: string): Promise<Planned> {
    const { cases, calendar } = this.deps;
    const c = (await cases.get(actor, caseId)).case;
    const current = this.openOne(c, mdoId);
    const command = { type: 'cancelMdo', mdoId } as const;
    await cases.preview(actor, caseId, command);
    let file: CalendarFile | undefined;
    if (current.agenda && current.start && current.eind) {
      const invite = mdoInvite(c, current, mdoAttendees(c, current), current.agenda.sequence + 1);
      file = (await calendar.cancelEvent(current.agenda.organizerId ?? actor.userId, current.agenda.eventId, invite, cancelComment(c, current))).file;
    }
    const updated = await cases.execute(actor, caseId, command);
    return { case: updated, mdo: updated.mdos.find((m) => m.id === mdoId) as Mdo, ...(file ? { file } : {}) };
  }

  /**
   * After the MDO's outcomes: the evaluation in the casusregisseur's calendar on the evaluatiedatum (the first
   * free hour that day or the next werkdagen). Done once: a second call returns what is there.
   */
  async planEvaluatie(actor: Actor, caseId: string, mdoId: string): Promise<Planned> {
    const { cases, calendar, kalender } = this.deps;
    const c = (await cases.get(actor, caseId)).case;
    const mdo = c.mdos.find((m) => m.id === mdoId);
    const datum = mdo?.uitkomsten.evaluatieDatum;
    if (!mdo?.afgerondAt || !datum) throw new DomainError('CASE.INVALID_INPUT', 'Dit MDO heeft (nog) geen evaluatiedatum.');
    if (mdo.evaluatieAgenda) return { case: c, mdo };
    const organizer = activeCasusregisseur(c)?.userId ?? actor.userId;
    const day = DateTime.fromISO(datum, { zone: ZONE });
    const busy = await calendar.freeBusy(organizer, [organizer], toIso(day.startOf('day')), toIso(kalender.plusWerkdagen(day, 3).endOf('day')));
    // findSlots starts an hour after `from`: from 08:00 means the first proposal is 09:00.
    const slot = findSlots({ busy, from: day.set({ hour: 8 }), durationMinutes: EVALUATIE_MINUTEN, werkdagen: 3, count: 1 }, kalender)[0];
    const start = (slot?.start as DateTime | undefined) ?? day.set({ hour: 9 });
    const end = start.plus({ minutes: EVALUATIE_MINUTEN });
    const invite = evaluatieInvite(c, mdo, start, end, 0);
    const receipt = await calendar.createEvent(organizer, invite);
    const updated = await cases.execute(actor, caseId, {
      type: 'setEvaluatieAgenda',
      mdoId,
      agenda: { eventId: receipt.eventId, organizerId: organizer, sequence: 0, start: toIso(start), eind: toIso(end) },
    });
    return { case: updated, mdo: updated.mdos.find((m) => m.id === mdoId) as Mdo, ...(receipt.file ? { file: receipt.file } : {}) };
  }

  /** The .ics file of an MDO or its evaluation as it now stands (request, or cancellation), made from the case. */
  async fileFor(actor: Actor, caseId: string, mdoId: string, kind: CalendarFileKind): Promise<CalendarFile | undefined> {
    const c = (await this.deps.cases.get(actor, caseId)).case;
    const mdo = c.mdos.find((m) => m.id === mdoId);
    const stamp = this.deps.clock.now();
    if (!mdo) return undefined;
    if (kind === 'evaluatie') {
      const e = mdo.evaluatieAgenda;
      return e ? icsFile(evaluatieInvite(c, mdo, DateTime.fromISO(e.start), DateTime.fromISO(e.eind), e.sequence), { kind: 'afspraak', stamp }) : undefined;
    }
    if (!mdo.start || !mdo.eind) return undefined;
    const sequence = (mdo.agenda?.sequence ?? 0) + (mdo.geannuleerdAt ? 1 : 0);
    return icsFile(mdoInvite(c, mdo, [], sequence), { kind: mdo.geannuleerdAt ? 'annulering' : 'afspraak', stamp });
  }

  private openOne(c: Case, mdoId: string): Mdo {
    const open = openMdo(c.mdos);
    if (!open || open.id !== mdoId) throw new DomainError('CASE.STEP_NOT_EDITABLE', 'Dit MDO is al gehouden of geannuleerd; kijk met **status** hoe de casus ervoor staat.');
    return open;
  }

  /** Make the event, then store the MDO with it in one write; a failed write withdraws the event again. */
  private async createAndStore(actor: Actor, caseId: string, command: ReturnType<typeof planCommand>, pick: (c: Case) => Mdo): Promise<Planned> {
    const { cases, calendar } = this.deps;
    const preview = await cases.preview(actor, caseId, command);
    const mdo = pick(preview);
    const invite = mdoInvite(preview, mdo, mdoAttendees(preview, mdo), 0);
    const receipt = await calendar.createEvent(actor.userId, invite);
    const agenda: CalendarEntry = { eventId: receipt.eventId, ...(receipt.joinUrl ? { joinUrl: receipt.joinUrl } : {}), organizerId: actor.userId, sequence: 0 };
    let updated: Case;
    try {
      updated = await cases.execute(actor, caseId, { ...command, agenda });
    } catch (error) {
      await this.withdrawUnstored(actor, caseId, receipt.eventId, invite);
      throw error;
    }
    // A retry after a crash finds the event of the earlier attempt (same transactionId), perhaps at another time:
    // put it right, now that this attempt holds the MDO (a concurrent planner that lost never gets here).
    if (receipt.start && !sameInstant(receipt.start, invite.start)) await calendar.moveEvent(actor.userId, receipt.eventId, invite);
    return { case: updated, mdo: pick(updated), ...(receipt.file ? { file: receipt.file } : {}) };
  }

  /** A moment must lie ahead. */
  private future(iso: string): DateTime {
    const start = DateTime.fromISO(iso, { zone: ZONE });
    if (!start.isValid) throw new DomainError('CASE.INVALID_INPUT', 'Dat is geen geldig moment.');
    if (start <= this.deps.clock.now()) throw new DomainError('CASE.INVALID_INPUT', 'Dat moment is al voorbij; kies een moment in de toekomst.');
    return start;
  }

  /** The case write failed after the event was made: withdraw the event, unless the case holds it after all. */
  private async withdrawUnstored(actor: Actor, caseId: string, eventId: string, invite: CalendarInvite): Promise<void> {
    const stored = await this.deps.cases.get(actor, caseId).catch(() => undefined);
    if (!stored || stored.case.mdos.some((m) => m.agenda?.eventId === eventId)) return;
    await this.deps.calendar.cancelEvent(actor.userId, eventId, invite, 'Deze uitnodiging is per vergissing verstuurd en vervalt.').catch(() => undefined);
  }
}

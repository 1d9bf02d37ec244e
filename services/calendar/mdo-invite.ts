import { DateTime } from 'luxon';
import type { Case } from '../domain/model/case';
import { MDO_CHECKLIST, MDO_LOCATIE_LABELS, type Mdo } from '../domain/model/mdo';
import type { CalendarInvite } from '../ports/calendar';
import { ZONE } from '../ports/clock';

const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string);
const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`;
const longDate = (iso: string) => DateTime.fromISO(iso).setZone(ZONE).setLocale('nl').toFormat("cccc d LLLL yyyy 'om' HH:mm");
const PRIVACY = '<p>Persoonsgegevens van de inwoner staan niet in deze uitnodiging; de casus staat in de Helmond Aanpak-assistent in Teams.</p>';

/** The one id of an MDO's event in every calendar: a retry or a second planner finds the same event. */
export const mdoTransactionId = (c: Case, mdo: Pick<Mdo, 'nummer'>) => `${c.id}-mdo-${mdo.nummer}`;

/**
 * The invite for an MDO: subject and agenda in Dutch from the gespreksformat of seed 000, at the MDO's planned
 * start and end. It names the case by its kenmerk and nothing else of the inwoner: invites travel through
 * mailboxes, calendars and phones.
 */
export function mdoInvite(c: Case, mdo: Mdo, attendeeIds: readonly string[], sequence = mdo.agenda?.sequence ?? 0): CalendarInvite {
  if (!mdo.start || !mdo.eind) throw new Error(`MDO ${mdo.nummer} has no start and end time`);
  const bodyHtml = [
    `<p>Multidisciplinair overleg (MDO) ${mdo.nummer} over casus ${escape(c.reference)}, ${escape(longDate(mdo.start))}. ${escape(MDO_LOCATIE_LABELS[mdo.locatie])}; wie er niet bij kan zijn, neemt deel via Teams.</p>`,
    '<p><b>Voorbereiding (voorzitter)</b></p>',
    list(Object.values(MDO_CHECKLIST.voorbereiding)),
    '<p><b>Opening</b></p>',
    list(Object.values(MDO_CHECKLIST.opening)),
    '<p><b>Vragen stellen</b></p>',
    list(Object.values(MDO_CHECKLIST.vragen)),
    '<p><b>Het MDO eindigt met</b></p>',
    list([
      'Ik wil, ik kan en ik heb nodig vastgesteld',
      'Gezamenlijk belang',
      'Wat gebeurt er als we niets doen?',
      'Welke ondersteuning en behandeling verder nodig is',
      'Wie de casusregie voert (AVE-model)',
      'Afspraken: wie doet wat wanneer',
      'Evaluatie 6 weken na het MDO',
    ]),
    PRIVACY,
  ].join('');
  return {
    subject: `MDO ${c.reference}`,
    bodyHtml,
    start: DateTime.fromISO(mdo.start).toUTC().toISO() as string,
    end: DateTime.fromISO(mdo.eind).toUTC().toISO() as string,
    attendeeIds,
    locationText: mdo.locatie === 'online' ? 'Microsoft Teams' : MDO_LOCATIE_LABELS[mdo.locatie],
    onlineMeeting: true,
    transactionId: mdoTransactionId(c, mdo),
    sequence,
  };
}

/** The evaluation six weeks after an MDO, in the casusregisseur's own calendar (seed 000, stap 4 and 7). */
export function evaluatieInvite(c: Case, mdo: Mdo, start: DateTime, end: DateTime, sequence = mdo.evaluatieAgenda?.sequence ?? 0): CalendarInvite {
  const bodyHtml = [
    `<p>Evaluatie van casus ${escape(c.reference)}, 6 weken na MDO ${mdo.nummer} (Samenwerkplan Deel C). Verbetering van kwaliteit van leven van de inwoner is wat telt.</p>`,
    list([
      'Is het plan gerealiseerd: ja, deels of nee?',
      'Is er verder nog iets nodig voor de inwoner?',
      'De ZRM-scores opnieuw, en de kwaliteit van leven volgens de inwoner (1 tot 10)',
      'Afsluiten, of een nieuwe ronde vanaf de vraagverheldering',
    ]),
    '<p>Leg de uitkomst vast met <b>verder</b> in de Helmond Aanpak-assistent (Deel C).</p>',
    PRIVACY,
  ].join('');
  return {
    subject: `Evaluatie ${c.reference}`,
    bodyHtml,
    start: start.toUTC().toISO() as string,
    end: end.toUTC().toISO() as string,
    attendeeIds: [],
    locationText: 'Nog af te spreken met de inwoner',
    onlineMeeting: false,
    transactionId: `${c.id}-evaluatie-${mdo.nummer}`,
    sequence,
  };
}

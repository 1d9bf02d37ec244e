import { DateTime } from 'luxon';
import type { Case } from '../model/case';
import { MDO_CHECKLIST, MDO_LOCATIE_LABELS, type Mdo } from '../model/mdo';
import type { MdoInvite } from '../ports/calendar';
import { ZONE } from '../ports/clock';

const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string);

/**
 * The invite for an MDO: subject and agenda in Dutch from the gespreksformat of seed 000. It names the case by its
 * kenmerk and nothing else of the inwoner: invites travel through mailboxes, calendars and phones.
 */
export function mdoInvite(c: Case, mdo: Mdo, start: DateTime, end: DateTime, attendeeIds: readonly string[]): MdoInvite {
  const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`;
  const when = start.setZone(ZONE).setLocale('nl').toFormat("cccc d LLLL yyyy 'om' HH:mm");
  const bodyHtml = [
    `<p>Multidisciplinair overleg (MDO) ${mdo.nummer} over casus ${escape(c.reference)}, ${escape(when)}. ${escape(MDO_LOCATIE_LABELS[mdo.locatie])}; wie er niet bij kan zijn, neemt deel via Teams.</p>`,
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
    '<p>Persoonsgegevens van de inwoner staan niet in deze uitnodiging; de casus staat in de Helmond Aanpak-assistent in Teams.</p>',
  ].join('');
  return {
    subject: `MDO ${c.reference}`,
    bodyHtml,
    start: start.toUTC().toISO() as string,
    end: end.toUTC().toISO() as string,
    attendeeIds,
    locationText: mdo.locatie === 'online' ? 'Microsoft Teams' : MDO_LOCATIE_LABELS[mdo.locatie],
    transactionId: `${c.id}-${mdo.id}`,
  };
}


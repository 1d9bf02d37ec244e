import { DateTime } from 'luxon';
import { ZONE } from '../services/ports/clock';
import { formatDutchDate } from '../services/domain/text/format';

/** The commands a professional can type, as shown in help and hints. */
export const COMMANDS: readonly [string, string][] = [
  ['nieuwe casus', 'een nieuwe hulpvraag vastleggen (stap 1)'],
  ['mijn casussen', 'je open casussen, met wat er openstaat'],
  ['casus <kenmerk>', 'één casus bekijken, bijvoorbeeld casus HA-2026-7K3FQ9'],
  ['verder', 'verder met de stap waar je casus nu is'],
  ['status', 'waar de casus nu staat en wat er nodig is'],
  ['deel a', 'Deel A als PDF, om af te drukken en bij de inwoner achter te laten'],
  ['aanjager', 'in stap 5B: een aanjager vragen mee te kijken naar Deel B'],
  ['budget', 'het doorbraakbudget van het team; een beheerder stelt het vast met budget <bedrag>'],
  ['help', 'deze uitleg'],
  ['stop', 'het huidige gesprek afbreken (wat je al vastlegde blijft bewaard)'],
];

export const HELP_TEXT = [
  'Ik help je de stappen van de Helmond Aanpak te doorlopen: van hulpvraag en vraagverheldering via het MDO en het Samenwerkplan tot de evaluatie.',
  '',
  ...COMMANDS.map(([command, what]) => `- **${command}**: ${what}`),
].join('\n');

export const WELCOME_TEXT = [
  'Welkom bij de Helmond Aanpak-assistent.',
  'Ik begeleid je stap voor stap door het stappenplan, houd het Samenwerkplan (Deel A, B en C) bij en herinner je aan wat er moet gebeuren, zoals de evaluatie zes weken na het MDO.',
  'Begin met **nieuwe casus**, of typ **help** voor alle opdrachten.',
].join('\n\n');

/** The answer to a message that is no command and no answer to a question. */
export const UNKNOWN_TEXT = ['Dat begreep ik niet. Je kunt deze opdrachten typen:', ...COMMANDS.map(([command]) => `- **${command}**`)].join('\n');

/** A date as Dutch professionals read it: "7 januari 2027". */
export const formatDate = (iso: string): string => formatDutchDate(iso);

/** An appointment as "dinsdag 24 november 2026, 10:00 – 11:30" in Europe/Amsterdam. */
export function formatAppointment(startIso: string, endIso?: string): string {
  const start = DateTime.fromISO(startIso).setZone(ZONE).setLocale('nl');
  const end = endIso ? DateTime.fromISO(endIso).setZone(ZONE).toFormat('HH:mm') : undefined;
  return `${start.toFormat("cccc d LLLL yyyy', 'HH:mm")}${end ? ` \u2013 ${end}` : ''}`;
}

/** A moment as "23 nov 2026, 10:00" in Europe/Amsterdam. */
export function formatMoment(iso: string): string {
  return DateTime.fromISO(iso).setZone(ZONE).setLocale('nl').toFormat("d LLL yyyy', 'HH:mm");
}

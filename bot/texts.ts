import { DateTime } from 'luxon';
import { ZONE } from '../services/ports/clock';
import { formatDutchDate } from '../services/domain/text/format';
import { RESULTATEN_HELP } from './resultaten-command';

/** The commands a professional can type, as shown in help and hints. */
export const COMMANDS: readonly [string, string][] = [
  ['nieuwe casus', 'een nieuwe hulpvraag vastleggen (stap 1)'],
  ['mijn casussen', 'je open casussen, met wat er openstaat'],
  ['wat moet ik doen', 'alles wat nu op jou wacht in al je casussen, het vroegste eerst'],
  ['casus <kenmerk>', 'één casus bekijken, bijvoorbeeld casus HA-2026-7K3FQ9'],
  ['verder', 'verder met de stap waar je casus nu is'],
  ['status', 'waar de casus nu staat en wat er nodig is'],
  ['deel a', 'Deel A als PDF, om af te drukken en bij de inwoner achter te laten'],
  ['aanjager', 'in stap 5B: een aanjager vragen mee te kijken naar Deel B'],
  ['collega toevoegen', 'een collega van een andere organisatie op de casus zetten, met toestemming van de inwoner'],
  ['toestemming', 'wat elke collega mag zien; de toestemming van de inwoner wijzigen of intrekken'],
  ['casusregie overdragen', 'de casusregie voorstellen aan een andere betrokken professional, die het aanvaardt of afwijst'],
  ['mandaat', 'als casusregisseur direct een klein bedrag uitgeven zonder Deel B (bijvoorbeeld een treinkaartje)'],
  ['budget', 'het doorbraakbudget van het team; een beheerder stelt het vast met budget <bedrag>'],
  [...RESULTATEN_HELP],
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
  'Ik begeleid je stap voor stap door het stappenplan en houd het Samenwerkplan (Deel A, B en C) bij.',
  'Ik stuur herinneringen om 09:00 op werkdagen, nooit \'s nachts, in het weekend of op een feestdag: de casusregisseur krijgt de evaluatie (zes weken na het MDO) de werkdag ervoor en op de dag zelf; wie een actie doet, hoort het de werkdag nadat de datum voorbij is. Typ **wat moet ik doen** voor alles wat nu op jou wacht.',
  'Begin met **nieuwe casus**, of typ **help** voor alle opdrachten.',
].join('\n\n');

/** The welcome in a group chat or a channel: what the bot does there, and that cases stay in the personal chat. */
export const GROUP_WELCOME_TEXT = [
  'Hallo, ik ben de Helmond Aanpak-assistent.',
  'In een groepsgesprek of kanaal bespreek ik geen casussen: iedereen hier leest mee, en wat de inwoner deelt is niet voor iedereen. Noem mij met een opdracht, bijvoorbeeld **@Helmond Aanpak mijn casussen**, dan antwoord ik in je persoonlijke chat met mij.',
].join('\n\n');

/** Help in a group chat or a channel. */
export const GROUP_HELP_TEXT = [
  'In een groepsgesprek of kanaal bespreek ik geen casussen. Noem mij met een opdracht, dan antwoord ik in je persoonlijke chat met mij:',
  '',
  ...COMMANDS.filter(([command]) => command !== 'help').map(([command, what]) => `- **${command}**: ${what}`),
].join('\n');

/** A case command in a group chat: where the answer went. */
export const GROUP_ANSWERED_PERSONALLY = 'Ik antwoord je in je persoonlijke chat met mij, zodat niemand anders meeleest.';

/** A case command in a group chat by someone the bot has no personal chat with yet. */
export const GROUP_NO_PERSONAL_CHAT =
  'Casussen bespreek ik alleen in een persoonlijke chat, zodat niemand anders meeleest. Open de app Helmond Aanpak in Teams (bij Chat of Apps) en typ je opdracht daar.';

/** Anything else in a group chat: not taken as an answer (that would put case content in front of the group). */
export const GROUP_NOT_HERE =
  'Hier bespreek ik geen casussen, en een antwoord op een vraag van mij typ je in je persoonlijke chat met mij. Typ **@Helmond Aanpak help** voor wat ik in een groepsgesprek kan.';

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

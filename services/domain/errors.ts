/**
 * Errors with stable codes. Each code has one default Dutch sentence; a guard may give a more precise sentence
 * (for example naming what is missing). The bot's turn error handler shows `userMessage` and logs only `code`.
 */
export const ERROR_MESSAGES = {
  'CASE.NOT_FOUND': 'Deze casus bestaat niet, of je hebt er geen toegang toe.',
  'CASE.INVALID_INPUT': 'De invoer is niet geldig.',
  'CASE.TRANSITION_NOT_ALLOWED': 'Deze stap kan vanuit de huidige stap niet.',
  'CASE.STEP_NOT_EDITABLE': 'Dit onderdeel kun je in deze stap niet aanpassen.',
  'CASE.CLOSED': 'Deze casus is afgesloten.',
  'CASE.FORBIDDEN_ROLE': 'Je rol op deze casus staat dit niet toe.',
  'CASE.INDIENING_INCOMPLETE': 'De hulpvraag en het huishouden zijn nog niet compleet.',
  'CASE.VRAAGVERHELDERING_INCOMPLETE': 'De vraagverheldering is nog niet compleet.',
  'CASE.PARTIJEN_INCOMPLETE': 'Nog niet vastgelegd wie er nodig is.',
  'CASE.VRAAGTYPE_MISMATCH': 'Het soort vraag past niet bij deze stap.',
  'CASE.MDO_INCOMPLETE': 'Het MDO heeft nog niet alle verplichte uitkomsten.',
  'CASE.DEEL_A_INCOMPLETE': 'Deel A van het Samenwerkplan is nog niet compleet.',
  'CASE.DEEL_B_INCOMPLETE': 'Deel B (onderbouwing) is nog niet compleet.',
  'CASE.DEEL_B_NOT_APPROVED': 'Deel B is nog niet goedgekeurd.',
  'CASE.UITZONDERING_REQUIRED': 'Er is een uitzondering of doorbraakbudget nodig.',
  'CASE.ESCALATIE_NOT_ALLOWED': 'Escaleren kan nu niet.',
  'CASE.PLAN_CHANGE_REASON_REQUIRED': 'Een aanpassing van het plan heeft een geldige reden nodig.',
  'CASE.REASON_REQUIRED': 'Geef een toelichting.',
  'CASE.ACTIES_OPEN': 'Er staan nog acties open.',
  'CASE.DEEL_C_INCOMPLETE': 'Deel C (evaluatie) is nog niet compleet.',
  'CASE.PROFESSIONAL_EXISTS': 'Deze professional staat al op de casus.',
  'CASE.NO_CONSENT': 'De inwoner heeft je geen toestemming gegeven om dit deel van de casus te zien.',
  'CASE.CONSENT_REQUIRED': 'Zonder toestemming van de inwoner wordt niemand aan de casus toegevoegd.',
  'CASE.NOT_A_MEMBER': 'Deze persoon staat niet op de casus.',
  'CASE.REGIE_VOORSTEL_VERVALLEN': 'Dit voorstel om de casusregie over te nemen geldt niet meer: er is al op geantwoord, of het is vervallen.',
  'APPROVAL.FOUR_EYES': 'Je kunt een verzoek dat je zelf hebt ingediend niet zelf goedkeuren.',
  'APPROVAL.NOT_APPROVER': 'Je bent niet aangewezen om over dit verzoek te beslissen.',
  'APPROVAL.ALREADY_DECIDED': 'Over dit verzoek is al beslist.',
  'APPROVAL.NOT_FOUND': 'Dit verzoek bestaat niet (meer).',
  'APPROVAL.ALREADY_OPEN': 'Er loopt al een verzoek om akkoord.',
  'APPROVAL.REASON_REQUIRED': 'Geef een reden bij afwijzen of meer informatie vragen.',
  'APPROVAL.NO_APPROVER_FOR_AMOUNT': 'Voor dit bedrag is geen rol aangewezen die mag beslissen.',
  'STORE.CONFLICT': 'De casus is net door iemand anders gewijzigd. Probeer het opnieuw.',
  'STORE.ALREADY_EXISTS': 'Deze casus bestaat al.',
  'STORE.INVALID_DOCUMENT': 'Een opgeslagen casus is beschadigd; een beheerder moet ernaar kijken.',
  'STORE.UNAVAILABLE': 'De opslag is even niet bereikbaar. Probeer het zo opnieuw.',
  'STORE.LOCKED': 'De gegevensmap is al in gebruik door een andere bot.',
  'CONFIG.INVALID': 'De configuratie is niet geldig.',
  'CARD.INVALID_PAYLOAD': 'Deze kaart is verlopen of niet geldig; er is niets veranderd.',
  'CALENDAR.NO_SLOT': 'Er is geen gezamenlijk moment gevonden in de komende 10 werkdagen. Kies zelf een datum en tijd.',
  'GRAPH.FORBIDDEN': 'De bot mag dit niet opvragen bij Microsoft 365; de beheerder moet de toestemming van de app controleren.',
  'GRAPH.UNAVAILABLE': 'Microsoft 365 is even niet bereikbaar. Probeer het zo opnieuw.',
  'BUDGET.NOT_SET': 'Voor dit team en deze periode is nog geen doorbraakbudget vastgesteld.',
  'BUDGET.INSUFFICIENT': 'Het doorbraakbudget is niet toereikend voor dit bedrag.',
  'BUDGET.BELOW_BOOKED': 'Het budget kan niet lager worden dan wat er al is toegekend.',
  'BUDGET.INVALID_AMOUNT': 'Dat bedrag kan geen budget zijn.',
  'BUDGET.PERIOD_MIXED': 'Een jaar heeft een jaarbudget of kwartaalbudgetten, niet allebei.',
  'MANDAAT.BOVEN_MANDAAT': 'Dat bedrag is meer dan het mandaat van de casusregisseur; dat gaat via Deel B.',
  'MANDAAT.OP': 'Het mandaat van deze casus is voor deze periode op; verder gaat het via Deel B.',
  'MANDAAT.UIT': 'Er is geen mandaat voor de casusregisseur ingesteld; doorbraakbudget gaat via Deel B.',
  'MANDAAT.AL_UITGEGEVEN': 'Deze uitgave is al vastgelegd.',
  'RESULTATEN.NOT_ALLOWED': 'Alleen een leidinggevende, beheerder of bestuurder kan de resultaten zien.',
  'RESULTATEN.INVALID_PERIOD': 'Een periode is een jaar (2026) of een kwartaal (2026-Q4).',
  'RESULTATEN.PERIODE_SOORT': 'Vraag de resultaten per budgetperiode van het team: het hele jaar, of per kwartaal als het team kwartaalbudgetten heeft.',
  'REMINDER.NOT_FOUND': 'Deze herinnering is niet (meer) voor jou.',
  'REMINDER.DONE': 'Deze herinnering is niet meer nodig.',
  'REMINDER.ALREADY_SNOOZED': 'Je hebt deze herinnering al een keer uitgesteld.',
  'REMINDER.SNOOZE_RANGE': 'Kies een dag binnen twee weken.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** A refusal or failure the user can be told about: a stable code and one Dutch sentence. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;

  constructor(code: ErrorCode, userMessage?: string, options?: { cause?: unknown }) {
    super(`${code}: ${userMessage ?? ERROR_MESSAGES[code]}`, options);
    this.name = 'DomainError';
    this.code = code;
    this.userMessage = userMessage ?? ERROR_MESSAGES[code];
  }
}

/** Narrow an unknown error to a DomainError, optionally of one code. */
export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

/** A pure operation's outcome: a value, or a refusal that says why. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message?: string): Result<T> => ({
  ok: false,
  error: new DomainError(code, message),
});

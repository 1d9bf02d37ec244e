import { z } from 'zod';
import { APPROVAL_OUTCOMES } from '../model/approval';
import { TRANSITION_NAMES } from '../model/case';
import { planWijziging } from '../model/escalation';
import { calendarDate, entityId, euroCents, freeText, instant, shortText, userId } from '../model/fields';
import { mandaatCategorie, mandaatUitgave } from '../model/mandaat';
import { householdMember } from '../model/household';
import { ZRM_VERSION, zrmScores } from '../model/leefgebieden';
import { CHECKLIST_SECTIONS, MDO_LOCATIES, afspraak, calendarEntry, mdoUitkomsten } from '../model/mdo';
import { CASE_ROLES } from '../model/roles';
import { consentInput } from '../model/consent';
import { REGIE_ANTWOORDEN } from '../model/regie';
import { reminderId } from '../model/reminder';
import { argumentText } from '../model/argument';
import { VRAAG_TYPES, actieStatus, actieTermijn, belangrijksteLeefgebieden, deelB, doel, doelBereikt, gerealiseerd, kwaliteitVanLeven, tevredenheid, verzoekInput } from '../model/samenwerkplan';

/**
 * Every change to a case is one of these commands, parsed with zod at the edge (a card, a dialog) and applied
 * by the state machine. Field messages are Dutch (see model/fields.ts).
 */

/** Whom the edge asks, from the roles: more than this is a matter for the beheerder. */
const askedUserIds = z.array(userId).max(20, { error: 'Er zijn meer dan 20 mensen met deze rol; vraag de beheerder de rollen bij te werken.' });

export const transitionCommand = z.object({
  type: z.literal('overgang'),
  transition: z.enum(TRANSITION_NAMES, { error: 'Onbekende stap in het stappenplan.' }),
  toelichting: freeText('de toelichting', 1000).optional(),
  planWijziging: planWijziging.optional(),
  /** Escalatie afgerond and the plan no longer needs the exception (only with a planwijziging). */
  zonderUitzondering: z.boolean().optional(),
  /** Whom an escalation asks (the procesregisseur), as resolved by the edge. */
  askedUserIds: askedUserIds.optional(),
});
export type TransitionCommand = z.infer<typeof transitionCommand>;

/** A household member as given (an id only to change one already there); its refusals are the model's. */
const member = householdMember.extend({ id: entityId.optional() });

const actieInput = z.object({
  id: entityId.optional(),
  wie: shortText('wie het doet', 120),
  wat: freeText('wat er gebeurt', 500),
  wanneer: calendarDate('wanneer'),
  termijn: actieTermijn.default('kort'),
  status: actieStatus.optional(),
  /** A new action taken over from an afspraak of the last MDO (see voorstellen.ts). */
  afspraakId: entityId.optional(),
  /** The doel the action serves; null unlinks it. */
  doelId: entityId.nullable().optional(),
});

/** A doel as given (an id only to change one already there); the model's refusals, the dates checked by the edit. */
const doelInput = doel.extend({ id: entityId.optional() });

export const dataCommands = [
  z.object({ type: z.literal('recordHulpvraag'), hulpvraag: freeText('de hulpvraag') }),
  z.object({ type: z.literal('setHouseholdMember'), member }),
  z.object({ type: z.literal('removeHouseholdMember'), memberId: entityId }),
  z.object({
    type: z.literal('recordVraagverheldering'),
    ikWil: freeText('"ik wil"').optional(),
    ikKan: freeText('"ik kan"').optional(),
    ikHebNodig: freeText('"ik heb nodig"').optional(),
    watMoetVeranderen: freeText('wat er moet veranderen').optional(),
    belangrijksteLeefgebieden: belangrijksteLeefgebieden.optional(),
  }),
  z.object({
    type: z.literal('recordZrm'),
    moment: z.enum(['voor', 'na']),
    version: z.literal(ZRM_VERSION).default(ZRM_VERSION),
    scores: zrmScores,
  }),
  z.object({
    type: z.literal('setPartijen'),
    partijen: z
      .array(z.object({ organisatie: shortText('de organisatie'), rol: shortText('de rol', 120).optional(), userId: userId.optional() }))
      .min(1, { error: 'Noem minstens één partij.' })
      .max(30, { error: 'Noem hooguit 30 partijen.' }),
    vraagType: z.enum(VRAAG_TYPES, { error: 'Kies enkelvoudige of meervoudige vraag.' }),
  }),
  z.object({
    type: z.literal('planMdo'),
    mdoId: entityId.optional(),
    datum: calendarDate('de datum van het MDO'),
    start: instant.optional(),
    eind: instant.optional(),
    locatie: z.enum(MDO_LOCATIES, { error: 'Kies waar het MDO is: thuis, online of elders.' }),
    /** Whom of the parties on the case the MDO invites (absent: everyone; moving without it keeps who was invited). */
    genodigden: z
      .array(userId)
      .min(1, { error: 'Kies wie je uitnodigt voor het MDO.' })
      .max(30, { error: 'Nodig hooguit 30 professionals uit.' })
      .optional(),
    /** The calendar event, stored in the same write as the planning (nothing half-stored). */
    agenda: calendarEntry.optional(),
  }),
  z.object({ type: z.literal('cancelMdo'), mdoId: entityId }),
  z.object({ type: z.literal('setEvaluatieAgenda'), mdoId: entityId, agenda: calendarEntry.extend({ start: instant, eind: instant }) }),
  z.object({
    type: z.literal('recordMdoChecklist'),
    mdoId: entityId,
    section: z.enum(CHECKLIST_SECTIONS as [string, ...string[]]),
    items: z.record(z.string(), z.boolean()),
  }),
  // Derived from the MDO's outcomes schema (as Deel B's command is from Deel B): one definition of each field.
  mdoUitkomsten
    .extend({
      type: z.literal('recordMdoUitkomsten'),
      mdoId: entityId,
      afspraken: z.array(afspraak.omit({ id: true })).max(50, { error: 'Een MDO heeft hier hooguit 50 afspraken.' }).optional(),
    }),
  z.object({ type: z.literal('setDoel'), doel: doelInput }),
  /** A doel taken out of Deel A; the actions that served it stay, unlinked. */
  z.object({ type: z.literal('removeDoel'), doelId: entityId }),
  z.object({ type: z.literal('setActie'), actie: actieInput }),
  z.object({ type: z.literal('setActieStatus'), actieId: entityId, status: actieStatus }),
  z.object({ type: z.literal('removeActie'), actieId: entityId }),
  /** An afspraak of the last MDO the professional does not take into Deel A (it is no longer offered). */
  z.object({ type: z.literal('afspraakNietOvernemen'), afspraakId: entityId }),
  z.object({ type: z.literal('setDeelAFoto'), fileId: z.string().min(1).max(500), naam: shortText('de bestandsnaam', 200) }),
  // Deel B's parts with the model's labels, each held to the argument rule (model/argument.ts) on the way in; the
  // stored schema stays lenient, so a Deel B written before the rule still reads (and is refused at submission).
  deelB
    .pick({ aanjagerUserId: true })
    .extend({
      type: z.literal('recordDeelB'),
      situatiebeschrijving: argumentText('situatiebeschrijving', 'de beknopte situatiebeschrijving').optional(),
      dreigendScenario: argumentText('dreigendScenario', 'het dreigend scenario (wat als we niets doen)').optional(),
      waaromNietRegulier: argumentText('waaromNietRegulier', 'waarom het niet regulier kan').optional(),
      rendement: argumentText('rendement', 'het rendement').optional(),
      legitimiteit: argumentText('legitimiteit', 'de legitimiteit').optional(),
      betrokkenheid: argumentText('betrokkenheid', 'de betrokkenheid').optional(),
      verzoek: verzoekInput.optional(),
      opmerking: freeText('de opmerking', 1000).optional(),
      klaarVoorAkkoord: z.boolean().optional(),
    }),
  z.object({ type: z.literal('requestApproval'), askedUserIds: askedUserIds.default([]) }),
  z.object({
    type: z.literal('decideApproval'),
    requestId: entityId,
    outcome: z.enum(APPROVAL_OUTCOMES, { error: 'Kies akkoord, afwijzen of meer informatie.' }),
    reason: freeText('de reden', 1000).optional(),
  }),
  z.object({ type: z.literal('withdrawApproval'), requestId: entityId }),
  z.object({
    type: z.literal('escalateFurther'),
    toelichting: freeText('de toelichting', 1000),
    askedUserIds: askedUserIds.default([]),
  }),
  z.object({
    type: z.literal('recordDeelC'),
    gerealiseerd: gerealiseerd.optional(),
    watNogNodig: freeText('wat er nog nodig is').optional(),
    kwaliteitVanLevenVoor: kwaliteitVanLeven.optional(),
    kwaliteitVanLevenNa: kwaliteitVanLeven.optional(),
    vervolg: freeText('het vervolg').optional(),
  }),
  /** One doel evaluated: its resultaat reached (ja, deels, nee) and the inwoner's satisfaction now; again replaces it. */
  z.object({ type: z.literal('recordDoelEvaluatie'), doelId: entityId, bereikt: doelBereikt, tevredenheidNa: tevredenheid }),
  z.object({
    type: z.literal('addProfessional'),
    userId,
    role: z.enum(CASE_ROLES, { error: 'Kies een rol op de casus.' }),
    displayName: shortText('de naam van de professional', 120).optional(),
    organisatie: shortText('de organisatie', 120).optional(),
    taak: shortText('wat de collega op de casus doet', 300).optional(),
    /** Required for a betrokken professional: without the inwoner's consent nobody is added. */
    toestemming: consentInput.optional(),
  }),
  /** The inwoner changed what a party may see (a new consent replaces the old one). */
  z.object({ type: z.literal('changeConsent'), userId, toestemming: consentInput }),
  /** The inwoner withdrew consent: the party leaves the case and sees nothing of it any more. */
  z.object({ type: z.literal('withdrawConsent'), userId, op: calendarDate('de datum waarop de toestemming is ingetrokken') }),
  z.object({ type: z.literal('deactivateProfessional'), userId }),
  /** The casusregisseur proposes another party on the case to take over casusregie (a pending proposal lapses). */
  z.object({ type: z.literal('proposeCasusregie'), userId, toelichting: freeText('de toelichting', 1000).optional() }),
  /** The proposed party accepts (the roles swap) or declines, optionally saying why. */
  z.object({
    type: z.literal('answerCasusregie'),
    voorstelId: entityId,
    antwoord: z.enum(REGIE_ANTWOORDEN, { error: 'Kies aanvaarden of afwijzen.' }),
    toelichting: freeText('de reden', 1000).optional(),
  }),
  /** The casusregisseur spends under the mandaat, without Deel B; the period is the ledger's for this moment. */
  z.object({
    type: z.literal('spendMandaat'),
    uitgaveId: entityId,
    amountCents: euroCents('het bedrag'),
    doel: mandaatUitgave.shape.doel,
    waarom: mandaatUitgave.shape.waarom,
    /** Required for a new spending (stored spendings from before it was asked have none). */
    categorie: mandaatCategorie,
    periode: mandaatUitgave.shape.periode,
  }),
  /** The inwoner's own quality-of-life score when the help begins (stap 2 onwards): the "voor" of Deel C. */
  z.object({ type: z.literal('recordKwaliteitVanLevenVoor'), cijfer: kwaliteitVanLeven }),
  /** Later herinneren: the reminder's own party puts it off to a day, once, saying why. */
  z.object({
    type: z.literal('snoozeReminder'),
    reminderId,
    tot: calendarDate('de dag waarop je herinnerd wilt worden'),
    reden: freeText('de reden', 500),
  }),
] as const;

/** Any command on an existing case. */
export const caseCommand = z.discriminatedUnion('type', [transitionCommand, ...dataCommands], {
  error: 'Onbekende opdracht.',
});
export type CaseCommand = z.infer<typeof caseCommand>;
/** A command as a caller writes it (before defaults): what CaseService.execute takes. */
export type CaseCommandInput = z.input<typeof caseCommand>;
export type CommandOf<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

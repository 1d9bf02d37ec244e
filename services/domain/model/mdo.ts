import { z } from 'zod';
import { calendarDate, entityId, freeText, instant, shortText, userId } from './fields';

/**
 * The MDO (stap 4) and its gespreksformat from seed 000: the chair prepares, opens, asks, and the meeting ends
 * with the mandatory outcomes. There may be several MDOs on one case.
 */
export const MDO_CHECKLIST = {
  voorbereiding: {
    doel: 'Doel van het overleg',
    wieAanTafel: 'Wie zitten waarom aan tafel?',
    gevoeligheden: 'Eventuele gevoeligheden',
    voorbesproken: 'Met inwoner opzet MDO en ik wil / ik kan / ik heb nodig voorbesproken',
  },
  opening: {
    voorstelronde: 'Voorstelronde: wie heeft welke rol, wie zit voor?',
    gezamenlijkheid: 'Gezamenlijkheid benadrukt: waarom zitten we bij elkaar?',
    spelregels: 'Spelregels besproken',
    opzet: 'Opzet van het MDO geschetst',
  },
  vragen: {
    situatieschets: 'Situatieschets: inwoner vertelt kort over de situatie',
    verhelderendeVragen: 'Verhelderende vragen (nog geen oplossingen)',
    totaalbeeld: 'Feitelijkheden op tafel (totaalbeeld)',
    iedereenAanHetWoord: 'Iedereen komt aan het woord',
  },
} as const;

export type ChecklistSection = keyof typeof MDO_CHECKLIST;
export const CHECKLIST_SECTIONS = Object.keys(MDO_CHECKLIST) as ChecklistSection[];

const checklistSection = <S extends ChecklistSection>(section: S) =>
  z.strictObject(
    Object.fromEntries(Object.keys(MDO_CHECKLIST[section]).map((k) => [k, z.boolean().optional()])) as Record<
      keyof (typeof MDO_CHECKLIST)[S],
      z.ZodOptional<z.ZodBoolean>
    >,
  );

export const MDO_LOCATIES = ['thuis', 'online', 'elders'] as const;
export const MDO_LOCATIE_LABELS = Object.freeze({
  thuis: 'Bij de inwoner thuis',
  online: 'Online (Teams)',
  elders: 'Elders',
});

/**
 * Where an event lives in a calendar: its id, the Teams meeting link, whose calendar holds it (re-planning and
 * cancelling go through the same organiser) and how often it was changed (the iCalendar SEQUENCE).
 */
export const calendarEntry = z.object({
  eventId: z.string().min(1).max(500),
  joinUrl: z.string().url().max(2000).optional(),
  organizerId: userId.optional(),
  sequence: z.number().int().min(0).max(1000).default(0),
});
export type CalendarEntry = z.infer<typeof calendarEntry>;

export const afspraak = z.object({
  id: entityId,
  wie: shortText('wie het doet', 120),
  wat: freeText('wat er is afgesproken', 500),
  wanneer: calendarDate('wanneer'),
});
export type Afspraak = z.infer<typeof afspraak>;

/** The outcomes an MDO must end with (seed 000, stap 4 (2)). */
export const mdoUitkomsten = z.object({
  ikWilIkKanIkHebNodigVastgesteld: z.boolean().optional(),
  gezamenlijkBelang: freeText('het gezamenlijk belang').optional(),
  watAlsWeNietsDoen: freeText('wat er gebeurt als we niets doen').optional(),
  ondersteuning: freeText('welke ondersteuning nodig is').optional(),
  /** Who holds casusregie from now on (AVE-model). */
  casusregie: userId.optional(),
  afspraken: z.array(afspraak).max(50, { error: 'Een MDO heeft hier hooguit 50 afspraken.' }).default([]),
  evaluatieDatum: calendarDate('de evaluatiedatum').optional(),
});
export type MdoUitkomsten = z.infer<typeof mdoUitkomsten>;

export const mdo = z.object({
  id: entityId,
  nummer: z.number().int().min(1),
  datum: calendarDate('de datum van het MDO'),
  start: instant.optional(),
  eind: instant.optional(),
  locatie: z.enum(MDO_LOCATIES, { error: 'Kies waar het MDO is: thuis, online of elders.' }),
  /**
   * The parties on the case the professional invited (Teams user ids); absent on MDOs planned before one could
   * choose: then everyone on the case is invited. Who is no longer on the case is not invited again.
   */
  genodigden: z.array(userId).max(30).optional(),
  /** Set by the calendar adapter; never contains personal data. */
  agenda: calendarEntry.optional(),
  /** The evaluation six weeks after, in the casusregisseur's calendar (the due date is uitkomsten.evaluatieDatum). */
  evaluatieAgenda: calendarEntry.extend({ start: instant, eind: instant }).optional(),
  checklist: z.object({
    voorbereiding: checklistSection('voorbereiding').default({}),
    opening: checklistSection('opening').default({}),
    vragen: checklistSection('vragen').default({}),
  }),
  uitkomsten: mdoUitkomsten,
  /** Why this MDO: first, follow-up, or a belemmering in uitvoering. */
  aanleiding: z.enum(['eerste', 'vervolg', 'belemmering']),
  afgerondAt: instant.optional(),
  /** Cancelled before it took place; kept so its number (and calendar event) is never reused. */
  geannuleerdAt: instant.optional(),
});
export type Mdo = z.infer<typeof mdo>;

/** The MDO that is planned and neither held nor cancelled, if any (the last one: MDOs are planned one at a time). */
export const openMdo = (mdos: readonly Mdo[]): Mdo | undefined => [...mdos].reverse().find((m) => !m.afgerondAt && !m.geannuleerdAt);

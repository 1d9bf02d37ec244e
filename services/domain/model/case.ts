import { z } from 'zod';
import { parseOrThrow } from './validation';
import { approvalRequest } from './approval';
import { aveFase, escalatie } from './escalation';
import { entityId, freeText, instant, userId } from './fields';
import { household } from './household';
import { mdo } from './mdo';
import { namenSchema } from './namen';
import { MAX_OUTBOX_ITEMS, outboxItem } from './outbox';
import { mandaatEntry, mandaatUitgave, type MandaatEntry } from './mandaat';
import { regieEntry, regieVoorstel, type RegieEntry } from './regie';
import { MAX_REMINDERS, REMINDER_KINDS, reminder } from './reminder';
import { caseProfessional, type CaseProfessional } from './roles';
import { deelA, deelB, deelC, partij, VRAAG_TYPES, vraagverheldering } from './samenwerkplan';
import { STEPS } from './steps';

/** Bumped whenever the stored shape changes; a reader refuses documents of a version it does not know. */
export const CASE_SCHEMA_VERSION = 1 as const;

/** The kenmerk: a short human reference with no personal data in it, e.g. HA-2026-7K3FQ9. */
export const caseReference = z
  .string({ error: 'Geef een kenmerk op, bijvoorbeeld HA-2026-7K3FQ9.' })
  .trim()
  .toUpperCase()
  .regex(/^HA-\d{4}-[0-9A-HJKMNP-TV-Z]{6}$/, { error: 'Dat is geen geldig kenmerk (bijvoorbeeld HA-2026-7K3FQ9).' });

export const TRANSITION_NAMES = [
  'startVraagverheldering',
  'naarWieIsErNodig',
  'enkelvoudigeVraag',
  'meervoudigeVraag',
  'mdoAfgerond',
  'geenUitzonderingNodig',
  'uitzonderingNodig',
  'onderbouwingGoedgekeurd',
  'escalerenOnderbouwing',
  'vastgelopen',
  'escalatieAfgerond',
  'nieuweOnderbouwing',
  'belemmering',
  'planLukt',
  'afsluiten',
  'nieuweRonde',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** One accepted transition: who, when, from, to, why. */
export const transitionEntry = z.object({
  at: instant,
  by: userId,
  from: z.enum(STEPS),
  to: z.enum(STEPS),
  transition: z.enum(TRANSITION_NAMES),
  why: z.string().max(1000).optional(),
});
export type TransitionEntry = z.infer<typeof transitionEntry>;

/** What happened to a party on the case: added, removed, consent changed or withdrawn. */
export const PARTY_EVENTS = ['toegevoegd', 'verwijderd', 'toestemmingGewijzigd', 'toestemmingIngetrokken'] as const;
export type PartyEvent = (typeof PARTY_EVENTS)[number];
export const partyEntry = z.object({ at: instant, by: userId, partij: userId, gebeurtenis: z.enum(PARTY_EVENTS) });
export type PartyEntry = z.infer<typeof partyEntry>;

/** A reminder put off (Later herinneren), until which day, and why. */
export const herinneringEntry = z.object({
  at: instant,
  by: userId,
  herinnering: z.enum(REMINDER_KINDS),
  uitgesteldTot: z.iso.date(),
  why: z.string().max(500),
});
export type HerinneringEntry = z.infer<typeof herinneringEntry>;

/** The case's history: its transitions, what happened to its parties, to casusregie, to reminders and the mandaat, oldest first. */
export const historyEntry = z.union([transitionEntry, partyEntry, regieEntry, herinneringEntry, mandaatEntry]);
export type HistoryEntry = z.infer<typeof historyEntry>;
export const isTransitionEntry = (entry: HistoryEntry): entry is TransitionEntry => 'transition' in entry;
export const isRegieEntry = (entry: HistoryEntry): entry is RegieEntry => 'regie' in entry;
export const isHerinneringEntry = (entry: HistoryEntry): entry is HerinneringEntry => 'herinnering' in entry;
export const isMandaatEntry = (entry: HistoryEntry): entry is MandaatEntry => 'mandaat' in entry;

export const DUE_KINDS = ['evaluatie', 'actie', 'akkoord', 'uitvoering', 'escalatie'] as const;
export type DueKind = (typeof DUE_KINDS)[number];
export const dueItem = z.object({ kind: z.enum(DUE_KINDS), dueAt: instant, ref: z.string().max(100) });
export type DueItem = z.infer<typeof dueItem>;

export const belemmering = z.object({
  id: entityId,
  omschrijving: freeText('de belemmering', 1000),
  at: instant,
  by: userId,
});

export const ronde = z.object({ nummer: z.number().int().min(1), deelC, afgerondAt: instant });

export const caseSchema = z.object({
  id: entityId,
  schemaVersion: z.literal(CASE_SCHEMA_VERSION),
  reference: caseReference,
  /** The team (or organisation) whose doorbraakbudget the case draws on. */
  teamId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  step: z.enum(STEPS),
  ronde: z.number().int().min(1),
  createdAt: instant,
  createdBy: userId,
  updatedAt: instant,
  updatedBy: userId,
  hulpvraag: freeText('de hulpvraag').optional(),
  household,
  professionals: z.array(caseProfessional).min(1),
  /** The names of the professionals who wrote to the case or were asked on it (services/domain/model/namen.ts). */
  namen: namenSchema,
  /** Derived: user ids of active professionals and of approvers/escalation roles asked; the access and list index. */
  memberIds: z.array(userId),
  vraagverheldering,
  partijen: z.array(partij).max(30, { error: 'Noem hooguit 30 partijen.' }),
  vraagType: z.enum(VRAAG_TYPES).optional(),
  mdos: z.array(mdo).max(30),
  deelA,
  uitzonderingNodig: z.boolean(),
  deelB: deelB.optional(),
  approvals: z.array(approvalRequest).max(50),
  escalaties: z.array(escalatie).max(50),
  aveFase,
  belemmeringen: z.array(belemmering).max(50),
  deelC,
  vorigeRondes: z.array(ronde).max(20),
  uitvoeringSinds: instant.optional(),
  /** What the casusregisseur spent under the mandaat, without Deel B (services/domain/model/mandaat.ts), oldest first. */
  mandaatUitgaven: z.array(mandaatUitgave).max(200).optional(),
  /** A pending proposal to hand over casusregie (regie overdragen), until the proposed party answers or it lapses. */
  regieOverdragen: regieVoorstel.optional(),
  /** Derived: what is due on this case (shown in the case view and "mijn casussen"). */
  due: z.array(dueItem),
  /** Derived from the case after every change, with their state (services/domain/stappenplan/reminders.ts). */
  reminders: z.array(reminder).max(MAX_REMINDERS).default([]),
  /** Derived: when the next reminder can go out (indexed: the sweep asks for cases with it at or before now). */
  nextDueAt: instant.optional(),
  history: z.array(historyEntry),
  /** Notifications of changes to the other parties, written with the change (services/domain/model/outbox.ts). */
  outbox: z.array(outboxItem).max(MAX_OUTBOX_ITEMS).default([]),
  /** The last outbox item number given out (item ids never repeat on a case). */
  outboxSeq: z.number().int().min(0).default(0),
  /** Derived: when the dispatcher can next work on the outbox (indexed, like `nextDueAt`); absent when it is empty. */
  outboxDueAt: instant.optional(),
});
export type Case = z.infer<typeof caseSchema>;

/** Cases the state machine has just produced from the schema (zod's own output objects, not changed since). */
const checkedByTheMachine = new WeakSet<Case>();

/** Mark the machine's result, parsed by the case schema this moment, so a store does not check it a second time. */
export function checkedCase(value: Case): Case {
  checkedByTheMachine.add(value);
  return value;
}

/**
 * A case as a store writes it: the machine's own result as it is (checked once, where it was made), anything else
 * checked against the schema now (CASE.INVALID_INPUT with the Dutch reason). A caller that changes the machine's
 * result before storing it must not: stores write what the machine decided.
 */
export function caseToWrite(value: Case): Case {
  return checkedByTheMachine.has(value) ? value : parseOrThrow(caseSchema, value);
}

/** The active casusregisseur: the one regisseur of "1 huishouden, 1 plan, 1 regisseur". */
export const activeCasusregisseur = (c: Pick<Case, 'professionals'>): CaseProfessional | undefined =>
  c.professionals.find((p) => p.active && p.role === 'casusregisseur');

/** The professionals who do the work on the case now: the casusregisseur and the betrokken professionals. */
export const activeWorkers = (c: Pick<Case, 'professionals'>): CaseProfessional[] =>
  c.professionals.filter((p) => p.active && (p.role === 'casusregisseur' || p.role === 'betrokkenProfessional'));

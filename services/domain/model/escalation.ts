import { z } from 'zod';
import { entityId, freeText, instant, userId } from './fields';

/**
 * Escaleren (stap 6B) along the AVE-model (Aanpak Voorkomen Escalatie). Phases, from the floor up:
 * 1 casusregie by the professionals, 2 procesregie, 3 management of the organisations involved, 4 bestuurlijk.
 */
export const AVE_FASEN = [1, 2, 3, 4] as const;
export type AveFase = (typeof AVE_FASEN)[number];
export const AVE_FASE_LABELS: Readonly<Record<AveFase, string>> = Object.freeze({
  1: 'Fase 1: casusregie',
  2: 'Fase 2: procesregie',
  3: 'Fase 3: management',
  4: 'Fase 4: bestuurlijk',
});
/** Who is asked when an escalation goes up to a phase (phase 2 is the procesregisseur). */
export const AVE_FASE_ROLES: Readonly<Record<AveFase, 'procesregisseur' | 'leidinggevende' | 'bestuurder' | undefined>> = Object.freeze({
  1: undefined,
  2: 'procesregisseur',
  3: 'leidinggevende',
  4: 'bestuurder',
});

export const aveFase = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'De AVE-fase is 1, 2, 3 of 4.',
});

/** Seed 000: change the plan only when it gets better for the inwoner, or when something truly cannot be done. */
export const PLAN_CHANGE_REASONS = ['beterVoorInwoner', 'echtNietMogelijk'] as const;
export type PlanChangeReason = (typeof PLAN_CHANGE_REASONS)[number];
export const PLAN_CHANGE_REASON_LABELS = Object.freeze({
  beterVoorInwoner: 'Het plan wordt er voor de inwoner beter op',
  echtNietMogelijk: 'Iets kan echt niet',
});

export const planWijziging = z.object({
  reden: z.enum(PLAN_CHANGE_REASONS, {
    error: 'Pas het plan alleen aan als het beter wordt voor de inwoner of als iets echt niet kan.',
  }),
  toelichting: freeText('de toelichting op de planwijziging', 1000),
});
export type PlanWijziging = z.infer<typeof planWijziging>;

export const ESCALATIE_AANLEIDINGEN = ['vastgelopen', 'afgewezen', 'geenBesluit'] as const;
export type EscalatieAanleiding = (typeof ESCALATIE_AANLEIDINGEN)[number];

export const escalatie = z.object({
  id: entityId,
  aanleiding: z.enum(ESCALATIE_AANLEIDINGEN),
  vraag: freeText('de vraag aan de procesregisseur', 1000),
  aveFase: aveFase,
  openedBy: userId,
  openedAt: instant,
  askedUserIds: z.array(userId).max(20).default([]),
  /** Each step up the AVE-model, in order. */
  opschalingen: z
    .array(z.object({ naarFase: aveFase, door: userId, at: instant, toelichting: freeText('de toelichting', 1000) }))
    .default([]),
  uitkomst: freeText('de uitkomst', 1000).optional(),
  planWijziging: planWijziging.optional(),
  afgerondAt: instant.optional(),
});
export type Escalatie = z.infer<typeof escalatie>;

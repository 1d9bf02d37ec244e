import { z } from 'zod';
import { entityId, freeText, instant, userId } from './fields';

/**
 * Casusregie overdragen ("regie overdragen"): the casusregisseur proposes another party on the case, who accepts or
 * declines. One proposal at a time is pending on the case; a new one, the case closing, the proposed party leaving the
 * case or casusregie changing in the MDO makes it lapse.
 */
export const regieVoorstel = z.object({
  id: entityId,
  /** The party who is asked to take over casusregie. */
  aan: userId,
  /** The casusregisseur who asked. */
  door: userId,
  at: instant,
  /** Why, in the casusregisseur's words (shown to the proposed party; in the history, only to who sees everything). */
  toelichting: freeText('de toelichting', 1000).optional(),
});
export type RegieVoorstel = z.infer<typeof regieVoorstel>;

/** The proposed party's answer. */
export const REGIE_ANTWOORDEN = ['aanvaard', 'afgewezen'] as const;
export type RegieAntwoord = (typeof REGIE_ANTWOORDEN)[number];

/**
 * What happened to casusregie: proposed, accepted, declined, lapsed (a new proposal, the case closed, the party left),
 * or handed over by the MDO's outcome.
 */
export const REGIE_EVENTS = ['voorgesteld', 'aanvaard', 'afgewezen', 'vervallen', 'overgedragenInMdo'] as const;
export type RegieEvent = (typeof REGIE_EVENTS)[number];

/** One event of casusregie in the case's history: who did it, when, from whom to whom, and why if said. */
export const regieEntry = z.object({
  at: instant,
  by: userId,
  regie: z.enum(REGIE_EVENTS),
  /** The casusregisseur before, and the party proposed (or, in the MDO, chosen). */
  van: userId,
  aan: userId,
  /** The proposal this event belongs to (not for the MDO's handover). */
  voorstel: entityId.optional(),
  why: z.string().max(1000).optional(),
});
export type RegieEntry = z.infer<typeof regieEntry>;

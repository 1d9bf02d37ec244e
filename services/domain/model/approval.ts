import { z } from 'zod';
import { entityId, euroCents, freeText, instant, userId } from './fields';
import { ORG_ROLES } from './roles';
import { DEFAULT_MANDAAT_CENTS } from './mandaat';

/** An approval decision on Deel B. */
export const APPROVAL_OUTCOMES = ['akkoord', 'afgewezen', 'meerInformatie'] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];
export const APPROVAL_OUTCOME_LABELS = Object.freeze({
  akkoord: 'Akkoord',
  afgewezen: 'Afgewezen',
  meerInformatie: 'Meer informatie nodig',
});

export const APPROVAL_STATUSES = ['open', ...APPROVAL_OUTCOMES, 'ingetrokken'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const approvalDecision = z.object({
  by: userId,
  at: instant,
  outcome: z.enum(APPROVAL_OUTCOMES),
  reason: freeText('de reden', 1000).optional(),
});
export type ApprovalDecision = z.infer<typeof approvalDecision>;

/** A request to approve one version of Deel B. Whoever asks cannot decide (four-eyes). */
export const approvalRequest = z.object({
  id: entityId,
  deelBVersie: z.number().int().min(1),
  requestedBy: userId,
  requestedAt: instant,
  uitzondering: z.boolean(),
  amountCents: euroCents('het bedrag').optional(),
  /** Organisation roles the policy names for this request. */
  approverRoles: z.array(z.enum(ORG_ROLES)).min(1),
  /** The people asked, when the edge named them (they gain access to the case). */
  askedUserIds: z.array(userId).max(20).default([]),
  status: z.enum(APPROVAL_STATUSES),
  decision: approvalDecision.optional(),
});
export type ApprovalRequest = z.infer<typeof approvalRequest>;

/**
 * Who may approve what. An exception without money needs one of `uitzondering`; doorbraakbudget needs the roles of
 * the first tier whose `upToCents` covers the amount (higher amounts, higher roles).
 */
export interface ApprovalPolicy {
  readonly uitzondering: readonly (typeof ORG_ROLES)[number][];
  readonly budgetTiers: readonly { readonly upToCents: number; readonly roles: readonly (typeof ORG_ROLES)[number][] }[];
  /** Werkdagen without a decision after which the request counts as stuck (escalation allowed). */
  readonly stuckAfterWerkdagen: number;
  /** The casusregisseur's mandaat: euro cents per case per budget period spent without Deel B (0: none; absent: € 250). */
  readonly mandaatCents?: number;
}

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  uitzondering: ['leidinggevende'],
  budgetTiers: [
    { upToCents: 250_000, roles: ['leidinggevende'] },
    { upToCents: 2_500_000, roles: ['bestuurder'] },
  ],
  stuckAfterWerkdagen: 5,
  mandaatCents: DEFAULT_MANDAAT_CENTS,
};

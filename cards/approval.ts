import template from './approval.json';
import type { ApprovalOutcome } from '../services/domain/model/approval';
import { expandCard } from './render';
import { DEELB_AFWIJZEN, DEELB_AKKOORD, DEELB_MEER_INFO, DEELB_VERNIEUW } from './verbs';

export interface ApprovalCardData {
  readonly caseId: string;
  readonly requestId: string;
  readonly reference: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly uitzondering?: string;
  /** Pre-formatted, e.g. "€ 1.250,00". */
  readonly bedrag?: string;
  /** The leefgebied the money is for, its Dutch label ("Huisvesting"). */
  readonly waarvoor?: string;
  readonly doel: string;
  /** What is left of the team's doorbraakbudget, pre-formatted. */
  readonly budgetOver?: string;
  /** The parts of the onderbouwing, in seed 000's order. */
  readonly onderbouwing: readonly { titel: string; tekst: string }[];
  /** Buttons only while the request is open and this viewer may decide. */
  readonly open: boolean;
  /** "Akkoord door … op …", once decided. */
  readonly besluit?: string;
  /** What the besluit is, for its colour: akkoord green, afgewezen red, meer informatie amber, ingetrokken plain. */
  readonly besluitUitkomst?: ApprovalOutcome | 'ingetrokken';
  readonly besluitReden?: string;
  /** A Dutch refusal to show above the buttons (four-eyes, overdraw, reason missing). */
  readonly melding?: string;
  /** The approvers whose Teams refreshes the card automatically (refresh.userIds, at most 60). */
  readonly refreshUserIds: readonly string[];
}

/**
 * The colour of a decision on the card. "Meer informatie nodig" is no yes: it must not look like akkoord (issue #15).
 */
export const BESLUIT_KLEUR: Readonly<Record<ApprovalOutcome | 'ingetrokken', 'Good' | 'Attention' | 'Warning' | 'Default'>> = Object.freeze({
  akkoord: 'Good',
  afgewezen: 'Attention',
  meerInformatie: 'Warning',
  ingetrokken: 'Default',
});

/** Deel B for the leidinggevende: the minimum Deel B needs, and akkoord / afwijzen / meer informatie with a reason. */
export function renderApprovalCard(data: ApprovalCardData) {
  return expandCard(template, {
    ...data,
    refreshUserIds: data.refreshUserIds.slice(0, 60),
    besluitKleur: BESLUIT_KLEUR[data.besluitUitkomst ?? 'ingetrokken'],
    verbAkkoord: DEELB_AKKOORD,
    verbAfwijzen: DEELB_AFWIJZEN,
    verbMeerInfo: DEELB_MEER_INFO,
    verbVernieuw: DEELB_VERNIEUW,
  });
}

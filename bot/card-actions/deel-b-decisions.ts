import type { TurnContext } from 'botbuilder';
import { renderNoticeCard } from '../../cards/notice';
import type { AdaptiveCardJson } from '../../cards/render';
import { DEELB_AFWIJZEN, DEELB_AKKOORD, DEELB_MEER_INFO, DEELB_VERNIEUW } from '../../cards/verbs';
import type { BudgetLedger } from '../../services/budget/ledger';
import { DomainError, isDomainError } from '../../services/errors';
import type { ApprovalOutcome } from '../../services/model/approval';
import type { Actor } from '../../services/model/roles';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import { actorOf, type BotServices } from '../services';
import type { ApprovalCards } from './approval-cards';
import type { ApprovalDelivery } from './approval-delivery';
import { budgetPeriodAt } from './approval-view';

/** Refusals after which there is no card to show this viewer: the case (to them) or the request does not exist. */
const GONE = ['CASE.NOT_FOUND', 'APPROVAL.NOT_FOUND'] as const;
const isGone = (error: unknown) => GONE.some((code) => isDomainError(error, code));

const OUTCOMES: Readonly<Record<string, ApprovalOutcome>> = {
  [DEELB_AKKOORD]: 'akkoord',
  [DEELB_AFWIJZEN]: 'afgewezen',
  [DEELB_MEER_INFO]: 'meerInformatie',
};

/** The verbs this handler answers. */
export const DEEL_B_VERBS = [DEELB_AKKOORD, DEELB_AFWIJZEN, DEELB_MEER_INFO, DEELB_VERNIEUW] as const;

/**
 * Deel B decisions from the approval card (one handler for its verbs). A decision is dry-run by the state machine
 * first (four-eyes, the policy's roles, a reason where needed, not yet decided); an approval of doorbraakbudget is
 * booked before it is stored, idempotently on the request, so a retry after a crash completes it and never books
 * twice; if another decision wins the race, the booking is taken back. The answer is always the card as this
 * viewer should now see it.
 */
export class DeelBDecisions {
  constructor(
    private readonly services: BotServices,
    private readonly ledger: BudgetLedger,
    private readonly cards: ApprovalCards,
    private readonly delivery: ApprovalDelivery,
  ) {}

  async handle(turn: TurnContext, verb: string, data: unknown): Promise<AdaptiveCardJson> {
    const parsed = parseCard(CARD_PAYLOADS.approval, data);
    if (!parsed.ok) return renderNoticeCard({ title: 'Deze kaart is niet geldig', text: parsed.error.userMessage });
    const { caseId, requestId, reden } = parsed.value;
    const actor = await actorOf(turn, this.services.directory);
    try {
      // The request first: an unknown one is "bestaat niet", whatever its id looks like.
      await this.requestOf(actor, caseId, requestId);
      const outcome = OUTCOMES[verb];
      if (outcome) {
        await this.decide(actor, caseId, requestId, outcome, reden?.trim() || undefined);
        await this.delivery.afterDecision(actor, caseId, requestId);
      }
      return await this.card(actor, caseId, requestId);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (isGone(error)) return renderNoticeCard({ title: 'Niet beschikbaar', text: error.userMessage });
      // The refusal on the card as it now stands (it may just have gone, e.g. withdrawn by the requester).
      return this.card(actor, caseId, requestId, error.userMessage).catch((again: unknown) => {
        if (isGone(again)) return renderNoticeCard({ title: 'Niet beschikbaar', text: (again as DomainError).userMessage });
        throw again;
      });
    }
  }

  private async decide(actor: Actor, caseId: string, requestId: string, outcome: ApprovalOutcome, reason: string | undefined): Promise<void> {
    const command = { type: 'decideApproval', requestId, outcome, ...(reason ? { reason } : {}) };
    const before = await this.services.cases.preview(actor, caseId, command);
    const request = before.approvals.find((r) => r.id === requestId);
    const booking = outcome === 'akkoord' && request?.amountCents !== undefined ? request : undefined;
    const at = this.services.clock.now().toUTC().toISO() as string;
    const period = budgetPeriodAt(at);
    if (booking) {
      await this.ledger.book(before.teamId, period, { requestId, caseId, amountCents: booking.amountCents as number, at, by: actor.userId });
    }
    try {
      await this.services.cases.execute(actor, caseId, command);
    } catch (error) {
      if (booking) {
        const after = (await this.services.cases.get(actor, caseId)).case.approvals.find((r) => r.id === requestId);
        if (after?.status !== 'akkoord') await this.ledger.release(before.teamId, period, requestId);
      }
      throw error;
    }
  }

  /** The case as this actor may see it, and the request on it; CASE.NOT_FOUND or APPROVAL.NOT_FOUND otherwise. */
  private async requestOf(actor: Actor, caseId: string, requestId: string) {
    const c = (await this.services.cases.get(actor, caseId)).case;
    const request = c.approvals.find((r) => r.id === requestId);
    if (!request) throw new DomainError('APPROVAL.NOT_FOUND');
    return { c, request };
  }

  private async card(actor: Actor, caseId: string, requestId: string, melding?: string): Promise<AdaptiveCardJson> {
    const { c, request } = await this.requestOf(actor, caseId, requestId);
    return this.cards.render(c, request, actor, melding);
  }
}

import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { renderNoticeCard } from '../../cards/notice';
import type { AdaptiveCardJson } from '../../cards/render';
import { DEELB_AFWIJZEN, DEELB_AKKOORD, DEELB_MEER_INFO, DEELB_VERNIEUW } from '../../cards/verbs';
import type { ApprovalService } from '../../services/approvals/approval-service';
import { isDomainError } from '../../services/errors';
import type { ApprovalOutcome } from '../../services/model/approval';
import { parseInput } from '../../services/model/validation';
import { actorOf, type BotServices } from '../services';
import type { ApprovalCards } from './approval-cards';
import type { ApprovalDelivery } from './approval-delivery';

/** What an approval card sends back: which request, and the reason typed in the card. */
const decisionPayload = z.object({
  caseId: z.string().min(1).max(100),
  requestId: z.string().min(1).max(100),
  reden: z.string().max(1000).optional(),
});

const OUTCOMES: Readonly<Record<string, ApprovalOutcome>> = {
  [DEELB_AKKOORD]: 'akkoord',
  [DEELB_AFWIJZEN]: 'afgewezen',
  [DEELB_MEER_INFO]: 'meerInformatie',
};

/** The verbs this handler answers. */
export const DEEL_B_VERBS = [DEELB_AKKOORD, DEELB_AFWIJZEN, DEELB_MEER_INFO, DEELB_VERNIEUW] as const;

/**
 * Deel B decisions from the approval card (one handler for its verbs): it parses the card's payload, asks the
 * ApprovalService (which decides, books and stores), and answers with the card as this viewer should now see it.
 */
export class DeelBDecisions {
  constructor(
    private readonly services: BotServices,
    private readonly approvals: ApprovalService,
    private readonly cards: ApprovalCards,
    private readonly delivery: ApprovalDelivery,
  ) {}

  async handle(turn: TurnContext, verb: string, data: unknown): Promise<AdaptiveCardJson> {
    const parsed = parseInput(decisionPayload, data);
    if (!parsed.ok) return renderNoticeCard({ title: 'Deze kaart is niet geldig', text: parsed.error.userMessage });
    const { caseId, requestId, reden } = parsed.value;
    const actor = await actorOf(turn, this.services.directory);
    try {
      const outcome = OUTCOMES[verb];
      if (!outcome) return this.cards.render(await this.approvals.view(actor, caseId, requestId), actor);
      const view = await this.approvals.decide(actor, caseId, requestId, outcome, reden?.trim() || undefined);
      await this.delivery.afterDecision(view);
      return this.cards.render(view, actor);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'CASE.NOT_FOUND' || error.code === 'APPROVAL.NOT_FOUND') return renderNoticeCard({ title: 'Niet beschikbaar', text: error.userMessage });
      return this.cards.render(await this.approvals.view(actor, caseId, requestId), actor, error.userMessage);
    }
  }
}

import type { TurnContext } from 'botbuilder';
import { renderNoticeCard } from '../../cards/notice';
import type { AdaptiveCardJson } from '../../cards/render';
import { DEELB_AFWIJZEN, DEELB_AKKOORD, DEELB_MEER_INFO } from '../../cards/verbs';
import type { ApprovalService } from '../../services/approvals/approval-service';
import { isDomainError, type DomainError } from '../../services/domain/errors';
import type { ApprovalOutcome } from '../../services/domain/model/approval';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import { actorOf, type BotServices } from '../turn-services';
import type { ApprovalCards } from './approval-cards';
import type { ApprovalDelivery } from './approval-delivery';

/** Refusals after which there is no card to show this viewer: the case (to them) or the request does not exist. */
const GONE = ['CASE.NOT_FOUND', 'APPROVAL.NOT_FOUND'] as const;
const isGone = (error: unknown) => GONE.some((code) => isDomainError(error, code));

const OUTCOMES: Readonly<Record<string, ApprovalOutcome>> = {
  [DEELB_AKKOORD]: 'akkoord',
  [DEELB_AFWIJZEN]: 'afgewezen',
  [DEELB_MEER_INFO]: 'meerInformatie',
};


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
    const parsed = parseCard(CARD_PAYLOADS.approval, data);
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
      if (isGone(error)) return renderNoticeCard({ title: 'Niet beschikbaar', text: error.userMessage });
      // The refusal on the card as it now stands (it may just have gone, e.g. withdrawn by the requester).
      return this.approvals.view(actor, caseId, requestId).then(
        (view) => this.cards.render(view, actor, error.userMessage),
        (again: unknown) => {
          if (isGone(again)) return renderNoticeCard({ title: 'Niet beschikbaar', text: (again as DomainError).userMessage });
          throw again;
        },
      );
    }
  }
}

import { toAttachment } from '../../cards/render';
import type { ApprovalService, ApprovalView } from '../../services/approvals/approval-service';
import type { Actor } from '../../services/domain/model/roles';
import type { SentCards } from '../../services/notify/sent-cards';
import type { Notifier } from '../../services/ports/notifier';
import type { BotServices } from '../turn-services';
import type { ApprovalCards } from './approval-cards';

/**
 * Brings the approval card to the approvers the request names, in their personal chat, and after a decision
 * updates every copy (so nobody sees stale buttons) and tells the requester.
 */
export class ApprovalDelivery {
  constructor(
    private readonly services: BotServices,
    private readonly approvals: ApprovalService,
    private readonly cards: ApprovalCards,
    private readonly notifier: Notifier,
    private readonly sent: SentCards,
  ) {}

  private async viewer(userId: string): Promise<Actor> {
    return { userId, orgRoles: await this.services.directory.rolesOf(userId) };
  }

  /** Send the card to each approver asked; returns how many could be reached. */
  async deliver(actor: Actor, caseId: string, requestId: string): Promise<{ reached: number; asked: number }> {
    const view = await this.approvals.view(actor, caseId, requestId);
    const { request } = view;
    let reached = 0;
    for (const approver of request.askedUserIds) {
      const card = this.cards.render(view, await this.viewer(approver));
      const activityId = await this.notifier.send(approver, { attachments: [toAttachment(card)] });
      if (!activityId) continue;
      reached++;
      await this.sent.record(requestId, { userId: approver, activityId });
    }
    return { reached, asked: request.askedUserIds.length };
  }

  /**
   * After a decision (the request as it now stands): update every sent copy. The requester and the other parties hear
   * of the decision (its outcome and reason) through the case's outbox, written with the decision itself.
   */
  async afterDecision(view: ApprovalView): Promise<void> {
    const { request } = view;
    for (const copy of await this.sent.list(request.id)) {
      const card = this.cards.render(view, await this.viewer(copy.userId));
      await this.notifier.update(copy.userId, copy.activityId, { attachments: [toAttachment(card)] });
    }
  }
}

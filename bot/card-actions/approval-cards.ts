import { renderApprovalCard } from '../../cards/approval';
import type { AdaptiveCardJson } from '../../cards/render';
import type { ApprovalView } from '../../services/approvals/approval-service';
import type { Actor } from '../../services/domain/model/roles';
import { approvalCardData } from './approval-view';

/** The approval card as one viewer should see it now, with the budget that is left: no reads, only rendering. */
export class ApprovalCards {
  render(view: ApprovalView, viewer: Actor, melding?: string): AdaptiveCardJson {
    return renderApprovalCard(approvalCardData(view, viewer, melding));
  }
}

import { renderApprovalCard } from '../../cards/approval';
import type { AdaptiveCardJson } from '../../cards/render';
import type { BudgetLedger } from '../../services/budget/ledger';
import type { ApprovalRequest } from '../../services/model/approval';
import type { Case } from '../../services/model/case';
import type { Actor } from '../../services/model/roles';
import type { Clock } from '../../services/ports/clock';
import { approvalCardData, budgetPeriodAt } from './approval-view';

/** The approval card as one viewer should see it now, with the budget that is left. */
export class ApprovalCards {
  constructor(
    private readonly ledger: BudgetLedger,
    private readonly clock: Clock,
  ) {}

  async render(c: Case, request: ApprovalRequest, viewer: Actor, melding?: string): Promise<AdaptiveCardJson> {
    const period = budgetPeriodAt(this.clock.now().toUTC().toISO() as string);
    const budget = request.amountCents !== undefined ? await this.ledger.get(c.teamId, period) : undefined;
    return renderApprovalCard(approvalCardData(c, request, viewer, budget, melding));
  }
}

import type { BudgetLedger, PeriodBudget } from '../budget/ledger';
import { mayBeShown } from '../domain/model/visibility';
import type { CaseService } from '../cases/case-service';
import { DomainError } from '../domain/errors';
import type { ApprovalOutcome, ApprovalRequest } from '../domain/model/approval';
import type { Case } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import type { StoredCase } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { Directory } from '../ports/directory';
import { noMetrics, type Metrics } from '../ports/metrics';
import { approverRolesFor } from '../domain/stappenplan/approvals';

export interface ApprovalServiceDeps {
  readonly cases: CaseService;
  readonly ledger: BudgetLedger;
  readonly directory: Directory;
  readonly clock: Clock;
  /** Counts each decision stored (approvals_decided, by outcome). */
  readonly metrics?: Metrics;
}

/** A request as one viewer should see it: the case, the request, and the budget it draws on (when it asks money). */
export interface ApprovalView {
  readonly case: Case;
  readonly request: ApprovalRequest;
  /** The budget a grant now would draw on, when the request asks for doorbraakbudget. */
  readonly budget?: { readonly period: string; readonly budget: PeriodBudget | undefined };
}

/**
 * Deel B approvals as an application service, beside the CaseService: who is asked (from the policy and the
 * directory), the decision with its booking on the doorbraakbudget ledger, and what a viewer sees. The edge only
 * parses a card's payload, calls this, and renders the result.
 *
 * A decision is decided by the state machine on the case as read once; an approval of doorbraakbudget is booked on
 * the ledger (on the period that holds the decision's date) before the decision is stored, idempotently on the
 * request, so a retry after a crash completes it and never books twice; when the decision cannot be stored because
 * another one won, the booking is taken back, and a decision other than akkoord takes back any booking an
 * interrupted akkoord left for the request.
 */
export class ApprovalService {
  constructor(private readonly deps: ApprovalServiceDeps) {}

  /** Everyone who holds a role the policy names for the case's Deel B request, except the requester (four-eyes). */
  async approversFor(c: Case, requester: string): Promise<string[]> {
    if (!c.deelB?.verzoek) return [];
    const roles = approverRolesFor(c.deelB.verzoek, this.deps.cases.policy);
    const users = (await Promise.all(roles.map((r) => this.deps.directory.usersWithRole(r)))).flat();
    // A party of the case without the inwoner's consent for Deel B is not asked, whatever its role.
    return [...new Set(users)].filter((u) => u !== requester && mayBeShown(c, u, 'deelB'));
  }

  /** Submit Deel B for a decision, asking everyone the policy names. Returns the case and the new request. */
  async submit(actor: Actor, caseId: string, current?: StoredCase): Promise<{ case: Case; request: ApprovalRequest }> {
    const stored = current ?? (await this.deps.cases.get(actor, caseId));
    const askedUserIds = await this.approversFor(stored.case, actor.userId);
    const written = await this.deps.cases.execute(actor, caseId, { type: 'requestApproval', askedUserIds }, stored);
    return { case: written, request: written.approvals.at(-1) as ApprovalRequest };
  }

  /**
   * Decide on a request. Reads the case once; books an approval of doorbraakbudget before storing it; returns the
   * request as it now stands, for the card. Refusals (four-eyes, not an approver, already decided, a missing reason,
   * an overdrawn budget) throw a DomainError and leave the case and the ledger as they were.
   */
  async decide(actor: Actor, caseId: string, requestId: string, outcome: ApprovalOutcome, reason?: string): Promise<ApprovalView> {
    const command = { type: 'decideApproval' as const, requestId, outcome, ...(reason ? { reason } : {}) };
    const stored = await this.deps.cases.get(actor, caseId);
    // The request first: an unknown one is APPROVAL.NOT_FOUND, whatever its id looks like.
    requestOf(stored.case, requestId);
    const decided = this.deps.cases.previewOn(actor, stored, command);
    const request = requestOf(decided, requestId);
    const at = this.deps.clock.now().toUTC().toISO() as string;
    let budget: ApprovalView['budget'];
    if (outcome === 'akkoord' && request.amountCents !== undefined) {
      // The verzoek's leefgebied goes with the grant: the resultaten count what the money was for by it.
      const categorie = stored.case.deelB?.verzoek?.categorie;
      const booked = await this.deps.ledger.bookAt(stored.case.teamId, { requestId, caseId, amountCents: request.amountCents, at, by: actor.userId, ...(categorie ? { categorie } : {}) });
      budget = { period: booked.period, budget: booked.budget };
    }
    let written: Case;
    try {
      written = await this.deps.cases.execute(actor, caseId, command, stored);
    } catch (error) {
      // Another decision won the race (or the write failed): take the booking back unless this approval stands.
      if (budget) {
        const now = (await this.deps.cases.get(actor, caseId)).case;
        if (requestOf(now, requestId).status !== 'akkoord') await this.deps.ledger.release(stored.case.teamId, at, requestId);
      }
      throw error;
    }
    const after = requestOf(written, requestId);
    (this.deps.metrics ?? noMetrics).count('approvals_decided', { outcome: after.status });
    if (after.amountCents === undefined) return { case: written, request: after };
    // A decision other than akkoord is final: a booking an earlier, interrupted akkoord left behind is taken back.
    budget ??= await this.deps.ledger.release(written.teamId, at, requestId);
    return { case: written, request: after, budget };
  }

  /** A request as it stands, for a card (one case read, and one ledger read when it asks money). */
  async view(actor: Actor, caseId: string, requestId: string): Promise<ApprovalView> {
    const c = (await this.deps.cases.get(actor, caseId)).case;
    return this.viewOf(c, requestId);
  }

  /** {@link view} on a case already read. */
  async viewOf(c: Case, requestId: string): Promise<ApprovalView> {
    const request = requestOf(c, requestId);
    return { case: c, request, ...(request.amountCents !== undefined ? { budget: await this.budgetNow(c) } : {}) };
  }

  /** The budget a grant now would draw on, for the case's team. */
  budgetNow(c: Case): Promise<{ period: string; budget: PeriodBudget | undefined }> {
    return this.deps.ledger.budgetAt(c.teamId, this.deps.clock.now().toUTC().toISO() as string);
  }
}

function requestOf(c: Case, requestId: string): ApprovalRequest {
  const request = c.approvals.find((r) => r.id === requestId);
  if (!request) throw new DomainError('APPROVAL.NOT_FOUND');
  return request;
}

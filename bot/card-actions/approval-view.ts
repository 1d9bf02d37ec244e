import { DateTime } from 'luxon';
import type { ApprovalCardData } from '../../cards/approval';
import type { BudgetDocument } from '../../services/budget/ledger';
import { remaining } from '../../services/budget/ledger';
import { APPROVAL_OUTCOME_LABELS, type ApprovalRequest } from '../../services/model/approval';
import type { Case } from '../../services/model/case';
import type { Actor } from '../../services/model/roles';
import { ZONE } from '../../services/ports/clock';
import { formatMoment } from '../texts';
import { nameOf } from '../views';
import { formatEuro as euro } from '../../services/text/format';


/** The budget period a decision at this moment books into: the calendar year in Helmond. */
export const budgetPeriodAt = (iso: string) => String(DateTime.fromISO(iso).setZone(ZONE).year);

/** May this viewer decide on this request now? (The machine checks again when they press.) */
export function mayDecide(request: ApprovalRequest, viewer: Actor): boolean {
  return (
    request.status === 'open' &&
    request.requestedBy !== viewer.userId &&
    request.approverRoles.some((r) => viewer.orgRoles.includes(r)) &&
    (request.askedUserIds.length === 0 || request.askedUserIds.includes(viewer.userId))
  );
}

/** Case and request → what the approval card shows this viewer. Only what Deel B needs; no household data. */
export function approvalCardData(c: Case, request: ApprovalRequest, viewer: Actor, budget: BudgetDocument | undefined, melding?: string): ApprovalCardData {
  const b = c.deelB;
  const parts: [string, string | undefined][] = [
    ['Situatie', b?.situatiebeschrijving],
    ['Dreigend scenario (wat als we niets doen)', b?.dreigendScenario],
    ['Waarom niet regulier', b?.waaromNietRegulier],
    ['Rendement', b?.rendement],
    ['Legitimiteit', b?.legitimiteit],
    ['Betrokkenheid', b?.betrokkenheid],
  ];
  const decision = request.decision;
  const statusText =
    request.status === 'ingetrokken'
      ? 'Dit verzoek is ingetrokken.'
      : decision
        ? `${APPROVAL_OUTCOME_LABELS[decision.outcome]}, door ${nameOf(c, decision.by)} op ${formatMoment(decision.at)}.`
        : undefined;
  return {
    caseId: c.id,
    requestId: request.id,
    reference: c.reference,
    requestedBy: nameOf(c, request.requestedBy),
    requestedAt: formatMoment(request.requestedAt),
    ...(b?.verzoek?.uitzondering ? { uitzondering: b.verzoek.uitzondering } : {}),
    ...(request.amountCents !== undefined ? { bedrag: euro(request.amountCents) } : {}),
    doel: b?.verzoek?.doel ?? '—',
    ...(request.amountCents !== undefined
      ? { budgetOver: budget ? `${euro(remaining(budget))} (${budget.teamId}, ${budget.period})` : `Nog geen budget vastgesteld voor ${c.teamId}` }
      : {}),
    onderbouwing: parts.flatMap(([titel, tekst]) => (tekst ? [{ titel, tekst }] : [])),
    open: mayDecide(request, viewer),
    ...(statusText ? { besluit: statusText } : {}),
    ...(decision?.reason ? { besluitReden: decision.reason } : {}),
    ...(melding ? { melding } : {}),
    refreshUserIds: request.askedUserIds,
  };
}

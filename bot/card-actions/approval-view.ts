import type { ApprovalCardData } from '../../cards/approval';
import type { ApprovalView } from '../../services/approvals/approval-service';
import { remaining } from '../../services/budget/ledger';
import { LEEFGEBIED_LABELS } from '../../services/domain/model/leefgebieden';
import { APPROVAL_OUTCOME_LABELS } from '../../services/domain/model/approval';
import type { Actor } from '../../services/domain/model/roles';
import { mayDecide } from '../../services/domain/stappenplan/approvals';
import { formatMoment } from '../texts';
import { naamVan } from '../../services/domain/model/namen';
import { formatEuro as euro } from '../../services/domain/text/format';


/** Case and request → what the approval card shows this viewer. Only what Deel B needs; no household data. */
export function approvalCardData(view: ApprovalView, viewer: Actor, melding?: string): ApprovalCardData {
  const { case: c, request } = view;
  const budget = view.budget?.budget;
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
        ? `${APPROVAL_OUTCOME_LABELS[decision.outcome]}, door ${naamVan(c, decision.by)} op ${formatMoment(decision.at)}.`
        : undefined;
  return {
    caseId: c.id,
    requestId: request.id,
    reference: c.reference,
    requestedBy: naamVan(c, request.requestedBy),
    requestedAt: formatMoment(request.requestedAt),
    ...(b?.verzoek?.uitzondering ? { uitzondering: b.verzoek.uitzondering } : {}),
    ...(request.amountCents !== undefined ? { bedrag: euro(request.amountCents) } : {}),
    ...(request.amountCents !== undefined && b?.verzoek?.categorie ? { waarvoor: LEEFGEBIED_LABELS[b.verzoek.categorie] } : {}),
    doel: b?.verzoek?.doel ?? '—',
    ...(request.amountCents !== undefined
      ? { budgetOver: budget ? `${euro(remaining(budget))} (${budget.teamId}, ${budget.period})` : `Nog geen budget vastgesteld voor ${[c.teamId, view.budget?.period].filter(Boolean).join(', ')}` }
      : {}),
    onderbouwing: parts.flatMap(([titel, tekst]) => (tekst ? [{ titel, tekst }] : [])),
    open: mayDecide(request, viewer),
    ...(statusText ? { besluit: statusText, besluitUitkomst: request.status === 'ingetrokken' ? 'ingetrokken' : decision?.outcome } : {}),
    ...(decision?.reason ? { besluitReden: decision.reason } : {}),
    ...(melding ? { melding } : {}),
    refreshUserIds: request.askedUserIds,
  };
}

import { DomainError } from '../errors';
import type { ApprovalPolicy, ApprovalRequest } from '../model/approval';
import type { Case } from '../model/case';
import type { Actor, OrgRole } from '../model/roles';
import type { Verzoek } from '../model/samenwerkplan';
import type { CommandOf } from './commands';
import type { MachineContext } from './context';
import { nowIso } from './context';
import { currentRequest, missingDeelB, refuse, weakDeelB } from './guards';
import { caseRoleOf, openEscalatie, requirePermission } from './permissions';
import type { AveFase } from '../model/escalation';
import { formatEuro as euro } from '../text/format';


/** The organisation roles the policy names for a request: budget tiers by amount, else the exception roles. */
export function approverRolesFor(verzoek: Verzoek, policy: ApprovalPolicy): readonly OrgRole[] {
  const amount = verzoek.doorbraakbudgetCents;
  if (amount === undefined) return policy.uitzondering;
  const tier = [...policy.budgetTiers].sort((a, b) => a.upToCents - b.upToCents).find((t) => amount <= t.upToCents);
  if (!tier) {
    throw new DomainError(
      'APPROVAL.NO_APPROVER_FOR_AMOUNT',
      `Voor ${euro(amount)} is in het beleid niemand aangewezen die mag beslissen. Escaleer via de procesregisseur of vraag een kleiner bedrag.`,
    );
  }
  return tier.roles;
}

/** Deel B goes to the approver the policy names; refused until every part of the onderbouwing is there. */
export function requestApproval(c: Case, cmd: CommandOf<'requestApproval'>, ctx: MachineContext): void {
  requirePermission(c, ctx, 'uitvoerend');
  const missing = missingDeelB(c);
  if (missing.length || !c.deelB?.verzoek) {
    throw refuse('CASE.DEEL_B_INCOMPLETE', 'Deel B kan nog niet ter beoordeling. Nog niet ingevuld:', missing);
  }
  // "Het is niet 'u vraagt wij draaien'": a placeholder in a part is no onderbouwing, whichever road wrote it.
  const weak = weakDeelB(c);
  if (weak.length) throw new DomainError('CASE.DEEL_B_INCOMPLETE', `Deel B kan nog niet ter beoordeling: niet elk onderdeel is al een onderbouwing. ${weak.join(' ')}`);
  const current = currentRequest(c);
  if (current?.status === 'open') throw new DomainError('APPROVAL.ALREADY_OPEN');
  if (current?.status === 'akkoord') throw new DomainError('APPROVAL.ALREADY_DECIDED', 'Deze versie van Deel B heeft al akkoord.');
  const verzoek = c.deelB.verzoek;
  c.approvals.push({
    id: ctx.newId(),
    deelBVersie: c.deelB.versie,
    requestedBy: ctx.actor.userId,
    requestedAt: nowIso(ctx),
    uitzondering: verzoek.uitzondering !== undefined,
    ...(verzoek.doorbraakbudgetCents !== undefined ? { amountCents: verzoek.doorbraakbudgetCents } : {}),
    approverRoles: [...approverRolesFor(verzoek, ctx.policy)],
    askedUserIds: cmd.askedUserIds.filter((u) => u !== ctx.actor.userId),
    status: 'open',
  });
}

/**
 * A decision on a request: four-eyes (the requester cannot decide), only the roles the policy names (and, when
 * people were asked by name, only them), once. Afwijzen and meer informatie need a reason.
 */
export function decideApproval(c: Case, cmd: CommandOf<'decideApproval'>, ctx: MachineContext): void {
  const request = c.approvals.find((r) => r.id === cmd.requestId);
  if (!request) throw new DomainError('APPROVAL.NOT_FOUND');
  const refusal = decisionRefusal(request, ctx.actor);
  if (refusal) throw refusal;
  if (cmd.outcome !== 'akkoord' && !cmd.reason) throw new DomainError('APPROVAL.REASON_REQUIRED');
  request.status = cmd.outcome;
  request.decision = {
    by: ctx.actor.userId,
    at: nowIso(ctx),
    outcome: cmd.outcome,
    ...(cmd.reason ? { reason: cmd.reason } : {}),
  };
}

/**
 * Why this person may not decide this request now, or undefined when they may: it is still open, they did not ask
 * for it (four-eyes), they hold a role the policy names, and when people were asked by name they are one of them.
 * The one answer to "may this person decide": the machine refuses with it, and a card shows its buttons by it.
 */
export function decisionRefusal(request: ApprovalRequest, actor: Actor): DomainError | undefined {
  if (request.status !== 'open') return new DomainError('APPROVAL.ALREADY_DECIDED', alreadyDecidedSentence(request.status));
  if (request.requestedBy === actor.userId) return new DomainError('APPROVAL.FOUR_EYES');
  const hasRole = request.approverRoles.some((r) => actor.orgRoles.includes(r));
  const named = request.askedUserIds.length === 0 || request.askedUserIds.includes(actor.userId);
  return hasRole && named ? undefined : new DomainError('APPROVAL.NOT_APPROVER');
}

export const mayDecide = (request: ApprovalRequest, actor: Actor): boolean => decisionRefusal(request, actor) === undefined;

function alreadyDecidedSentence(status: string): string {
  return status === 'ingetrokken'
    ? 'Dit verzoek is ingetrokken; er valt niets meer te beslissen.'
    : 'Over dit verzoek is al beslist.';
}

export function withdrawApproval(c: Case, cmd: CommandOf<'withdrawApproval'>, ctx: MachineContext): void {
  const request = c.approvals.find((r) => r.id === cmd.requestId);
  if (!request) throw new DomainError('APPROVAL.NOT_FOUND');
  if (request.requestedBy !== ctx.actor.userId && caseRoleOf(c, ctx.actor.userId) !== 'casusregisseur') {
    throw new DomainError('CASE.FORBIDDEN_ROLE', 'Alleen wie het verzoek deed of de casusregisseur kan het intrekken.');
  }
  if (request.status !== 'open') throw new DomainError('APPROVAL.ALREADY_DECIDED', alreadyDecidedSentence(request.status));
  request.status = 'ingetrokken';
}

/** The procesregisseur (or casusregisseur) scales up one AVE phase, up to bestuurlijk. */
export function escalateFurther(c: Case, cmd: CommandOf<'escalateFurther'>, ctx: MachineContext): void {
  requirePermission(c, ctx, 'escalatie');
  const e = openEscalatie(c);
  if (!e) throw new DomainError('CASE.ESCALATIE_NOT_ALLOWED', 'Er loopt geen escalatie om verder op te schalen.');
  if (c.aveFase >= 4) throw new DomainError('CASE.ESCALATIE_NOT_ALLOWED', 'De escalatie is al bestuurlijk (AVE fase 4).');
  const naar = (c.aveFase + 1) as AveFase;
  c.aveFase = naar;
  e.aveFase = naar;
  e.opschalingen.push({ naarFase: naar, door: ctx.actor.userId, at: nowIso(ctx), toelichting: cmd.toelichting });
  for (const u of cmd.askedUserIds) if (!e.askedUserIds.includes(u)) e.askedUserIds.push(u);
}


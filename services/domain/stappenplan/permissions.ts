import { DomainError } from '../errors';
import type { Case } from '../model/case';
import type { CaseRole } from '../model/roles';
import type { MachineContext } from './context';

/** The actor's active role on the case, if they are recorded on it as a professional. */
export function caseRoleOf(c: Case, userId: string): CaseRole | undefined {
  return c.professionals.find((p) => p.active && p.userId === userId)?.role;
}

/** CASE.FORBIDDEN_ROLE with `refusal` unless `userId` is the case's active casusregisseur (for a card offered up front). */
export function requireRegisseur(c: Case, userId: string, refusal: string): void {
  if (caseRoleOf(c, userId) !== 'casusregisseur') throw new DomainError('CASE.FORBIDDEN_ROLE', refusal);
}

/** Who may move the case along, or change its plan. */
export type Permission =
  | 'uitvoerend' // casusregisseur or betrokken professional
  | 'regisseur' // the casusregisseur only
  | 'onderbouwing' // uitvoerend, or the aanjager helping with Deel B
  | 'escalatie'; // the casusregisseur, or whoever the open escalation asked

export function openEscalatie(c: Case) {
  return c.escalaties.find((e) => e.afgerondAt === undefined);
}

/** Throws CASE.FORBIDDEN_ROLE with a Dutch sentence when the actor may not do this. */
export function requirePermission(c: Case, ctx: MachineContext, permission: Permission): void {
  const role = caseRoleOf(c, ctx.actor.userId);
  const uitvoerend = role === 'casusregisseur' || role === 'betrokkenProfessional';
  const allowed =
    permission === 'uitvoerend'
      ? uitvoerend
      : permission === 'regisseur'
        ? role === 'casusregisseur'
        : permission === 'onderbouwing'
          ? uitvoerend || role === 'aanjager'
          : role === 'casusregisseur' || (openEscalatie(c)?.askedUserIds.includes(ctx.actor.userId) ?? false);
  if (!allowed) {
    const who = {
      uitvoerend: 'de casusregisseur of een betrokken professional',
      regisseur: 'de casusregisseur',
      onderbouwing: 'de casusregisseur, een betrokken professional of de aanjager',
      escalatie: 'de casusregisseur of de procesregisseur van deze escalatie',
    }[permission];
    throw new DomainError('CASE.FORBIDDEN_ROLE', `Dit kan alleen ${who}.`);
  }
}

import { DomainError } from '../errors';
import { activeCasusregisseur, type Case } from '../model/case';
import type { RegieVoorstel } from '../model/regie';
import type { CommandOf } from './commands';
import type { MachineContext } from './context';
import { nowIso } from './context';
import { caseRoleOf } from './permissions';
import { handOverCasusregie, lapseRegieVoorstel, regieEvent } from './effects';

/**
 * Casusregie overdragen (regie overdragen) outside the MDO: the casusregisseur proposes an active party on the case,
 * and only that party may accept or decline. Accepting swaps the roles in the same write as the answer; the former
 * casusregisseur stays on the case as a betrokken professional who sees all of it (as after the MDO).
 */

/** The parties to whom the casusregisseur can propose casusregie: the active betrokken professionals. */
export function regieKandidaten(c: Pick<Case, 'professionals'>) {
  return c.professionals.filter((p) => p.active && p.role === 'betrokkenProfessional');
}

/** Whether `userId` may propose casusregie now: the active casusregisseur of an open case with a party to propose. */
export function mayProposeCasusregie(c: Case, userId: string): boolean {
  return c.step !== 'afgesloten' && caseRoleOf(c, userId) === 'casusregisseur' && regieKandidaten(c).length > 0;
}

/** The proposal `userId` may answer now, if any. */
export function openRegieVoorstelVoor(c: Pick<Case, 'regieOverdragen'>, userId: string): RegieVoorstel | undefined {
  return c.regieOverdragen?.aan === userId ? c.regieOverdragen : undefined;
}

/** The casusregisseur proposes a party; a proposal still pending lapses. Permission (regisseur) is the edit table's. */
export function proposeCasusregie(c: Case, cmd: CommandOf<'proposeCasusregie'>, ctx: MachineContext): void {
  if (cmd.userId === ctx.actor.userId) throw new DomainError('CASE.INVALID_INPUT', 'Je voert de casusregie al; kies een andere partij.');
  const party = c.professionals.find((p) => p.active && p.userId === cmd.userId);
  if (!party) throw new DomainError('CASE.NOT_A_MEMBER', 'Deze collega staat niet (meer) op de casus; voeg hem of haar eerst toe.');
  if (party.role !== 'betrokkenProfessional') {
    throw new DomainError('CASE.FORBIDDEN_ROLE', 'De casusregie gaat naar een betrokken professional op de casus, niet naar iemand die meekijkt vanuit een rol in de Helmond Aanpak.');
  }
  lapseRegieVoorstel(c, ctx);
  const voorstel: RegieVoorstel = { id: ctx.newId(), aan: cmd.userId, door: ctx.actor.userId, at: nowIso(ctx), ...(cmd.toelichting ? { toelichting: cmd.toelichting } : {}) };
  c.regieOverdragen = voorstel;
  regieEvent(c, ctx, { regie: 'voorgesteld', van: voorstel.door, aan: voorstel.aan, voorstel: voorstel.id, ...(cmd.toelichting ? { why: cmd.toelichting } : {}) });
}

/**
 * The proposed party answers. Only they may, and only to the proposal still pending (an answer to one that lapsed,
 * or a second answer, is refused: two presses at once yield one outcome). Accepting swaps the roles.
 */
export function answerCasusregie(c: Case, cmd: CommandOf<'answerCasusregie'>, ctx: MachineContext): void {
  const voorstel = c.regieOverdragen;
  if (!voorstel || voorstel.id !== cmd.voorstelId) throw new DomainError('CASE.REGIE_VOORSTEL_VERVALLEN');
  if (voorstel.aan !== ctx.actor.userId) throw new DomainError('CASE.FORBIDDEN_ROLE', 'Alleen de collega aan wie de casusregie is voorgesteld, kan dit voorstel aanvaarden of afwijzen.');
  const party = c.professionals.find((p) => p.active && p.userId === voorstel.aan);
  if (party?.role !== 'betrokkenProfessional') throw new DomainError('CASE.REGIE_VOORSTEL_VERVALLEN');
  const regisseur = activeCasusregisseur(c);
  delete c.regieOverdragen;
  const why = cmd.toelichting ? { why: cmd.toelichting } : {};
  if (cmd.antwoord === 'afgewezen') {
    regieEvent(c, ctx, { regie: 'afgewezen', van: voorstel.door, aan: voorstel.aan, voorstel: voorstel.id, ...why });
    return;
  }
  handOverCasusregie(c, voorstel.aan, ctx);
  regieEvent(c, ctx, { regie: 'aanvaard', van: regisseur?.userId ?? voorstel.door, aan: voorstel.aan, voorstel: voorstel.id, ...why });
}

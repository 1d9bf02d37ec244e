import type { Case } from '../model/case';
import type { RegieEntry } from '../model/regie';
import { CONSENT_PARTS } from '../model/consent';
import { ZONE } from '../../ports/clock';
import type { EscalatieAanleiding } from '../model/escalation';
import type { MachineContext } from './context';
import { nowIso } from './context';
import type { TransitionCommand } from './commands';
import { openEscalatie } from './permissions';

/**
 * Changes that transitions make besides moving the step. Each works on the machine's private copy of the case.
 */

/**
 * The MDO named who holds casusregie (AVE): that professional becomes casusregisseur (and sees the whole case), the
 * previous one stays involved and keeps seeing all of it: agreed at the MDO, where the inwoner is present, and
 * recorded as the inwoner's consent for every part, which the new casusregisseur can change.
 */
export function handOverCasusregie(c: Case, userId: string, ctx: MachineContext): void {
  for (const p of c.professionals) {
    if (p.active && p.role === 'casusregisseur' && p.userId !== userId) {
      p.role = 'betrokkenProfessional';
      p.toestemming = { hoe: 'mondeling', op: ctx.now.setZone(ZONE).toISODate() as string, onderdelen: [...CONSENT_PARTS], vastgelegdDoor: ctx.actor.userId, vastgelegdOp: nowIso(ctx) };
    }
    if (p.active && p.userId === userId) {
      p.role = 'casusregisseur';
      delete p.toestemming;
    }
  }
}

/** One event of casusregie in the history, by the actor, now. */
export function regieEvent(c: Case, ctx: MachineContext, entry: Omit<RegieEntry, 'at' | 'by'>): void {
  c.history.push({ at: nowIso(ctx), by: ctx.actor.userId, ...entry });
}

/**
 * The pending proposal to hand over casusregie, if any, lapses (a new one, the case closing, the proposed party
 * leaving, the MDO deciding): recorded in the history, so the proposed party's card can say its buttons are gone.
 */
export function lapseRegieVoorstel(c: Case, ctx: MachineContext): void {
  const voorstel = c.regieOverdragen;
  if (!voorstel) return;
  delete c.regieOverdragen;
  regieEvent(c, ctx, { regie: 'vervallen', van: voorstel.door, aan: voorstel.aan, voorstel: voorstel.id });
}

/** A new version of Deel B, starting from the text of the previous one; approvals never carry over. */
export function newDeelBVersion(c: Case, ctx: MachineContext): void {
  if (!c.deelB) return;
  c.deelB = { ...c.deelB, versie: c.deelB.versie + 1, gewijzigdAt: nowIso(ctx), gewijzigdDoor: ctx.actor.userId };
}

export function withdrawOpenRequests(c: Case): void {
  for (const r of c.approvals) if (r.status === 'open') r.status = 'ingetrokken';
}

/** Stap 6B: the casusregisseur scales up to the procesregisseur (AVE fase 2 at least). */
export function openNewEscalatie(c: Case, cmd: TransitionCommand, ctx: MachineContext, aanleiding: EscalatieAanleiding): void {
  const fase = c.aveFase < 2 ? 2 : c.aveFase;
  c.aveFase = fase;
  c.escalaties.push({
    id: ctx.newId(),
    aanleiding,
    vraag: cmd.toelichting as string,
    aveFase: fase,
    openedBy: ctx.actor.userId,
    openedAt: nowIso(ctx),
    askedUserIds: cmd.askedUserIds ?? [],
    opschalingen: [],
  });
}

export function closeEscalatie(c: Case, cmd: TransitionCommand, ctx: MachineContext): void {
  const e = openEscalatie(c);
  if (!e) return;
  e.uitkomst = cmd.toelichting as string;
  if (cmd.planWijziging) e.planWijziging = cmd.planWijziging;
  e.afgerondAt = nowIso(ctx);
}

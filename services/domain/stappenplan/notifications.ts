import { activeCasusregisseur, activeWorkers, type Case, type TransitionName } from '../model/case';
import { enqueue, type ChangeKind, type OutboxChange } from '../model/outbox';
import type { ConsentPart } from '../model/consent';
import { sightOf } from '../model/visibility';
import type { CaseCommand } from './commands';
import type { MachineContext } from './context';
import { nowIso } from './context';

/** What each transition means to the other parties, and the part of the case it concerns (if any). */
const TRANSITION_CHANGES: Readonly<Record<TransitionName, readonly [ChangeKind, ConsentPart?]>> = {
  startVraagverheldering: ['stap'],
  naarWieIsErNodig: ['stap'],
  enkelvoudigeVraag: ['stap'],
  meervoudigeVraag: ['stap'],
  mdoAfgerond: ['mdoAfgerond', 'mdo'],
  geenUitzonderingNodig: ['stap'],
  uitzonderingNodig: ['stap'],
  onderbouwingGoedgekeurd: ['stap'],
  escalerenOnderbouwing: ['escalatieGeopend'],
  vastgelopen: ['escalatieGeopend'],
  escalatieAfgerond: ['escalatieAfgerond'],
  nieuweOnderbouwing: ['stap'],
  // The belemmering's text is part of the plan (Deel A); who may not see the plan hears nothing of it.
  belemmering: ['belemmering', 'deelA'],
  planLukt: ['stap'],
  afsluiten: ['casusAfgesloten'],
  nieuweRonde: ['nieuweRonde'],
};

const change = (kind: ChangeKind, by: string, extra: { subject?: string; part?: ConsentPart; uitgave?: string } = {}): OutboxChange => ({ kind, by, ...extra });

/** The changes one command made, as the other parties hear of them (none for drafts and work in progress). */
function changesOf(before: Case, after: Case, cmd: CaseCommand, by: string): OutboxChange[] {
  const changes: OutboxChange[] = [];
  switch (cmd.type) {
    case 'overgang': {
      const [kind, part] = TRANSITION_CHANGES[cmd.transition];
      changes.push(change(kind, by, part ? { part } : {}));
      break;
    }
    case 'addProfessional':
      changes.push(change('partijToegevoegd', by, { subject: cmd.userId }));
      break;
    case 'deactivateProfessional':
      changes.push(change('partijVerwijderd', by, { subject: cmd.userId }));
      break;
    case 'changeConsent':
      changes.push(change('toestemmingGewijzigd', by, { subject: cmd.userId }));
      break;
    case 'withdrawConsent':
      changes.push(change('toestemmingIngetrokken', by, { subject: cmd.userId }));
      break;
    case 'planMdo': {
      const was = cmd.mdoId ? before.mdos.find((m) => m.id === cmd.mdoId) : undefined;
      const now = cmd.mdoId ? after.mdos.find((m) => m.id === cmd.mdoId) : after.mdos.at(-1);
      const moved = was && now && (was.datum !== now.datum || was.start !== now.start || was.eind !== now.eind || was.locatie !== now.locatie);
      if (!cmd.mdoId) changes.push(change('mdoGepland', by));
      else if (moved) changes.push(change('mdoVerplaatst', by));
      break;
    }
    case 'cancelMdo':
      changes.push(change('mdoGeannuleerd', by));
      break;
    case 'setActie': {
      const was = cmd.actie.id ? before.deelA.acties.find((a) => a.id === cmd.actie.id) : undefined;
      const kind: ChangeKind = !was ? 'actieToegevoegd' : cmd.actie.status === 'gedaan' && was.status !== 'gedaan' ? 'actieGedaan' : 'actieGewijzigd';
      changes.push(change(kind, by, { part: 'deelA' }));
      break;
    }
    case 'setActieStatus': {
      const was = before.deelA.acties.find((a) => a.id === cmd.actieId);
      if (was?.status !== cmd.status) changes.push(change(cmd.status === 'gedaan' ? 'actieGedaan' : 'actieGewijzigd', by, { part: 'deelA' }));
      break;
    }
    case 'removeActie':
      changes.push(change('actieVerwijderd', by, { part: 'deelA' }));
      break;
    case 'decideApproval':
      changes.push(change('besluitDeelB', by, { part: 'deelB' }));
      break;
    case 'spendMandaat':
      // Money spent for the household is of Deel B (visibility.ts): only who may see Deel B hears of it.
      changes.push(change('mandaatUitgave', by, { part: 'deelB', uitgave: cmd.uitgaveId }));
      break;
    case 'escalateFurther':
      changes.push(change('escalatieOpgeschaald', by));
      break;
    case 'recordDeelC':
    case 'recordDoelEvaluatie':
      changes.push(change('evaluatie', by, { part: 'evaluatie' }));
      break;
    default:
      // Drafts and work in progress (the hulpvraag, ZRM, Deel B being written, the MDO checklist): the step's own
      // outcome is what the others hear of.
      break;
  }
  const regisseurBefore = activeCasusregisseur(before)?.userId;
  const regisseurAfter = activeCasusregisseur(after)?.userId;
  if (regisseurAfter && regisseurBefore !== regisseurAfter) changes.push(change('casusregieOvergedragen', by, { subject: regisseurAfter }));
  return changes;
}

/** Whether `to` hears of the change: only what its consent covers, and not of its own addition (the edge tells it). */
function hears(after: Case, to: string, c: OutboxChange): boolean {
  if (c.kind === 'partijToegevoegd' && c.subject === to) return false;
  return c.part === undefined || sightOf(after, to).parts.has(c.part);
}

/**
 * Fill the outbox of the machine's result (`after`, its private copy) with what the command changed, for every other
 * active party on the case (the casusregisseur and the betrokken professionals; never the actor), each hearing only of
 * the parts its consent covers: one item per recipient, however many changes. A party whose access ended (consent
 * withdrawn, removed from the case) is no longer on it, and still hears that, without any content.
 */
export function notifyOthers(before: Case, after: Case, cmd: CaseCommand, ctx: MachineContext): void {
  const actor = ctx.actor.userId;
  const at = nowIso(ctx);
  const changes = changesOf(before, after, cmd, actor);
  if (changes.length === 0) return;
  for (const party of activeWorkers(after)) {
    if (party.userId === actor) continue;
    enqueue(after, party.userId, changes.filter((c) => hears(after, party.userId, c)), at);
  }
  if ((cmd.type === 'withdrawConsent' || cmd.type === 'deactivateProfessional') && cmd.userId !== actor) {
    enqueue(after, cmd.userId, [change('toegangBeeindigd', actor)], at);
  }
}

import { DomainError, fail, isDomainError, ok, type Result } from '../errors';
import { CASE_SCHEMA_VERSION, caseSchema, checkedCase, type Case, type TransitionName } from '../model/case';
import { householdMember } from '../model/household';
import { freeText, shortText } from '../model/fields';
import { parseInput } from '../model/validation';
import { stepInSentence } from '../model/steps';
import { rememberNamen, type NaamEntry } from '../model/namen';
import { z } from 'zod';
import { caseCommand, type CaseCommand, type TransitionCommand } from './commands';
import type { MachineContext } from './context';
import { nowIso } from './context';
import { withDerived } from './derive';
import { applyEdit } from './edits';
import { notifyOthers } from './notifications';
import { requirePermission } from './permissions';
import { TRANSITIONS, transitionsFrom, type TransitionDef } from './transitions';

/**
 * The stappenplan state machine: pure, no I/O, no clock of its own. It is the single authority over a case's
 * step: dialogs and card handlers ask it, and store what it returns. A refusal is a DomainError with a stable
 * code and one Dutch sentence; the input case is never modified.
 */
export function decide(current: Case, input: unknown, ctx: MachineContext): Result<Case> {
  const parsed = parseInput(caseCommand, input);
  if (!parsed.ok) return parsed;
  const command: CaseCommand = parsed.value;
  if (current.step === 'afgesloten') return fail('CASE.CLOSED', 'Deze casus is afgesloten. Open een nieuwe casus als er een nieuwe hulpvraag is.');

  const next = structuredClone(current);
  try {
    if (command.type === 'overgang') applyTransition(next, command, ctx);
    else applyEdit(next, command, ctx);
    // The others hear of it through the outbox, written in the same write as the change.
    notifyOthers(current, next, command, ctx);
  } catch (error) {
    if (isDomainError(error)) return { ok: false, error };
    throw error;
  }
  next.updatedAt = nowIso(ctx);
  next.updatedBy = ctx.actor.userId;
  rememberNamen((next.namen ??= {}), namenOf(ctx));
  return validated(withDerived(next, ctx));
}

function applyTransition(c: Case, cmd: TransitionCommand, ctx: MachineContext): void {
  const def = TRANSITIONS.find((t) => t.name === cmd.transition) as TransitionDef;
  if (def.from !== c.step) {
    const options = transitionsFrom(c.step).map((t) => stepInSentence(t.to));
    throw new DomainError(
      'CASE.TRANSITION_NOT_ALLOWED',
      `Vanuit ${stepInSentence(c.step)} kan de casus niet ${def.to === 'afgesloten' ? 'worden afgesloten' : `naar ${stepInSentence(def.to)}`}.` +
        (options.length ? ` Mogelijk: ${[...new Set(options)].join(', ')}.` : ''),
    );
  }
  requirePermission(c, ctx, def.permission);
  const refusal = def.guard(c, cmd, ctx);
  if (refusal) throw refusal;
  def.effect?.(c, cmd, ctx);
  c.history.push({
    at: nowIso(ctx),
    by: ctx.actor.userId,
    from: def.from,
    to: def.to,
    transition: def.name,
    ...(cmd.toelichting ? { why: cmd.toelichting } : {}),
  });
  c.step = def.to;
}

/** What the machine would say to a transition now, without changing anything (for dialogs and cards). */
export function check(current: Case, transition: TransitionName, ctx: MachineContext, extra: Partial<TransitionCommand> = {}): DomainError | undefined {
  const result = decide(current, { ...extra, type: 'overgang', transition }, ctx);
  return result.ok ? undefined : result.error;
}

/** The transitions that leave the case's step, each with its refusal (if any) for this actor now. */
export function availableTransitions(current: Case, ctx: MachineContext): { def: TransitionDef; refusal?: DomainError }[] {
  return transitionsFrom(current.step).map((def) => {
    const refusal = check(current, def.name, ctx, { toelichting: 'controle' });
    return refusal ? { def, refusal } : { def };
  });
}

export const newCaseInput = z.object({
  id: z.string(),
  reference: z.string(),
  teamId: z.string(),
  hulpvraag: freeText('de hulpvraag').optional(),
  members: z.array(householdMember.omit({ id: true })).max(20).default([]),
  displayName: shortText('je naam', 120).optional(),
});
export type NewCaseInput = z.input<typeof newCaseInput>;

/** Stap 1 Indienen: a new case, with the actor as casusregisseur. */
export function newCase(input: NewCaseInput, ctx: MachineContext): Result<Case> {
  const parsed = parseInput(newCaseInput, input);
  if (!parsed.ok) return parsed;
  const { id, reference, teamId, hulpvraag, members, displayName } = parsed.value;
  const at = nowIso(ctx);
  const draft: Case = {
    id, schemaVersion: CASE_SCHEMA_VERSION, reference, teamId, step: 'indienen', ronde: 1,
    createdAt: at, createdBy: ctx.actor.userId, updatedAt: at, updatedBy: ctx.actor.userId,
    ...(hulpvraag ? { hulpvraag } : {}),
    household: { members: members.map((m) => ({ ...m, id: ctx.newId() })) },
    professionals: [{ userId: ctx.actor.userId, role: 'casusregisseur', addedAt: at, addedBy: ctx.actor.userId, active: true, ...(displayName ? { displayName } : {}) }],
    namen: {},
    memberIds: [], vraagverheldering: {}, partijen: [], mdos: [], deelA: { doelen: [], acties: [] }, uitzonderingNodig: false,
    approvals: [], escalaties: [], aveFase: 1, belemmeringen: [], deelC: {}, vorigeRondes: [], due: [], reminders: [], history: [], outbox: [], outboxSeq: 0,
  };
  rememberNamen(draft.namen, namenOf(ctx));
  return validated(withDerived(draft, ctx));
}

/** Whose names this change teaches the case: the actor's own (as Teams sends it), and those the edge looked up. */
function namenOf(ctx: MachineContext): Record<string, NaamEntry | undefined> {
  const own = ctx.namen?.[ctx.actor.userId];
  const naam = ctx.actor.naam ?? own?.naam;
  return { ...ctx.namen, [ctx.actor.userId]: naam ? { naam, ...(own?.organisatie ? { organisatie: own.organisatie } : {}) } : undefined };
}

function validated(c: Case): Result<Case> {
  const result = parseInput(caseSchema, c);
  return result.ok ? ok(checkedCase(result.value)) : result;
}

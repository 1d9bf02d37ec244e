import { DomainError } from '../errors';
import type { Case, PartyEntry } from '../model/case';
import { CONSENT_PARTS, type ConsentInput, type Toestemming } from '../model/consent';
import type { CaseProfessional } from '../model/roles';
import { ZONE } from '../../ports/clock';
import type { CommandOf } from './commands';
import type { MachineContext } from './context';
import { nowIso } from './context';
import { lapseRegieVoorstel } from './effects';

/**
 * The parties on a case and the inwoner's consent for each: who is added (never without consent), what a party may
 * see, and how its place ends. Each change is a party event in the history. Step and permission are checked by the
 * edit table (edits.ts) before these run.
 */

/** A professional on the case; a betrokken professional only with the inwoner's consent (stap 3 and later). */
export function addProfessional(c: Case, cmd: CommandOf<'addProfessional'>, ctx: MachineContext): void {
  const existing = c.professionals.find((p) => p.userId === cmd.userId);
  if (existing?.active) throw new DomainError('CASE.PROFESSIONAL_EXISTS');
  if (cmd.role === 'casusregisseur') {
    throw new DomainError('CASE.FORBIDDEN_ROLE', 'De casusregie gaat over via de afspraken van het MDO.');
  }
  if (cmd.role === 'betrokkenProfessional' && !cmd.toestemming) {
    throw new DomainError('CASE.CONSENT_REQUIRED', 'Leg eerst de toestemming van de inwoner vast: hoe en wanneer die gegeven is, en welke onderdelen de collega mag zien.');
  }
  const toestemming = cmd.toestemming && recordedConsent(cmd.toestemming, ctx);
  const entry = {
    userId: cmd.userId, role: cmd.role, addedAt: nowIso(ctx), addedBy: ctx.actor.userId, active: true,
    ...(cmd.displayName ? { displayName: cmd.displayName } : {}),
    ...(cmd.organisatie ? { organisatie: cmd.organisatie } : {}),
    ...(cmd.taak ? { taak: cmd.taak } : {}),
    ...(toestemming ? { toestemming } : {}),
  };
  if (existing) {
    // Back on the case: what was recorded before (consent, the end) is replaced, not merged.
    for (const key of ['displayName', 'organisatie', 'taak', 'toestemming', 'einde'] as const) delete existing[key];
    Object.assign(existing, entry);
  } else c.professionals.push(entry);
  partyEvent(c, ctx, cmd.userId, 'toegevoegd');
}

/** The inwoner changed what a party may see: the new consent replaces the old one. */
export function changeConsent(c: Case, cmd: CommandOf<'changeConsent'>, ctx: MachineContext): void {
  const p = activeParty(c, cmd.userId);
  p.toestemming = recordedConsent(cmd.toestemming, ctx);
  partyEvent(c, ctx, cmd.userId, 'toestemmingGewijzigd');
}

/** The inwoner withdrew consent: the party leaves the case and sees nothing of it any more. */
export function withdrawConsent(c: Case, cmd: CommandOf<'withdrawConsent'>, ctx: MachineContext): void {
  const p = activeParty(c, cmd.userId);
  notInTheFuture(cmd.op, ctx, 'De datum waarop de toestemming is ingetrokken ligt in de toekomst.');
  delete p.toestemming;
  p.active = false;
  p.einde = { op: nowIso(ctx), door: ctx.actor.userId, reden: 'toestemmingIngetrokken', ingetrokkenOp: cmd.op };
  partyEvent(c, ctx, cmd.userId, 'toestemmingIngetrokken');
  if (c.regieOverdragen?.aan === cmd.userId) lapseRegieVoorstel(c, ctx);
}

/** A professional's work on the case is done: off the case (the casusregisseur only after handing casusregie over). */
export function deactivateProfessional(c: Case, cmd: CommandOf<'deactivateProfessional'>, ctx: MachineContext): void {
  const p = c.professionals.find((x) => x.userId === cmd.userId && x.active);
  if (!p) throw new DomainError('CASE.NOT_A_MEMBER');
  if (p.role === 'casusregisseur') throw new DomainError('CASE.FORBIDDEN_ROLE', 'Draag eerst de casusregie over.');
  p.active = false;
  p.einde = { op: nowIso(ctx), door: ctx.actor.userId, reden: 'verwijderd' };
  partyEvent(c, ctx, cmd.userId, 'verwijderd');
  if (c.regieOverdragen?.aan === cmd.userId) lapseRegieVoorstel(c, ctx);
}

/** An active betrokken professional (a party whose consent can change), or CASE.NOT_A_MEMBER. */
function activeParty(c: Case, userId: string): CaseProfessional {
  const p = c.professionals.find((x) => x.userId === userId && x.active);
  if (!p) throw new DomainError('CASE.NOT_A_MEMBER');
  if (p.role !== 'betrokkenProfessional') {
    throw new DomainError('CASE.FORBIDDEN_ROLE', p.role === 'casusregisseur' ? 'De casusregisseur ziet de hele casus; draag eerst de casusregie over.' : 'Deze collega kijkt mee vanuit een rol in de Helmond Aanpak, niet met toestemming per onderdeel.');
  }
  return p;
}

function notInTheFuture(date: string, ctx: MachineContext, refusal: string): void {
  if (date > (ctx.now.setZone(ZONE).toISODate() as string)) throw new DomainError('CASE.INVALID_INPUT', refusal);
}

/** The consent as recorded now by the actor; a date in the future is refused. */
function recordedConsent(input: ConsentInput, ctx: MachineContext): Toestemming {
  notInTheFuture(input.op, ctx, 'De datum van de toestemming ligt in de toekomst; vul de dag in waarop de inwoner toestemming gaf.');
  return { ...input, onderdelen: CONSENT_PARTS.filter((part) => input.onderdelen.includes(part)), vastgelegdDoor: ctx.actor.userId, vastgelegdOp: nowIso(ctx) };
}

function partyEvent(c: Case, ctx: MachineContext, partij: string, gebeurtenis: PartyEntry['gebeurtenis']): void {
  c.history.push({ at: nowIso(ctx), by: ctx.actor.userId, partij, gebeurtenis });
}

import { sightOf } from '../model/visibility';
import { DomainError } from '../errors';
import { activeCasusregisseur, type Case, type TransitionName } from '../model/case';
import { openMdo } from '../model/mdo';
import type { TransitionCommand } from './commands';
import type { Step } from '../model/steps';
import type { MachineContext } from './context';
import { nowIso } from './context';
import {
  currentRequest,
  isDeelBApproved,
  lateKorteActies,
  missingDeelA,
  missingDeelC,
  missingIndiening,
  missingMdoUitkomsten,
  missingVraagverheldering,
  onderbouwingStuck,
  openKorteActies,
  refuse,
} from './guards';
import type { Permission } from './permissions';
import { closeEscalatie, handOverCasusregie, lapseRegieVoorstel, newDeelBVersion, openNewEscalatie, regieEvent, withdrawOpenRequests } from './effects';

export interface TransitionDef {
  readonly name: TransitionName;
  readonly from: Step;
  readonly to: Step;
  readonly permission: Permission;
  /** A refusal, or undefined when the transition may happen. */
  guard(c: Case, cmd: TransitionCommand, ctx: MachineContext): DomainError | undefined;
  /** Changes that belong to the transition itself, applied to a copy of the case. */
  effect?(c: Case, cmd: TransitionCommand, ctx: MachineContext): void;
}

const requireToelichting = (what: string) => (_c: Case, cmd: TransitionCommand) =>
  cmd.toelichting ? undefined : new DomainError('CASE.REASON_REQUIRED', `Geef een toelichting: ${what}`);

const gateUitvoering = (c: Case, ctx: MachineContext): DomainError | undefined => {
  const late = lateKorteActies(c, ctx);
  if (late.length > 0) {
    // The actions by name only to whom may see Deel A.
    if (!sightOf(c, ctx.actor.userId).parts.has('deelA')) return new DomainError('CASE.DEEL_A_INCOMPLETE', 'Uitvoering gebeurt binnen zes weken; de casusregisseur moet eerst acties van het plan eerder plannen.');
    return refuse('CASE.DEEL_A_INCOMPLETE', 'Uitvoering gebeurt binnen zes weken. Plan deze acties eerder of zet ze op lange termijn:', late);
  }
  return undefined;
};

/** Every transition of seed 000, with its guard. The machine allows nothing that is not in this table. */
export const TRANSITIONS: readonly TransitionDef[] = [
  {
    name: 'startVraagverheldering', from: 'indienen', to: 'vraagverheldering', permission: 'uitvoerend',
    guard: (c) => {
      const missing = missingIndiening(c);
      return missing.length ? refuse('CASE.INDIENING_INCOMPLETE', 'Nog niet vastgelegd:', missing) : undefined;
    },
  },
  {
    name: 'naarWieIsErNodig', from: 'vraagverheldering', to: 'wieIsErNodig', permission: 'uitvoerend',
    guard: (c) => {
      const missing = missingVraagverheldering(c);
      return missing.length ? refuse('CASE.VRAAGVERHELDERING_INCOMPLETE', 'Nog niet ingevuld:', missing) : undefined;
    },
  },
  {
    name: 'enkelvoudigeVraag', from: 'wieIsErNodig', to: 'plan', permission: 'uitvoerend',
    guard: (c) =>
      c.vraagType !== 'enkelvoudig'
        ? new DomainError('CASE.VRAAGTYPE_MISMATCH', 'Leg eerst vast dat één partij de vraag kan oplossen (enkelvoudige vraag).')
        : c.partijen.length < 1
          ? new DomainError('CASE.PARTIJEN_INCOMPLETE', 'Leg vast welke partij de vraag oplost.')
          : undefined,
  },
  {
    name: 'meervoudigeVraag', from: 'wieIsErNodig', to: 'mdo', permission: 'uitvoerend',
    guard: (c) =>
      c.vraagType !== 'meervoudig'
        ? new DomainError('CASE.VRAAGTYPE_MISMATCH', 'Leg eerst vast dat meerdere partijen nodig zijn (meervoudige vraag).')
        : c.partijen.length < 2
          ? new DomainError('CASE.PARTIJEN_INCOMPLETE', 'Bij een meervoudige vraag horen minstens twee partijen.')
          : undefined,
  },
  {
    name: 'mdoAfgerond', from: 'mdo', to: 'plan', permission: 'uitvoerend',
    guard: (c) => {
      const missing = missingMdoUitkomsten(c, openMdo(c.mdos));
      return missing.length ? refuse('CASE.MDO_INCOMPLETE', 'Het MDO is nog niet af. Nog niet vastgesteld:', missing) : undefined;
    },
    effect: (c, _cmd, ctx) => {
      const mdo = openMdo(c.mdos);
      if (!mdo) return;
      mdo.afgerondAt = nowIso(ctx);
      const gekozen = mdo.uitkomsten.casusregie;
      const regisseur = activeCasusregisseur(c)?.userId;
      if (!gekozen) return;
      // The MDO decides casusregie: a proposal made before it lapses, and a change of regisseur is in the history.
      lapseRegieVoorstel(c, ctx);
      handOverCasusregie(c, gekozen, ctx);
      if (regisseur && regisseur !== gekozen) regieEvent(c, ctx, { regie: 'overgedragenInMdo', van: regisseur, aan: gekozen });
    },
  },
  {
    name: 'geenUitzonderingNodig', from: 'plan', to: 'uitvoering', permission: 'uitvoerend',
    guard: (c, _cmd, ctx) => {
      const missing = missingDeelA(c);
      if (missing.length) return refuse('CASE.DEEL_A_INCOMPLETE', 'Deel A is nog niet compleet. Nog niet ingevuld:', missing);
      return gateUitvoering(c, ctx);
    },
    effect: (c, _cmd, ctx) => {
      c.uitzonderingNodig = false;
      c.uitvoeringSinds = nowIso(ctx);
    },
  },
  {
    name: 'uitzonderingNodig', from: 'plan', to: 'onderbouwing', permission: 'uitvoerend',
    guard: (c) => {
      const missing = missingDeelA(c);
      return missing.length ? refuse('CASE.DEEL_A_INCOMPLETE', 'Maak eerst Deel A af. Nog niet ingevuld:', missing) : undefined;
    },
    effect: (c, _cmd, ctx) => {
      c.uitzonderingNodig = true;
      // Every exception is legitimised on its own: an earlier approval does not carry over to a new one.
      if (c.deelB && currentRequest(c)) newDeelBVersion(c, ctx);
    },
  },
  {
    name: 'onderbouwingGoedgekeurd', from: 'onderbouwing', to: 'uitvoering', permission: 'uitvoerend',
    guard: (c, _cmd, ctx) =>
      isDeelBApproved(c)
        ? gateUitvoering(c, ctx)
        : new DomainError(
            'CASE.DEEL_B_NOT_APPROVED',
            'Ga pas door naar uitvoering als de uitzondering gelegitimeerd is: Deel B heeft nog geen akkoord van een leidinggevende.',
          ),
    effect: (c, _cmd, ctx) => {
      c.uitvoeringSinds = nowIso(ctx);
    },
  },
  {
    name: 'escalerenOnderbouwing', from: 'onderbouwing', to: 'escaleren', permission: 'regisseur',
    guard: (c, cmd, ctx) =>
      !onderbouwingStuck(c, ctx)
        ? new DomainError(
            'CASE.ESCALATIE_NOT_ALLOWED',
            `Escaleren kan als Deel B is afgewezen of als er na ${ctx.policy.stuckAfterWerkdagen} werkdagen geen besluit is.`,
          )
        : requireToelichting('wat is je vraag aan de procesregisseur?')(c, cmd),
    effect: (c, cmd, ctx) =>
      openNewEscalatie(c, cmd, ctx, currentRequest(c)?.status === 'afgewezen' ? 'afgewezen' : 'geenBesluit'),
  },
  {
    name: 'vastgelopen', from: 'uitvoering', to: 'escaleren', permission: 'uitvoerend',
    guard: requireToelichting('waar loop je op vast?'),
    effect: (c, cmd, ctx) => openNewEscalatie(c, cmd, ctx, 'vastgelopen'),
  },
  {
    name: 'escalatieAfgerond', from: 'escaleren', to: 'uitvoering', permission: 'escalatie',
    guard: (c, cmd, ctx) => {
      const noReason = requireToelichting('wat is de uitkomst van de escalatie?')(c, cmd);
      if (noReason) return noReason;
      if (cmd.zonderUitzondering && !cmd.planWijziging) {
        return new DomainError(
          'CASE.PLAN_CHANGE_REASON_REQUIRED',
          'Zonder de uitzondering verder gaan is een aanpassing van het plan: dat mag alleen als het plan er voor de inwoner beter op wordt of als iets echt niet kan.',
        );
      }
      if (c.uitzonderingNodig && !cmd.zonderUitzondering && !isDeelBApproved(c)) {
        return new DomainError(
          'CASE.DEEL_B_NOT_APPROVED',
          'De uitzondering is nog niet gelegitimeerd: kies voor een nieuwe onderbouwing, of pas het plan aan met een geldige reden.',
        );
      }
      return gateUitvoering(c, ctx);
    },
    effect: (c, cmd, ctx) => {
      closeEscalatie(c, cmd, ctx);
      if (cmd.zonderUitzondering) {
        c.uitzonderingNodig = false;
        withdrawOpenRequests(c);
      }
      c.uitvoeringSinds ??= nowIso(ctx);
    },
  },
  {
    name: 'nieuweOnderbouwing', from: 'escaleren', to: 'onderbouwing', permission: 'escalatie',
    guard: (c, cmd) =>
      !c.uitzonderingNodig
        ? new DomainError('CASE.ESCALATIE_NOT_ALLOWED', 'Er is geen uitzondering aangevraagd om opnieuw te onderbouwen.')
        : requireToelichting('wat is de uitkomst van de escalatie?')(c, cmd),
    effect: (c, cmd, ctx) => {
      closeEscalatie(c, cmd, ctx);
      withdrawOpenRequests(c);
      newDeelBVersion(c, ctx);
    },
  },
  {
    name: 'belemmering', from: 'uitvoering', to: 'mdo', permission: 'uitvoerend',
    guard: requireToelichting('welke belemmering bespreken jullie in het MDO?'),
    effect: (c, cmd, ctx) => {
      c.belemmeringen.push({ id: ctx.newId(), omschrijving: cmd.toelichting as string, at: nowIso(ctx), by: ctx.actor.userId });
    },
  },
  {
    name: 'planLukt', from: 'uitvoering', to: 'evaluatie', permission: 'uitvoerend',
    guard: (c, _cmd, ctx) => {
      const open = openKorteActies(c);
      if (open.length === 0) return undefined;
      // The actions by name only to whom may see Deel A.
      if (!sightOf(c, ctx.actor.userId).parts.has('deelA')) return new DomainError('CASE.ACTIES_OPEN', 'Er staan nog acties van het plan open; die moeten eerst gedaan of vervallen zijn.');
      return refuse('CASE.ACTIES_OPEN', 'Zet eerst deze acties op gedaan of vervallen:', open);
    },
  },
  {
    name: 'afsluiten', from: 'evaluatie', to: 'afgesloten', permission: 'regisseur',
    guard: (c) => {
      const missing = missingDeelC(c, false);
      return missing.length ? refuse('CASE.DEEL_C_INCOMPLETE', 'Deel C is nog niet compleet. Nog niet ingevuld:', missing) : undefined;
    },
    // A closed case has no casusregie to hand over.
    effect: (c, _cmd, ctx) => lapseRegieVoorstel(c, ctx),
  },
  {
    name: 'nieuweRonde', from: 'evaluatie', to: 'vraagverheldering', permission: 'regisseur',
    guard: (c) => {
      const missing = missingDeelC(c, true);
      return missing.length ? refuse('CASE.DEEL_C_INCOMPLETE', 'Deel C is nog niet compleet. Nog niet ingevuld:', missing) : undefined;
    },
    effect: (c, _cmd, ctx) => {
      c.vorigeRondes.push({ nummer: c.ronde, deelC: c.deelC, afgerondAt: nowIso(ctx) });
      c.ronde += 1;
      c.deelC = {};
      delete c.uitvoeringSinds;
      c.uitzonderingNodig = false;
    },
  },
];

/** The definition of a transition by name. */
export function transitionDef(name: TransitionName): TransitionDef {
  const def = TRANSITIONS.find((t) => t.name === name);
  if (!def) throw new Error(`Unknown transition ${name}`);
  return def;
}

/** The transitions that leave a step, in table order: what a dialog may offer. */
export function transitionsFrom(step: Step): readonly TransitionDef[] {
  return TRANSITIONS.filter((t) => t.from === step);
}


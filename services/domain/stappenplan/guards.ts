import { DateTime } from 'luxon';
import { DomainError, type ErrorCode } from '../errors';
import type { ApprovalRequest } from '../model/approval';
import type { Case } from '../model/case';
import { DEEL_B_ARGUMENTEN, DEEL_B_ARGUMENT_HINTS, argumentProblem, type DeelBArgument } from '../model/argument';
import { LEEFGEBIED_LABELS, unscored } from '../model/leefgebieden';
import type { Mdo } from '../model/mdo';
import { ZONE } from '../../ports/clock';
import type { MachineContext } from './context';
import { formatDutchDate } from '../text/format';

/**
 * The rules the product enforces (DESIGN.md), as pure checks. Each returns the list of what is missing in Dutch,
 * so a refusal can tell the professional exactly what to do.
 */

/** Join missing items into one Dutch sentence: "Nog niet ingevuld: a, b en c." */
export function missingSentence(intro: string, missing: readonly string[]): string {
  const list = missing.length <= 1 ? missing.join('') : `${missing.slice(0, -1).join(', ')} en ${missing.at(-1)}`;
  return `${intro} ${list}.`;
}

export function refuse(code: ErrorCode, intro: string, missing: readonly string[]): DomainError {
  return new DomainError(code, missingSentence(intro, missing));
}

export function missingIndiening(c: Case): string[] {
  const missing: string[] = [];
  if (!c.hulpvraag) missing.push('de hulpvraag in de woorden van de inwoner');
  if (!c.household.members.some((m) => m.role === 'inwoner')) missing.push('de inwoner in het huishouden');
  return missing;
}

export function missingIkWilIkKanIkHebNodig(c: Case): string[] {
  const v = c.vraagverheldering;
  const missing: string[] = [];
  if (!v.ikWil) missing.push('"ik wil"');
  if (!v.ikKan) missing.push('"ik kan"');
  if (!v.ikHebNodig) missing.push('"ik heb nodig"');
  return missing;
}

export function missingVraagverheldering(c: Case): string[] {
  const missing = missingIkWilIkKanIkHebNodig(c);
  const open = unscored(c.vraagverheldering.zrmVoor?.scores ?? {});
  if (open.length === 13) missing.push('de ZRM-scores op alle 13 leefgebieden');
  else if (open.length > 0) missing.push(`de ZRM-score voor ${open.map((l) => LEEFGEBIED_LABELS[l]).join(', ')}`);
  return missing;
}

/** The MDO's mandatory outcomes (seed 000, stap 4). */
export function missingMdoUitkomsten(c: Case, m: Mdo | undefined): string[] {
  if (!m) return ['een gepland MDO'];
  const u = m.uitkomsten;
  const missing: string[] = [];
  if (!u.ikWilIkKanIkHebNodigVastgesteld) missing.push('ik wil / ik kan / ik heb nodig vastgesteld');
  if (!u.gezamenlijkBelang) missing.push('het gezamenlijk belang');
  if (!u.watAlsWeNietsDoen) missing.push('wat er gebeurt als we niets doen');
  if (!u.ondersteuning) missing.push('welke ondersteuning nodig is');
  if (!u.casusregie) missing.push('wie de casusregie voert');
  else if (!c.professionals.some((p) => p.active && p.userId === u.casusregie)) {
    missing.push('een casusregisseur die op de casus staat');
  }
  if (u.afspraken.length === 0) missing.push('afspraken over wie wat wanneer doet');
  const earliest = DateTime.fromISO(m.datum, { zone: ZONE }).plus({ weeks: 6 });
  const evaluatie = u.evaluatieDatum ? DateTime.fromISO(u.evaluatieDatum, { zone: ZONE }) : undefined;
  if (!evaluatie) missing.push('een evaluatie 6 weken na het MDO');
  else if (evaluatie < earliest || evaluatie > earliest.plus({ weeks: 1 })) {
    missing.push(`een evaluatie 6 weken na het MDO (tussen ${fmt(earliest)} en ${fmt(earliest.plus({ weeks: 1 }))})`);
  }
  return missing;
}

/** Deel A's plan: without one live action (wie doet wat wanneer) there is no plan, so Deel A is not compleet. */
export function missingDeelAPlan(c: Case): string[] {
  return c.deelA.acties.some((a) => a.status !== 'vervallen') ? [] : ['minstens één actie: wie doet wat wanneer'];
}

/** The wording of the missing goal, also on the plan card. */
export const GEEN_DOEL = 'minstens één doel met een resultaat en een datum (wanneer is het opgelost?)';

/** Deel A's doelen: a plan serves at least one goal whose result and date are written down. */
export function missingDoel(c: Case): string[] {
  return c.deelA.doelen.some((d) => d.resultaat && d.resultaatDatum) ? [] : [GEEN_DOEL];
}

export function missingDeelA(c: Case): string[] {
  return [...missingIkWilIkKanIkHebNodig(c), ...missingDoel(c), ...missingDeelAPlan(c)];
}

/** Seed 000, stap 6: the short-term solutions are carried out within six weeks. */
export function lateKorteActies(c: Case, ctx: MachineContext): string[] {
  const limit = ctx.now.setZone(ZONE).plus({ weeks: 6 }).toISODate() as string;
  return c.deelA.acties
    .filter((a) => a.termijn === 'kort' && (a.status === 'open' || a.status === 'bezig') && a.wanneer > limit)
    .map((a) => `"${a.wat}" (${fmt(DateTime.fromISO(a.wanneer))})`);
}

/** Deel B may be submitted only with all of seed 000's parts, each a real argument (model/argument.ts). */
export function missingDeelB(c: Case): string[] {
  const b = c.deelB;
  const missing: string[] = [];
  if (!b?.situatiebeschrijving) missing.push('de beknopte situatiebeschrijving');
  if (!b?.dreigendScenario) missing.push('het dreigend scenario (wat als we niets doen)');
  if (!b?.waaromNietRegulier) missing.push('waarom het niet regulier kan');
  if (!b?.rendement) missing.push('het rendement');
  if (!b?.legitimiteit) missing.push('de legitimiteit');
  if (!b?.betrokkenheid) missing.push('de betrokkenheid');
  if (!b?.verzoek) missing.push('wat er gevraagd wordt (uitzondering of doorbraakbudget, en het doel)');
  return missing;
}

/**
 * The parts of Deel B that are filled in but are no argument (a placeholder or one word, perhaps written before the
 * rule): one Dutch sentence each, saying what that part needs.
 */
export function weakDeelB(c: Case): string[] {
  const b = c.deelB;
  if (!b) return [];
  const texts: Record<DeelBArgument, string | undefined> = {
    situatiebeschrijving: b.situatiebeschrijving, dreigendScenario: b.dreigendScenario, waaromNietRegulier: b.waaromNietRegulier,
    rendement: b.rendement, legitimiteit: b.legitimiteit, betrokkenheid: b.betrokkenheid, doel: b.verzoek?.doel,
  };
  return DEEL_B_ARGUMENTEN.filter((part) => argumentProblem(part, texts[part]) !== undefined).map((part) => DEEL_B_ARGUMENT_HINTS[part]);
}

/** The request on the current version of Deel B, if any (the newest). */
export function currentRequest(c: Case): ApprovalRequest | undefined {
  const versie = c.deelB?.versie;
  return [...c.approvals].reverse().find((r) => r.deelBVersie === versie);
}

/**
 * The gate before uitvoering: an approval on the current Deel B by someone other than the requester.
 * ("Ga pas door naar stap 6 als je een uitzondering kunt legitimeren; het is niet 'u vraagt wij draaien'.")
 */
export function isDeelBApproved(c: Case): boolean {
  const r = currentRequest(c);
  return r?.status === 'akkoord' && r.decision !== undefined && r.decision.by !== r.requestedBy;
}

/** Rejected, or waiting longer than the policy allows: escalation is open to the casusregisseur. */
export function onderbouwingStuck(c: Case, ctx: MachineContext): boolean {
  const r = currentRequest(c);
  if (!r) return false;
  if (r.status === 'afgewezen') return true;
  if (r.status !== 'open') return false;
  const waited = ctx.kalender.werkdagenTussen(DateTime.fromISO(r.requestedAt, { zone: ZONE }), ctx.now);
  return waited >= ctx.policy.stuckAfterWerkdagen;
}

export function openKorteActies(c: Case): string[] {
  return c.deelA.acties
    .filter((a) => a.termijn === 'kort' && (a.status === 'open' || a.status === 'bezig'))
    .map((a) => `"${a.wat}"`);
}

export function missingDeelC(c: Case, forNewRound: boolean): string[] {
  const d = c.deelC;
  const missing: string[] = [];
  if (!d.gerealiseerd) missing.push('of het plan is gerealiseerd');
  if (!d.zrmNa || Object.keys(d.zrmNa.scores).length === 0) missing.push('de ZRM-scores na afloop');
  if (!d.vervolg) missing.push('het vervolg');
  if (forNewRound && !d.watNogNodig) missing.push('wat er nog nodig is');
  return missing;
}

const fmt = (d: DateTime) => formatDutchDate(d);

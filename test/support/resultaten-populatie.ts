/**
 * A seeded population for the resultaten: a few thousand valid cases of two teams over several budget periods, with
 * histories, approvals, escalations, mandaat spending, evaluations and a matching doorbraakbudget ledger. Built as
 * documents directly (the state machine is too slow for thousands) along the stappenplan's real transitions, and
 * each case parsed with `caseSchema`. Deterministic: the same seed gives the same population (no Math.random).
 */
import { caseSchema, type Case, type TransitionName } from '../../services/domain/model/case';
import type { ApprovalOutcome, ApprovalRequest } from '../../services/domain/model/approval';
import type { AveFase, Escalatie } from '../../services/domain/model/escalation';
import { LEEFGEBIEDEN, ZRM_VERSION, type Leefgebied, type ZrmScore } from '../../services/domain/model/leefgebieden';
import type { DeelC, Doel } from '../../services/domain/model/samenwerkplan';
import type { Step } from '../../services/domain/model/steps';
import type { Booking, BudgetYearDocument } from '../../services/budget/ledger';
import { periodsAt } from '../../services/budget/period';

export const TEAM = 'wijkteam-noord';
export const ANDER_TEAM = 'wijkteam-zuid';
export const REGISSEUR = 'aad-regisseur-1';
export const LEIDINGGEVENDE = 'aad-leidinggevende-1';
const DAY = 86_400_000;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Populatie {
  readonly cases: Case[];
  /** Every booking on the ledger, with the budget period it drew on. */
  readonly bookings: (Booking & { readonly teamId: string; readonly period: string })[];
  /** The ledger's documents (one per team and year), as the budgets store holds them. */
  readonly ledger: BudgetYearDocument[];
  /** The moment the population was "taken": no event is later. */
  readonly nu: string;
}

export interface PopulatieOpties {
  readonly seed: number;
  readonly aantal: number;
  /** Cases are created from this instant up to `nu`. */
  readonly vanaf?: string;
  readonly nu?: string;
  /** The teams, drawn uniformly (default: 80 % TEAM, 20 % ANDER_TEAM). The benchmark spreads a large gemeente over several. */
  readonly teams?: readonly string[];
}

/**
 * The budgets: 2025 has one year budget per team, 2026 quarter budgets (so both kinds of period are exercised).
 * Large enough for every grant the generator makes.
 */
export const BUDGETTEN: readonly { readonly period: string; readonly amountCents: number }[] = [
  { period: '2025', amountCents: 900_000_000 },
  ...[1, 2, 3, 4].map((q) => ({ period: `2026-Q${q}`, amountCents: 250_000_000 })),
];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function maakPopulatie(opties: PopulatieOpties): Populatie {
  const random = prng(opties.seed);
  const nu = opties.nu ?? '2026-11-30T12:00:00.000Z';
  const start = Date.parse(opties.vanaf ?? '2025-01-01T08:00:00.000Z');
  const end = Date.parse(nu);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cases: Case[] = [];
  const bookings: Populatie['bookings'] = [];

  for (let i = 0; i < opties.aantal; i++) {
    const id = `case-${opties.seed}-${String(i).padStart(6, '0')}`;
    const teamId = opties.teams ? pick(opties.teams) : chance(0.8) ? TEAM : ANDER_TEAM;
    const createdMs = start + Math.floor(random() * (end - start));
    let t = createdMs;
    const iso = () => new Date(t).toISOString();
    const later = (maxDays: number) => {
      t += int(1, maxDays) * DAY + int(0, 8 * 3600) * 1000;
      return t <= end;
    };
    const history: Case['history'] = [];
    let step: Step = 'indienen';
    const go = (transition: TransitionName, to: Step) => {
      history.push({ at: iso(), by: REGISSEUR, from: step, to, transition });
      step = to;
    };
    const approvals: ApprovalRequest[] = [];
    const escalaties: Escalatie[] = [];
    const mandaatUitgaven: NonNullable<Case['mandaatUitgaven']> = [];
    const vorigeRondes: Case['vorigeRondes'] = [];
    let aveFase: AveFase = 1;
    let ronde = 1;
    let deelC: DeelC = {};
    const doelen: Doel[] = [...LEEFGEBIEDEN]
      .sort(() => random() - 0.5)
      .slice(0, int(0, 3))
      .map((leefgebied, n) => ({ id: `${id}-d${n}`, leefgebied, doel: 'Het doel in de woorden van de inwoner', tevredenheidVoor: int(0, 10) }));
    const zrm = (p: number) => Object.fromEntries(LEEFGEBIEDEN.filter(() => chance(p)).map((l) => [l, int(1, 5) as ZrmScore])) as Partial<Record<Leefgebied, ZrmScore>>;
    const zrmVoor = chance(0.85) ? zrm(0.7) : undefined;
    let verzoek: { doorbraakbudgetCents: number; categorie?: Leefgebied } | undefined;
    const escaleer = (aanleiding: Escalatie['aanleiding']): boolean => {
      const fase: AveFase = aveFase < 2 ? 2 : aveFase;
      const e: Escalatie = { id: `${id}-e${escalaties.length}`, aanleiding, vraag: 'Hoe komen we verder?', aveFase: fase, openedBy: REGISSEUR, openedAt: iso(), askedUserIds: [], opschalingen: [] };
      escalaties.push(e);
      aveFase = fase;
      for (const naar of [3, 4] as const) {
        if (!chance(0.3) || !later(5)) break;
        e.opschalingen.push({ naarFase: naar, door: REGISSEUR, at: iso(), toelichting: 'Opgeschaald' });
        aveFase = naar;
      }
      if (!later(15)) return false;
      e.uitkomst = 'Opgelost';
      e.afgerondAt = iso();
      return true;
    };
    const book = (requestId: string, amountCents: number, mandaat: boolean, categorie: Leefgebied | undefined) => {
      const at = iso();
      const { year, quarter } = periodsAt(at);
      bookings.push({ teamId, period: year === '2025' ? year : quarter, requestId, caseId: id, amountCents, at, by: REGISSEUR, ...(mandaat ? { mandaat: true as const } : {}), ...(categorie ? { categorie } : {}) });
    };
    const decide = (outcome: ApprovalOutcome): boolean => {
      const requestedAt = iso();
      if (!later(10)) {
        approvals.push(request(requestedAt, 'open'));
        return false;
      }
      approvals.push(request(requestedAt, outcome, { by: LEIDINGGEVENDE, at: iso(), outcome, ...(outcome === 'akkoord' ? {} : { reason: 'Nog niet voldoende onderbouwd.' }) }));
      if (outcome === 'akkoord' && verzoek) book(`${id}-a${approvals.length - 1}`, verzoek.doorbraakbudgetCents, false, verzoek.categorie);
      return true;
    };
    const request = (requestedAt: string, status: ApprovalRequest['status'], decision?: ApprovalRequest['decision']): ApprovalRequest => ({
      id: `${id}-a${approvals.length}`, deelBVersie: 1, requestedBy: REGISSEUR, requestedAt, uitzondering: verzoek === undefined,
      ...(verzoek ? { amountCents: verzoek.doorbraakbudgetCents } : {}), approverRoles: ['leidinggevende'], askedUserIds: [], status, ...(decision ? { decision } : {}),
    });

    // One walk along the stappenplan per round; stops at `nu` or where the case rests.
    const walk = (): void => {
      if (ronde === 1) {
        if (!chance(0.95) || !later(7)) return;
        go('startVraagverheldering', 'vraagverheldering');
      }
      if (!chance(0.92) || !later(14)) return;
      go('naarWieIsErNodig', 'wieIsErNodig');
      if (!chance(0.92) || !later(10)) return;
      if (chance(0.5)) {
        go('meervoudigeVraag', 'mdo');
        if (!chance(0.9) || !later(20)) return;
        go('mdoAfgerond', 'plan');
      } else go('enkelvoudigeVraag', 'plan');
      if (!chance(0.9) || !later(14)) return;
      if (chance(0.4)) {
        verzoek = chance(0.75) ? { doorbraakbudgetCents: int(50, 2500) * 100, ...(chance(0.8) ? { categorie: pick(LEEFGEBIEDEN) } : {}) } : undefined;
        go('uitzonderingNodig', 'onderbouwing');
        const outcome = pick(['akkoord', 'akkoord', 'akkoord', 'akkoord', 'afgewezen', 'meerInformatie'] as const);
        if (!decide(outcome)) return;
        if (outcome === 'meerInformatie' && (!later(10) || !decide('akkoord'))) return;
        if (outcome === 'afgewezen') {
          go('escalerenOnderbouwing', 'escaleren');
          if (!escaleer('afgewezen')) return;
          go('escalatieAfgerond', 'uitvoering');
        } else go('onderbouwingGoedgekeurd', 'uitvoering');
      } else go('geenUitzonderingNodig', 'uitvoering');
      if (chance(0.25) && later(10)) {
        const uitgaveId = `${id}-m${mandaatUitgaven.length}`;
        const categorie = chance(0.7) ? pick(LEEFGEBIEDEN) : undefined;
        const at = iso();
        const { year, quarter } = periodsAt(at);
        mandaatUitgaven.push({ id: uitgaveId, amountCents: int(5, 250) * 100, doel: 'Treinkaartje', waarom: 'Om naar de afspraak te kunnen.', ...(categorie ? { categorie } : {}), periode: year === '2025' ? year : quarter, by: REGISSEUR, at });
        book(uitgaveId, (mandaatUitgaven.at(-1) as { amountCents: number }).amountCents, true, categorie);
      }
      if (chance(0.15)) {
        if (!later(20)) return;
        go('vastgelopen', 'escaleren');
        if (!escaleer('vastgelopen')) return;
        go('escalatieAfgerond', 'uitvoering');
      }
      if (!chance(0.85) || !later(60)) return;
      go('planLukt', 'evaluatie');
      if (!chance(0.9) || !later(20)) return;
      deelC = {
        gerealiseerd: pick(['ja', 'deels', 'nee'] as const),
        doelen: doelen.filter(() => chance(0.9)).map((d) => ({ doelId: d.id, bereikt: pick(['ja', 'ja', 'deels', 'nee'] as const), tevredenheidNa: int(0, 10) })),
        ...(zrmVoor && chance(0.9) ? { zrmNa: { version: ZRM_VERSION, scores: zrm(0.7) } } : {}),
        ...(chance(0.8) ? { kwaliteitVanLevenVoor: int(1, 10) } : {}),
        ...(chance(0.8) ? { kwaliteitVanLevenNa: int(1, 10) } : {}),
      };
      if (ronde === 1 && chance(0.3)) {
        go('nieuweRonde', 'vraagverheldering');
        vorigeRondes.push({ nummer: ronde, deelC, afgerondAt: iso() });
        deelC = {};
        ronde += 1;
        walk();
        return;
      }
      go('afsluiten', 'afgesloten');
    };
    walk();

    const reference = `HA-${new Date(createdMs).getUTCFullYear()}-${Array.from({ length: 6 }, () => pick([...CROCKFORD])).join('')}`;
    const updatedAt = history.at(-1)?.at ?? new Date(createdMs).toISOString();
    const createdAt = new Date(createdMs).toISOString();
    cases.push(
      caseSchema.parse({
        id, schemaVersion: 1, reference, teamId, step, ronde, createdAt, createdBy: REGISSEUR, updatedAt, updatedBy: REGISSEUR,
        household: { members: [{ id: `${id}-h0`, role: 'inwoner', label: 'Inwoner (I1)' }] },
        professionals: [{ userId: REGISSEUR, role: 'casusregisseur', addedAt: createdAt, addedBy: REGISSEUR, active: true }],
        memberIds: [REGISSEUR], vraagverheldering: zrmVoor ? { zrmVoor: { version: ZRM_VERSION, scores: zrmVoor } } : {},
        partijen: [], mdos: [], deelA: { doelen, acties: [] }, uitzonderingNodig: approvals.length > 0,
        ...(approvals.length > 0 ? { deelB: { versie: 1, ...(verzoek ? { verzoek: { ...verzoek, doel: 'Waarvoor het nodig is' } } : {}), gewijzigdAt: createdAt, gewijzigdDoor: REGISSEUR } } : {}),
        approvals, escalaties, aveFase, belemmeringen: [], deelC, vorigeRondes, ...(mandaatUitgaven.length ? { mandaatUitgaven } : {}), due: [], history,
      }),
    );
  }
  return { cases, bookings, ledger: ledgerVan(bookings, opties.teams ?? [TEAM, ANDER_TEAM]), nu };
}

/** The ledger documents holding these bookings (with the budgets of BUDGETTEN for both teams). */
function ledgerVan(bookings: Populatie['bookings'], teams: readonly string[]): BudgetYearDocument[] {
  return teams.flatMap((teamId) =>
    [2025, 2026].map((year) => ({
      schemaVersion: 2 as const,
      teamId,
      year,
      budgets: BUDGETTEN.filter((b) => b.period.startsWith(String(year))).map((b) => ({ ...b, setBy: 'aad-beheerder-1', setAt: `${year}-01-01T08:00:00.000Z` })),
      bookings: bookings.filter((b) => b.teamId === teamId && b.period.startsWith(String(year))).map(({ teamId: _team, ...b }) => b),
    })),
  );
}

import type { Case } from '../model/case';
import { LEEFGEBIED_LABELS, LEEFGEBIEDEN, type Leefgebied, type ZrmScores } from '../model/leefgebieden';
import type { ConsentPart } from '../model/consent';
import type { Doel, DoelBereikt, DoelEvaluatie } from '../model/samenwerkplan';
import { sightOf } from '../model/visibility';

/** Which way a score moved: higher is better on both the ZRM (1-5) and the inwoner's own quality of life (1-10). */
export type Richting = 'beter' | 'slechter' | 'gelijk' | 'onbekend';

/** One score before and after; `verschil` and a known `richting` only when both are there. */
export interface Verandering {
  readonly voor?: number;
  readonly na?: number;
  readonly verschil?: number;
  readonly richting: Richting;
}

export interface LeefgebiedVerandering extends Verandering {
  readonly leefgebied: Leefgebied;
  readonly label: string;
}

/** One doel of Deel A: the inwoner's satisfaction (0-10) when the plan was made and at the evaluation, and whether its resultaat was reached. */
export interface DoelVerandering extends Verandering {
  readonly doelId: string;
  readonly leefgebied: Leefgebied;
  readonly label: string;
  /** The doel and its resultaat in the inwoner's words. */
  readonly doel: string;
  readonly resultaat?: string;
  /** Absent until the doel is evaluated. */
  readonly bereikt?: DoelBereikt;
}

/** The evaluation's comparison: per leefgebied (all 13, in the matrix order), per doel, the inwoner's quality of life, and counts. */
export interface VoorNa {
  readonly leefgebieden: readonly LeefgebiedVerandering[];
  /** The doelen of Deel A in their order; empty for cases from before doelen. */
  readonly doelen: readonly DoelVerandering[];
  readonly kwaliteitVanLeven: Verandering;
  /** How many leefgebieden went each way (`onbekend`: a score before or after is missing). */
  readonly telling: Readonly<Record<Richting, number>>;
}

/** The change from `voor` to `na`; unknown when either is missing. */
export function verandering(voor: number | undefined, na: number | undefined): Verandering {
  if (voor === undefined || na === undefined) return { ...(voor !== undefined ? { voor } : {}), ...(na !== undefined ? { na } : {}), richting: 'onbekend' };
  const verschil = na - voor;
  return { voor, na, verschil, richting: verschil > 0 ? 'beter' : verschil < 0 ? 'slechter' : 'gelijk' };
}

/**
 * Before and after side by side: the ZRM scores of the vraagverheldering (`voor`) against those of the evaluation
 * (`na`) per leefgebied, and the inwoner's own quality-of-life score before and after. Pure: the card shows it and
 * results can count it.
 */
export function vergelijkVoorNa(
  voor: Partial<ZrmScores> | undefined,
  na: Partial<ZrmScores> | undefined,
  kwaliteitVanLeven: { readonly voor?: number; readonly na?: number } = {},
  doelen: { readonly doelen: readonly Doel[]; readonly evaluaties?: readonly DoelEvaluatie[] } = { doelen: [] },
): VoorNa {
  const leefgebieden = LEEFGEBIEDEN.map((leefgebied) => ({ leefgebied, label: LEEFGEBIED_LABELS[leefgebied], ...verandering(voor?.[leefgebied], na?.[leefgebied]) }));
  const telling = { beter: 0, slechter: 0, gelijk: 0, onbekend: 0 };
  for (const rij of leefgebieden) telling[rij.richting] += 1;
  return { leefgebieden, doelen: vergelijkDoelen(doelen.doelen, doelen.evaluaties), kwaliteitVanLeven: verandering(kwaliteitVanLeven.voor, kwaliteitVanLeven.na), telling };
}

/** Per doel, in Deel A's order: tevredenheid voor against the evaluation's tevredenheid na, and bereikt when evaluated. */
export function vergelijkDoelen(doelen: readonly Doel[], evaluaties: readonly DoelEvaluatie[] = []): DoelVerandering[] {
  return doelen.map((d) => {
    const e = evaluaties.find((x) => x.doelId === d.id);
    return {
      doelId: d.id,
      leefgebied: d.leefgebied,
      label: LEEFGEBIED_LABELS[d.leefgebied],
      doel: d.doel,
      ...(d.resultaat !== undefined ? { resultaat: d.resultaat } : {}),
      ...(e ? { bereikt: e.bereikt } : {}),
      ...verandering(d.tevredenheidVoor, e?.tevredenheidNa),
    };
  });
}

/** The comparison of a case's current round. */
export function voorNaVan(c: Case): VoorNa {
  return vergelijkVoorNa(c.vraagverheldering.zrmVoor?.scores, c.deelC.zrmNa?.scores, {
    voor: c.deelC.kwaliteitVanLevenVoor,
    na: c.deelC.kwaliteitVanLevenNa,
  }, { doelen: c.deelA.doelen, ...(c.deelC.doelen ? { evaluaties: c.deelC.doelen } : {}) });
}

const ZRM: ConsentPart = 'zrm';

/**
 * Whether `userId` may be shown the before/after of the case, and there is one to show: they may see the ZRM part
 * (services/domain/model/visibility.ts) and both measurements exist with at least one score each.
 */
export function toonVoorNa(c: Case, userId: string): boolean {
  if (!sightOf(c, userId).parts.has(ZRM)) return false;
  const heeft = (scores: Partial<ZrmScores> | undefined) => scores !== undefined && Object.values(scores).some((s) => s !== undefined);
  return heeft(c.vraagverheldering.zrmVoor?.scores) && heeft(c.deelC.zrmNa?.scores);
}

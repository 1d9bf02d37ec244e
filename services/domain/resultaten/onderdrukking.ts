import type { Cel, OnderdrukReden } from './rapport';

/**
 * Privacy by aggregation (GLOSSARY: resultaten): which figures of a report may be shown.
 *
 * - A count or amount (a {@link Telling}) is built from the DISTINCT cases behind it (three bookings of one case are one
 *   case). Built from 1 to `drempel - 1` cases, it is suppressed (primary suppression).
 * - A zero built from no case at all is shown: "0 casussen" says nothing about a person, and hiding it would make
 *   every empty team's card a wall of "minder dan 5".
 * - Complementary suppression, per {@link Groep} (cells that add up to a total that the report shows, or could be
 *   added up from what it shows, or that is fixed): a suppressed cell must not be
 *   derivable by subtracting the shown cells from the total. So while the total is shown, the suppressed cells of a
 *   group must be at least two AND together be built from at least `drempel` distinct cases (else their sum, which
 *   the total gives away, is itself a figure about fewer than `drempel` cases); until that holds, the next smallest
 *   shown cell is suppressed too — never a zero (suppressing a known 0 adds no case and so protects nothing: the
 *   subtraction case with zeros) — and when no cell is left, the total. A suppressed total with every cell shown is
 *   derivable by adding them up, so then the smallest non-zero cell is suppressed. A fixed total (not built from
 *   cases: the budget the beheerder set) is always shown; there two suppressed cells are enough, since their sum is
 *   that fixed amount.
 * - Groups share cells (a total of one group is a cell of another), so the rules run until nothing changes.
 * - Cells whose total is shown nowhere (not in the report, not as a sum of what it shows) form no group: they get
 *   primary suppression only. Hiding a large sibling there protects nothing and would read as a small figure.
 * - Dominance, for amounts (euro cells, which know each case's part: {@link Telling.bedragen}): an amount of which one
 *   case holds more than {@link DOMINANTIE_AANDEEL} is suppressed too (primary), however many cases are behind it —
 *   else it is essentially that one household's grant. It takes part in its groups like any primary cell, and the
 *   complementary rule tests the hidden cells' sum the same way (the total minus the shown cells gives that sum, so
 *   one case must not dominate it either). Drempel 1 (tests only; RESULTATEN_DREMPEL is 2 to 100) switches all
 *   suppression off, this rule too.
 * - The reason (rapport.ts {@link OnderdrukReden}): every suppressed cell or total of a group is `afgeschermd`,
 *   primary and complementary alike (different labels would let a reader pin a value); so is an amount in no group
 *   hidden for dominance alone ("minder dan 5 casussen" would be false there); any other suppressed figure is `klein`.
 * - A median, percentile or mean ({@link maatCel}) over fewer than its threshold of cases is suppressed (`klein`);
 *   it is not additive, so no group applies. It is taken over cases, one value per case ({@link perCasus}), never
 *   over items: one case with many goals must not make the median its own.
 */

/**
 * The dominance rule's threshold: an amount is hidden when one case's part of it is more than this share (the
 * (1, k) rule with k = 80 %). Fixed, not configurable: it is what makes an amount about many households rather than one.
 */
export const DOMINANTIE_AANDEEL = 0.8;

/** A count or amount while the report is built: its value, the distinct cases behind it, and whether it is suppressed. */
export interface Telling {
  readonly waarde: number;
  readonly casussen: ReadonlySet<string>;
  /** For an amount only: each case's part of `waarde` (its keys are `casussen`), for the dominance rule. */
  readonly bedragen?: ReadonlyMap<string, number>;
  onderdrukt: boolean;
  /** Why it is suppressed, set by {@link onderdruk}. */
  reden?: OnderdrukReden;
}

/** Cells that add up to a total: `totaal` is a Telling, or `'vast'` for a total not built from cases (always shown). */
export interface Groep {
  readonly cellen: readonly Telling[];
  readonly totaal: Telling | 'vast';
}

/** A new cell of `waarde` built from these cases. */
export function telling(waarde: number, casussen: Iterable<string>): Telling {
  return { waarde, casussen: new Set(casussen), onderdrukt: false };
}

/** Count items (one per item) and the distinct cases they belong to. */
export function telItems<T>(items: readonly T[], caseOf: (item: T) => string): Telling {
  return telling(items.length, items.map(caseOf));
}

/** An amount cell: pairs of a case and an amount (a case may come back), summed, with each case's part kept. */
export function bedrag(delen: Iterable<readonly [string, number]>): Telling {
  const bedragen = new Map<string, number>();
  for (const [id, cents] of delen) bedragen.set(id, (bedragen.get(id) ?? 0) + cents);
  return { waarde: [...bedragen.values()].reduce((sum, v) => sum + v, 0), casussen: new Set(bedragen.keys()), bedragen, onderdrukt: false };
}

/** Sum amounts of items (say bookings) per the case they belong to: {@link bedrag}. */
export function telBedragen<T>(items: readonly T[], caseOf: (item: T) => string, bedragOf: (item: T) => number): Telling {
  return bedrag(items.map((x) => [caseOf(x), bedragOf(x)] as const));
}

/** The amounts together as one, each case's parts added up; undefined unless every cell is an amount. */
function samenBedragen(cellen: readonly Telling[]): Telling | undefined {
  if (cellen.length === 0 || !cellen.every((c) => c.bedragen)) return undefined;
  return bedrag(cellen.flatMap((c) => [...(c.bedragen ?? [])]));
}

/** The sum of cells as one cell (its cases the union of theirs; of amounts, each case's parts kept): a total the report does not show on its own. */
export function som(cellen: readonly Telling[]): Telling {
  return (
    samenBedragen(cellen) ??
    telling(
      cellen.reduce((sum, c) => sum + c.waarde, 0),
      cellen.flatMap((c) => [...c.casussen]),
    )
  );
}

/** Whether one case holds more than {@link DOMINANTIE_AANDEEL} of an amount (never for a count, or an amount of 0). */
export function gedomineerd(t: Pick<Telling, 'bedragen'> | undefined): boolean {
  if (!t?.bedragen) return false;
  let totaal = 0;
  let grootste = 0;
  for (const v of t.bedragen.values()) {
    totaal += v;
    grootste = Math.max(grootste, v);
  }
  return totaal > 0 && grootste > DOMINANTIE_AANDEEL * totaal;
}

const isLeeg = (c: Telling) => c.casussen.size === 0;

function vereniging(cellen: readonly Telling[]): number {
  const all = new Set<string>();
  for (const c of cellen) for (const id of c.casussen) all.add(id);
  return all.size;
}

/** The shown, non-zero cell built from the fewest cases (then the lowest value): the complement to suppress next. */
function kleinsteGetoonde(cellen: readonly Telling[]): Telling | undefined {
  return cellen
    .filter((c) => !c.onderdrukt && !isLeeg(c))
    .reduce<Telling | undefined>((best, c) => (!best || c.casussen.size < best.casussen.size || (c.casussen.size === best.casussen.size && c.waarde < best.waarde) ? c : best), undefined);
}

/** Primary suppression: from 1 to `drempel - 1` cases, or (from drempel 2) an amount one case dominates. */
const primair = (c: Telling, drempel: number) => (c.casussen.size > 0 && c.casussen.size < drempel) || (drempel > 1 && gedomineerd(c));

/** One pass of the complementary rule over a group; true when it suppressed something more. */
function aanvullen(groep: Groep, drempel: number): boolean {
  const onderdrukt = groep.cellen.filter((c) => c.onderdrukt);
  const { totaal } = groep;
  if (totaal !== 'vast' && totaal.onderdrukt) {
    // A suppressed total must not be the sum of cells that are all shown.
    if (onderdrukt.length > 0) return false;
    const cel = kleinsteGetoonde(groep.cellen);
    if (!cel) return false;
    cel.onderdrukt = true;
    return true;
  }
  if (onderdrukt.length === 0) return false;
  // Against a total from cases, the hidden cells' sum is a figure too: from at least drempel cases, and not one case's.
  const veilig = onderdrukt.length >= 2 && (totaal === 'vast' || (vereniging(onderdrukt) >= drempel && !(drempel > 1 && gedomineerd(samenBedragen(onderdrukt)))));
  if (veilig) return false;
  const cel = kleinsteGetoonde(groep.cellen);
  if (cel) {
    cel.onderdrukt = true;
    return true;
  }
  if (totaal === 'vast') return false;
  totaal.onderdrukt = true;
  return true;
}

/**
 * Apply primary suppression to every cell, then the groups' complementary rule until nothing changes; then give
 * each suppressed figure its reason.
 */
export function onderdruk(cellen: readonly Telling[], groepen: readonly Groep[], drempel: number): void {
  for (const c of cellen) c.onderdrukt = primair(c, drempel);
  for (const g of groepen) {
    for (const c of g.cellen) if (primair(c, drempel)) c.onderdrukt = true;
    if (g.totaal !== 'vast' && primair(g.totaal, drempel)) g.totaal.onderdrukt = true;
  }
  // Each pass suppresses at least one more cell or stops, so this ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of groepen) if (aanvullen(g, drempel)) changed = true;
  }
  const inGroep = new Set<Telling>(groepen.flatMap((g) => (g.totaal === 'vast' ? g.cellen : [...g.cellen, g.totaal])));
  // Outside a group only primary suppression applies: from the drempel of cases on, that is dominance.
  const afgeschermd = (c: Telling) => inGroep.has(c) || c.casussen.size >= drempel;
  for (const c of [...cellen, ...inGroep]) c.reden = c.onderdrukt ? (afgeschermd(c) ? 'afgeschermd' : 'klein') : undefined;
}

/** A cell as the report carries it. */
export const alsCel = (t: Telling): Cel => (t.onderdrukt ? { onderdrukt: true, reden: t.reden ?? 'klein' } : { onderdrukt: false, waarde: t.waarde });

/**
 * A median, percentile or mean over `casussen` distinct cases: suppressed below the threshold (`drempel`; for a 90th
 * percentile the caller passes twice it), or when there is none.
 */
export function maatCel(waarde: number | undefined, casussen: number, drempel: number): Cel {
  return waarde === undefined || casussen < drempel ? { onderdrukt: true, reden: 'klein' } : { onderdrukt: false, waarde };
}

/**
 * One value per case: the items grouped by case, each case's values folded into one (its own median or mean), in
 * the order the cases first appear. Medians and means are then taken over these, so each case weighs once.
 */
export function perCasus<T>(items: readonly T[], caseOf: (item: T) => string, valueOf: (item: T) => number | undefined, fold: (values: readonly number[]) => number | undefined): number[] {
  const byCase = new Map<string, number[]>();
  for (const item of items) {
    const v = valueOf(item);
    if (v === undefined) continue;
    const list = byCase.get(caseOf(item));
    if (list) list.push(v);
    else byCase.set(caseOf(item), [v]);
  }
  return [...byCase.values()].flatMap((vs) => {
    const v = fold(vs);
    return v === undefined ? [] : [v];
  });
}

/** The median of numbers (the mean of the middle two for an even count); undefined for none. */
export function mediaan(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The 90th percentile by nearest rank: the smallest value with at least 90 % of the values at or below it. */
export function p90(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1];
}

/** The mean, unrounded (a case's own mean before the mean over cases); undefined for none. */
export function gemiddeldeExact(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** The mean to one decimal; undefined for none. */
export function gemiddelde(values: readonly number[]): number | undefined {
  const exact = gemiddeldeExact(values);
  return exact === undefined ? undefined : Math.round(exact * 10) / 10;
}

import { DateTime } from 'luxon';
import { isTransitionEntry, type Case } from '../model/case';
import { APPROVAL_OUTCOMES, type ApprovalOutcome } from '../model/approval';
import { AVE_FASEN, type AveFase } from '../model/escalation';
import { LEEFGEBIEDEN, type Leefgebied, type ZrmScores } from '../model/leefgebieden';
import type { DeelC, Doel } from '../model/samenwerkplan';
import { amsterdamseDagen, periodeGrenzen } from './periode';
import { STEPS, type Step } from '../model/steps';
import type { WerkdagKalender } from '../werkdagen';
import { alsCel, gemiddelde, gemiddeldeExact, maatCel, mediaan, onderdruk, p90, perCasus, som, telBedragen, telItems, telling, type Groep, type Telling } from './onderdrukking';
import type { Doorlooptijd, ResultatenRapport } from './rapport';

export { periodeGrenzen };

/**
 * A booking on the doorbraakbudget ledger as the aggregation reads it (services/budget/ledger.ts `Booking` fits):
 * plain data handed in, so the domain stays pure.
 */
export interface Boeking {
  readonly caseId: string;
  readonly amountCents: number;
  readonly at: string;
  readonly mandaat?: true;
  readonly categorie?: Leefgebied;
}

export interface ResultatenInvoer {
  readonly teamId: string;
  /** A budget period: `2026` or `2026-Q4` (services/budget/period.ts). */
  readonly periode: string;
  /** The team's cases relevant to the period, as stored (CaseStore.listForResults); others are ignored. */
  readonly casussen: readonly Case[];
  /** The ledger's data for the period: the amount set (absent when none) and the bookings (others are ignored by date). */
  readonly budget: { readonly vastgesteldCents?: number; readonly boekingen: readonly Boeking[] };
  readonly nu: DateTime;
  readonly drempel: number;
  readonly kalender: WerkdagKalender;
}

/** One finished round: its evaluation (Deel C) with what it is compared to. */
interface Evaluatie {
  readonly caseId: string;
  readonly deelC: DeelC;
  readonly doelen: readonly Doel[];
  readonly zrmVoor: Partial<ZrmScores> | undefined;
}

/**
 * The median over cases of a figure of items: per case the median of its own items, then the median of those, shown
 * from `drempel` cases (onderdrukking.ts: never over items, or one case with many would make it its own).
 */
function mediaanOverCasussen<T extends { readonly caseId: string }>(items: readonly T[], valueOf: (item: T) => number | undefined, drempel: number) {
  const waarden = perCasus(items, (x) => x.caseId, valueOf, mediaan);
  return maatCel(mediaan(waarden), waarden.length, drempel);
}

/** A duration (one measurement per case): the median from `drempel` cases, the 90th percentile from twice that. */
function doorlooptijd(metingen: readonly { readonly caseId: string; readonly dagen: number }[], drempel: number): { aantal: Telling; maten: (a: Telling) => Doorlooptijd } {
  const aantal = telItems(metingen, (m) => m.caseId);
  const dagen = perCasus(metingen, (m) => m.caseId, (m) => m.dagen, mediaan);
  const n = dagen.length;
  return { aantal, maten: (a) => ({ aantal: alsCel(a), mediaanDagen: maatCel(mediaan(dagen), n, drempel), p90Dagen: maatCel(p90(dagen), n, 2 * drempel) }) };
}

/**
 * The resultaten of one team over one budget period (rapport.ts), from plain data: pure and deterministic. "In the
 * period" means an instant at or after the period's first moment and before the next period's, in Europe/Amsterdam:
 *
 * - perStap: only in the report of the period that holds `nu` (the lopende periode): the team's cases that are open
 *   now, by their step now; `[]` for any other period (a figure of now must not differ between reports).
 * - geopend: `createdAt` in the period. afgesloten: the case's `afsluiten` transition (to afgesloten) in the period.
 * - indienenTotUitvoering: cases whose first entry into uitvoering is in the period; from `createdAt` (stap 1,
 *   indienen) to that entry. mdoTotEvaluatie: cases whose first entry into evaluatie after their first MDO held
 *   (`mdoAfgerond`) is in the period; from that MDO to that entry. Both in kalenderdagen between the Amsterdam days.
 * - akkoorden: decisions whose `decision.at` is in the period, by outcome; werkdagen from `requestedAt` to the
 *   decision (werkdagen.ts). escalatiesPerFase: escalations whose `openedAt` is in the period, by the highest AVE-fase
 *   they reached (their `aveFase` or any opschaling's `naarFase`).
 * - budget: ledger bookings whose `at` is in the period; toegekend = bookings without `mandaat`, mandaat apart,
 *   per categorie the booking's `categorie` (else `onbekend`), per month of `at` with mandaat included.
 * - uitkomst: the rounds finished in the period: a current round closed (`afsluiten`) in it, with the case's Deel C, and
 *   a previous round (`vorigeRondes`) whose `afgerondAt` is in it (a nieuwe ronde), with that round's Deel C. Doelen are
 *   the evaluated ones (Deel C's `doelen`), compared to Deel A's `tevredenheidVoor`; the ZRM compares the
 *   vraagverheldering's `zrmVoor` (as it is now) with the round's `zrmNa`, per leefgebied over the rounds with both.
 * - Every median, mean and percentile is over cases: first one value per case (its own median of its goals, decisions
 *   or rounds; for the ZRM its own mean over its rounds), then the median or mean of those; shown from `drempel`
 *   cases, a 90th percentile from twice that.
 * - Suppression (onderdrukking.ts): groups only where the total is shown (per categorie and per maand: toegekend and
 *   geboekt = toegekend + mandaat; toegekend and mandaat; geboekt and resterend against the fixed budget; doelen
 *   bereikt against doelen geëvalueerd). Per stap, besluiten per uitkomst, escalaties per fase and afgesloten versus
 *   nieuwe ronde have no shown total anywhere: primary suppression only. Every euro amount (toegekend, mandaat,
 *   geboekt, per categorie, per maand) keeps each case's part, for the dominance rule (one case more than 80 %).
 */
export function aggregeer(invoer: ResultatenInvoer): ResultatenRapport {
  const { drempel } = invoer;
  const { dagenTussen, werkdagenTussen, maandVan } = amsterdamseDagen(invoer.kalender);
  const { van, tot, maanden } = periodeGrenzen(invoer.periode);
  const [from, to] = [van.toMillis(), tot.toMillis()];
  const inPeriode = (iso: string) => {
    const t = Date.parse(iso);
    return t >= from && t < to;
  };
  const casussen = invoer.casussen.filter((c) => c.teamId === invoer.teamId && Date.parse(c.createdAt) < to);
  const lopend = invoer.nu.toMillis() >= from && invoer.nu.toMillis() < to;

  const open: { caseId: string; stap: Step }[] = [];
  const geopend: { caseId: string }[] = [];
  const afgesloten: { caseId: string }[] = [];
  const nieuweRonde: { caseId: string }[] = [];
  const indienen: { caseId: string; dagen: number }[] = [];
  const mdo: { caseId: string; dagen: number }[] = [];
  const besluiten: { caseId: string; outcome: ApprovalOutcome; werkdagen: number }[] = [];
  const escalaties: { caseId: string; fase: AveFase }[] = [];
  const evaluaties: Evaluatie[] = [];

  for (const c of casussen) {
    const caseId = c.id;
    if (lopend && c.step !== 'afgesloten') open.push({ caseId, stap: c.step });
    if (inPeriode(c.createdAt)) geopend.push({ caseId });
    const transitions = c.history.filter(isTransitionEntry);
    const uitvoering = transitions.find((t) => t.to === 'uitvoering');
    if (uitvoering && inPeriode(uitvoering.at)) indienen.push({ caseId, dagen: dagenTussen(c.createdAt, uitvoering.at) });
    const eersteMdo = transitions.findIndex((t) => t.transition === 'mdoAfgerond');
    const evaluatie = eersteMdo < 0 ? undefined : transitions.slice(eersteMdo + 1).find((t) => t.to === 'evaluatie');
    if (evaluatie && inPeriode(evaluatie.at)) mdo.push({ caseId, dagen: dagenTussen((transitions[eersteMdo] as { at: string }).at, evaluatie.at) });
    const zrmVoor = c.vraagverheldering.zrmVoor?.scores;
    if (transitions.some((t) => t.transition === 'afsluiten' && inPeriode(t.at))) {
      afgesloten.push({ caseId });
      evaluaties.push({ caseId, deelC: c.deelC, doelen: c.deelA.doelen, zrmVoor });
    }
    for (const r of c.vorigeRondes) {
      if (!inPeriode(r.afgerondAt)) continue;
      nieuweRonde.push({ caseId });
      evaluaties.push({ caseId, deelC: r.deelC, doelen: c.deelA.doelen, zrmVoor });
    }
    for (const a of c.approvals) {
      const d = a.decision;
      if (d && inPeriode(d.at)) {
        besluiten.push({ caseId, outcome: d.outcome, werkdagen: werkdagenTussen(a.requestedAt, d.at) });
      }
    }
    for (const e of c.escalaties) {
      if (inPeriode(e.openedAt)) escalaties.push({ caseId, fase: Math.max(e.aveFase, ...e.opschalingen.map((o) => o.naarFase)) as AveFase });
    }
  }

  // Goals evaluated in the period, with the satisfaction before (Deel A) and after (Deel C).
  const doelen = evaluaties.flatMap((ev) =>
    (ev.deelC.doelen ?? []).map((d) => ({ caseId: ev.caseId, bereikt: d.bereikt, na: d.tevredenheidNa, voor: ev.doelen.find((x) => x.id === d.doelId)?.tevredenheidVoor })),
  );
  const kwaliteit = (kant: 'kwaliteitVanLevenVoor' | 'kwaliteitVanLevenNa') => mediaanOverCasussen(evaluaties, (ev) => ev.deelC[kant], drempel);
  const zrmPerLeefgebied = LEEFGEBIEDEN.map((leefgebied) => {
    const paren = evaluaties.flatMap((ev) => {
      const voor = ev.zrmVoor?.[leefgebied];
      const na = ev.deelC.zrmNa?.scores[leefgebied];
      return voor === undefined || na === undefined ? [] : [{ caseId: ev.caseId, voor, na }];
    });
    // One pair per case: its own mean over its rounds, then the mean over cases.
    const voor = perCasus(paren, (p) => p.caseId, (p) => p.voor, gemiddeldeExact);
    const na = perCasus(paren, (p) => p.caseId, (p) => p.na, gemiddeldeExact);
    const aantal = telling(voor.length, paren.map((p) => p.caseId));
    onderdruk([aantal], [], drempel);
    return {
      leefgebied,
      aantal: alsCel(aantal),
      gemiddeldVoor: maatCel(gemiddelde(voor), voor.length, drempel),
      gemiddeldNa: maatCel(gemiddelde(na), na.length, drempel),
    };
  });

  // Budget, from the ledger's bookings only.
  const boekingen = invoer.budget.boekingen.filter((b) => inPeriode(b.at));
  const toekenningen = boekingen.filter((b) => !b.mandaat);
  const mandaatBoekingen = boekingen.filter((b) => b.mandaat);
  const cents = (b: Boeking) => b.amountCents;
  const toegekend = telBedragen(toekenningen, (b) => b.caseId, cents);
  const mandaatCents = telBedragen(mandaatBoekingen, (b) => b.caseId, cents);
  const mandaatUitgaven = telItems(mandaatBoekingen, (b) => b.caseId);
  const geboekt = som([toegekend, mandaatCents]);
  const vastgesteld = invoer.budget.vastgesteldCents;
  const resterend = vastgesteld === undefined ? undefined : telling(vastgesteld - geboekt.waarde, geboekt.casussen);
  const categorieen = [...LEEFGEBIEDEN, 'onbekend' as const].flatMap((categorie) => {
    const van = toekenningen.filter((b) => (b.categorie ?? 'onbekend') === categorie);
    return van.length === 0 ? [] : [{ categorie, cents: telBedragen(van, (b) => b.caseId, cents) }];
  });
  const perMaand = maanden.map((maand) => ({ maand, cents: telBedragen(boekingen.filter((b) => maandVan(b.at) === maand), (b) => b.caseId, cents) }));

  // Counts, grouped where cells add up to a total (onderdrukking.ts).
  const perStap = (lopend ? STEPS.filter((s) => s !== 'afgesloten') : []).map((stap) => ({ stap, aantal: telItems(open.filter((o) => o.stap === stap), (o) => o.caseId) }));
  const perUitkomst = Object.fromEntries(APPROVAL_OUTCOMES.map((o) => [o, telItems(besluiten.filter((b) => b.outcome === o), (b) => b.caseId)])) as Record<ApprovalOutcome, Telling>;
  const perFase = AVE_FASEN.map((fase) => ({ fase, aantal: telItems(escalaties.filter((e) => e.fase === fase), (e) => e.caseId) }));
  const bereikt = Object.fromEntries((['ja', 'deels', 'nee'] as const).map((b) => [b, telItems(doelen.filter((d) => d.bereikt === b), (d) => d.caseId)])) as Record<'ja' | 'deels' | 'nee', Telling>;
  const doelenGeevalueerd = telItems(doelen, (d) => d.caseId);
  const afgeslotenCel = telItems(afgesloten, (a) => a.caseId);
  const nieuweRondeCel = telItems(nieuweRonde, (a) => a.caseId);
  const geopendCel = telItems(geopend, (g) => g.caseId);
  const indienenTijd = doorlooptijd(indienen, drempel);
  const mdoTijd = doorlooptijd(mdo, drempel);
  // Groups only where the total is shown (or is the sum of shown cells, or fixed): see the doc comment above.
  const groepen: Groep[] = [
    { cellen: categorieen.map((c) => c.cents), totaal: toegekend },
    { cellen: perMaand.map((m) => m.cents), totaal: geboekt },
    { cellen: [toegekend, mandaatCents], totaal: geboekt },
    ...(resterend ? [{ cellen: [geboekt, resterend], totaal: 'vast' as const }] : []),
    { cellen: Object.values(bereikt), totaal: doelenGeevalueerd },
  ];
  const zonderTotaal = [...perStap.map((s) => s.aantal), ...Object.values(perUitkomst), ...perFase.map((f) => f.aantal), afgeslotenCel, nieuweRondeCel];
  onderdruk([geopendCel, mandaatUitgaven, indienenTijd.aantal, mdoTijd.aantal, ...zonderTotaal], groepen, drempel);

  return {
    teamId: invoer.teamId,
    periode: invoer.periode,
    van: van.toISODate() as string,
    tot: tot.minus({ days: 1 }).toISODate() as string,
    gemaaktOp: invoer.nu.toUTC().toISO() as string,
    drempel,
    casussen: {
      perStap: perStap.map((s) => ({ stap: s.stap, aantal: alsCel(s.aantal) })),
      geopend: alsCel(geopendCel),
      afgesloten: alsCel(afgeslotenCel),
      indienenTotUitvoering: indienenTijd.maten(indienenTijd.aantal),
      mdoTotEvaluatie: mdoTijd.maten(mdoTijd.aantal),
    },
    akkoorden: {
      akkoord: alsCel(perUitkomst.akkoord),
      afgewezen: alsCel(perUitkomst.afgewezen),
      meerInformatie: alsCel(perUitkomst.meerInformatie),
      mediaanWerkdagenTotBesluit: mediaanOverCasussen(besluiten, (b) => b.werkdagen, drempel),
      escalatiesPerFase: perFase.map((f) => ({ fase: f.fase, aantal: alsCel(f.aantal) })),
    },
    budget: {
      ...(vastgesteld !== undefined ? { vastgesteldCents: vastgesteld } : {}),
      toegekendCents: alsCel(toegekend),
      ...(resterend ? { resterendCents: alsCel(resterend) } : {}),
      perCategorie: categorieen.map((c) => ({ categorie: c.categorie, cents: alsCel(c.cents) })),
      perMaand: perMaand.map((m) => ({ maand: m.maand, cents: alsCel(m.cents) })),
      mandaat: { cents: alsCel(mandaatCents), uitgaven: alsCel(mandaatUitgaven) },
    },
    uitkomst: {
      doelenGeevalueerd: alsCel(doelenGeevalueerd),
      doelenBereikt: { ja: alsCel(bereikt.ja), deels: alsCel(bereikt.deels), nee: alsCel(bereikt.nee) },
      tevredenheidVoorMediaan: mediaanOverCasussen(doelen, (d) => d.voor, drempel),
      tevredenheidNaMediaan: mediaanOverCasussen(doelen, (d) => d.na, drempel),
      kwaliteitVanLevenVoorMediaan: kwaliteit('kwaliteitVanLevenVoor'),
      kwaliteitVanLevenNaMediaan: kwaliteit('kwaliteitVanLevenNa'),
      zrmPerLeefgebied,
      afgeslotenNaEvaluatie: alsCel(afgeslotenCel),
      nieuweRonde: alsCel(nieuweRondeCel),
    },
  };
}

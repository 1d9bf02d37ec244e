import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { Case, TransitionName } from '../../services/domain/model/case';
import type { ApprovalOutcome, ApprovalRequest } from '../../services/domain/model/approval';
import { LEEFGEBIEDEN, ZRM_VERSION } from '../../services/domain/model/leefgebieden';
import { STEPS, type Step } from '../../services/domain/model/steps';
import { aggregeer, periodeGrenzen, type Boeking } from '../../services/domain/resultaten/aggregeer';
import { bedrag, DOMINANTIE_AANDEEL, onderdruk, telling, type Groep, type Telling } from '../../services/domain/resultaten/onderdrukking';
import type { Cel, ResultatenRapport } from '../../services/domain/resultaten/rapport';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import { ZONE } from '../../services/ports/clock';
import { makeCase } from '../support/case-fixtures';
import { maakPopulatie, TEAM, BUDGETTEN, type Populatie } from '../support/resultaten-populatie';

const kalender = createWerkdagKalender();
const NU = DateTime.fromISO('2026-07-15T10:00:00.000Z', { zone: ZONE });
const U = 'aad-regisseur-1';
const shown = (waarde: number): Cel => ({ onderdrukt: false, waarde });
const hidden: Cel = { onderdrukt: true, reden: 'klein' };
const afgeschermd: Cel = { onderdrukt: true, reden: 'afgeschermd' };
const waarde = (c: Cel | undefined) => (c && !c.onderdrukt ? c.waarde : undefined);

const tr = (at: string, from: Step, to: Step, transition: TransitionName) => ({ at, by: U, from, to, transition });
const approval = (id: string, requestedAt: string, outcome: ApprovalOutcome, at: string): ApprovalRequest => ({
  id, deelBVersie: 1, requestedBy: U, requestedAt, uitzondering: true, approverRoles: ['leidinggevende'], askedUserIds: [], status: outcome,
  decision: { by: 'aad-leidinggevende-1', at, outcome },
});
const zrm = (scores: Record<string, number>) => ({ version: ZRM_VERSION, scores });
const doel = (id: string, leefgebied: (typeof LEEFGEBIEDEN)[number], tevredenheidVoor: number) => ({ id, leefgebied, doel: 'Een doel', tevredenheidVoor });

/**
 * Six hand-built cases around 2026-Q2 (1 April 00:00 to 1 July 00:00 Amsterdam, i.e. 2026-03-31T22:00Z to
 * 2026-06-30T22:00Z) with every figure worked out by hand in the test names' comments.
 */
function handPopulatie(): { cases: Case[]; boekingen: Boeking[] } {
  const A = makeCase({
    id: 'case-A-0001', createdAt: '2026-03-31T22:00:00.000Z', step: 'uitvoering',
    history: [
      tr('2026-04-01T08:00:00.000Z', 'indienen', 'vraagverheldering', 'startVraagverheldering'),
      tr('2026-04-02T08:00:00.000Z', 'vraagverheldering', 'wieIsErNodig', 'naarWieIsErNodig'),
      tr('2026-04-03T08:00:00.000Z', 'wieIsErNodig', 'plan', 'enkelvoudigeVraag'),
      tr('2026-04-10T10:00:00.000Z', 'plan', 'uitvoering', 'geenUitzonderingNodig'),
    ],
  });
  const B = makeCase({
    id: 'case-B-0001', createdAt: '2026-03-31T21:59:59.999Z', step: 'afgesloten',
    vraagverheldering: { zrmVoor: zrm({ financien: 2 }) },
    deelA: { doelen: [doel('doel-B-1', 'financien', 4)], acties: [] },
    deelC: { doelen: [{ doelId: 'doel-B-1', bereikt: 'ja', tevredenheidNa: 8 }], zrmNa: zrm({ financien: 4 }), kwaliteitVanLevenVoor: 5, kwaliteitVanLevenNa: 7 },
    approvals: [approval('appr-B-1', '2026-04-07T08:00:00.000Z', 'akkoord', '2026-04-14T08:00:00.000Z')],
    history: [
      tr('2026-04-01T07:00:00.000Z', 'indienen', 'vraagverheldering', 'startVraagverheldering'),
      tr('2026-04-01T07:30:00.000Z', 'vraagverheldering', 'wieIsErNodig', 'naarWieIsErNodig'),
      tr('2026-04-01T08:00:00.000Z', 'wieIsErNodig', 'mdo', 'meervoudigeVraag'),
      tr('2026-04-06T08:00:00.000Z', 'mdo', 'plan', 'mdoAfgerond'),
      tr('2026-04-07T08:00:00.000Z', 'plan', 'onderbouwing', 'uitzonderingNodig'),
      tr('2026-04-14T08:00:00.000Z', 'onderbouwing', 'uitvoering', 'onderbouwingGoedgekeurd'),
      tr('2026-05-20T08:00:00.000Z', 'uitvoering', 'evaluatie', 'planLukt'),
      tr('2026-05-27T08:00:00.000Z', 'evaluatie', 'afgesloten', 'afsluiten'),
    ],
  });
  const C = makeCase({
    id: 'case-C-0001', createdAt: '2026-02-01T08:00:00.000Z', step: 'vraagverheldering', ronde: 2,
    approvals: [approval('appr-C-1', '2026-03-30T08:00:00.000Z', 'afgewezen', '2026-04-02T08:00:00.000Z')],
    escalaties: [{ id: 'esc-C-1', aanleiding: 'afgewezen', vraag: 'Hoe verder?', aveFase: 2, openedBy: U, openedAt: '2026-04-03T08:00:00.000Z', askedUserIds: [], opschalingen: [{ naarFase: 3, door: U, at: '2026-04-08T08:00:00.000Z', toelichting: 'Op' }] }],
    aveFase: 3,
    vorigeRondes: [{ nummer: 1, deelC: { kwaliteitVanLevenVoor: 1, kwaliteitVanLevenNa: 2 }, afgerondAt: '2026-06-30T22:00:00.000Z' }],
    history: [
      tr('2026-02-10T08:00:00.000Z', 'plan', 'uitvoering', 'geenUitzonderingNodig'),
      tr('2026-06-30T21:59:59.999Z', 'uitvoering', 'evaluatie', 'planLukt'),
      tr('2026-06-30T22:00:00.000Z', 'evaluatie', 'vraagverheldering', 'nieuweRonde'),
    ],
  });
  const D = makeCase({
    id: 'case-D-0001', createdAt: '2025-12-01T08:00:00.000Z', step: 'afgesloten',
    history: [tr('2026-01-15T08:00:00.000Z', 'evaluatie', 'afgesloten', 'afsluiten')],
  });
  const E = makeCase({ id: 'case-E-0001', teamId: 'wijkteam-zuid', createdAt: '2026-04-15T08:00:00.000Z' });
  const F = makeCase({
    id: 'case-F-0001', createdAt: '2026-01-10T08:00:00.000Z', step: 'vraagverheldering', ronde: 2,
    vraagverheldering: { zrmVoor: zrm({ financien: 2, huisvesting: 3 }) },
    deelA: { doelen: [doel('doel-F-1', 'financien', 5), doel('doel-F-2', 'huisvesting', 2)], acties: [] },
    approvals: [approval('appr-F-1', '2026-05-29T08:00:00.000Z', 'meerInformatie', '2026-06-01T08:00:00.000Z')],
    vorigeRondes: [
      {
        nummer: 1, afgerondAt: '2026-05-10T08:00:00.000Z',
        deelC: {
          doelen: [{ doelId: 'doel-F-1', bereikt: 'deels', tevredenheidNa: 6 }, { doelId: 'doel-F-2', bereikt: 'nee', tevredenheidNa: 3 }],
          zrmNa: zrm({ financien: 3, huisvesting: 2 }), kwaliteitVanLevenVoor: 4, kwaliteitVanLevenNa: 6,
        },
      },
    ],
    history: [
      tr('2026-02-01T08:00:00.000Z', 'wieIsErNodig', 'mdo', 'meervoudigeVraag'),
      tr('2026-02-20T08:00:00.000Z', 'mdo', 'plan', 'mdoAfgerond'),
      tr('2026-03-01T08:00:00.000Z', 'plan', 'uitvoering', 'geenUitzonderingNodig'),
      tr('2026-04-15T08:00:00.000Z', 'uitvoering', 'evaluatie', 'planLukt'),
      tr('2026-05-10T08:00:00.000Z', 'evaluatie', 'vraagverheldering', 'nieuweRonde'),
    ],
  });
  const boekingen: Boeking[] = [
    { caseId: B.id, amountCents: 100_000, at: '2026-04-14T08:00:00.000Z', categorie: 'financien' },
    { caseId: A.id, amountCents: 5_000, at: '2026-04-20T08:00:00.000Z', mandaat: true, categorie: 'huisvesting' },
    { caseId: A.id, amountCents: 2_500, at: '2026-06-30T21:30:00.000Z', mandaat: true },
    { caseId: C.id, amountCents: 70_000, at: '2026-03-31T21:00:00.000Z', categorie: 'financien' },
    { caseId: F.id, amountCents: 30_000, at: '2026-05-02T08:00:00.000Z' },
  ];
  return { cases: [A, B, C, D, E, F], boekingen };
}

/** Made on 15 June 2026, inside Q2 (the lopende periode, so with the open cases per step), or at another moment. */
const BINNEN_Q2 = DateTime.fromISO('2026-06-15T10:00:00.000Z', { zone: ZONE });
const handRapport = (drempel: number, nu = BINNEN_Q2) => {
  const { cases, boekingen } = handPopulatie();
  return aggregeer({ teamId: TEAM, periode: '2026-Q2', casussen: cases, budget: { vastgesteldCents: 1_000_000, boekingen }, nu, drempel, kalender });
};

describe('resultaten: aggregation of a hand-built population (2026-Q2, exact figures)', () => {
  const r = handRapport(1);

  it('the period: Amsterdam calendar days, months, and when it was made', () => {
    expect({ periode: r.periode, van: r.van, tot: r.tot, gemaaktOp: r.gemaaktOp, drempel: r.drempel }).to.deep.equal({
      periode: '2026-Q2', van: '2026-04-01', tot: '2026-06-30', gemaaktOp: '2026-06-15T10:00:00.000Z', drempel: 1,
    });
    expect(periodeGrenzen('2026').maanden).to.have.length(12);
    expect(periodeGrenzen('2026-Q4').tot.toUTC().toISO()).to.equal('2026-12-31T23:00:00.000Z');
  });

  it('cases: open ones by step now (other teams and closed cases left out), opened and closed at the period bounds', () => {
    const perStap = Object.fromEntries(r.casussen.perStap.map((s) => [s.stap, waarde(s.aantal)]));
    expect(perStap).to.deep.equal({ indienen: 0, vraagverheldering: 2, wieIsErNodig: 0, mdo: 0, plan: 0, onderbouwing: 0, uitvoering: 1, escaleren: 0, evaluatie: 0 });
    expect(r.casussen.perStap.map((s) => s.stap)).to.deep.equal(STEPS.filter((s) => s !== 'afgesloten'));
    // A at 00:00 on 1 April Amsterdam is in; B one millisecond earlier is not.
    expect(r.casussen.geopend).to.deep.equal(shown(1));
    expect(r.casussen.afgesloten).to.deep.equal(shown(1));
  });

  it('open cases per step only in the report of the lopende periode: empty for a period that does not hold nu (before and after)', () => {
    expect(handRapport(1, NU).casussen.perStap).to.deep.equal([]);
    expect(handRapport(1, DateTime.fromISO('2026-03-15T10:00:00.000Z', { zone: ZONE })).casussen.perStap).to.deep.equal([]);
    // Everything else of the period is the same whenever it is asked.
    const { casussen: { perStap: _a, ...nu }, gemaaktOp: _g, ...rest } = handRapport(1, NU);
    const { casussen: { perStap: _b, ...binnen }, gemaaktOp: _h, ...restBinnen } = handRapport(1);
    expect({ nu, rest }).to.deep.equal({ nu: binnen, rest: restBinnen });
  });

  it('doorlooptijden in kalenderdagen: indienen → uitvoering [9, 14], MDO → evaluatie [44, 54]', () => {
    expect(r.casussen.indienenTotUitvoering).to.deep.equal({ aantal: shown(2), mediaanDagen: shown(11.5), p90Dagen: shown(14) });
    expect(r.casussen.mdoTotEvaluatie).to.deep.equal({ aantal: shown(2), mediaanDagen: shown(49), p90Dagen: shown(54) });
  });

  it('approvals by decision date; median werkdagen [5 (Easter Monday skipped), 3, 1 (weekend skipped)] = 3; escalation by highest fase', () => {
    expect(r.akkoorden).to.deep.equal({
      akkoord: shown(1), afgewezen: shown(1), meerInformatie: shown(1), mediaanWerkdagenTotBesluit: shown(3),
      escalatiesPerFase: [{ fase: 1, aantal: shown(0) }, { fase: 2, aantal: shown(0) }, { fase: 3, aantal: shown(1) }, { fase: 4, aantal: shown(0) }],
    });
  });

  it('budget from the bookings dated in the period: grants and mandaat apart, per category and per Amsterdam month', () => {
    expect(r.budget).to.deep.equal({
      vastgesteldCents: 1_000_000,
      toegekendCents: shown(130_000),
      resterendCents: shown(862_500),
      perCategorie: [{ categorie: 'financien', cents: shown(100_000) }, { categorie: 'onbekend', cents: shown(30_000) }],
      perMaand: [{ maand: '2026-04', cents: shown(105_000) }, { maand: '2026-05', cents: shown(30_000) }, { maand: '2026-06', cents: shown(2_500) }],
      mandaat: { cents: shown(7_500), uitgaven: shown(2) },
    });
  });

  it('outcome over the rounds finished in the period (a close and a nieuwe ronde; one a millisecond after the end is out); medians over cases', () => {
    const { zrmPerLeefgebied, ...rest } = r.uitkomst;
    expect(rest).to.deep.equal({
      doelenGeevalueerd: shown(3), doelenBereikt: { ja: shown(1), deels: shown(1), nee: shown(1) },
      // Per case first: B voor 4, na 8; F voor median(5, 2) = 3,5, na median(6, 3) = 4,5; then over the two cases.
      tevredenheidVoorMediaan: shown(3.75), tevredenheidNaMediaan: shown(6.25),
      kwaliteitVanLevenVoorMediaan: shown(4.5), kwaliteitVanLevenNaMediaan: shown(6.5),
      afgeslotenNaEvaluatie: shown(1), nieuweRonde: shown(1),
    });
    expect(zrmPerLeefgebied.map((z) => z.leefgebied)).to.deep.equal([...LEEFGEBIEDEN]);
    expect(zrmPerLeefgebied.find((z) => z.leefgebied === 'financien')).to.deep.equal({ leefgebied: 'financien', aantal: shown(2), gemiddeldVoor: shown(2), gemiddeldNa: shown(3.5) });
    expect(zrmPerLeefgebied.find((z) => z.leefgebied === 'huisvesting')).to.deep.equal({ leefgebied: 'huisvesting', aantal: shown(1), gemiddeldVoor: shown(3), gemiddeldNa: shown(2) });
    expect(zrmPerLeefgebied.find((z) => z.leefgebied === 'justitie')).to.deep.equal({ leefgebied: 'justitie', aantal: shown(0), gemiddeldVoor: hidden, gemiddeldNa: hidden });
  });

  it('no budget set: no vastgesteld and no resterend, the bookings still counted', () => {
    const { cases, boekingen } = handPopulatie();
    const zonder = aggregeer({ teamId: TEAM, periode: '2026-Q2', casussen: cases, budget: { boekingen }, nu: NU, drempel: 1, kalender });
    expect(zonder.budget).to.not.have.any.keys('vastgesteldCents', 'resterendCents');
    expect(zonder.budget.toegekendCents).to.deep.equal(shown(130_000));
  });

  it('no case number, kenmerk or text of a case ends up in the report', () => {
    const text = JSON.stringify(handRapport(1));
    for (const forbidden of ['case-', 'HA-20', 'doel-', 'Een doel', 'Hoe verder', 'appr-', 'aad-']) expect(text).to.not.include(forbidden);
  });
});

describe('resultaten: suppression (drempel)', () => {
  it('on the hand-built population with drempel 2: single cases hidden (klein), complements where a total is shown (afgeschermd)', () => {
    const r = handRapport(2);
    expect(r.casussen.geopend).to.deep.equal(hidden);
    expect([r.casussen.afgesloten, r.uitkomst.afgeslotenNaEvaluatie, r.uitkomst.nieuweRonde]).to.deep.equal([hidden, hidden, hidden]);
    expect([r.akkoorden.akkoord, r.akkoorden.afgewezen, r.akkoorden.meerInformatie, r.akkoorden.mediaanWerkdagenTotBesluit]).to.deep.equal([hidden, hidden, hidden, shown(3)]);
    // 3 cases decided: the median may show; one escalation (fase 3) hides; the escalations' total is shown nowhere.
    expect(r.akkoorden.escalatiesPerFase.map((f) => f.aantal)).to.deep.equal([shown(0), shown(0), hidden, shown(0)]);
    // Two cases: the median shows, the 90th percentile needs 2 × drempel.
    expect(r.casussen.indienenTotUitvoering).to.deep.equal({ aantal: shown(2), mediaanDagen: shown(11.5), p90Dagen: hidden });
    // Mandaat: one case, hidden; then the grants (2 cases) too, else mandaat = geboekt − toegekend. Resterend (from 3 cases) stays.
    // Both in a group with a shown total: afgeschermd, the one from 2 cases and the one from 1 alike. The count of expenses is in no group.
    expect(r.budget.mandaat).to.deep.equal({ cents: afgeschermd, uitgaven: hidden });
    expect(r.budget.toegekendCents).to.deep.equal(afgeschermd);
    expect(r.budget.resterendCents).to.deep.equal(shown(862_500));
    expect(r.budget.perCategorie.map((c) => c.cents)).to.deep.equal([afgeschermd, afgeschermd]);
    // April (€ 1.050: B's € 1.000 and A's € 50) has 2 cases but B holds 95 % of it: hidden for dominance, and May and
    // June (one case each) with it. Before the dominance rule April showed, i.e. essentially B's grant.
    expect(r.budget.perMaand.map((m) => m.cents)).to.deep.equal([afgeschermd, afgeschermd, afgeschermd]);
    expect(r.uitkomst.doelenBereikt).to.deep.equal({ ja: afgeschermd, deels: afgeschermd, nee: afgeschermd });
    expect(r.uitkomst.doelenGeevalueerd).to.deep.equal(shown(3));
    expect(r.uitkomst.tevredenheidVoorMediaan).to.deep.equal(shown(3.75));
    const huisvesting = r.uitkomst.zrmPerLeefgebied.find((z) => z.leefgebied === 'huisvesting');
    expect(huisvesting).to.deep.equal({ leefgebied: 'huisvesting', aantal: hidden, gemiddeldVoor: hidden, gemiddeldNa: hidden });
  });

  const cases = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const run = (cellen: Telling[], totaal: Telling | 'vast', drempel = 5) => {
    onderdruk([], [{ cellen, totaal }], drempel);
    return { cellen: cellen.map((c) => c.onderdrukt), totaal: totaal === 'vast' ? false : totaal.onderdrukt };
  };

  it('the subtraction case: one small cell among shown ones hides the next smallest too, so the total minus the rest gives nothing', () => {
    const a = telling(3, cases('a', 3));
    const b = telling(6, cases('b', 6));
    const c = telling(9, cases('c', 9));
    expect(run([a, b, c], telling(18, [...a.casussen, ...b.casussen, ...c.casussen]))).to.deep.equal({ cellen: [true, true, false], totaal: false });
  });

  it('the subtraction case with zeros: a shown 0 is never taken as the complement (it would protect nothing)', () => {
    const nul = telling(0, []);
    const klein = telling(2, cases('k', 2));
    const groot = telling(6, cases('g', 6));
    const result = run([nul, klein, groot], telling(8, [...klein.casussen, ...groot.casussen]));
    expect(result).to.deep.equal({ cellen: [false, true, true], totaal: false });
    // Without the rule "not a zero", total − groot − 0 would give klein away.
  });

  it('two hidden cells whose cases together are fewer than the drempel: a third is hidden (their sum would be a figure about 3 cases)', () => {
    const a = telling(1, ['x1']);
    const b = telling(2, ['y1', 'y2']);
    const c = telling(7, cases('z', 7));
    const d = telling(9, cases('w', 9));
    expect(run([a, b, c, d], telling(19, [...a.casussen, ...b.casussen, ...c.casussen, ...d.casussen])).cellen).to.deep.equal([true, true, true, false]);
  });

  it('with nothing left to hide, the total is hidden; a hidden total with every cell shown hides the smallest cell', () => {
    const alleen = telling(2, ['p1', 'p2']);
    const nul = telling(0, []);
    const totaal = telling(8, [...cases('p', 2), ...cases('q', 6)]);
    // The total here has 8 cases but its one non-zero cell has 2: the total must go.
    expect(run([alleen, nul], totaal)).to.deep.equal({ cellen: [true, false], totaal: true });
    // A total hidden through another group it is a cell of (z alone beside it there): x and y cannot both stay shown.
    const x = telling(5, cases('x', 5));
    const y = telling(6, cases('y', 6));
    const verborgen = telling(11, [...x.casussen, ...y.casussen]);
    const z = telling(1, ['z1']);
    const groepen: Groep[] = [{ cellen: [x, y], totaal: verborgen }, { cellen: [verborgen, z], totaal: telling(12, [...verborgen.casussen, 'z1']) }];
    onderdruk([], groepen, 5);
    expect([z.onderdrukt, verborgen.onderdrukt, x.onderdrukt, y.onderdrukt]).to.deep.equal([true, true, true, false]);
  });

  it('a fixed total (the budget set) is always shown: two hidden cells are enough', () => {
    const geboekt = telling(100, ['a', 'b']);
    const resterend = telling(900, ['a', 'b']);
    expect(run([geboekt, resterend], 'vast')).to.deep.equal({ cellen: [true, true], totaal: false });
  });

  it('a count of 0 is shown; a count from 1 to drempel − 1 cases is hidden; at the drempel it shows', () => {
    expect(run([telling(0, [])], 'vast').cellen).to.deep.equal([false]);
    const four = telling(40, cases('f', 4));
    const five = telling(50, cases('v', 5));
    onderdruk([four, five], [], 5);
    expect([four.onderdrukt, five.onderdrukt]).to.deep.equal([true, false]);
    // Three bookings of one case are one case.
    const drie = telling(3, ['same', 'same', 'same']);
    onderdruk([drie], [], 2);
    expect(drie.onderdrukt).to.equal(true);
  });

  /** An amount cell: each case with its cents. */
  const bedragVan = (delen: Record<string, number>) => bedrag(Object.entries(delen));
  /** `n` cases of `cents` each. */
  const gelijk = (prefix: string, n: number, cents: number) => Object.fromEntries(cases(prefix, n).map((id) => [id, cents]));

  it('dominance: an amount of which one case holds more than 80 % is hidden however many cases; a count never; 80 % itself shows', () => {
    expect(DOMINANTIE_AANDEEL).to.equal(0.8);
    const gedomineerd = bedragVan({ groot: 98_000, ...gelijk('k', 4, 500) });
    const precies = bedragVan({ groot: 80_000, ...gelijk('k', 4, 5_000) });
    const telt = telling(5, cases('t', 5));
    onderdruk([gedomineerd, precies, telt], [], 5);
    expect([gedomineerd.onderdrukt, precies.onderdrukt, telt.onderdrukt]).to.deep.equal([true, false, false]);
    // In no group: from 5 cases, "minder dan 5 casussen" would be false, so it reads afgeschermd; drempel 1 (tests only) hides nothing.
    expect(gedomineerd.reden).to.equal('afgeschermd');
    const klein = bedragVan({ groot: 98_000, k: 100 });
    onderdruk([klein], [], 5);
    expect(klein.reden).to.equal('klein');
    onderdruk([gedomineerd], [], 1);
    expect(gedomineerd.onderdrukt).to.equal(false);
  });

  it('dominance: a dominated cell takes part in its group like a small one (a complement hidden, so the total gives it not away)', () => {
    const a = bedragVan({ groot: 98_000, ...gelijk('a', 4, 500) });
    const b = bedragVan(gelijk('b', 6, 10_000));
    const c = bedragVan(gelijk('c', 8, 10_000));
    expect(run([a, b, c], bedragVan({ groot: 98_000, ...gelijk('a', 4, 500), ...gelijk('b', 6, 10_000), ...gelijk('c', 8, 10_000) }))).to.deep.equal({ cellen: [true, true, false], totaal: false });
  });

  it('dominance of the hidden sum: two hidden cells from enough cases together, but one case holds most of their sum: a third is hidden', () => {
    // a (3 cases, one holding 99 %) and b (2 cases) are small; together 5 cases, which the count rule finds enough.
    // But the total minus c and d gives a + b = € 904, of which € 900 is x's: x's amount. So c (5 cases) goes too.
    const a = bedragVan({ x: 90_000, y1: 100, y2: 100 });
    const b = bedragVan({ z1: 100, z2: 100 });
    const c = bedragVan(gelijk('c', 5, 100_000));
    const d = bedragVan(gelijk('d', 10, 100_000));
    const totaal = () => bedragVan({ x: 90_000, y1: 100, y2: 100, z1: 100, z2: 100, ...gelijk('c', 5, 100_000), ...gelijk('d', 10, 100_000) });
    expect(run([a, b, c, d], totaal())).to.deep.equal({ cellen: [true, true, true, false], totaal: false });
    // Against a fixed total two hidden cells stay enough: their sum is the budget set minus nothing from a case.
    const [e, f] = [bedragVan({ x: 90_000, y1: 100, y2: 100 }), bedragVan({ z1: 100, z2: 100 })];
    expect(run([e, f], 'vast')).to.deep.equal({ cellen: [true, true], totaal: false });
  });
});

/** Cells that add up to a total shown nowhere: primary suppression only, every hidden one `klein`. */
function zonderTotaal(r: ResultatenRapport): { naam: string; cellen: Cel[] }[] {
  return [
    { naam: 'perStap', cellen: r.casussen.perStap.map((s) => s.aantal) },
    { naam: 'besluiten', cellen: [r.akkoorden.akkoord, r.akkoorden.afgewezen, r.akkoorden.meerInformatie] },
    { naam: 'escalaties', cellen: r.akkoorden.escalatiesPerFase.map((f) => f.aantal) },
    { naam: 'evaluaties', cellen: [r.uitkomst.afgeslotenNaEvaluatie, r.uitkomst.nieuweRonde] },
  ];
}

/** Every group of the report whose cells add up to a shown total: no single hidden cell, and the shown sum right. */
function groepen(r: ResultatenRapport): { naam: string; cellen: Cel[]; totaal?: Cel }[] {
  return [
    { naam: 'perMaand', cellen: r.budget.perMaand.map((m) => m.cents) },
    { naam: 'perCategorie', cellen: r.budget.perCategorie.map((c) => c.cents), totaal: r.budget.toegekendCents },
    { naam: 'toegekend+mandaat', cellen: [r.budget.toegekendCents, r.budget.mandaat.cents] },
    { naam: 'doelen', cellen: [r.uitkomst.doelenBereikt.ja, r.uitkomst.doelenBereikt.deels, r.uitkomst.doelenBereikt.nee], totaal: r.uitkomst.doelenGeevalueerd },
  ];
}

/** The figures of a period computed a second way, straight from the population (no suppression: drempel 1). */
function onafhankelijk(p: Populatie, periode: string) {
  const [from, to] = (() => {
    const q = /Q(\d)/.exec(periode);
    const year = Number(periode.slice(0, 4));
    const month = q ? (Number(q[1]) - 1) * 3 + 1 : 1;
    const start = DateTime.fromObject({ year, month, day: 1 }, { zone: 'Europe/Amsterdam' });
    return [start.toMillis(), start.plus({ months: q ? 3 : 12 }).toMillis()];
  })();
  const inP = (iso: string) => Date.parse(iso) >= from && Date.parse(iso) < to;
  const team = p.cases.filter((c) => c.teamId === TEAM && Date.parse(c.createdAt) < to);
  const decisions = team.flatMap((c) => c.approvals.filter((a) => a.decision && inP(a.decision.at)).map((a) => a.decision?.outcome));
  const bookings = p.bookings.filter((b) => b.teamId === TEAM && inP(b.at));
  const evaluatedRounds = team.flatMap((c) => [
    ...c.vorigeRondes.filter((r) => inP(r.afgerondAt)).map((r) => r.deelC),
    ...(c.history.some((h) => 'transition' in h && h.transition === 'afsluiten' && inP(h.at)) ? [c.deelC] : []),
  ]);
  return {
    open: team.filter((c) => c.step !== 'afgesloten').length,
    geopend: team.filter((c) => inP(c.createdAt)).length,
    akkoord: decisions.filter((d) => d === 'akkoord').length,
    afgewezen: decisions.filter((d) => d === 'afgewezen').length,
    escalaties: team.reduce((n, c) => n + c.escalaties.filter((e) => inP(e.openedAt)).length, 0),
    toegekend: bookings.filter((b) => !b.mandaat).reduce((s, b) => s + b.amountCents, 0),
    mandaat: bookings.filter((b) => b.mandaat).reduce((s, b) => s + b.amountCents, 0),
    uitgaven: bookings.filter((b) => b.mandaat).length,
    doelen: evaluatedRounds.reduce((n, d) => n + (d.doelen?.length ?? 0), 0),
    bereikt: evaluatedRounds.reduce((n, d) => n + (d.doelen?.filter((x) => x.bereikt === 'ja').length ?? 0), 0),
    evaluaties: evaluatedRounds.length,
  };
}

/** Each case's cents in bookings; whether one case holds more than the dominance share of their sum. */
function eenCasusDomineert(bookings: readonly Pick<Boeking, 'caseId' | 'amountCents'>[]): boolean {
  const perCase = new Map<string, number>();
  for (const b of bookings) perCase.set(b.caseId, (perCase.get(b.caseId) ?? 0) + b.amountCents);
  const total = [...perCase.values()].reduce((s, v) => s + v, 0);
  return total > 0 && Math.max(...perCase.values()) > DOMINANTIE_AANDEEL * total;
}

/**
 * Computed a second way from the bookings: no shown amount is more than 80 % one case's, and where a group's total
 * shows, neither is the sum of its hidden cells (the total minus the shown ones). Returns how many hidden amounts one
 * case dominates.
 */
function dominantieInvarianten(r: ResultatenRapport, boekingen: readonly Boeking[], label: string): number {
  const { van, tot } = periodeGrenzen(r.periode);
  const inP = boekingen.filter((b) => Date.parse(b.at) >= van.toMillis() && Date.parse(b.at) < tot.toMillis());
  const grants = inP.filter((b) => !b.mandaat);
  const maand = (b: Boeking) => DateTime.fromISO(b.at, { zone: ZONE }).toFormat('yyyy-MM');
  const cellen: { naam: string; cel: Cel; boekingen: Boeking[] }[] = [
    { naam: 'toegekend', cel: r.budget.toegekendCents, boekingen: grants },
    { naam: 'mandaat', cel: r.budget.mandaat.cents, boekingen: inP.filter((b) => b.mandaat) },
    ...r.budget.perCategorie.map((c) => ({ naam: c.categorie, cel: c.cents, boekingen: grants.filter((b) => (b.categorie ?? 'onbekend') === c.categorie) })),
    ...r.budget.perMaand.map((m) => ({ naam: m.maand, cel: m.cents, boekingen: inP.filter((b) => maand(b) === m.maand) })),
  ];
  for (const c of cellen) if (!c.cel.onderdrukt) expect(eenCasusDomineert(c.boekingen), `${label} ${c.naam}`).to.equal(false);
  const geboektGetoond = (!r.budget.toegekendCents.onderdrukt && !r.budget.mandaat.cents.onderdrukt) || r.budget.resterendCents?.onderdrukt === false;
  const verborgenSom = (namen: readonly string[]) => cellen.filter((c) => namen.includes(c.naam) && c.cel.onderdrukt).flatMap((c) => c.boekingen);
  if (!r.budget.toegekendCents.onderdrukt) expect(eenCasusDomineert(verborgenSom(r.budget.perCategorie.map((c) => c.categorie))), `${label} hidden categories`).to.equal(false);
  if (geboektGetoond) expect(eenCasusDomineert(verborgenSom(r.budget.perMaand.map((m) => m.maand))), `${label} hidden months`).to.equal(false);
  return cellen.filter((c) => c.cel.onderdrukt && eenCasusDomineert(c.boekingen)).length;
}

describe('resultaten: a generated population of 3,000 cases over two years', function () {
  this.timeout(60_000);
  let p: Populatie;
  before(() => {
    p = maakPopulatie({ seed: 17, aantal: 3000 });
  });
  const rapport = (periode: string, drempel: number) => {
    const doc = p.ledger.find((d) => d.teamId === TEAM && d.year === Number(periode.slice(0, 4)));
    const budget = doc?.budgets.find((b) => b.period === periode);
    // The whole year's bookings: the aggregation keeps those dated in the period (a quarter of a year budget too).
    const boekingen = doc?.bookings ?? [];
    return aggregeer({ teamId: TEAM, periode, casussen: p.cases, budget: { ...(budget ? { vastgesteldCents: budget.amountCents } : {}), boekingen }, nu: DateTime.fromISO(p.nu, { zone: ZONE }), drempel, kalender });
  };

  it('is deterministic: the same seed gives the same population', () => {
    const again = maakPopulatie({ seed: 17, aantal: 50 });
    expect(JSON.stringify(maakPopulatie({ seed: 17, aantal: 50 }))).to.equal(JSON.stringify(again));
    expect(JSON.stringify(maakPopulatie({ seed: 18, aantal: 50 }))).to.not.equal(JSON.stringify(again));
  });

  for (const periode of ['2025', '2025-Q3', '2026-Q2', '2026-Q4']) {
    it(`${periode}: drempel 1 gives exactly the figures computed a second way`, () => {
      const r = rapport(periode, 1);
      const x = onafhankelijk(p, periode);
      const sum = (cells: readonly Cel[]) => cells.reduce((s, c) => s + (waarde(c) as number), 0);
      expect(x.geopend).to.be.greaterThan(50);
      // Open cases per step only in the report of the lopende periode (nu is in 2026-Q4).
      expect(r.casussen.perStap).to.have.length(periode === '2026-Q4' ? 9 : 0);
      expect(sum(r.casussen.perStap.map((s) => s.aantal))).to.equal(periode === '2026-Q4' ? x.open : 0);
      expect(waarde(r.casussen.geopend)).to.equal(x.geopend);
      expect([waarde(r.akkoorden.akkoord), waarde(r.akkoorden.afgewezen)]).to.deep.equal([x.akkoord, x.afgewezen]);
      expect(sum(r.akkoorden.escalatiesPerFase.map((f) => f.aantal))).to.equal(x.escalaties);
      expect([waarde(r.budget.toegekendCents), waarde(r.budget.mandaat.cents), waarde(r.budget.mandaat.uitgaven)]).to.deep.equal([x.toegekend, x.mandaat, x.uitgaven]);
      expect([waarde(r.uitkomst.doelenGeevalueerd), waarde(r.uitkomst.doelenBereikt.ja)]).to.deep.equal([x.doelen, x.bereikt]);
      expect(sum([r.uitkomst.afgeslotenNaEvaluatie, r.uitkomst.nieuweRonde])).to.equal(x.evaluaties);
    });

    it(`${periode}: the budget totals equal the ledger's, per category and per month`, () => {
      const r = rapport(periode, 1);
      const doc = p.ledger.find((d) => d.teamId === TEAM && d.year === Number(periode.slice(0, 4)));
      const { van, tot } = periodeGrenzen(periode);
      const ledgerBooked = (doc?.bookings ?? []).filter((b) => Date.parse(b.at) >= van.toMillis() && Date.parse(b.at) < tot.toMillis());
      const total = ledgerBooked.reduce((s, b) => s + b.amountCents, 0);
      const toegekend = waarde(r.budget.toegekendCents) as number;
      const mandaat = waarde(r.budget.mandaat.cents) as number;
      expect(toegekend + mandaat).to.equal(total);
      expect(r.budget.perCategorie.reduce((s, c) => s + (waarde(c.cents) as number), 0)).to.equal(toegekend);
      expect(r.budget.perMaand.reduce((s, m) => s + (waarde(m.cents) as number), 0)).to.equal(total);
      const set = BUDGETTEN.find((b) => b.period === periode);
      if (set) expect(waarde(r.budget.resterendCents)).to.equal(set.amountCents - total);
      else expect(r.budget.resterendCents).to.equal(undefined);
    });

    it(`${periode}: drempel 5 and 20: hidden cells never stand alone in a group, shown ones keep their value`, () => {
      const exact = rapport(periode, 1);
      for (const drempel of [5, 20]) {
        const r = rapport(periode, drempel);
        const groupsExact = groepen(exact);
        for (const [i, g] of groepen(r).entries()) {
          const hiddenCells = g.cellen.filter((c) => c.onderdrukt).length;
          const totalShown = g.totaal === undefined || !g.totaal.onderdrukt;
          if (totalShown) expect(hiddenCells, `${periode} ${drempel} ${g.naam}`).to.not.equal(1);
          g.cellen.forEach((c, j) => {
            if (!c.onderdrukt) expect(c.waarde).to.equal(waarde(groupsExact[i]?.cellen[j]));
            else expect(c.reden, `${periode} ${drempel} ${g.naam}`).to.equal('afgeschermd');
          });
        }
        // Where no total is shown, nothing is hidden but what is small: a hidden count of cases is below the drempel.
        const zonderExact = zonderTotaal(exact);
        for (const [i, g] of zonderTotaal(r).entries()) {
          g.cellen.forEach((c, j) => {
            const exacte = waarde(zonderExact[i]?.cellen[j]) as number;
            if (!c.onderdrukt) expect(c.waarde).to.equal(exacte);
            else expect(c.reden, `${periode} ${drempel} ${g.naam}`).to.equal('klein');
            if (g.naam === 'perStap') expect(c.onderdrukt, `${periode} ${drempel} perStap ${exacte}`).to.equal(exacte > 0 && exacte < drempel);
          });
        }
        // Resterend is hidden whenever it would give away a hidden grant or mandaat total.
        if (r.budget.toegekendCents.onderdrukt !== r.budget.mandaat.cents.onderdrukt && r.budget.resterendCents) {
          expect(r.budget.resterendCents.onderdrukt || (r.budget.toegekendCents.onderdrukt && r.budget.mandaat.cents.onderdrukt)).to.equal(true);
        }
        // No shown amount is one case's (the generated amounts are spread: no case holds even half a month here).
        dominantieInvarianten(r, p.ledger.find((d) => d.teamId === TEAM && d.year === Number(periode.slice(0, 4)))?.bookings ?? [], `${periode} ${drempel}`);
      }
    });
  }

  it('2026-Q2 with one grant of ten times May\'s bookings added in May: that month is hidden with a complement, the rest unchanged', () => {
    const doc = p.ledger.find((d) => d.teamId === TEAM && d.year === 2026);
    const bookings = doc?.bookings ?? [];
    const mei = bookings.filter((b) => DateTime.fromISO(b.at, { zone: ZONE }).toFormat('yyyy-MM') === '2026-05');
    const groot: Boeking = { caseId: mei[0]?.caseId as string, amountCents: 10 * mei.reduce((s, b) => s + b.amountCents, 0), at: '2026-05-15T08:00:00.000Z', categorie: 'huisvesting' };
    const met = (drempel: number, boekingen: readonly Boeking[]) =>
      aggregeer({ teamId: TEAM, periode: '2026-Q2', casussen: p.cases, budget: { boekingen }, nu: DateTime.fromISO(p.nu, { zone: ZONE }), drempel, kalender });
    const zonder = met(5, bookings);
    const r = met(5, [...bookings, groot]);
    expect(mei.length).to.be.greaterThan(20);
    // May shows without the grant (many cases, none holding much); with it, one case holds 10/11 of May: hidden.
    expect(zonder.budget.perMaand[1]?.cents.onderdrukt).to.equal(false);
    expect(r.budget.perMaand[1]?.cents).to.deep.equal(afgeschermd);
    expect(r.budget.perMaand.filter((m) => m.cents.onderdrukt).length).to.be.greaterThan(1);
    expect(dominantieInvarianten(r, [...bookings, groot], 'met')).to.be.greaterThan(dominantieInvarianten(zonder, bookings, 'zonder'));
    for (const g of groepen(r)) {
      if (g.totaal === undefined || !g.totaal.onderdrukt) expect(g.cellen.filter((c) => c.onderdrukt).length, g.naam).to.not.equal(1);
    }
    // The counts are untouched by the rule.
    expect(r.casussen).to.deep.equal(zonder.casussen);
    expect(r.uitkomst).to.deep.equal(zonder.uitkomst);
  });
});

describe('resultaten: no figure of one case, and no false "minder dan" (review findings)', () => {
  const IN_Q2 = (dag: number) => `2026-05-${String(dag).padStart(2, '0')}T08:00:00.000Z`;
  const rapportVan = (cases: Case[], drempel = 5) =>
    aggregeer({ teamId: TEAM, periode: '2026-Q2', casussen: cases, budget: { boekingen: [] }, nu: BINNEN_Q2, drempel, kalender });
  /** A case closed in Q2 after an evaluation of `doelen` goals, each with this satisfaction after. */
  const geevalueerd = (id: string, doelen: number, na: number, extra: Partial<Case> = {}) =>
    makeCase({
      id, createdAt: '2026-01-05T08:00:00.000Z', step: 'afgesloten',
      deelA: { doelen: Array.from({ length: doelen }, (_, i) => doel(`doel-${id}-${i}`, 'financien', 3)), acties: [] },
      deelC: { doelen: Array.from({ length: doelen }, (_, i) => ({ doelId: `doel-${id}-${i}`, bereikt: 'ja' as const, tevredenheidNa: na })), kwaliteitVanLevenVoor: 3, kwaliteitVanLevenNa: na },
      history: [tr(IN_Q2(20), 'evaluatie', 'afgesloten', 'afsluiten')],
      ...extra,
    });

  it('a median counts cases, not items: one case with 7 goals (2) beside four with one (9) gives 9, not that case\'s 2', () => {
    const r = rapportVan([geevalueerd('case-groot', 7, 2), ...[1, 2, 3, 4].map((i) => geevalueerd(`case-${i}`, 1, 9))]);
    expect(r.uitkomst.doelenGeevalueerd).to.deep.equal(shown(11));
    expect(r.uitkomst.tevredenheidNaMediaan).to.deep.equal(shown(9));
    expect(r.uitkomst.tevredenheidVoorMediaan).to.deep.equal(shown(3));
    // Four cases only: no median at all, however many goals.
    expect(rapportVan([geevalueerd('case-groot', 7, 2), ...[1, 2, 3].map((i) => geevalueerd(`case-${i}`, 1, 9))]).uitkomst.tevredenheidNaMediaan).to.deep.equal(hidden);
  });

  it('werkdagen tot besluit, kwaliteit van leven and the ZRM means weigh each case once', () => {
    // Case "veel": 5 decisions of 10 werkdagen, 3 rounds with quality 1 and ZRM 1 → 5; four cases with one of each.
    const besluit = (id: string, werkdagen: number) => approval(id, '2026-05-04T08:00:00.000Z', 'akkoord', DateTime.fromISO('2026-05-04T08:00:00.000Z').plus({ days: werkdagen + 2 * Math.floor(werkdagen / 5) }).toISO() as string);
    const ronde = (nummer: number, kwaliteit: number, na: number) => ({ nummer, afgerondAt: IN_Q2(nummer), deelC: { kwaliteitVanLevenVoor: kwaliteit, kwaliteitVanLevenNa: kwaliteit, zrmNa: zrm({ financien: na }) } });
    const veel = makeCase({
      id: 'case-veel', createdAt: '2026-01-05T08:00:00.000Z', step: 'vraagverheldering', ronde: 4,
      vraagverheldering: { zrmVoor: zrm({ financien: 1 }) },
      approvals: [1, 2, 3, 4, 5].map((i) => besluit(`appr-veel-${i}`, 10)),
      vorigeRondes: [ronde(1, 1, 5), ronde(2, 1, 5), ronde(3, 1, 5)],
    });
    const weinig = [1, 2, 3, 4].map((i) =>
      makeCase({
        id: `case-w-${i}`, createdAt: '2026-01-05T08:00:00.000Z', step: 'vraagverheldering', ronde: 2,
        vraagverheldering: { zrmVoor: zrm({ financien: 3 }) },
        approvals: [besluit(`appr-w-${i}`, 1)],
        vorigeRondes: [ronde(1, 8, 3)],
      }),
    );
    const r = rapportVan([veel, ...weinig]);
    expect(r.akkoorden.mediaanWerkdagenTotBesluit).to.deep.equal(shown(1));
    expect([r.uitkomst.kwaliteitVanLevenVoorMediaan, r.uitkomst.kwaliteitVanLevenNaMediaan]).to.deep.equal([shown(8), shown(8)]);
    // Over rounds the means would be (3×1 + 4×3) / 7 = 2,1 and (3×5 + 4×3) / 7 = 3,9; over cases (1 + 4×3) / 5 = 2,6 and (5 + 4×3) / 5 = 3,4.
    expect(r.uitkomst.zrmPerLeefgebied.find((z) => z.leefgebied === 'financien')).to.deep.equal({ leefgebied: 'financien', aantal: shown(5), gemiddeldVoor: shown(2.6), gemiddeldNa: shown(3.4) });
  });

  it('a 90th percentile needs 2 × drempel cases (of 9 it is the maximum: one case\'s own figure); the median needs the drempel', () => {
    const naarUitvoering = (i: number) =>
      makeCase({ id: `case-u-${i}`, createdAt: '2026-04-01T08:00:00.000Z', step: 'uitvoering', history: [tr(IN_Q2(i + 1), 'plan', 'uitvoering', 'geenUitzonderingNodig')] });
    const negen = rapportVan(Array.from({ length: 9 }, (_, i) => naarUitvoering(i))).casussen.indienenTotUitvoering;
    expect(negen).to.deep.equal({ aantal: shown(9), mediaanDagen: shown(34), p90Dagen: hidden });
    const tien = rapportVan(Array.from({ length: 10 }, (_, i) => naarUitvoering(i))).casussen.indienenTotUitvoering;
    expect(tien).to.deep.equal({ aantal: shown(10), mediaanDagen: shown(34.5), p90Dagen: shown(38) });
  });

  it('where no total is shown, a large cell beside a small one stays shown (no false "minder dan 5"); the small one is klein', () => {
    const inStap = (i: number, step: Step, uitkomst: ApprovalOutcome) =>
      makeCase({ id: `case-s-${i}`, createdAt: '2026-04-02T08:00:00.000Z', step, approvals: [approval(`appr-s-${i}`, IN_Q2(4), uitkomst, IN_Q2(6))] });
    const r = rapportVan([...Array.from({ length: 20 }, (_, i) => inStap(i, 'uitvoering', 'akkoord')), inStap(99, 'plan', 'afgewezen')]);
    const perStap = Object.fromEntries(r.casussen.perStap.map((s) => [s.stap, s.aantal]));
    expect([perStap['uitvoering'], perStap['plan'], perStap['mdo']]).to.deep.equal([shown(20), hidden, shown(0)]);
    expect([r.akkoorden.akkoord, r.akkoorden.afgewezen, r.akkoorden.meerInformatie]).to.deep.equal([shown(20), hidden, shown(0)]);
  });
});

describe('resultaten: no amount that is one household\'s money (dominance, review finding)', () => {
  const OP = (maand: number, dag = 10) => `2026-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}T08:00:00.000Z`;
  const grant = (caseId: string, amountCents: number, at = OP(4), extra: Partial<Boeking> = {}): Boeking => ({ caseId, amountCents, at, ...extra });
  const reeks = (prefix: string, n: number, cents: number, at = OP(4), extra: Partial<Boeking> = {}) => Array.from({ length: n }, (_, i) => grant(`${prefix}-${i}`, cents, at, extra));
  const rapportMet = (boekingen: Boeking[], vastgesteldCents?: number) =>
    aggregeer({ teamId: TEAM, periode: '2026-Q2', casussen: [], budget: { ...(vastgesteldCents !== undefined ? { vastgesteldCents } : {}), boekingen }, nu: BINNEN_Q2, drempel: 5, kalender });

  it('one case with 98 % of toegekend among 5 cases: toegekend hidden, and not derivable from the total or its siblings', () => {
    // Grants: € 980 for one case, € 5 each for four more (5 cases, € 1.000). Mandaat: 5 other cases, € 100 each.
    const boekingen = [grant('case-groot', 98_000, OP(4), { categorie: 'financien' }), ...reeks('case-k', 4, 500, OP(4), { categorie: 'financien' }), ...reeks('case-m', 5, 10_000, OP(4), { mandaat: true })];
    const r = rapportMet(boekingen, 1_000_000);
    expect(r.budget.toegekendCents).to.deep.equal(afgeschermd);
    // Geboekt (€ 1.500, the big case 65 %) shows through resterend, so mandaat goes too: else toegekend = geboekt − mandaat.
    expect(r.budget.resterendCents).to.deep.equal(shown(1_000_000 - 150_000));
    expect(r.budget.mandaat.cents).to.deep.equal(afgeschermd);
    // The one category is toegekend itself; April is geboekt (not dominated), May and June are 0.
    expect(r.budget.perCategorie.map((c) => c.cents)).to.deep.equal([afgeschermd]);
    expect(r.budget.perMaand.map((m) => m.cents)).to.deep.equal([shown(150_000), shown(0), shown(0)]);
    // Every shown amount: none gives € 980 or its complement.
    const getoond = [r.budget.resterendCents, ...r.budget.perMaand.map((m) => m.cents), ...r.budget.perCategorie.map((c) => c.cents), r.budget.mandaat.cents].flatMap((c) => (c && !c.onderdrukt ? [c.waarde] : []));
    expect(getoond).to.not.include(98_000);
    expect(getoond).to.not.include(100_000);
    expect(getoond).to.not.include(50_000);
    // Without the rule all 5 grants show (5 cases is the drempel): the card would read € 1.000, that household's grant.
  });

  it('with no mandaat, geboekt is toegekend: both hidden, and resterend with them (the budget set minus resterend would give it)', () => {
    const r = rapportMet([grant('case-groot', 98_000), ...reeks('case-k', 4, 500)], 1_000_000);
    expect([r.budget.toegekendCents, r.budget.resterendCents, r.budget.mandaat.cents]).to.deep.equal([afgeschermd, afgeschermd, shown(0)]);
    expect(r.budget.perMaand.map((m) => m.cents)).to.deep.equal([afgeschermd, shown(0), shown(0)]);
  });

  it('a per-month cell dominated by one grant: hidden (afgeschermd) with a complement, though it has 5 cases', () => {
    // April: € 2.000 for one case, € 10 each for four more (98 %). May and June: 5 cases of € 500 each.
    const boekingen = [grant('case-groot', 200_000, OP(4)), ...reeks('case-k', 4, 1_000, OP(4)), ...reeks('case-mei', 5, 50_000, OP(5)), ...reeks('case-juni', 5, 50_000, OP(6))];
    const r = rapportMet(boekingen);
    // May goes with April (the first of the two equal smallest); their sum (€ 4.540, the big case 44 %) is from 10 cases.
    expect(r.budget.perMaand.map((m) => m.cents)).to.deep.equal([afgeschermd, afgeschermd, shown(250_000)]);
    // The whole (€ 7.040, 15 cases) is not one case's: it shows.
    expect(r.budget.toegekendCents).to.deep.equal(shown(704_000));
  });

  it('the hidden sum: a dominated month and a small complement would give that grant by subtraction, so a third month is hidden', () => {
    // April dominated (€ 2.000 of € 2.040); May the smallest shown (5 cases, € 50); June 10 cases, € 10.000.
    // April + May = € 2.090 from 10 cases: enough cases, but 96 % one case's; toegekend − June would give it. So June too.
    const boekingen = [grant('case-groot', 200_000, OP(4)), ...reeks('case-k', 4, 1_000, OP(4)), ...reeks('case-mei', 5, 1_000, OP(5)), ...reeks('case-juni', 10, 100_000, OP(6))];
    const r = rapportMet(boekingen);
    expect(r.budget.toegekendCents).to.deep.equal(shown(1_209_000));
    expect(r.budget.perMaand.map((m) => m.cents)).to.deep.equal([afgeschermd, afgeschermd, afgeschermd]);
  });
});

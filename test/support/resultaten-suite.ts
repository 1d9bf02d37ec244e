import { expect } from 'chai';
import { DateTime } from 'luxon';
import { MemoryAuditLog } from '../../services/adapters/memory/memory-audit-log';
import { BudgetLedger, type BudgetYearDocument } from '../../services/budget/ledger';
import type { Actor } from '../../services/domain/model/roles';
import { aggregeer } from '../../services/domain/resultaten/aggregeer';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import type { CaseStore } from '../../services/ports/case-store';
import { FixedClock, ZONE } from '../../services/ports/clock';
import type { VersionedStore } from '../../services/ports/versioned-store';
import { ResultatenService } from '../../services/resultaten/resultaten-service';
import { maakPopulatie, TEAM, type Populatie } from './resultaten-populatie';

/** Where the service reads from: a case store and the ledger's documents, on one adapter. */
export interface ResultatenBackend {
  readonly store: CaseStore;
  readonly budgets: VersionedStore<BudgetYearDocument>;
  dispose(): Promise<void>;
}

const LEIDINGGEVENDE: Actor = { userId: 'aad-leidinggevende-1', orgRoles: ['leidinggevende'] };
const BESTUURDER: Actor = { userId: 'aad-bestuurder-1', orgRoles: ['bestuurder'] };

/**
 * The ResultatenService over a real adapter, written once: the population stored through the adapter and the report
 * compared with the aggregation of every case in memory (so the store's listing lost no case that counts, over
 * several pages), the default period, the role refusal and the audit trail.
 */
export function describeResultatenService(name: string, open: () => Promise<ResultatenBackend>, aantal: number): void {
  describe(`ResultatenService over ${name}`, function () {
    this.timeout(120_000);
    let p: Populatie;
    let backend: ResultatenBackend;
    before(async () => {
      p = maakPopulatie({ seed: 29, aantal });
      backend = await open();
      for (let i = 0; i < p.cases.length; i += 25) await Promise.all(p.cases.slice(i, i + 25).map((c) => backend.store.create(c)));
      for (const doc of p.ledger) await backend.budgets.create(`${doc.teamId}:${doc.year}`, doc);
    });
    after(() => backend.dispose());

    const service = (drempel?: number) => {
      const audit = new MemoryAuditLog();
      const clock = new FixedClock(p.nu);
      const kalender = createWerkdagKalender();
      const ledger = new BudgetLedger(backend.budgets);
      return { audit, service: new ResultatenService({ store: backend.store, ledger, audit, clock, kalender, ...(drempel ? { drempel } : {}) }) };
    };
    const direct = (periode: string, drempel: number, budget: { vastgesteldCents?: number; years: number[] }) =>
      aggregeer({
        teamId: TEAM, periode, casussen: p.cases, nu: DateTime.fromISO(p.nu, { zone: ZONE }), drempel, kalender: createWerkdagKalender(),
        budget: { ...(budget.vastgesteldCents !== undefined ? { vastgesteldCents: budget.vastgesteldCents } : {}), boekingen: p.ledger.filter((d) => d.teamId === TEAM && budget.years.includes(d.year)).flatMap((d) => d.bookings) },
      });

    it('a quarter of a quarter-budgeted year, drempel 1 and 5: the same report as aggregating every case in memory', async () => {
      for (const drempel of [1, 5]) {
        const r = await service(drempel).service.rapport(LEIDINGGEVENDE, { teamId: TEAM, periode: '2026-Q2' });
        expect(r).to.deep.equal(direct('2026-Q2', drempel, { vastgesteldCents: 250_000_000, years: [2026] }));
        expect(r.casussen.geopend).to.have.property('waarde').that.is.greaterThan(5);
      }
    });

    it('a year budgeted as a whole: the year; a year without a budget: the year, with no amount set', async () => {
      const { service: s } = service(1);
      const jaar = await s.rapport(BESTUURDER, { teamId: TEAM, periode: '2025' });
      expect(jaar).to.deep.equal(direct('2025', 1, { vastgesteldCents: 900_000_000, years: [2025] }));
      // Not the lopende periode: no open cases per step.
      expect(jaar.casussen.perStap).to.deep.equal([]);
      const leeg = await s.rapport(BESTUURDER, { teamId: TEAM, periode: '2024' });
      expect(leeg).to.deep.equal(direct('2024', 1, { years: [] }));
      expect(leeg.budget).to.not.have.any.keys('vastgesteldCents', 'resterendCents');
    });

    it('one kind of period per year (no differencing of overlapping reports): the other kind refused in Dutch, audited as denied', async () => {
      const { service: s, audit } = service();
      const refusal = (periode: string) =>
        s.rapport(BESTUURDER, { teamId: TEAM, periode }).then(
          () => undefined,
          (e: { code: string; userMessage: string }) => ({ code: e.code, userMessage: e.userMessage }),
        );
      expect(await refusal('2026')).to.deep.equal({
        code: 'RESULTATEN.PERIODE_SOORT',
        userMessage: 'Het team heeft voor 2026 kwartaalbudgetten; vraag de resultaten per kwartaal, bijvoorbeeld resultaten 2026-Q1.',
      });
      expect(await refusal('2025-q3')).to.deep.equal({
        code: 'RESULTATEN.PERIODE_SOORT',
        userMessage: 'Het team heeft voor 2025 een jaarbudget; vraag de resultaten van het hele jaar: resultaten 2025.',
      });
      expect((await refusal('2024-Q1'))?.userMessage).to.equal('Het team heeft voor 2024 geen kwartaalbudgetten; vraag de resultaten van het hele jaar: resultaten 2024.');
      expect(audit.entries.map((e) => [e.actorId, e.action, e.operation])).to.deep.equal([
        [BESTUURDER.userId, 'denied', `resultaten:${TEAM}:2026`],
        [BESTUURDER.userId, 'denied', `resultaten:${TEAM}:2025-Q3`],
        [BESTUURDER.userId, 'denied', `resultaten:${TEAM}:2024-Q1`],
      ]);
    });

    it('without a period: the one a grant draws on now (2026-Q4); the audit trail says who asked for which team and period', async () => {
      const { service: s, audit } = service();
      const r = await s.rapport(LEIDINGGEVENDE, { teamId: TEAM });
      expect([r.periode, r.drempel, r.van, r.tot]).to.deep.equal(['2026-Q4', 5, '2026-10-01', '2026-12-31']);
      // The lopende periode: with the open cases per step.
      expect(r.casussen.perStap).to.have.length(9);
      expect(audit.entries).to.deep.equal([{ at: p.nu, actorId: LEIDINGGEVENDE.userId, caseId: '*', action: 'report', operation: `resultaten:${TEAM}:2026-Q4` }]);
    });

    it('refused in Dutch for anyone but a leidinggevende, beheerder or bestuurder, and a bad period; both audited', async () => {
      const { service: s, audit } = service();
      const refusal = (actor: Actor, periode?: string) =>
        s.rapport(actor, { teamId: TEAM, ...(periode ? { periode } : {}) }).then(
          () => undefined,
          (e: { code: string; userMessage: string }) => ({ code: e.code, userMessage: e.userMessage }),
        );
      expect(await refusal({ userId: 'aad-regisseur-1', orgRoles: [] }, '2026-Q2')).to.deep.equal({
        code: 'RESULTATEN.NOT_ALLOWED', userMessage: 'Alleen een leidinggevende, beheerder of bestuurder kan de resultaten zien.',
      });
      expect((await refusal({ userId: 'aad-aanjager-1', orgRoles: ['aanjager', 'procesregisseur'] }))?.code).to.equal('RESULTATEN.NOT_ALLOWED');
      expect(await refusal({ userId: 'aad-beheerder-1', orgRoles: ['beheerder'] }, '2026-Q5')).to.deep.equal({
        code: 'RESULTATEN.INVALID_PERIOD', userMessage: '"2026-Q5" is geen periode. Geef een jaar (2026) of een kwartaal (2026-Q4).',
      });
      expect(audit.entries.map((e) => [e.actorId, e.action, e.operation, e.caseId])).to.deep.equal([
        ['aad-regisseur-1', 'denied', `resultaten:${TEAM}:2026-Q2`, '*'],
        ['aad-aanjager-1', 'denied', `resultaten:${TEAM}:huidig`, '*'],
        ['aad-beheerder-1', 'denied', `resultaten:${TEAM}:ongeldig`, '*'],
      ]);
    });
  });
}

import { expect } from 'chai';
import { BudgetLedger, booked, budgetDocument, bookedUnderMandaat, type BudgetYearDocument, type PeriodBudget } from '../../services/budget/ledger';
import { MandaatService } from '../../services/budget/mandaat-service';
import { CaseService } from '../../services/cases/case-service';
import { CosmosCaseStore } from '../../services/adapters/cosmos/cosmos-case-store';
import { CosmosVersionedStore } from '../../services/adapters/cosmos/cosmos-versioned-store';
import { FileCaseStore } from '../../services/adapters/file/file-case-store';
import { FileVersionedStore } from '../../services/adapters/file/file-versioned-store';
import { MemoryAuditLog } from '../../services/adapters/memory/memory-audit-log';
import { MemoryCaseStore } from '../../services/adapters/memory/memory-case-store';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import type { CaseStore } from '../../services/ports/case-store';
import { FixedClock } from '../../services/ports/clock';
import type { VersionedStore } from '../../services/ports/versioned-store';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-server';
import { caseAt, PEOPLE, T0 } from '../support/stappenplan-driver';
import { codeOf } from '../support/error-code';
import { useTempDir } from '../support/temp-dir';

const TEAM = 'wijkteam-noord';
const uitgave = (i: number, amountCents: number) => ({
  uitgaveId: `uitgave-${String(i).padStart(4, '0')}`, amountCents, doel: 'treinkaartje', waarom: 'Naar de zitting bij de rechtbank.', categorie: 'justitie' as const,
});

interface Stores { readonly cases: CaseStore; readonly budgets: VersionedStore<BudgetYearDocument> }

function describeMandaat(name: string, open: () => Promise<Stores>): void {
  describe(`mandaat of the casusregisseur under concurrency: ${name}`, function () {
    this.timeout(120_000);

    async function setUp(budgetCents = 1_000_000) {
      const stores = await open();
      const ledger = new BudgetLedger(stores.budgets, { backoffMs: 1 });
      const clock = new FixedClock(T0);
      // Enough attempts that every spending is decided by the mandaat, not given up on by contention.
      const cases = new CaseService({ store: stores.cases, audit: new MemoryAuditLog(), clock, policy: DEFAULT_APPROVAL_POLICY, kalender: createWerkdagKalender(), maxAttempts: 200 });
      const caseId = (await stores.cases.create(caseAt('uitvoering').case)).case.id;
      await ledger.setBudget({ teamId: TEAM, period: '2026', amountCents: budgetCents, by: 'aad-beheerder-1', at: T0.toUTC().toISO() as string });
      return { ledger, cases, caseId, mandaat: new MandaatService({ cases, ledger, clock }) };
    }

    it('50 concurrent presses of one spending book it once and record it once', async () => {
      const { ledger, cases, caseId, mandaat } = await setUp();
      const results = await Promise.all(Array.from({ length: 50 }, () => mandaat.spend(PEOPLE.regisseur, caseId, uitgave(1, 2_500))));
      expect(results.filter((r) => !r.alreadySpent).length).to.be.at.most(1);
      const c = (await cases.get(PEOPLE.regisseur, caseId)).case;
      expect(c.mandaatUitgaven?.map((u) => u.id)).to.deep.equal(['uitgave-0001']);
      const budget = (await ledger.get(TEAM, '2026')) as PeriodBudget;
      // The spending's leefgebied is on the case and on the booking, as stored (memory, files, Cosmos DB).
      expect(c.mandaatUitgaven?.map((u) => u.categorie)).to.deep.equal(['justitie']);
      expect(budget.bookings.map((b) => [b.requestId, b.amountCents, b.mandaat, b.categorie])).to.deep.equal([['uitgave-0001', 2_500, true, 'justitie']]);
    });

    it('50 different concurrent spendings never exceed the mandaat nor overdraw the ledger; the ledger holds exactly what the case holds', async () => {
      const { ledger, cases, caseId, mandaat } = await setUp(20_000);
      const codes = await Promise.all(Array.from({ length: 50 }, (_, i) => codeOf(mandaat.spend(PEOPLE.regisseur, caseId, uitgave(i, 3_000)))));
      for (const code of codes) if (code !== undefined) expect(['MANDAAT.OP', 'BUDGET.INSUFFICIENT']).to.include(code);
      const c = (await cases.get(PEOPLE.regisseur, caseId)).case;
      const spent = (c.mandaatUitgaven ?? []).reduce((sum, u) => sum + u.amountCents, 0);
      const budget = (await ledger.get(TEAM, '2026')) as PeriodBudget;
      // The budget (€ 200) is below the mandaat (€ 250): six spendings of € 30 fit, and the seventh would overdraw.
      expect(codes.filter((code) => code === undefined)).to.have.length(6);
      expect(spent).to.equal(18_000);
      expect(booked(budget)).to.equal(spent);
      expect(bookedUnderMandaat(budget)).to.equal(spent);
      expect(budget.bookings.map((b) => b.requestId).sort()).to.deep.equal((c.mandaatUitgaven ?? []).map((u) => u.id).sort());
    });

    it('with budget to spare, 50 different concurrent spendings stop at the mandaat exactly', async () => {
      const { ledger, cases, caseId, mandaat } = await setUp();
      const codes = await Promise.all(Array.from({ length: 50 }, (_, i) => codeOf(mandaat.spend(PEOPLE.regisseur, caseId, uitgave(i, 2_500)))));
      expect(codes.filter((code) => code === undefined)).to.have.length(10);
      expect(codes.filter((code) => code === 'MANDAAT.OP')).to.have.length(40);
      const c = (await cases.get(PEOPLE.regisseur, caseId)).case;
      expect((c.mandaatUitgaven ?? []).reduce((sum, u) => sum + u.amountCents, 0)).to.equal(25_000);
      expect(booked((await ledger.get(TEAM, '2026')) as PeriodBudget)).to.equal(25_000);
    });
  });
}

describeMandaat('in memory', async () => ({ cases: new MemoryCaseStore(), budgets: new MemoryVersionedStore(budgetDocument) }));

describe('mandaat on files', () => {
  const tmp = useTempDir('mandaat');
  let n = 0;
  describeMandaat('embedded files', async () => {
    const dir = `${tmp.path}/run-${++n}`;
    return { cases: await FileCaseStore.open({ dir }), budgets: await FileVersionedStore.open(dir, 'budgets', budgetDocument) };
  });
});

describe('mandaat on Cosmos DB (real SDK, local server)', () => {
  let server: CosmosTestServer;
  before(async () => {
    server = await startCosmosTestServer();
  });
  after(() => server.close());
  describeMandaat('Cosmos DB', async () => {
    const database = server.freshDatabase();
    return { cases: await CosmosCaseStore.open(server.client(), database), budgets: await CosmosVersionedStore.open(server.client(), database, 'budgets', budgetDocument) };
  });
});

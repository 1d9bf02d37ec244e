import { expect } from 'chai';
import { BudgetLedger, budgetDocument, booked, remaining, type BudgetYearDocument, type PeriodBudget } from '../../services/budget/ledger';
import { CosmosVersionedStore } from '../../services/adapters/cosmos/cosmos-versioned-store';
import type { VersionedStore } from '../../services/ports/versioned-store';
import { FileVersionedStore } from '../../services/adapters/file/file-versioned-store';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-server';
import { useTempDir } from '../support/temp-dir';

const AT = '2026-11-23T09:00:00.000Z';
const grant = (i: number, amountCents = 12_500) => ({ requestId: `verzoek-${String(i).padStart(4, '0')}`, caseId: `casus-${String(i).padStart(4, '0')}`, amountCents, at: AT, by: 'aad-leidinggevende-1' });

function describeLedger(name: string, open: () => Promise<VersionedStore<BudgetYearDocument>>): void {
  describe(`doorbraakbudget ledger: ${name}`, function () {
    this.timeout(120_000);

    it('200 concurrent grants: never below zero, and the granted sum is exactly what is booked', async () => {
      const ledger = new BudgetLedger(await open());
      await ledger.setBudget({ teamId: 'wijkteam-noord', period: '2026', amountCents: 1_000_000, by: 'aad-beheerder-1', at: AT });
      const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => ledger.book('wijkteam-noord', '2026', grant(i))));
      const granted = results.filter((r) => r.status === 'fulfilled').length;
      for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).to.equal('BUDGET.INSUFFICIENT');
      const budget = (await ledger.get('wijkteam-noord', '2026')) as PeriodBudget;
      expect(granted).to.equal(80);
      expect(booked(budget)).to.equal(granted * 12_500);
      expect(remaining(budget)).to.equal(0);
      expect(new Set(budget.bookings.map((b) => b.requestId)).size).to.equal(budget.bookings.length);
    });

    it('a booking retried 100 times at once is booked once', async () => {
      const ledger = new BudgetLedger(await open());
      await ledger.setBudget({ teamId: 't1', period: '2026-Q4', amountCents: 500_000, by: 'aad-beheerder-1', at: AT });
      const results = await Promise.all(Array.from({ length: 100 }, () => ledger.book('t1', '2026-Q4', grant(1, 125_000))));
      expect(results.filter((r) => !r.alreadyBooked)).to.have.length(1);
      const budget = (await ledger.get('t1', '2026-Q4')) as PeriodBudget;
      expect(budget.bookings).to.have.length(1);
      expect(remaining(budget)).to.equal(375_000);
    });

    it('refuses to book without a budget, to overdraw, or to set the budget below what is granted, in Dutch', async () => {
      const ledger = new BudgetLedger(await open());
      expect(await ledger.book('t2', '2026', grant(1)).catch((e: { code: string }) => e.code)).to.equal('BUDGET.NOT_SET');
      await ledger.setBudget({ teamId: 't2', period: '2026', amountCents: 100_000, by: 'b', at: AT });
      const over = await ledger.book('t2', '2026', grant(2, 150_000)).catch((e: unknown) => e);
      expect(over).to.include({ code: 'BUDGET.INSUFFICIENT', userMessage: 'Het doorbraakbudget heeft nog €\u00a01.000,00; €\u00a01.500,00 past daar niet in.' });
      await ledger.book('t2', '2026', grant(3, 80_000));
      const lower = await ledger.setBudget({ teamId: 't2', period: '2026', amountCents: 50_000, by: 'b', at: AT }).catch((e: unknown) => e);
      expect(lower).to.include({ code: 'BUDGET.BELOW_BOOKED' });
      expect(remaining((await ledger.get('t2', '2026')) as PeriodBudget)).to.equal(20_000);
    });
  });
}

describeLedger('in memory', async () => new MemoryVersionedStore(budgetDocument));

describe('ledger on files', () => {
  const tmp = useTempDir('budget');
  describeLedger('embedded files', () => FileVersionedStore.open(tmp.path, 'budgets', budgetDocument));
});

describe('ledger on Cosmos DB (real SDK, local server)', () => {
  let server: CosmosTestServer;
  before(async () => {
    server = await startCosmosTestServer();
  });
  after(() => server.close());
  describeLedger('Cosmos DB', () => CosmosVersionedStore.open(server.client(), server.freshDatabase(), 'budgets', budgetDocument));
});

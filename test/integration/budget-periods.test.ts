/**
 * One budget period for setting, booking and showing: a year has one year budget or quarter budgets, and a grant
 * draws on the period that holds its date (in Helmond's time). Documents of the first version are read as the year's.
 */
import { expect } from 'chai';
import { BudgetLedger, budgetDocument, remaining, type BudgetYearDocument } from '../../services/budget/ledger';
import { periodsAt } from '../../services/budget/period';
import { MemoryVersionedStore } from '../../services/adapters/memory/memory-versioned-store';
import { codeOf } from '../support/error-code';

const AT = '2026-11-23T09:00:00.000Z';
const grant = (i: number, at: string, amountCents = 10_000) => ({ requestId: `verzoek-${i}`, caseId: `casus-${i}`, amountCents, at, by: 'aad-leidinggevende-1' });

describe('doorbraakbudget periods', () => {
  it('knows the year and quarter of a moment in Helmond, also around new year and the quarter boundaries', () => {
    expect(periodsAt('2026-11-23T09:00:00.000Z')).to.deep.equal({ year: '2026', quarter: '2026-Q4' });
    expect(periodsAt('2026-12-31T23:30:00.000Z')).to.deep.equal({ year: '2027', quarter: '2027-Q1' });
    expect(periodsAt('2026-03-31T22:30:00.000Z')).to.deep.equal({ year: '2026', quarter: '2026-Q2' });
    expect(periodsAt('2026-06-30T21:59:59.000Z')).to.deep.equal({ year: '2026', quarter: '2026-Q2' });
    expect(periodsAt('2026-06-30T22:00:00.000Z')).to.deep.equal({ year: '2026', quarter: '2026-Q3' });
  });

  it('a quarter-budgeted year: each grant draws on the quarter that holds its date', async () => {
    const ledger = new BudgetLedger(new MemoryVersionedStore(budgetDocument));
    for (const [period, amountCents] of [['2026-Q3', 50_000], ['2026-Q4', 30_000]] as const) {
      await ledger.setBudget({ teamId: 't', period, amountCents, by: 'b', at: AT });
    }
    const q3 = await ledger.bookAt('t', grant(1, '2026-09-30T21:00:00.000Z'));
    const q4 = await ledger.bookAt('t', grant(2, '2026-09-30T22:30:00.000Z', 20_000));
    expect([q3.period, q4.period]).to.deep.equal(['2026-Q3', '2026-Q4']);
    expect(remaining((await ledger.get('t', '2026-Q3'))!)).to.equal(40_000);
    expect(remaining((await ledger.get('t', '2026-Q4'))!)).to.equal(10_000);
    expect(await ledger.budgetAt('t', AT)).to.deep.include({ period: '2026-Q4' });
    // No Q2 budget: a grant dated in Q2 cannot be booked, and the year is not drawn on instead.
    expect(await codeOf(ledger.bookAt('t', grant(3, '2026-05-01T10:00:00.000Z')))).to.equal('BUDGET.NOT_SET');
    expect(await codeOf(ledger.bookAt('t', grant(4, AT, 20_000)))).to.equal('BUDGET.INSUFFICIENT');
  });

  it('a year-budgeted year: every grant of the year draws on it; nothing is shared across years', async () => {
    const ledger = new BudgetLedger(new MemoryVersionedStore(budgetDocument));
    await ledger.setBudget({ teamId: 't', period: '2026', amountCents: 100_000, by: 'b', at: AT });
    expect((await ledger.bookAt('t', grant(1, '2026-02-01T10:00:00.000Z'))).period).to.equal('2026');
    expect((await ledger.bookAt('t', grant(2, AT))).period).to.equal('2026');
    expect(remaining((await ledger.get('t', '2026'))!)).to.equal(80_000);
    expect(await ledger.budgetAt('t', '2027-01-02T10:00:00.000Z')).to.deep.equal({ period: '2027', budget: undefined });
  });

  it('refuses a quarter budget beside a year budget and the other way round, in Dutch', async () => {
    const ledger = new BudgetLedger(new MemoryVersionedStore(budgetDocument));
    await ledger.setBudget({ teamId: 't', period: '2026', amountCents: 100_000, by: 'b', at: AT });
    const quarter = await ledger.setBudget({ teamId: 't', period: '2026-Q4', amountCents: 1, by: 'b', at: AT }).catch((e: unknown) => e);
    expect(quarter).to.include({ code: 'BUDGET.PERIOD_MIXED' });
    expect((quarter as { userMessage: string }).userMessage).to.match(/^Voor 2026 is een jaarbudget vastgesteld; een kwartaalbudget kan daar niet naast\./);
    await ledger.setBudget({ teamId: 't', period: '2027-Q1', amountCents: 100_000, by: 'b', at: AT });
    expect(await codeOf(ledger.setBudget({ teamId: 't', period: '2027', amountCents: 1, by: 'b', at: AT }))).to.equal('BUDGET.PERIOD_MIXED');
  });

  it('refuses an amount above the maximum or below zero, in Dutch, and changes nothing', async () => {
    const ledger = new BudgetLedger(new MemoryVersionedStore(budgetDocument));
    const high = await ledger.setBudget({ teamId: 't', period: '2026', amountCents: 1_000_000_001, by: 'b', at: AT }).catch((e: unknown) => e);
    expect(high).to.include({ code: 'BUDGET.INVALID_AMOUNT', userMessage: 'Dat bedrag is te hoog; het budget kan hooguit €\u00a010.000.000,00 zijn.' });
    expect(await codeOf(ledger.setBudget({ teamId: 't', period: '2026', amountCents: -1, by: 'b', at: AT }))).to.equal('BUDGET.INVALID_AMOUNT');
    expect(await ledger.get('t', '2026')).to.equal(undefined);
  });

  it('release takes back the booking of the year of its moment, and only that one', async () => {
    const ledger = new BudgetLedger(new MemoryVersionedStore(budgetDocument));
    await ledger.setBudget({ teamId: 't', period: '2026-Q4', amountCents: 50_000, by: 'b', at: AT });
    await ledger.bookAt('t', grant(1, AT));
    await ledger.bookAt('t', grant(2, AT));
    await ledger.release('t', AT, 'verzoek-1');
    await ledger.release('t', AT, 'verzoek-1');
    expect((await ledger.get('t', '2026-Q4'))?.bookings.map((b) => b.requestId)).to.deep.equal(['verzoek-2']);
  });

  it('reads a year document of the first version (one per team and period) as the year budget', async () => {
    const store = new MemoryVersionedStore(budgetDocument);
    const v1 = { schemaVersion: 1, teamId: 't', period: '2026', amountCents: 100_000, setBy: 'b', setAt: AT, bookings: [{ ...grant(1, AT), amountCents: 25_000 }] };
    await store.create('t:2026', v1 as unknown as BudgetYearDocument);
    const ledger = new BudgetLedger(store);
    expect(remaining((await ledger.get('t', '2026'))!)).to.equal(75_000);
    expect((await ledger.bookAt('t', grant(1, AT))).alreadyBooked).to.equal(true);
    expect((await ledger.bookAt('t', grant(2, AT))).budget.bookings).to.have.length(2);
  });
});

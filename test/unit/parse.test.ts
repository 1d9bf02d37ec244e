import { expect } from 'chai';
import { DATE_FUTURE, DATE_PAST, DATE_UNREADABLE, futureDateRefusal, parseDutchDate, parseEuroCents, parseSignedEuroCents, upcomingDate } from '../../bot/parse';
import { T0 } from '../support/stappenplan-driver';

describe('parsing what professionals type', () => {
  const dates: [string, string | undefined][] = [
    ['26-11-2026', '2026-11-26'],
    ['3/12/2026', '2026-12-03'],
    ['2026-12-03', '2026-12-03'],
    ['26-11', '2026-11-26'],
    ['1-2', '2027-02-01'],
    ['31-02-2027', undefined],
    ['morgen', undefined],
    ['26-13-2026', undefined],
  ];
  for (const [text, expected] of dates) it(`date ${JSON.stringify(text)} → ${expected}`, () => expect(parseDutchDate(text, T0)).to.equal(expected));

  const amounts: [string, number | undefined][] = [
    ['€ 1.250,00', 125_000],
    ['1250', 125_000],
    ['1.250', 125_000],
    ['1250,5', 125_050],
    ['€1250,05', 125_005],
    ['1,250.00', undefined],
    ['twaalfhonderd', undefined],
    ['-50', undefined],
  ];
  for (const [text, expected] of amounts) it(`amount ${JSON.stringify(text)} → ${expected}`, () => expect(parseEuroCents(text)).to.equal(expected));

  const signed: [string, number | undefined][] = [
    ['-50', -5000],
    ['€ -1.250,00', -125_000],
    ['- € 12,5', -1250],
    ['1250', 125_000],
    ['--5', undefined],
    ['-twaalf', undefined],
  ];
  for (const [text, expected] of signed) it(`signed amount ${JSON.stringify(text)} → ${expected}`, () => expect(parseSignedEuroCents(text)).to.equal(expected));

  const upcoming: [string, { date: string } | { refusal: string }][] = [
    ['23-11-2026', { date: '2026-11-23' }],
    ['30-11', { date: '2026-11-30' }],
    ['22-11-2026', { refusal: DATE_PAST }],
    ['31-02-2027', { refusal: DATE_UNREADABLE }],
    ['volgende week', { refusal: DATE_UNREADABLE }],
  ];
  for (const [text, expected] of upcoming) it(`date for something still to happen ${JSON.stringify(text)}`, () => expect(upcomingDate(text, T0)).to.deep.equal(expected));

  it('a date of something that already happened may be today (in Helmond) or earlier, not later', () => {
    const today = T0.setZone('Europe/Amsterdam').toISODate() as string;
    const tomorrow = T0.setZone('Europe/Amsterdam').plus({ days: 1 }).toISODate() as string;
    expect([futureDateRefusal('2020-01-01', T0), futureDateRefusal(today, T0), futureDateRefusal(tomorrow, T0)]).to.deep.equal([undefined, undefined, DATE_FUTURE]);
  });
});

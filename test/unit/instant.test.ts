import { expect } from 'chai';
import { instant } from '../../services/domain/model/fields';

describe('instant: every stored moment in UTC', () => {
  const CASES: [sent: string, stored: string][] = [
    ['2026-11-29T17:00:00+01:00', '2026-11-29T16:00:00.000Z'],
    ['2026-03-29T03:30:00+02:00', '2026-03-29T01:30:00.000Z'],
    ['2026-11-29T16:00:00Z', '2026-11-29T16:00:00.000Z'],
    ['2026-11-29T16:00:00.5Z', '2026-11-29T16:00:00.500Z'],
    ['2026-11-29T16:00:00.123456-05:00', '2026-11-29T21:00:00.123Z'],
    ['2026-11-29T16:00:00.000Z', '2026-11-29T16:00:00.000Z'],
  ];
  for (const [sent, stored] of CASES) {
    it(`stores ${sent} as ${stored}`, () => expect(instant.parse(sent)).to.equal(stored));
  }

  it('makes text order time order, whatever offset was sent', () => {
    const sent = ['2026-11-29T17:30:00+01:00', '2026-11-29T16:15:00Z', '2026-11-29T12:00:00-05:00', '2026-11-29T18:00:00+03:00'];
    const stored = sent.map((s) => instant.parse(s));
    expect([...stored].sort()).to.deep.equal([...stored].sort((a, b) => Date.parse(a) - Date.parse(b)));
    expect([...stored].sort()).to.deep.equal(['2026-11-29T15:00:00.000Z', '2026-11-29T16:15:00.000Z', '2026-11-29T16:30:00.000Z', '2026-11-29T17:00:00.000Z']);
  });

  it('refuses what is no moment, in Dutch', () => {
    for (const bad of ['gisteren', '2026-11-29', '2026-13-01T10:00:00Z', '2026-11-29T10:00:00']) {
      const result = instant.safeParse(bad);
      expect(result.success, bad).to.equal(false);
      expect(result.error?.issues[0]?.message).to.equal('Geef een geldig tijdstip op.');
    }
  });
});

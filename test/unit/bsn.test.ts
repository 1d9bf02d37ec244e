import { expect } from 'chai';
import { containsBsn, passesElfproef } from '../../services/domain/text/bsn';

describe('BSN detection (elfproef)', () => {
  const cases: [string, boolean][] = [
    ['123456782', true],
    ['111222333', true],
    ['123456789', false],
    ['000000000', false],
    ['12345678', false],
  ];
  for (const [digits, expected] of cases) {
    it(`${digits} ${expected ? 'passes' : 'fails'} the elfproef`, () => {
      expect(passesElfproef(digits)).to.equal(expected);
    });
  }

  const texts: [string, boolean][] = [
    ['Mijn BSN is 123456782.', true],
    ['bsn: 123 456 782', true],
    ['123.456.782', true],
    ['123-456-782', true],
    ['Bel 0612345678 na vijven', false],
    ['Huurachterstand € 1.250,00 sinds 2026-01-01', false],
    ['Kenmerk 1234567820 is tien cijfers', false],
    ['geen nummer', false],
  ];
  for (const [text, expected] of texts) {
    it(`${JSON.stringify(text)} ${expected ? 'contains' : 'does not contain'} a BSN`, () => {
      expect(containsBsn(text)).to.equal(expected);
    });
  }
});

import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { RememberingZone, ZONE } from '../../services/ports/clock';

describe('the product time zone (offsets remembered per quarter hour)', () => {
  const intl = new IANAZone('Europe/Amsterdam');

  it('has the offset Intl gives on both sides of the 2026 summer- and wintertime changes, to the millisecond', () => {
    const zone = new RememberingZone('Europe/Amsterdam');
    for (const change of ['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']) {
      const at = DateTime.fromISO(change).toMillis();
      for (const ts of [at - 15 * 60_000, at - 1, at, at + 1, at + 15 * 60_000 - 1]) expect(zone.offset(ts), new Date(ts).toISOString()).to.equal(intl.offset(ts));
    }
    expect(zone.offset(DateTime.fromISO('2026-03-29T00:59:59.999Z').toMillis())).to.equal(60);
    expect(zone.offset(DateTime.fromISO('2026-03-29T01:00:00.000Z').toMillis())).to.equal(120);
  });

  it('has the offset Intl gives at any instant between 1980 and 2100, whatever was asked before', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), { minLength: 1, maxLength: 50 }), (instants) => {
        const zone = new RememberingZone('Europe/Amsterdam');
        for (const ts of instants) expect(zone.offset(ts)).to.equal(intl.offset(ts));
      }),
      { numRuns: 200 },
    );
  });

  it('converts as the named zone does: local wall time, ISO output and equality', () => {
    const local = DateTime.fromISO('2026-10-25T02:30', { zone: ZONE });
    expect(local.toISO()).to.equal(DateTime.fromISO('2026-10-25T02:30', { zone: 'Europe/Amsterdam' }).toISO());
    expect(DateTime.fromISO('2026-07-01T10:00:00Z').setZone(ZONE).toISO()).to.equal('2026-07-01T12:00:00.000+02:00');
    expect(ZONE.equals(intl)).to.equal(true);
    expect(ZONE.name).to.equal('Europe/Amsterdam');
  });
});

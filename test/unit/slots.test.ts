import { expect } from 'chai';
import { DateTime } from 'luxon';
import { findSlots } from '../../services/calendar/slots';
import { type Busy } from '../../services/ports/calendar';
import { ZONE } from '../../services/ports/clock';
import { createWerkdagKalender } from '../../services/domain/werkdagen';

const kalender = createWerkdagKalender();
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const utc = (iso: string) => local(iso).toUTC().toISO() as string;
const starts = (from: string, busy: Record<string, Busy[]> = {}, durationMinutes = 90) =>
  findSlots({ busy, from: local(from), durationMinutes }, kalender).map((i) => i.start?.setZone(ZONE).toFormat("ccc d LLL HH:mm", { locale: 'nl' }));

describe('MDO slots: werkdagen, working hours in Helmond, Dutch holidays', () => {
  const rows: [string, string, Record<string, Busy[]>, string[]][] = [
    ['on a free Monday morning: later today, then one a day', '2026-11-23T08:00', {}, ['ma 23 nov 09:00', 'di 24 nov 09:00', 'wo 25 nov 09:00']],
    ['starting late on a Friday: skips the weekend', '2026-11-27T16:00', {}, ['ma 30 nov 09:00', 'di 1 dec 09:00', 'wo 2 dec 09:00']],
    ['around Christmas: skips Kerstmis, Tweede Kerstdag and the weekend', '2026-12-24T16:30', {}, ['ma 28 dec 09:00', 'di 29 dec 09:00', 'wo 30 dec 09:00']],
    ['Koningsdag is no werkdag', '2027-04-26T16:30', {}, ['wo 28 apr 09:00', 'do 29 apr 09:00', 'vr 30 apr 09:00']],
    ['across the change to summer time on Easter Sunday 2027: Tweede Paasdag skipped, still 09:00 local', '2027-03-26T16:30', {}, ['di 30 mrt 09:00', 'wo 31 mrt 09:00', 'do 1 apr 09:00']],
    ['busy mornings push the slot to the first common free hour', '2026-11-23T08:00', {
      'aad-a': [{ start: utc('2026-11-23T09:00'), end: utc('2026-11-23T12:00') }],
      'aad-b': [{ start: utc('2026-11-23T12:00'), end: utc('2026-11-23T13:00') }, { start: utc('2026-11-24T09:00'), end: utc('2026-11-24T17:00') }],
    }, ['ma 23 nov 13:00', 'wo 25 nov 09:00', 'do 26 nov 09:00']],
  ];
  for (const [title, from, busy, expected] of rows) {
    it(title, () => expect(starts(from, busy)).to.deep.equal(expected));
  }

  it('everyone busy for ten werkdagen: no slot (the professional then picks a moment)', () => {
    const allBusy = [{ start: utc('2026-11-23T00:00'), end: utc('2026-12-31T00:00') }];
    expect(starts('2026-11-23T08:00', { 'aad-a': allBusy })).to.deep.equal([]);
  });

  it('a slot that would run past the end of the working day is not offered', () => {
    expect(starts('2026-11-23T15:00', {}, 120)).to.deep.equal(['di 24 nov 09:00', 'wo 25 nov 09:00', 'do 26 nov 09:00']);
  });
});

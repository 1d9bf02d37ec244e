import { expect } from 'chai';
import { mdoInvite } from '../../services/calendar/mdo-invite';
import { renderIcs } from '../../services/documents/ics';
import { caseAt, PEOPLE, T0 } from '../support/stappenplan-driver';

describe('MDO invite as an .ics file (no Graph configured)', () => {
  const c = caseAt('mdo').run('regisseur', { type: 'planMdo', datum: '2026-11-26', start: '2026-11-26T13:00:00.000Z', eind: '2026-11-26T14:30:00.000Z', locatie: 'thuis' }).case;
  const invite = mdoInvite(c, c.mdos[0]!, [PEOPLE.regisseur.userId]);

  it('is a standards-compliant request in UTC, with the kenmerk and the agenda, and no personal data', () => {
    const ics = renderIcs(invite, { method: 'REQUEST', stamp: T0 });
    const lines = ics.split(/\r\n/);
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    expect(lines).to.include.members(['VERSION:2.0', 'METHOD:REQUEST', 'BEGIN:VEVENT', `UID:${invite.transactionId}`, 'SEQUENCE:0',
      'DTSTART:20261126T130000Z', 'DTEND:20261126T143000Z', 'DTSTAMP:20261123T090000Z', 'SUMMARY:MDO HA-2026-7K3FQ9', 'LOCATION:Bij de inwoner thuis', 'STATUS:CONFIRMED', 'END:VCALENDAR']);
    expect(ics.replace(/\r\n /g, '')).to.contain('Gezamenlijk belang').and.contain('Evaluatie 6 weken na het MDO');
    for (const personal of ['Moeder', 'Kind (K', 'huis uit', '123456782']) expect(ics).to.not.contain(personal);
    expect(lines.every((line) => line.length <= 75)).to.equal(true);
  });

  it('a cancellation replaces the same event', () => {
    const ics = renderIcs({ ...invite, sequence: 1 }, { method: 'CANCEL', stamp: T0 });
    expect(ics).to.contain('METHOD:CANCEL').and.contain(`UID:${invite.transactionId}`).and.contain('SEQUENCE:1').and.contain('STATUS:CANCELLED');
  });
});

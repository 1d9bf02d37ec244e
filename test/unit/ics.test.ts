import { expect } from 'chai';
import { mdoInvite } from '../../services/calendar/mdo-invite';
import { renderIcs } from '../../services/documents/ics';
import { caseAt, PEOPLE, T0 } from '../support/stappenplan-driver';

/** The VEVENT's property names (before ";" or ":"), unfolded. */
const propertiesOf = (ics: string) => ics.replace(/\r\n /g, '').split(/\r\n/).map((line) => line.split(/[;:]/)[0]);

describe('MDO invite as an .ics file (no Graph configured)', () => {
  const c = caseAt('mdo').run('regisseur', { type: 'planMdo', datum: '2026-11-26', start: '2026-11-26T13:00:00.000Z', eind: '2026-11-26T14:30:00.000Z', locatie: 'thuis' }).case;
  const invite = mdoInvite(c, c.mdos[0]!, [PEOPLE.regisseur.userId]);

  it('is a standards-compliant appointment in UTC, with the kenmerk and the agenda, and no personal data', () => {
    const ics = renderIcs(invite, { kind: 'afspraak', stamp: T0 });
    const lines = ics.split(/\r\n/);
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    expect(lines).to.include.members(['VERSION:2.0', 'BEGIN:VEVENT', `UID:${invite.transactionId}`, 'SEQUENCE:0',
      'DTSTART:20261126T130000Z', 'DTEND:20261126T143000Z', 'DTSTAMP:20261123T090000Z', 'SUMMARY:MDO HA-2026-7K3FQ9', 'LOCATION:Bij de inwoner thuis', 'STATUS:CONFIRMED', 'END:VCALENDAR']);
    expect(ics.replace(/\r\n /g, '')).to.contain('Gezamenlijk belang').and.contain('Evaluatie 6 weken na het MDO');
    for (const personal of ['Moeder', 'Kind (K', 'huis uit', '123456782']) expect(ics).to.not.contain(personal);
    expect(lines.every((line) => line.length <= 75)).to.equal(true);
  });

  it('is no scheduling message without an organizer: no METHOD at all (RFC 5546 REQUEST and CANCEL need an ORGANIZER and ATTENDEEs)', () => {
    for (const kind of ['afspraak', 'annulering'] as const) {
      const properties = propertiesOf(renderIcs(invite, { kind, stamp: T0 }));
      expect(properties, kind).to.not.include('METHOD');
      expect(properties, kind).to.not.include('ORGANIZER');
      expect(properties, kind).to.not.include('ATTENDEE');
    }
  });

  it('with a known organizer it is a PUBLISH with that ORGANIZER and no ATTENDEEs (RFC 5546 \u00a73.2.1)', () => {
    const ics = renderIcs(invite, { kind: 'afspraak', stamp: T0, organizer: { name: 'Sanne de Vries', email: 'sanne@wijkteam.example' } });
    const properties = propertiesOf(ics);
    expect(ics).to.contain('METHOD:PUBLISH');
    expect(properties.filter((p) => p === 'ORGANIZER')).to.have.length(1);
    expect(ics.replace(/\r\n /g, '')).to.match(/ORGANIZER;CN="?Sanne de Vries"?:mailto:sanne@wijkteam\.example/);
    expect(properties).to.not.include('ATTENDEE');
    // Every property PUBLISH requires of a VEVENT (RFC 5546 §3.2.1): DTSTAMP, DTSTART, ORGANIZER, SUMMARY, UID.
    expect(properties).to.include.members(['DTSTAMP', 'DTSTART', 'ORGANIZER', 'SUMMARY', 'UID']);
  });

  it('a cancellation replaces the same event', () => {
    const ics = renderIcs({ ...invite, sequence: 1 }, { kind: 'annulering', stamp: T0 });
    expect(ics).to.contain(`UID:${invite.transactionId}`).and.contain('SEQUENCE:1').and.contain('STATUS:CANCELLED').and.contain('SUMMARY:Geannuleerd: MDO HA-2026-7K3FQ9');
    expect(ics).to.not.contain('METHOD:');
  });
});

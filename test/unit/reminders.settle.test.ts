import { expect } from 'chai';
import { claimReminders, settleReminders } from '../../services/domain/reminders';
import { REMINDER_REGISSEUR, reminderCase } from '../support/reminder-cases';

const PARTY = 'aad-partij-0001';
/** Tuesday 1 Dec 2026, 10:00 Amsterdam: the reminder of an action dated 26 Nov is due. */
const NOW = new Date('2026-12-01T09:00:00.000Z');

describe('reminders: what a dispatcher writes back after a send', () => {
  it('an unreachable recipient: the reminder done, the party marked, and the news for the casusregisseur listed by outboxDueAt', () => {
    const claim = claimReminders(reminderCase(PARTY, '2026-11-26'), 'bot-a', NOW, 60_000, 50);
    expect(claim?.claimed.map((r) => r.to)).to.deep.equal([PARTY]);
    const settled = settleReminders(claim!.next, 'bot-a', [{ id: claim!.claimed[0]!.id, result: 'unreachable' }], NOW);
    expect(settled.reminders.map((r) => [r.state, r.claimedBy])).to.deep.equal([['done', undefined]]);
    expect(settled.nextDueAt).to.equal(undefined);
    expect(settled.professionals.find((p) => p.userId === PARTY)?.onbereikbaarSinds).to.equal(NOW.toISOString());
    expect(settled.outbox.map((item) => item.to)).to.deep.equal([REMINDER_REGISSEUR]);
    // Without it the dispatcher's outbox listing (an index on outboxDueAt) never finds the news.
    expect(settled.outboxDueAt).to.equal(NOW.toISOString());
  });

  it('delivered: sent, the claim released, nothing due any more', () => {
    const claim = claimReminders(reminderCase(PARTY, '2026-11-26'), 'bot-a', NOW, 60_000, 50);
    const settled = settleReminders(claim!.next, 'bot-a', [{ id: claim!.claimed[0]!.id, result: 'delivered' }], NOW);
    expect(settled.reminders.map((r) => [r.state, r.sentAt, r.claimedBy, r.claimedUntil])).to.deep.equal([['sent', NOW.toISOString(), undefined, undefined]]);
    expect(settled.nextDueAt).to.equal(undefined);
    expect(settled.outboxDueAt).to.equal(undefined);
  });
});

import { expect } from 'chai';
import { DateTime } from 'luxon';
import { MemoryCaseStore } from '../../services/adapters/memory/memory-case-store';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import type { Case } from '../../services/domain/model/case';
import { withDerived } from '../../services/domain/stappenplan/derive';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import { OutboxDispatcher } from '../../services/notify/dispatcher';
import type { CaseStore } from '../../services/ports/case-store';
import type { Notifier, OutgoingMessage } from '../../services/ports/notifier';
import { reminderCase } from '../support/reminder-cases';

const PARTY = 'aad-partij-0002';
/** Tuesday 1 Dec 2026, 10:00 Amsterdam: the reminder of an action dated 26 Nov is due. */
const NOW = new Date('2026-12-01T09:00:00.000Z');
const ctx = { policy: DEFAULT_APPROVAL_POLICY, kalender: createWerkdagKalender(), now: DateTime.fromJSDate(NOW) };

function recording(): Notifier & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return { sent, send: async (_to, message) => (sent.push(message), `id-${sent.length}`), update: async () => true };
}

const dispatcherOn = (store: CaseStore, notifier: Notifier) => new OutboxDispatcher(store, notifier, { instanceId: 'bot-a', intervalMs: 1000, perConversationMs: 0, now: () => NOW });

/** The case with its action done, as a professional's write would leave it (reminders derived again). */
const actionDone = (c: Case): Case => withDerived({ ...c, deelA: { doelen: [], acties: c.deelA.acties.map((a) => ({ ...a, status: 'gedaan' as const })) } }, ctx);

describe('reminders: no longer true when they would be sent', () => {
  it('the action is done between the listing and the claim: the claim meets the new case and nothing is sent', async () => {
    const inner = new MemoryCaseStore();
    const created = await inner.create(reminderCase(PARTY, '2026-11-26'));
    expect(created.case.nextDueAt).to.equal('2026-11-27T08:00:00.000Z');
    // Someone marks the action done right after the dispatcher listed the case.
    const store: CaseStore = Object.create(inner, {
      listDue: {
        value: async (before: string, options?: Parameters<CaseStore['listDue']>[1]) => {
          const page = await inner.listDue(before, options);
          for (const listed of page.items) await inner.replace(actionDone(listed.case), listed.etag);
          return page;
        },
      },
    });
    const notifier = recording();
    expect(await dispatcherOn(store, notifier).sweep()).to.equal(0);
    expect(notifier.sent).to.deep.equal([]);
    const after = await inner.get(created.case.id);
    expect(after?.case.reminders).to.deep.equal([]);
    expect(after?.case.nextDueAt).to.equal(undefined);
  });

  it('a claimed reminder whose action the case shows done is dropped: done, never sent', async () => {
    const store = new MemoryCaseStore();
    const due = reminderCase(PARTY, '2026-11-26');
    // The reminder still stands while the action reads done (as a document written by an older version could be).
    const stale: Case = { ...due, deelA: { doelen: [], acties: due.deelA.acties.map((a) => ({ ...a, status: 'gedaan' as const })) } };
    const created = await store.create(stale);
    const notifier = recording();
    expect(await dispatcherOn(store, notifier).sweep()).to.equal(0);
    expect(notifier.sent).to.deep.equal([]);
    const after = await store.get(created.case.id);
    expect(after?.case.reminders.map((r) => [r.kind, r.state, r.claimedBy])).to.deep.equal([['actie', 'done', undefined]]);
    expect(after?.case.nextDueAt).to.equal(undefined);
  });
});

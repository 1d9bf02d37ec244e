/**
 * The turn scope: a case is read once per turn and audited once per turn; a write by someone else in the middle of
 * the turn (another bot instance, another person) is not hidden by the kept copy: the conflict forgets it and the
 * command is decided again on the fresh case. Outside a turn nothing is kept.
 */
import { expect } from 'chai';
import { CaseService } from '../../services/cases/case-service';
import { inTurn, TurnCachedCaseStore } from '../../services/cases/turn-scope';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import { MemoryAuditLog } from '../../services/adapters/memory/memory-audit-log';
import { FixedClock } from '../../services/ports/clock';
import { MemoryCaseStore } from '../../services/adapters/memory/memory-case-store';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import { sequentialIds } from '../support/bot-services';
import { CASE_STORE_KINDS, counted, OperationCounter } from '../support/counting';
import { PEOPLE, T0 } from '../support/stappenplan-driver';

describe('turn scope: one read per case per turn, and no stale writes', () => {
  const counter = new OperationCounter();
  let inner: MemoryCaseStore;
  let audit: MemoryAuditLog;
  let service: CaseService;
  /** A second bot instance on the same store. */
  let other: CaseService;

  beforeEach(() => {
    counter.reset();
    inner = new MemoryCaseStore();
    audit = new MemoryAuditLog();
    const deps = { audit, clock: new FixedClock(T0), policy: DEFAULT_APPROVAL_POLICY, kalender: createWerkdagKalender(), ids: sequentialIds() };
    service = new CaseService({ ...deps, store: new TurnCachedCaseStore(counted(inner, counter, 'case', CASE_STORE_KINDS)) });
    other = new CaseService({ ...deps, store: new TurnCachedCaseStore(inner) });
  });

  it('reads and audits a case once in a turn, however often it is asked for; again in the next turn', async () => {
    const c = await service.open(PEOPLE.regisseur, { teamId: 'w', hulpvraag: 'Ik moet het huis uit.' });
    counter.reset();
    audit.entries.length = 0;
    for (let turn = 0; turn < 2; turn++) {
      await inTurn(async () => {
        for (let i = 0; i < 5; i++) await service.get(PEOPLE.regisseur, c.id);
      });
    }
    expect(counter.get('case.read')).to.equal(2);
    expect(audit.entries.filter((e) => e.action === 'read')).to.have.length(2);
  });

  it('a copy kept by the turn cannot be changed through what a caller got', async () => {
    const c = await service.open(PEOPLE.regisseur, { teamId: 'w', hulpvraag: 'Ik moet het huis uit.' });
    await inTurn(async () => {
      const first = await service.get(PEOPLE.regisseur, c.id);
      first.case.hulpvraag = 'veranderd';
      expect((await service.get(PEOPLE.regisseur, c.id)).case.hulpvraag).to.equal('Ik moet het huis uit.');
    });
  });

  it('another instance writes in the middle of the turn: the conflict forgets the kept copy and the command is decided on the fresh case', async () => {
    const c = await service.open(PEOPLE.regisseur, { teamId: 'w', hulpvraag: 'Eerst.' });
    await inTurn(async () => {
      const seen = await service.get(PEOPLE.regisseur, c.id);
      await inTurn(() => other.execute(PEOPLE.regisseur, c.id, { type: 'recordHulpvraag', hulpvraag: 'Door de ander.' }));
      const written = await service.execute(PEOPLE.regisseur, c.id, { type: 'setHouseholdMember', member: { role: 'inwoner', label: 'Moeder (M1)' } }, seen);
      expect(written.hulpvraag).to.equal('Door de ander.');
      expect(written.household.members.map((m) => m.label)).to.deep.equal(['Moeder (M1)']);
      expect((await service.get(PEOPLE.regisseur, c.id)).case.household.members).to.have.length(1);
    });
    expect((await inner.get(c.id))?.case.hulpvraag).to.equal('Door de ander.');
  });

  it('outside a turn nothing is kept', async () => {
    const c = await service.open(PEOPLE.regisseur, { teamId: 'w' });
    counter.reset();
    await service.get(PEOPLE.regisseur, c.id);
    await service.get(PEOPLE.regisseur, c.id);
    expect(counter.get('case.read')).to.equal(2);
  });
});

import { expect } from 'chai';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import type { Actor } from '../../services/domain/model/roles';
import { CaseService } from '../../services/cases/case-service';
import type { IdSource } from '../../services/cases/ids';
import { MemoryAuditLog } from '../../services/adapters/memory/memory-audit-log';
import { FixedClock } from '../../services/ports/clock';
import { MemoryCaseStore } from '../../services/adapters/memory/memory-case-store';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import { PEOPLE, T0 } from '../support/stappenplan-driver';

function sequentialIds(): IdSource {
  let n = 0;
  let r = 0;
  const refs = ['HA-2026-AAAAAA', 'HA-2026-AAAAAA', 'HA-2026-BBBBBB', 'HA-2026-CCCCCC', 'HA-2026-DDDDDD'];
  return { newId: () => `id-${String(++n).padStart(6, '0')}`, newReference: () => refs[r++ % refs.length] as string };
}

describe('CaseService: access, audit and concurrency', () => {
  let store: MemoryCaseStore;
  let audit: MemoryAuditLog;
  let service: CaseService;
  const regisseur: Actor = PEOPLE.regisseur;
  const onbekend: Actor = PEOPLE.onbekend;

  beforeEach(() => {
    store = new MemoryCaseStore();
    audit = new MemoryAuditLog();
    service = new CaseService({ store, audit, clock: new FixedClock(T0), policy: DEFAULT_APPROVAL_POLICY, kalender: createWerkdagKalender(), ids: sequentialIds() });
  });

  it('opens a case with the actor as casusregisseur and audits the creation', async () => {
    const c = await service.open(regisseur, { teamId: 'wijkteam-noord', hulpvraag: 'Ik moet het huis uit.' });
    expect(c.step).to.equal('indienen');
    expect(c.professionals).to.have.length(1);
    expect(c.professionals[0]).to.include({ userId: regisseur.userId, role: 'casusregisseur' });
    expect(audit.entries).to.deep.equal([{ at: '2026-11-23T09:00:00.000Z', actorId: regisseur.userId, caseId: c.id, action: 'create', operation: 'open' }]);
  });

  it('draws a new kenmerk when the first one is taken', async () => {
    const first = await service.open(regisseur, { teamId: 'wijkteam-noord' });
    const second = await service.open(regisseur, { teamId: 'wijkteam-noord' });
    expect(first.reference).to.equal('HA-2026-AAAAAA');
    expect(second.reference).to.equal('HA-2026-BBBBBB');
  });

  it('a professional who is not on the case gets CASE.NOT_FOUND, exactly as for a case that does not exist, and it is audited as denied', async () => {
    const c = await service.open(regisseur, { teamId: 'wijkteam-noord' });
    const errors = await Promise.all([
      service.get(onbekend, c.id).catch((e: unknown) => e),
      service.get(onbekend, 'bestaat-niet-1').catch((e: unknown) => e),
      service.getByReference(onbekend, c.reference.toLowerCase()).catch((e: unknown) => e),
      service.execute(onbekend, c.id, { type: 'recordHulpvraag', hulpvraag: 'Poging.' }).catch((e: unknown) => e),
    ]);
    for (const error of errors) expect(error).to.include({ code: 'CASE.NOT_FOUND', userMessage: 'Deze casus bestaat niet, of je hebt er geen toegang toe.' });
    expect(audit.entries.filter((e) => e.action === 'denied').map((e) => e.operation).sort()).to.deep.equal(['get', 'get', 'recordHulpvraag']);
    expect((await store.get(c.id))?.case.hulpvraag).to.equal(undefined);
  });

  it('every read and write is attributed to the Teams user, by operation name and never by content', async () => {
    const c = await service.open(regisseur, { teamId: 'wijkteam-noord' });
    await service.execute(regisseur, c.id, { type: 'recordHulpvraag', hulpvraag: 'Ik slaap niet meer.' });
    await service.get(regisseur, c.id);
    await service.listMine(regisseur);
    expect(audit.entries.map((e) => [e.actorId, e.action, e.operation])).to.deep.equal([
      [regisseur.userId, 'create', 'open'],
      [regisseur.userId, 'update', 'recordHulpvraag'],
      [regisseur.userId, 'read', 'get'],
      [regisseur.userId, 'list', 'listMine'],
    ]);
    expect(JSON.stringify(audit.entries)).to.not.contain('slaap');
  });

  it('a refused command stores nothing', async () => {
    const c = await service.open(regisseur, { teamId: 'wijkteam-noord' });
    const before = await store.get(c.id);
    const error = await service.execute(regisseur, c.id, { type: 'recordHulpvraag', hulpvraag: 'BSN 123456782' }).catch((e: unknown) => e);
    expect(error).to.include({ code: 'CASE.INVALID_INPUT' });
    expect(await store.get(c.id)).to.deep.equal(before);
  });

  it('two professionals writing at once: both changes land, each decided on fresh state', async () => {
    const c = await service.open(regisseur, { teamId: 'wijkteam-noord' });
    await Promise.all([
      service.execute(regisseur, c.id, { type: 'recordHulpvraag', hulpvraag: 'Ik moet het huis uit.' }),
      service.execute(regisseur, c.id, { type: 'setHouseholdMember', member: { role: 'inwoner', label: 'Moeder (M1)' } }),
    ]);
    const stored = await service.get(regisseur, c.id);
    expect(stored.case.hulpvraag).to.equal('Ik moet het huis uit.');
    expect(stored.case.household.members.map((m) => m.label)).to.deep.equal(['Moeder (M1)']);
  });

  it('listMine shows only the actor\u2019s cases', async () => {
    await service.open(regisseur, { teamId: 'wijkteam-noord' });
    await service.open(onbekend, { teamId: 'wijkteam-noord' });
    const mine = await service.listMine(regisseur);
    expect(mine.items.map((c) => c.createdBy)).to.deep.equal([regisseur.userId]);
  });
});

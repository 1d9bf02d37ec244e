import { expect } from 'chai';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import { CaseService } from '../../services/cases/case-service';
import { inTurn } from '../../services/cases/turn-scope';
import { MemoryAuditLog } from '../../services/adapters/memory/memory-audit-log';
import { MemoryCaseStore } from '../../services/adapters/memory/memory-case-store';
import { FixedClock } from '../../services/ports/clock';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import { caseAt, PEOPLE, T0 } from '../support/stappenplan-driver';
import { codeOf } from '../support/error-code';

const GGZ = { userId: 'aad-ggz-1', orgRoles: [] };

describe("CaseService enforces the inwoner's consent: reads show only consented parts, writes keep the rest", () => {
  let store: MemoryCaseStore;
  let service: CaseService;
  let caseId: string;

  beforeEach(async () => {
    store = new MemoryCaseStore();
    service = new CaseService({ store, audit: new MemoryAuditLog(), clock: new FixedClock(T0), policy: DEFAULT_APPROVAL_POLICY, kalender: createWerkdagKalender() });
    const d = caseAt('uitvoering', { uitzondering: true });
    caseId = (await store.create(d.case)).case.id;
    await service.execute(PEOPLE.regisseur, caseId, {
      type: 'addProfessional', userId: GGZ.userId, role: 'betrokkenProfessional', organisatie: 'GGZ-praktijk',
      toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['deelA'] },
    });
  });

  it('get and mijn casussen give the party only Deel A; the casusregisseur gets everything', async () => {
    const seen = (await service.get(GGZ, caseId)).case;
    expect(seen.hulpvraag).to.equal(undefined);
    expect(seen.deelB).to.equal(undefined);
    expect(seen.deelA.acties.length).to.be.greaterThan(0);
    const [listed] = (await service.listMine(GGZ)).items;
    expect(listed?.hulpvraag).to.equal(undefined);
    expect(listed?.deelA.acties.length).to.be.greaterThan(0);
    const whole = (await service.get(PEOPLE.regisseur, caseId)).case;
    expect(whole.hulpvraag).to.be.a('string');
    expect(whole.deelB?.situatiebeschrijving).to.be.a('string');
  });

  it("a party's change is decided on the stored case: what it cannot see is kept, and the answer shows it no more than before", async () => {
    await inTurn(async () => {
      const current = await service.get(GGZ, caseId);
      const actie = current.case.deelA.acties[0];
      const written = await service.execute(GGZ, caseId, { type: 'setActieStatus', actieId: actie?.id as string, status: 'bezig' }, current);
      expect(written.hulpvraag).to.equal(undefined);
      expect(written.deelA.acties[0]?.status).to.equal('bezig');
    });
    const stored = (await store.get(caseId))?.case;
    expect(stored?.hulpvraag).to.be.a('string');
    expect(stored?.deelB?.situatiebeschrijving).to.be.a('string');
    expect(stored?.vraagverheldering.ikWil).to.be.a('string');
    expect(stored?.deelA.acties[0]?.status).to.equal('bezig');
  });

  it('consent withdrawn: the party can no longer open the case, as if it did not exist', async () => {
    await service.execute(PEOPLE.regisseur, caseId, { type: 'withdrawConsent', userId: GGZ.userId, op: '2026-11-23' });
    expect(await codeOf(service.get(GGZ, caseId))).to.equal('CASE.NOT_FOUND');
    expect((await service.listMine(GGZ)).items).to.deep.equal([]);
  });
});

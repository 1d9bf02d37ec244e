import { expect } from 'chai';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import { activeCasusregisseur, isRegieEntry } from '../../services/domain/model/case';
import { CaseService } from '../../services/cases/case-service';
import { MemoryAuditLog } from '../../services/adapters/memory/memory-audit-log';
import { MemoryCaseStore } from '../../services/adapters/memory/memory-case-store';
import type { StoredCase } from '../../services/ports/case-store';
import { FixedClock } from '../../services/ports/clock';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import { caseAt, PEOPLE, T0 } from '../support/stappenplan-driver';
import { codeOf } from '../support/error-code';

/** A store whose first `n` reads wait for each other: every answer decides on the same version of the case. */
class ReadTogetherStore extends MemoryCaseStore {
  private waiting: (() => void)[] = [];
  /** How many of the next reads wait until all of them have read. */
  together = 0;
  override async get(id: string): Promise<StoredCase | undefined> {
    const read = await super.get(id);
    if (this.together <= 0) return read;
    this.together--;
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (this.together === 0) for (const go of this.waiting.splice(0)) go();
    });
    return read;
  }
}

describe('casusregie overdragen with CaseService: two answers at once yield exactly one outcome', () => {
  for (const [label, antwoorden] of [
    ['accept and decline', ['aanvaard', 'afgewezen']],
    ['accept twice', ['aanvaard', 'aanvaard']],
  ] as const) {
    it(`${label}: one is stored, the other refused on the fresh case with the Dutch reason`, async () => {
      const store = new ReadTogetherStore();
      const service = new CaseService({ store, audit: new MemoryAuditLog(), clock: new FixedClock(T0), policy: DEFAULT_APPROVAL_POLICY, kalender: createWerkdagKalender() });
      const caseId = (await store.create(caseAt('uitvoering').case)).case.id;
      const proposed = await service.execute(PEOPLE.regisseur, caseId, { type: 'proposeCasusregie', userId: PEOPLE.schuldhulp.userId, toelichting: 'Schulden eerst.' });
      const voorstelId = proposed.regieOverdragen?.id as string;

      store.together = 2;
      const codes = await Promise.all(antwoorden.map((antwoord) => codeOf(service.execute(PEOPLE.schuldhulp, caseId, { type: 'answerCasusregie', voorstelId, antwoord }))));
      expect(codes.filter((code) => code === undefined)).to.have.length(1);
      expect(codes.filter((code) => code === 'CASE.REGIE_VOORSTEL_VERVALLEN')).to.have.length(1);

      const stored = (await store.get(caseId))?.case;
      const answers = stored?.history.filter(isRegieEntry).filter((e) => e.regie === 'aanvaard' || e.regie === 'afgewezen') ?? [];
      expect(answers).to.have.length(1);
      expect(stored?.regieOverdragen).to.equal(undefined);
      const regisseurs = stored?.professionals.filter((p) => p.active && p.role === 'casusregisseur').map((p) => p.userId);
      expect(regisseurs).to.deep.equal([answers[0]?.regie === 'aanvaard' ? PEOPLE.schuldhulp.userId : PEOPLE.regisseur.userId]);
      expect(activeCasusregisseur(stored!)).to.not.equal(undefined);
    });
  }

  it('a stranger to the case cannot answer: to them it does not exist', async () => {
    const store = new MemoryCaseStore();
    const service = new CaseService({ store, audit: new MemoryAuditLog(), clock: new FixedClock(T0), policy: DEFAULT_APPROVAL_POLICY, kalender: createWerkdagKalender() });
    const caseId = (await store.create(caseAt('uitvoering').case)).case.id;
    const proposed = await service.execute(PEOPLE.regisseur, caseId, { type: 'proposeCasusregie', userId: PEOPLE.schuldhulp.userId });
    expect(await codeOf(service.execute(PEOPLE.onbekend, caseId, { type: 'answerCasusregie', voorstelId: proposed.regieOverdragen?.id as string, antwoord: 'aanvaard' }))).to.equal('CASE.NOT_FOUND');
  });
});

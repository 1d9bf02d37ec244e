import { expect } from 'chai';
import { caseSchema } from '../../services/domain/model/case';
import { caseAt } from '../support/stappenplan-driver';

describe('doelen in Deel A', () => {
  it('reads a case stored before doelen existed: no goals, no ranking, no "wat moet er veranderen"', () => {
    const stored = JSON.parse(JSON.stringify(caseAt('plan').case)) as Record<string, any>;
    delete stored.deelA.doelen;
    for (const a of stored.deelA.acties) delete a.doelId;
    delete stored.vraagverheldering.watMoetVeranderen;
    delete stored.vraagverheldering.belangrijksteLeefgebieden;
    const read = caseSchema.parse(stored);
    expect(read.deelA.doelen).to.deep.equal([]);
    expect(read.vraagverheldering.belangrijksteLeefgebieden).to.equal(undefined);
  });

  it('removing a goal leaves the actions that served it in the plan, unlinked', () => {
    const d = caseAt('plan');
    const [doel] = d.case.deelA.doelen;
    expect(d.case.deelA.acties.filter((a) => a.doelId === doel?.id)).to.have.length(1);
    d.run('regisseur', { type: 'removeDoel', doelId: doel?.id });
    expect(d.case.deelA.doelen).to.deep.equal([]);
    expect(d.case.deelA.acties).to.have.length(3);
    expect(d.case.deelA.acties.some((a) => 'doelId' in a)).to.equal(false);
  });

  it('an action changed with no goal chosen is unlinked', () => {
    const d = caseAt('plan');
    const actie = d.case.deelA.acties.find((a) => a.doelId);
    d.run('regisseur', { type: 'setActie', actie: { id: actie?.id, wie: actie?.wie, wat: actie?.wat, wanneer: actie?.wanneer, doelId: null } });
    expect(d.case.deelA.acties.find((a) => a.id === actie?.id)).to.not.have.property('doelId');
  });
});

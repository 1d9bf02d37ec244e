/**
 * Regressions of a review of the consent model: a party's consent limits it also where another role or an earlier
 * request of it would have let it see more (approvals, the aanjager, refusals that name actions, a withdrawal).
 */
import { expect } from 'chai';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { createTestServices } from '../support/bot-services';
import { caseAt, PEOPLE, VOORBEELD } from '../support/stappenplan-driver';

/** The teamleider is a leidinggevende in the directory, and on the case as a party with consent for Deel A only. */
const directory = () => new StaticDirectory({ [PEOPLE.leidinggevende.userId]: ['leidinggevende'], [PEOPLE.teamleider.userId]: ['leidinggevende'] });

async function deelBWithLimitedLeidinggevende() {
  const d = VOORBEELD.deelB(caseAt('onderbouwing'));
  d.run('regisseur', { type: 'addProfessional', userId: PEOPLE.teamleider.userId, role: 'betrokkenProfessional', toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['deelA'] } });
  const ctx = createTestServices(directory());
  await ctx.store.create(d.case);
  return { ...ctx, d };
}

describe('consent holds where a role or an old request would reach further', () => {
  it('a party with an approver role but no consent for Deel B is not asked to decide on it; the other leidinggevende is', async () => {
    const { approvals, d } = await deelBWithLimitedLeidinggevende();
    const { request } = await approvals.submit(PEOPLE.regisseur, d.case.id);
    expect(request.askedUserIds).to.deep.equal([PEOPLE.leidinggevende.userId]);
  });

  it('consent withdrawn from a party once asked to decide: it sees nothing and the case is gone for it', async () => {
    const { services, approvals, d } = await deelBWithLimitedLeidinggevende();
    await services.cases.execute(PEOPLE.regisseur, d.case.id, { type: 'changeConsent', userId: PEOPLE.teamleider.userId, toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['deelA', 'deelB'] } });
    const { request } = await approvals.submit(PEOPLE.regisseur, d.case.id);
    expect(request.askedUserIds).to.include(PEOPLE.teamleider.userId);
    await services.cases.execute(PEOPLE.regisseur, d.case.id, { type: 'withdrawConsent', userId: PEOPLE.teamleider.userId, op: '2026-11-23' });
    const error = await services.cases.get(PEOPLE.teamleider, d.case.id).catch((e: { code?: string }) => e);
    expect((error as { code?: string }).code).to.equal('CASE.NOT_FOUND');
  });

  it('a refused step names the open actions only to whom may see Deel A', async () => {
    const d = caseAt('uitvoering');
    d.run('regisseur', { type: 'changeConsent', userId: PEOPLE.schuldhulp.userId, toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['mdo'] } });
    const { services, store } = createTestServices();
    await store.create(d.case);
    const party = await services.cases.execute(PEOPLE.schuldhulp, d.case.id, { type: 'overgang', transition: 'planLukt' }).catch((e: { userMessage: string }) => e);
    expect((party as { userMessage: string }).userMessage).to.equal('Er staan nog acties van het plan open; die moeten eerst gedaan of vervallen zijn.');
    expect((await services.cases.check(PEOPLE.schuldhulp, d.case.id, 'planLukt'))?.userMessage).not.to.include('Huurachterstand');
    expect((await services.cases.check(PEOPLE.regisseur, d.case.id, 'planLukt'))?.userMessage).to.include('"Huurachterstand in kaart"');
  });
});

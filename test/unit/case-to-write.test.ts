import { expect } from 'chai';
import sinon from 'sinon';
import { caseSchema } from '../../services/domain/model/case';
import { CaseTable } from '../../services/adapters/memory/case-table';
import { CaseDriver } from '../support/stappenplan-driver';

describe('a case is checked against the schema once on its way to a store', () => {
  afterEach(() => sinon.restore());

  it("the store writes the machine's result without parsing it again, and parses anything else", () => {
    const driver = new CaseDriver().start();
    const table = new CaseTable();
    const parse = sinon.spy(caseSchema, 'safeParse');
    const created = table.commit(table.prepareCreate(driver.case));
    expect(parse.callCount, "the machine's own result").to.equal(0);

    driver.run('regisseur', { type: 'recordHulpvraag', hulpvraag: 'Ik krijg een brief dat we het huis uit moeten.' });
    expect(parse.callCount, 'the machine checks its result once').to.equal(1);
    parse.resetHistory();
    const next = table.prepareReplace(driver.case, created.etag);
    expect(parse.callCount).to.equal(0);
    expect(next.case).to.deep.equal(driver.case);
    expect(next.case, 'a copy is stored').not.to.equal(driver.case);

    // A copy is no longer the machine's result: it is checked, and a broken one refused in Dutch.
    const copy = structuredClone(driver.case);
    table.prepareReplace(copy, created.etag);
    expect(parse.callCount).to.equal(1);
    const broken = { ...structuredClone(driver.case), step: 'onbekend' } as unknown as typeof driver.case;
    expect(() => table.prepareReplace(broken, created.etag)).to.throw().with.property('code', 'CASE.INVALID_INPUT');
  });
});

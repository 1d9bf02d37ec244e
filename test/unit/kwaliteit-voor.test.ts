import { expect } from 'chai';
import { caseAt } from '../support/stappenplan-driver';

describe('the inwoner\'s quality of life when the help begins (Deel C "voor", asked in stap 2)', () => {
  it('is recorded from stap 2 on, also later in the plan, as Deel C\'s "voor"', () => {
    expect(caseAt('vraagverheldering').run('regisseur', { type: 'recordKwaliteitVanLevenVoor', cijfer: 4 }).case.deelC.kwaliteitVanLevenVoor).to.equal(4);
    expect(caseAt('uitvoering').run('regisseur', { type: 'recordKwaliteitVanLevenVoor', cijfer: 3 }).case.deelC.kwaliteitVanLevenVoor).to.equal(3);
  });

  it('refuses 0, 11 and a score before stap 2, in Dutch, and changes nothing', () => {
    const d = caseAt('vraagverheldering');
    for (const cijfer of [0, 11, 6.5]) expect(d.refuse('regisseur', { type: 'recordKwaliteitVanLevenVoor', cijfer }).userMessage).to.match(/1 tot en met 10/);
    expect(d.case.deelC.kwaliteitVanLevenVoor).to.equal(undefined);
    expect(caseAt('indienen').refuse('regisseur', { type: 'recordKwaliteitVanLevenVoor', cijfer: 5 }).code).to.equal('CASE.STEP_NOT_EDITABLE');
  });
});

import { expect } from 'chai';
import { caseSchema } from '../../services/domain/model/case';
import { MAX_NAMEN, naamVan, rememberNamen, type Namen } from '../../services/domain/model/namen';
import { decide } from '../../services/domain/stappenplan/machine';
import { caseAt, PEOPLE, VOORBEELD, type CaseDriver } from '../support/stappenplan-driver';

const REGISSEUR = PEOPLE.regisseur.userId;
const LEIDINGGEVENDE = PEOPLE.leidinggevende.userId;
const PROCESREGISSEUR = PEOPLE.procesregisseur.userId;

/** Run a command as `person`, with the name Teams sends for them this turn. */
function runNamed(d: CaseDriver, person: keyof typeof PEOPLE, naam: string | undefined, command: Record<string, unknown>, namen?: Namen) {
  const ctx = d.ctx(person);
  const result = decide(d.case, command, { ...ctx, actor: { ...ctx.actor, ...(naam ? { naam } : {}) }, ...(namen ? { namen } : {}) });
  if (!result.ok) throw result.error;
  d.case = result.value;
}

describe('naming professionals on a case (services/domain/model/namen.ts)', () => {
  it('without a name: the role on the case, the organisation, the role asked, else "een collega"', () => {
    const d = VOORBEELD.deelB(caseAt('onderbouwing'));
    d.run('regisseur', { type: 'requestApproval', askedUserIds: [LEIDINGGEVENDE] });
    expect(naamVan(d.case, REGISSEUR)).to.equal('de casusregisseur');
    expect(naamVan(d.case, REGISSEUR, { capital: true })).to.equal('De casusregisseur');
    expect(naamVan(d.case, PEOPLE.schuldhulp.userId)).to.equal('een collega');
    d.run('regisseur', { type: 'addProfessional', userId: 'aad-school-1', role: 'betrokkenProfessional', organisatie: 'Basisschool De Vlinder', toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['deelA'] } });
    expect(naamVan(d.case, 'aad-school-1')).to.equal('een collega van Basisschool De Vlinder');
    expect(naamVan(d.case, LEIDINGGEVENDE)).to.equal('de leidinggevende');
    expect(naamVan(d.case, 'aad-niemand-1')).to.equal('een collega');
    expect(naamVan(d.case, undefined, { capital: true })).to.equal('Een collega');
    expect(naamVan(d.case, 'aad-niemand-1', { otherwise: '' })).to.equal('');
  });

  it('remembers the name Teams sends whenever someone writes to the case, and refreshes it', () => {
    const d = VOORBEELD.deelB(caseAt('onderbouwing'));
    runNamed(d, 'regisseur', 'Fatima El Amrani', { type: 'requestApproval', askedUserIds: [LEIDINGGEVENDE] });
    expect(naamVan(d.case, REGISSEUR)).to.equal('Fatima El Amrani');
    runNamed(d, 'leidinggevende', 'Sanne de Wit', { type: 'decideApproval', requestId: d.case.approvals[0]?.id, outcome: 'afgewezen', reason: 'Eerst de reguliere route.' });
    expect(naamVan(d.case, LEIDINGGEVENDE)).to.equal('Sanne de Wit');
    runNamed(d, 'regisseur', 'Fatima El Amrani-de Groot', { type: 'overgang', transition: 'escalerenOnderbouwing', toelichting: 'Kan het toch?', askedUserIds: [PROCESREGISSEUR] });
    expect(naamVan(d.case, REGISSEUR)).to.equal('Fatima El Amrani-de Groot');
    expect(naamVan(d.case, PROCESREGISSEUR)).to.equal('de procesregisseur');
    expect(caseSchema.parse(d.case).namen).to.have.keys(REGISSEUR, LEIDINGGEVENDE);
  });

  it('adds the organisation: the one on the case first, else the address book\'s, kept when a later name comes without one', () => {
    const d = caseAt('uitvoering');
    runNamed(d, 'regisseur', 'Fatima El Amrani', { type: 'overgang', transition: 'vastgelopen', toelichting: 'De corporatie twijfelt.', askedUserIds: [PROCESREGISSEUR] }, {
      [PROCESREGISSEUR]: { naam: 'Ruud Verhoeven', organisatie: 'Gemeente Helmond' },
      [REGISSEUR]: { naam: 'F. El Amrani', organisatie: 'Wijkteam Noord' },
    });
    // Teams' name wins over the address book's; the address book gives the organisation.
    expect(naamVan(d.case, REGISSEUR)).to.equal('Fatima El Amrani (Wijkteam Noord)');
    expect(naamVan(d.case, PROCESREGISSEUR)).to.equal('Ruud Verhoeven (Gemeente Helmond)');
    runNamed(d, 'procesregisseur', 'Ruud Verhoeven', { type: 'overgang', transition: 'escalatieAfgerond', toelichting: 'Geregeld met de corporatie.' });
    expect(naamVan(d.case, PROCESREGISSEUR)).to.equal('Ruud Verhoeven (Gemeente Helmond)');
    d.run('regisseur', { type: 'addProfessional', userId: 'aad-ggz-1', role: 'betrokkenProfessional', displayName: 'Joost Ggz', organisatie: 'GGZ-praktijk', toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['deelA'] } });
    expect(naamVan(d.case, 'aad-ggz-1')).to.equal('Joost Ggz (GGZ-praktijk)');
  });

  it('keeps at most MAX_NAMEN names, dropping the oldest; refuses names the schema would refuse', () => {
    const namen: Namen = {};
    for (let i = 0; i < MAX_NAMEN + 5; i++) rememberNamen(namen, { [`aad-${i}`]: { naam: `Collega ${i}` } });
    expect(Object.keys(namen)).to.have.length(MAX_NAMEN);
    expect(namen['aad-0']).to.equal(undefined);
    expect(namen[`aad-${MAX_NAMEN + 4}`]).to.deep.equal({ naam: `Collega ${MAX_NAMEN + 4}` });
    rememberNamen(namen, { 'aad-x': { naam: 'BSN 123456782' }, 'aad-y': { naam: '   ' }, 'aad-z': { naam: 'Twee\nregels' } });
    expect(namen).to.not.have.any.keys('aad-x', 'aad-y', 'aad-z');
  });

  it('reads a case stored before names were remembered (no namen: none known)', () => {
    const { namen: _, ...old } = caseAt('plan').case;
    expect(caseSchema.parse(old).namen).to.deep.equal({});
  });
});

import { expect } from 'chai';
import { isTransitionEntry, TRANSITION_NAMES } from '../../services/domain/model/case';
import type { Step } from '../../services/domain/model/steps';
import { TRANSITIONS } from '../../services/domain/stappenplan/transitions';
import { CaseDriver, caseAt, PEOPLE, VOORBEELD } from '../support/stappenplan-driver';

type Row = [name: string, prepare: () => CaseDriver, extra: Record<string, unknown>, to: Step];

const rejected = () => {
  const d = caseAt('onderbouwing');
  VOORBEELD.deelB(d).run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
  return d.run('leidinggevende', { type: 'decideApproval', requestId: d.latestRequestId, outcome: 'afgewezen', reason: 'Eerst de reguliere route proberen.' });
};
const escalatedAfterRejection = () =>
  rejected().go('regisseur', 'escalerenOnderbouwing', { toelichting: 'Kan de uitzondering alsnog?', askedUserIds: [PEOPLE.procesregisseur.userId] });

/** Every transition of seed 000, each from a case that satisfies its guard. */
const ALLOWED: Row[] = [
  ['startVraagverheldering', () => VOORBEELD.indienen(caseAt('indienen')), {}, 'vraagverheldering'],
  ['naarWieIsErNodig', () => VOORBEELD.vraagverheldering(caseAt('vraagverheldering')), {}, 'wieIsErNodig'],
  ['enkelvoudigeVraag', () => VOORBEELD.enkelvoudig(caseAt('wieIsErNodig')), {}, 'plan'],
  ['meervoudigeVraag', () => VOORBEELD.meervoudig(caseAt('wieIsErNodig')), {}, 'mdo'],
  ['mdoAfgerond', () => VOORBEELD.mdo(caseAt('mdo')), {}, 'plan'],
  ['geenUitzonderingNodig', () => caseAt('plan'), {}, 'uitvoering'],
  ['uitzonderingNodig', () => caseAt('plan'), {}, 'onderbouwing'],
  ['onderbouwingGoedgekeurd', () => approved(), {}, 'uitvoering'],
  ['escalerenOnderbouwing', rejected, { toelichting: 'Afgewezen; graag meedenken.' }, 'escaleren'],
  ['vastgelopen', () => caseAt('uitvoering'), { toelichting: 'De corporatie twijfelt.' }, 'escaleren'],
  ['escalatieAfgerond', () => caseAt('escaleren'), { toelichting: 'Procesregisseur heeft de corporatie gesproken.' }, 'uitvoering'],
  ['nieuweOnderbouwing', escalatedAfterRejection, { toelichting: 'Onderbouwing aanscherpen.' }, 'onderbouwing'],
  ['belemmering', () => caseAt('uitvoering'), { toelichting: 'School van K2 heeft zorgen.' }, 'mdo'],
  ['planLukt', () => VOORBEELD.allesGedaan(caseAt('uitvoering')), {}, 'evaluatie'],
  ['afsluiten', () => VOORBEELD.deelC(caseAt('evaluatie')), {}, 'afgesloten'],
  ['nieuweRonde', () => VOORBEELD.deelC(caseAt('evaluatie')).run('regisseur', { type: 'recordDeelC', watNogNodig: 'Werk zoeken.' }), {}, 'vraagverheldering'],
];

function approved(): CaseDriver {
  const d = caseAt('onderbouwing');
  VOORBEELD.deelB(d).run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
  return d.run('leidinggevende', { type: 'decideApproval', requestId: d.latestRequestId, outcome: 'akkoord' });
}

describe('stappenplan: every allowed transition', () => {
  it('the table covers every transition the machine knows, each once', () => {
    expect(ALLOWED.map((r) => r[0]).sort()).to.deep.equal([...TRANSITION_NAMES].sort());
    expect(TRANSITIONS.map((t) => t.name).sort()).to.deep.equal([...TRANSITION_NAMES].sort());
  });

  for (const [name, prepare, extra, to] of ALLOWED) {
    it(`${name} → ${to}, recorded in the history`, () => {
      const d = prepare();
      const from = d.case.step;
      const historyBefore = d.case.history.length;
      d.advance(1).go('regisseur', name, extra);
      expect(d.case.step).to.equal(to);
      expect(d.case.history).to.have.length(historyBefore + 1);
      const entry = d.case.history.at(-1);
      expect(entry).to.include({ by: PEOPLE.regisseur.userId, from, to, transition: name, at: d.now.toUTC().toISO() });
      if (extra.toelichting) expect(entry && 'why' in entry ? entry.why : undefined).to.equal(extra.toelichting);
    });
  }

  it('a transition from the wrong step is refused with the steps that are possible', () => {
    const d = caseAt('vraagverheldering');
    const error = d.refuse('regisseur', { type: 'overgang', transition: 'planLukt' });
    expect(error.code).to.equal('CASE.TRANSITION_NOT_ALLOWED');
    expect(error.userMessage).to.equal('Vanuit stap 2 (vraagverheldering) kan de casus niet naar stap 7 (evaluatie, Deel C). Mogelijk: stap 3 (wie is er nodig).');
  });

  it('the whole voorbeeldcasus with an exception walks from indienen to afgesloten', () => {
    const d = caseAt('afgesloten', { uitzondering: true });
    expect(d.case.history.filter(isTransitionEntry).map((h) => h.to)).to.deep.equal([
      'vraagverheldering', 'wieIsErNodig', 'mdo', 'plan', 'onderbouwing', 'uitvoering', 'evaluatie', 'afgesloten',
    ]);
    expect(d.case.nextDueAt).to.equal(undefined);
  });
});

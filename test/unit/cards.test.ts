import { expect } from 'chai';
import { renderActieCard } from '../../cards/actie';
import { renderApprovalCard } from '../../cards/approval';
import { renderDeelBReviewCard } from '../../cards/deel-b-review';
import { renderNoticeCard } from '../../cards/notice';
import { renderCaseListCard } from '../../cards/case-list';
import { renderCaseViewCard } from '../../cards/case-view';
import { mdoChecklistCardData, renderMdoChecklistCard } from '../../cards/mdo-checklist';
import { expandCard } from '../../cards/render';
import { VERBS } from '../../cards/verbs';
import { renderZrmScoresCard, zrmCardData } from '../../cards/zrm-scores';
import { LEEFGEBIEDEN } from '../../services/model/leefgebieden';
import { caseAt } from '../support/stappenplan-driver';
import { expectValidCard, verbsOf } from '../support/adaptivecards';

const REF = 'HA-2026-7K3FQ9';
const mdo = caseAt('plan').case.mdos[0]!;

const APPROVAL = {
  caseId: 'case-000001', requestId: 'verzoek-1', reference: REF, requestedBy: 'Sanne de Vries', requestedAt: '23 nov 2026, 09:30',
  bedrag: '€ 1.250,00', doel: 'Huurachterstand betalen zodat de ontruiming stopt.', budgetOver: '€ 8.750,00 (wijkteam-noord, 2026)',
  onderbouwing: [{ titel: 'Situatie', tekst: 'Huurachterstand van drie maanden.' }, { titel: 'Rendement', tekst: 'Uitzetting kost meer.' }],
  open: true, refreshUserIds: ['aad-leidinggevende-1', 'aad-leidinggevende-2'],
};

const CARDS: [string, () => unknown][] = [
  ['ZRM vóór, nog niets gescoord', () => renderZrmScoresCard(zrmCardData('case-000001', REF, 'voor', {}))],
  ['ZRM na, deels gescoord', () => renderZrmScoresCard(zrmCardData('case-000001', REF, 'na', { financien: 3, huisvesting: 4 }))],
  ['mijn casussen, leeg', () => renderCaseListCard({ title: 'Mijn casussen', items: [], emptyText: 'Je hebt geen open casussen.' })],
  ['mijn casussen, met vervolg', () => renderCaseListCard({
    title: 'Mijn casussen',
    items: [
      { caseId: 'case-000001', reference: REF, step: '4 MDO', nextDue: 'evaluatie op 7 januari 2027', waitingOn: 'Casusregisseur' },
      { caseId: 'case-000002', reference: 'HA-2026-AB12CD', step: '5B Onderbouwing (Deel B)', nextDue: '—', waitingOn: 'Akkoord van de leidinggevende' },
    ],
    continuationToken: 'eyJ2IjoxfQ',
    emptyText: 'Geen.',
  })],
  ['één casus, met geschiedenis', () => renderCaseViewCard({
    caseId: 'case-000001', reference: REF, step: '4 MDO', ronde: 1, hulpvraag: 'Ik krijg een brief dat we het huis uit moeten.',
    household: [{ role: 'Inwoner (hulpvrager)', label: 'Moeder (M1), 38 jaar' }, { role: 'Kind', label: 'Kind (K1), 9 jaar' }],
    professionals: [{ name: 'Sanne de Vries', role: 'Casusregisseur' }],
    due: [{ what: 'evaluatie', when: '7 januari 2027' }],
    next: 'Nog nodig: het gezamenlijk belang.',
    history: [{ when: '23 nov 2026, 10:00', who: 'Sanne de Vries', from: '1 Indienen', to: '2 Vraagverheldering' }, { when: '24 nov 2026, 09:00', who: 'Sanne de Vries', from: '6 Uitvoering', to: '6B Escaleren', why: 'De corporatie twijfelt.' }],
  })],
  ['één casus, net begonnen', () => renderCaseViewCard({ caseId: 'c', reference: REF, step: '1 Indienen', ronde: 1, household: [], professionals: [], due: [], next: 'Typ verder.', history: [] })],
  ['MDO-checklist', () => renderMdoChecklistCard(mdoChecklistCardData('case-000001', REF, mdo, '26 november 2026, bij de inwoner thuis'))],
  ['Deel A acties, leeg', () => renderActieCard({ caseId: 'case-000001', reference: REF, vandaag: '2026-11-23', acties: [] })],
  ['Deel A acties', () => renderActieCard({ caseId: 'case-000001', reference: REF, vandaag: '2026-11-23', acties: [{ wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '30 nov 2026' }] })],
  ['Deel B ter beoordeling (open)', () => renderApprovalCard(APPROVAL)],
  ['Deel B na besluit', () => renderApprovalCard({ ...APPROVAL, open: false, besluit: 'Akkoord, door Petra Jansen op 23 nov 2026, 10:00.', besluitReden: 'Goed onderbouwd.' })],
  ['Deel B met melding, alleen uitzondering', () => renderApprovalCard({ ...APPROVAL, bedrag: undefined, budgetOver: undefined, uitzondering: 'Woonruimte met voorrang', melding: 'Geef een reden bij afwijzen of meer informatie vragen.' } as never)],
  ['Deel B voor de aanjager', () => renderDeelBReviewCard({
    caseId: 'case-000001', reference: REF, requestedBy: 'Sanne de Vries', verzoek: 'Doorbraakbudget € 1.250,00 · Doel: huur betalen',
    velden: [{ id: 'situatiebeschrijving', label: 'Beknopte situatiebeschrijving', value: 'Huurachterstand.' }, { id: 'waaromNietRegulier', label: 'Waarom kan het niet regulier?', value: '' }],
    melding: 'Opgeslagen en gemeld aan de professional.', meldingKleur: 'Good',
  })],
  ['melding', () => renderNoticeCard({ title: 'Niet beschikbaar', text: 'Deze casus bestaat niet, of je hebt er geen toegang toe.' })],
];

describe('cards: rendered from fixture data, valid Adaptive Cards 1.5', () => {
  for (const [name, render] of CARDS) {
    it(name, () => {
      const card = render();
      expectValidCard(card);
      for (const verb of verbsOf(card)) expect(VERBS as readonly string[]).to.include(verb);
    });
  }

  it('the ZRM card asks all 13 leefgebieden, each required, and preselects given scores', () => {
    const card = renderZrmScoresCard(zrmCardData('c1', REF, 'na', { financien: 3 })) as unknown as { body: { type: string; id?: string; isRequired?: boolean; value?: string }[] };
    const inputs = card.body.filter((e) => e.type === 'Input.ChoiceSet');
    expect(inputs.map((i) => i.id)).to.deep.equal(LEEFGEBIEDEN.map((l) => `zrm_${l}`));
    expect(inputs.every((i) => i.isRequired)).to.equal(true);
    expect(inputs.find((i) => i.id === 'zrm_financien')?.value).to.equal('3');
  });

  it('the list shows its empty text only when empty, and "Meer casussen" only with a token', () => {
    const empty = JSON.stringify(renderCaseListCard({ title: 'T', items: [], emptyText: 'Leeg hier.' }));
    expect(empty).to.contain('Leeg hier.').and.not.contain('Meer casussen');
    const full = JSON.stringify(renderCaseListCard({ title: 'T', items: [{ caseId: 'c', reference: REF, step: 's', nextDue: 'n', waitingOn: 'w' }], emptyText: 'Leeg hier.', continuationToken: 'tok' }));
    expect(full).to.not.contain('Leeg hier.');
    expect(full).to.contain('Meer casussen');
  });

  it('the MDO checklist has a toggle for every item of the gespreksformat', () => {
    const json = JSON.stringify(renderMdoChecklistCard(mdoChecklistCardData('c1', REF, mdo, 'x')));
    expect(json.match(/"Input.Toggle"/g)).to.have.length(12);
  });

  it('expandCard refuses a card in which an expression survives', () => {
    expect(() => expandCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${ontbreekt.diep}' }] }, {})).to.throw(/unbound expression/);
  });

  it('the approval card refreshes automatically for the approvers it names', () => {
    const card = renderApprovalCard(APPROVAL) as unknown as { refresh: { userIds: string[]; action: { verb: string } } };
    expect(card.refresh.userIds).to.deep.equal(['aad-leidinggevende-1', 'aad-leidinggevende-2']);
    expect(card.refresh.action.verb).to.equal('deelb.vernieuw');
  });
});

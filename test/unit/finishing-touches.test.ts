import { expect } from 'chai';
import { BESLUIT_KLEUR, renderApprovalCard } from '../../cards/approval';
import { caseListItem, nextStepText, statusText } from '../../bot/views';
import { renderMdoPlanningCard } from '../../cards/mdo-planning';
import { storedForDialog } from '../support/bot-services';
import { STEPS, stepInSentence, stepReachedText } from '../../services/domain/model/steps';
import { outboxMessage } from '../../services/notify/outbox-message';
import { elementsOf } from '../support/adaptivecards';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';

const REF = 'HA-2026-7K3FQ9';

describe('steps in sentences: no "??", a closed case reads as closed', () => {
  it('names every step without a question mark of its own, so a question never ends in "??"', () => {
    for (const step of STEPS) {
      expect(stepInSentence(step), step).to.not.contain('?');
      expect(`Wil je nu verder met ${stepInSentence(step)}?`).to.not.contain('??');
    }
    expect(stepInSentence('wieIsErNodig')).to.equal('stap 3 (wie is er nodig)');
  });

  it('says a case is afgesloten instead of "staat nu in stap Afgesloten"', () => {
    expect(stepReachedText(REF, 'afgesloten')).to.equal(`Casus ${REF} is afgesloten.`);
    expect(stepReachedText(REF, 'wieIsErNodig')).to.equal(`Casus ${REF} staat nu in **stap 3 (wie is er nodig)**.`);
  });

  it('the status and the next step read naturally, also for a closed case', () => {
    const d = caseAt('evaluatie');
    const ctx = d.ctx('regisseur');
    expect(statusText(d.case, ctx)).to.match(new RegExp(`^\\*\\*${d.case.reference}\\*\\*: stap 7 \\(evaluatie, Deel C\\), ronde 1\\.`));
    expect(nextStepText(caseAt('plan').case, ctx)).to.not.contain('?.');
    const closed = caseAt('afgesloten').case;
    expect(statusText(closed, ctx)).to.match(new RegExp(`^\\*\\*${closed.reference}\\*\\* is afgesloten \\(ronde 1\\)\\.`)).and.not.contain('stap Afgesloten');
  });

  it('a party hears which step the case is in now, as a sentence', () => {
    const d = caseAt('plan');
    d.case = { ...d.case, outbox: [] };
    d.go('regisseur', 'geenUitzonderingNodig');
    const to = PEOPLE.schuldhulp.userId;
    const text = outboxMessage(d.case, to, d.case.outbox.filter((item) => item.to === to))?.text ?? '';
    expect(text).to.contain('heeft de casus een stap verder gezet; hij staat nu in stap 6 (uitvoering).');
  });
});

describe('mijn casussen: enough to tell cases apart', () => {
  it('shows the step, since when (the last step change), what is due first and, for the casusregisseur, the household\u2019s pseudonyms', () => {
    const d = caseAt('uitvoering');
    d.advance(3).go('regisseur', 'belemmering', { toelichting: 'De corporatie wil niet meer.' });
    const item = caseListItem(d.case, PEOPLE.regisseur.userId);
    expect(item).to.deep.include({ step: '4 MDO', sinds: 'sinds 26 november 2026', huishouden: 'Moeder (M1), Kind (K1), Kind (K2)' });
    expect(item.nextDue).to.match(/ op \d+ \w+ 20\d\d$/);
  });

  it('leaves the pseudonyms out for a party without consent for the hulpvraag, and for whom is not a professional on the case', () => {
    const withParty = caseAt('mdo').run('regisseur', {
      type: 'addProfessional', userId: 'aad-ggz-1', role: 'betrokkenProfessional', displayName: 'Gea de Groot', organisatie: 'GGZ Oost',
      toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['mdo'] },
    }).case;
    expect(caseListItem(withParty, 'aad-ggz-1')).to.not.have.property('huishouden');
    expect(caseListItem(withParty, PEOPLE.leidinggevende.userId)).to.not.have.property('huishouden');
    expect(caseListItem(withParty, PEOPLE.onbekend.userId)).to.not.have.property('huishouden');
  });
});

describe('the approval card: a decision in its own colour', () => {
  const base = {
    caseId: 'case-1', requestId: 'r-1', reference: REF, requestedBy: 'Sanne de Vries', requestedAt: '23 nov 2026, 09:30', doel: 'Huur.',
    onderbouwing: [], open: false, refreshUserIds: [],
  };
  const colourOf = (besluit: string, uitkomst: keyof typeof BESLUIT_KLEUR) =>
    elementsOf(renderApprovalCard({ ...base, besluit, besluitUitkomst: uitkomst }), 'TextBlock').find((t) => t.text === besluit)?.color;

  it('akkoord green, afgewezen red, meer informatie amber (never the green of akkoord), ingetrokken plain', () => {
    expect(colourOf('Akkoord, door Petra Jansen op 23 nov 2026, 10:00.', 'akkoord')).to.equal('Good');
    expect(colourOf('Afgewezen, door Petra Jansen op 23 nov 2026, 10:00.', 'afgewezen')).to.equal('Attention');
    expect(colourOf('Meer informatie nodig, door Petra Jansen op 23 nov 2026, 10:00.', 'meerInformatie')).to.equal('Warning');
    expect(colourOf('Dit verzoek is ingetrokken.', 'ingetrokken')).to.equal('Default');
  });
});

describe('MDO moments: "iedereen is dan vrij" only when the agendas were read', () => {
  const planning = { caseId: 'case-1', reference: REF, mdoId: '', nummer: 1, melding: '', vandaag: '2026-11-23', duurMinuten: 90, slots: [{ start: '2026-11-24T08:00:00.000Z', label: 'dinsdag 24 november 2026, 09:00 \u2013 10:30' }] } as const;
  const texts = (card: unknown) => elementsOf(card, 'TextBlock').map((t) => t.text);

  it('with CALENDAR=ics no free/busy is read: the moments are proposals, and the card says to ask', async () => {
    const { services, caseId } = await storedForDialog(caseAt('mdo').case);
    const proposals = await services.planner.proposals({ userId: 'user1', orgRoles: [] }, caseId);
    expect(proposals.slots).to.not.deep.equal([]);
    expect(proposals.agendasGelezen).to.equal(false);
    const card = renderMdoPlanningCard({ ...planning, uitnodiging: 'file', agendasGelezen: proposals.agendasGelezen });
    expect(texts(card)).to.include('Voorstellen op werkdagen. Ik kan de agenda\u2019s niet inzien: vraag de deelnemers of ze dan kunnen.');
    expect(JSON.stringify(card)).to.not.contain('vrij:');
  });

  it('with the agendas read it says everyone is free', () => {
    expect(texts(renderMdoPlanningCard({ ...planning, uitnodiging: 'mailbox', agendasGelezen: true }))).to.include('Iedereen op de casus is dan vrij:');
  });
});

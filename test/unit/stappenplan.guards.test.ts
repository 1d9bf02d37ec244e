import { expect } from 'chai';
import { ALLE_ONDERDELEN } from '../support/case-fixtures';
import type { ErrorCode } from '../../services/domain/errors';
import { CaseDriver, caseAt, DEEL_B_VOLLEDIG, PEOPLE, VOORBEELD, type Person } from '../support/stappenplan-driver';

type Row = [title: string, prepare: () => CaseDriver, person: Person, command: Record<string, unknown>, code: ErrorCode, message: string | RegExp];
const go = (transition: string, extra: Record<string, unknown> = {}) => ({ type: 'overgang', transition, ...extra });

const submitted = (asked: string[] = [PEOPLE.leidinggevende.userId]) =>
  VOORBEELD.deelB(caseAt('onderbouwing')).run('regisseur', { type: 'requestApproval', askedUserIds: asked });
const decided = (outcome: string, reason?: string) => {
  const d = submitted();
  return d.run('leidinggevende', { type: 'decideApproval', requestId: d.latestRequestId, outcome, ...(reason ? { reason } : {}) });
};
const withTeamleider = (d: CaseDriver) =>
  d.run('regisseur', { type: 'addProfessional', userId: PEOPLE.teamleider.userId, role: 'betrokkenProfessional', toestemming: ALLE_ONDERDELEN });

const REFUSALS: Row[] = [
  ['indienen without hulpvraag or inwoner', () => caseAt('indienen'), 'regisseur', go('startVraagverheldering'), 'CASE.INDIENING_INCOMPLETE',
    'Nog niet vastgelegd: de hulpvraag in de woorden van de inwoner en de inwoner in het huishouden.'],
  ['vraagverheldering without answers or scores', () => caseAt('vraagverheldering'), 'regisseur', go('naarWieIsErNodig'), 'CASE.VRAAGVERHELDERING_INCOMPLETE',
    'Nog niet ingevuld: "ik wil", "ik kan", "ik heb nodig" en de ZRM-scores op alle 13 leefgebieden.'],
  ['vraagverheldering with leefgebieden unscored', () => caseAt('vraagverheldering').run('regisseur', { type: 'recordVraagverheldering', ikWil: 'Blijven wonen.', ikKan: 'Koken.', ikHebNodig: 'Hulp.' })
    .run('regisseur', { type: 'recordZrm', moment: 'voor', scores: { financien: 1, huisvesting: 2, werkOpleiding: 2, tijdsbesteding: 4, huiselijkeRelaties: 3, geestelijkeGezondheid: 2, lichamelijkeGezondheid: 4, middelengebruik: 4, basaleAdl: 4, instrumenteleAdl: 4, sociaalNetwerk: 3 } }),
  'regisseur', go('naarWieIsErNodig'), 'CASE.VRAAGVERHELDERING_INCOMPLETE', 'Nog niet ingevuld: de ZRM-score voor Maatschappelijke participatie, Justitie.'],
  ['enkelvoudig before the parties are known', () => caseAt('wieIsErNodig'), 'regisseur', go('enkelvoudigeVraag'), 'CASE.VRAAGTYPE_MISMATCH',
    'Leg eerst vast dat één partij de vraag kan oplossen (enkelvoudige vraag).'],
  ['meervoudig when an enkelvoudige vraag was recorded', () => VOORBEELD.enkelvoudig(caseAt('wieIsErNodig')), 'regisseur', go('meervoudigeVraag'), 'CASE.VRAAGTYPE_MISMATCH',
    'Leg eerst vast dat meerdere partijen nodig zijn (meervoudige vraag).'],
  ['meervoudig with one party', () => caseAt('wieIsErNodig').run('regisseur', { type: 'setPartijen', vraagType: 'meervoudig', partijen: [{ organisatie: 'Schuldhulp' }] }),
    'regisseur', go('meervoudigeVraag'), 'CASE.PARTIJEN_INCOMPLETE', 'Bij een meervoudige vraag horen minstens twee partijen.'],
  ['MDO not planned', () => caseAt('mdo'), 'regisseur', go('mdoAfgerond'), 'CASE.MDO_INCOMPLETE', 'Het MDO is nog niet af. Nog niet vastgesteld: een gepland MDO.'],
  ['MDO without its mandatory outcomes', () => caseAt('mdo').run('regisseur', { type: 'planMdo', datum: '2026-11-26', locatie: 'thuis' }), 'regisseur', go('mdoAfgerond'), 'CASE.MDO_INCOMPLETE',
    'Het MDO is nog niet af. Nog niet vastgesteld: ik wil / ik kan / ik heb nodig vastgesteld, het gezamenlijk belang, wat er gebeurt als we niets doen, welke ondersteuning nodig is, wie de casusregie voert, afspraken over wie wat wanneer doet en een evaluatie 6 weken na het MDO.'],
  ['MDO with the evaluation not six weeks later', () => {
    const d = VOORBEELD.mdo(caseAt('mdo'));
    return d.run('regisseur', { type: 'recordMdoUitkomsten', mdoId: d.latestMdoId, evaluatieDatum: '2026-12-10' });
  }, 'regisseur', go('mdoAfgerond'), 'CASE.MDO_INCOMPLETE',
    'Het MDO is nog niet af. Nog niet vastgesteld: een evaluatie 6 weken na het MDO (tussen 7 januari 2027 en 14 januari 2027).'],
  ['MDO naming a casusregisseur who is not on the case', () => {
    const d = VOORBEELD.mdo(caseAt('mdo'));
    return d.run('regisseur', { type: 'recordMdoUitkomsten', mdoId: d.latestMdoId, casusregie: PEOPLE.onbekend.userId });
  }, 'regisseur', go('mdoAfgerond'), 'CASE.MDO_INCOMPLETE', 'Het MDO is nog niet af. Nog niet vastgesteld: een casusregisseur die op de casus staat.'],
  ['plan without actions', () => {
    const d = caseAt('plan');
    for (const actieId of d.actieIds()) d.run('regisseur', { type: 'removeActie', actieId });
    return d;
  }, 'regisseur', go('geenUitzonderingNodig'), 'CASE.DEEL_A_INCOMPLETE', 'Deel A is nog niet compleet. Nog niet ingevuld: minstens één actie: wie doet wat wanneer.'],
  ['onderbouwing without actions', () => {
    const d = caseAt('plan');
    for (const actieId of d.actieIds()) d.run('regisseur', { type: 'removeActie', actieId });
    return d;
  }, 'regisseur', go('uitzonderingNodig'), 'CASE.DEEL_A_INCOMPLETE', 'Maak eerst Deel A af. Nog niet ingevuld: minstens één actie: wie doet wat wanneer.'],
  ['uitvoering without a goal', () => {
    const d = caseAt('plan');
    for (const doel of d.case.deelA.doelen) d.run('regisseur', { type: 'removeDoel', doelId: doel.id });
    return d;
  }, 'regisseur', go('geenUitzonderingNodig'), 'CASE.DEEL_A_INCOMPLETE',
    'Deel A is nog niet compleet. Nog niet ingevuld: minstens één doel met een resultaat en een datum (wanneer is het opgelost?).'],
  ['onderbouwing with a goal but no result yet', () => {
    const d = caseAt('plan');
    const [doel] = d.case.deelA.doelen;
    return d.run('regisseur', { type: 'setDoel', doel: { id: doel?.id, leefgebied: 'huisvesting', doel: 'In ons huis blijven wonen.', tevredenheidVoor: 3 } });
  }, 'regisseur', go('uitzonderingNodig'), 'CASE.DEEL_A_INCOMPLETE',
    'Maak eerst Deel A af. Nog niet ingevuld: minstens één doel met een resultaat en een datum (wanneer is het opgelost?).'],
  ['a goal with a result but no date', () => caseAt('plan'), 'regisseur',
    { type: 'setDoel', doel: { leefgebied: 'financien', doel: 'Schulden op een rij.', tevredenheidVoor: 2, resultaat: 'Er is een schuldregeling.' } },
    'CASE.INVALID_INPUT', 'Wanneer is het opgelost? Kies bij het resultaat ook een datum.'],
  ['a goal whose result date has passed', () => caseAt('plan'), 'regisseur',
    { type: 'setDoel', doel: { leefgebied: 'financien', doel: 'Schulden op een rij.', tevredenheidVoor: 2, resultaat: 'Er is een schuldregeling.', resultaatDatum: '2026-11-01' } },
    'CASE.INVALID_INPUT', 'Die datum is al voorbij; kies voor het resultaat vandaag of een latere datum.'],
  ['a second goal for the same leefgebied', () => caseAt('plan'), 'regisseur',
    { type: 'setDoel', doel: { leefgebied: 'huisvesting', doel: 'Een grotere woning.', tevredenheidVoor: 5 } },
    'CASE.INVALID_INPUT', 'Voor Huisvesting staat al een doel; wijzig dat doel.'],
  ['a satisfaction score of 11', () => caseAt('plan'), 'regisseur',
    { type: 'setDoel', doel: { leefgebied: 'financien', doel: 'Schulden op een rij.', tevredenheidVoor: 11 } },
    'CASE.INVALID_INPUT', /0 tot en met 10/],
  ['an action linked to a goal that is not in the plan', () => caseAt('plan'), 'regisseur',
    { type: 'setActie', actie: { wie: 'Wijkteam', wat: 'Budgetcursus', wanneer: '2026-12-01', doelId: 'onbekend-doel' } },
    'CASE.INVALID_INPUT', 'Dit doel staat niet (meer) in het plan; kies een ander doel.'],
  ['the same leefgebied ranked twice', () => caseAt('vraagverheldering'), 'regisseur',
    { type: 'recordVraagverheldering', belangrijksteLeefgebieden: ['financien', 'financien'] }, 'CASE.INVALID_INPUT', /maar één keer/],
  ['an unknown leefgebied ranked', () => caseAt('vraagverheldering'), 'regisseur',
    { type: 'recordVraagverheldering', belangrijksteLeefgebieden: ['geluk'] }, 'CASE.INVALID_INPUT', /leefgebied uit de lijst/],
  ['uitvoering with a short-term action beyond six weeks', () => caseAt('plan').run('regisseur', { type: 'setActie', actie: { wie: 'Wijkteam', wat: 'Budgetcursus', wanneer: '2027-03-01' } }),
    'regisseur', go('geenUitzonderingNodig'), 'CASE.DEEL_A_INCOMPLETE',
    'Uitvoering gebeurt binnen zes weken. Plan deze acties eerder of zet ze op lange termijn: "Budgetcursus" (1 maart 2027).'],
  ['uitvoering with an exception before any approval', () => VOORBEELD.deelB(caseAt('onderbouwing')), 'regisseur', go('onderbouwingGoedgekeurd'), 'CASE.DEEL_B_NOT_APPROVED',
    /^Ga pas door naar uitvoering als de uitzondering gelegitimeerd is/],
  ['uitvoering while the request is open', () => submitted(), 'regisseur', go('onderbouwingGoedgekeurd'), 'CASE.DEEL_B_NOT_APPROVED', /leidinggevende/],
  ['uitvoering after a rejection', () => decided('afgewezen', 'Niet onderbouwd.'), 'regisseur', go('onderbouwingGoedgekeurd'), 'CASE.DEEL_B_NOT_APPROVED', /gelegitimeerd/],
  ['uitvoering after "meer informatie"', () => decided('meerInformatie', 'Hoe lang duurt de reguliere route?'), 'regisseur', go('onderbouwingGoedgekeurd'), 'CASE.DEEL_B_NOT_APPROVED', /gelegitimeerd/],
  ['Deel B submitted without "waarom niet regulier" (the first version of the voorbeeldcasus)', firstDeelB, 'regisseur', { type: 'requestApproval' },
    'CASE.DEEL_B_INCOMPLETE', 'Deel B kan nog niet ter beoordeling. Nog niet ingevuld: waarom het niet regulier kan.'],
  ['Deel B submitted empty', () => caseAt('onderbouwing'), 'regisseur', { type: 'requestApproval' }, 'CASE.DEEL_B_INCOMPLETE',
    'Deel B kan nog niet ter beoordeling. Nog niet ingevuld: de beknopte situatiebeschrijving, het dreigend scenario (wat als we niets doen), waarom het niet regulier kan, het rendement, de legitimiteit, de betrokkenheid en wat er gevraagd wordt (uitzondering of doorbraakbudget, en het doel).'],
  ['a second request while one is open', () => submitted(), 'regisseur', { type: 'requestApproval' }, 'APPROVAL.ALREADY_OPEN', 'Er loopt al een verzoek om akkoord.'],
  ['Deel B changed while under review', () => submitted(), 'regisseur', { type: 'recordDeelB', rendement: 'Een uitzetting kost de gemeente veel meer dan de achterstand.' }, 'APPROVAL.ALREADY_OPEN',
    'Deel B ligt ter beoordeling. Trek het verzoek in om Deel B te wijzigen.'],
  ['four-eyes: the requester cannot approve, even as a leidinggevende', () => {
    const d = VOORBEELD.deelB(withTeamleider(caseAt('onderbouwing')));
    return d.run('teamleider', { type: 'requestApproval' });
  }, 'teamleider', { type: 'decideApproval', requestId: 'id-000000', outcome: 'akkoord' }, 'APPROVAL.FOUR_EYES',
    'Je kunt een verzoek dat je zelf hebt ingediend niet zelf goedkeuren.'],
  ['an aanjager cannot approve', () => submitted(), 'aanjager', { type: 'decideApproval', requestId: 'LATEST', outcome: 'akkoord' }, 'APPROVAL.NOT_APPROVER',
    'Je bent niet aangewezen om over dit verzoek te beslissen.'],
  ['a leidinggevende who was not asked cannot approve', () => submitted(), 'onbekend', { type: 'decideApproval', requestId: 'LATEST', outcome: 'akkoord' }, 'APPROVAL.NOT_APPROVER',
    'Je bent niet aangewezen om over dit verzoek te beslissen.'],
  ['a decision cannot be made twice', () => decided('akkoord'), 'leidinggevende', { type: 'decideApproval', requestId: 'LATEST', outcome: 'afgewezen', reason: 'Toch niet.' },
    'APPROVAL.ALREADY_DECIDED', 'Over dit verzoek is al beslist.'],
  ['afwijzen needs a reason', () => submitted(), 'leidinggevende', { type: 'decideApproval', requestId: 'LATEST', outcome: 'afgewezen' }, 'APPROVAL.REASON_REQUIRED',
    'Geef een reden bij afwijzen of meer informatie vragen.'],
  ['meer informatie needs a reason', () => submitted(), 'leidinggevende', { type: 'decideApproval', requestId: 'LATEST', outcome: 'meerInformatie' }, 'APPROVAL.REASON_REQUIRED',
    'Geef een reden bij afwijzen of meer informatie vragen.'],
  ['a decision on an unknown request', () => submitted(), 'leidinggevende', { type: 'decideApproval', requestId: 'verzonnen-1', outcome: 'akkoord' }, 'APPROVAL.NOT_FOUND',
    'Dit verzoek bestaat niet (meer).'],
  ['doorbraakbudget above every tier of the policy', () => caseAt('onderbouwing').run('regisseur', { type: 'recordDeelB', ...DEEL_B_VOLLEDIG, verzoek: { doorbraakbudgetCents: 3_000_000, doel: 'Een eigen woning voor moeder en de twee kinderen.' } }),
    'regisseur', { type: 'requestApproval' }, 'APPROVAL.NO_APPROVER_FOR_AMOUNT',
    'Voor €\u00a030.000,00 is in het beleid niemand aangewezen die mag beslissen. Escaleer via de procesregisseur of vraag een kleiner bedrag.'],
  ['escalating an onderbouwing that is waiting but not stuck', () => submitted(), 'regisseur', go('escalerenOnderbouwing', { toelichting: 'Geen reactie.' }), 'CASE.ESCALATIE_NOT_ALLOWED',
    'Escaleren kan als Deel B is afgewezen of als er na 5 werkdagen geen besluit is.'],
  ['escalating a rejection without a question', () => decided('afgewezen', 'Niet onderbouwd.'), 'regisseur', go('escalerenOnderbouwing'), 'CASE.REASON_REQUIRED',
    'Geef een toelichting: wat is je vraag aan de procesregisseur?'],
  ['only the casusregisseur escalates an onderbouwing', () => decided('afgewezen', 'Niet onderbouwd.'), 'schuldhulp', go('escalerenOnderbouwing', { toelichting: 'Vraag.' }), 'CASE.FORBIDDEN_ROLE',
    'Dit kan alleen de casusregisseur.'],
  ['"ik loop vast" without saying where', () => caseAt('uitvoering'), 'regisseur', go('vastgelopen'), 'CASE.REASON_REQUIRED', 'Geef een toelichting: waar loop je op vast?'],
  ['an escalation closed without its outcome', () => caseAt('escaleren'), 'regisseur', go('escalatieAfgerond'), 'CASE.REASON_REQUIRED', 'Geef een toelichting: wat is de uitkomst van de escalatie?'],
  ['dropping the exception without a reason seed 000 allows', () => escalatedRejection(), 'regisseur', go('escalatieAfgerond', { toelichting: 'We doen het anders.', zonderUitzondering: true }),
    'CASE.PLAN_CHANGE_REASON_REQUIRED', /^Zonder de uitzondering verder gaan is een aanpassing van het plan/],
  ['a plan change with a reason seed 000 does not allow', () => escalatedRejection(), 'regisseur',
    go('escalatieAfgerond', { toelichting: 'Goedkoper.', zonderUitzondering: true, planWijziging: { reden: 'goedkoper', toelichting: 'Scheelt geld.' } }),
    'CASE.INVALID_INPUT', 'Pas het plan alleen aan als het beter wordt voor de inwoner of als iets echt niet kan.'],
  ['back to uitvoering after a rejection, exception still unapproved', () => escalatedRejection(), 'procesregisseur', go('escalatieAfgerond', { toelichting: 'Gesproken.' }),
    'CASE.DEEL_B_NOT_APPROVED', 'De uitzondering is nog niet gelegitimeerd: kies voor een nieuwe onderbouwing, of pas het plan aan met een geldige reden.'],
  ['a new onderbouwing when no exception was asked', () => caseAt('escaleren'), 'regisseur', go('nieuweOnderbouwing', { toelichting: 'X.' }), 'CASE.ESCALATIE_NOT_ALLOWED',
    'Er is geen uitzondering aangevraagd om opnieuw te onderbouwen.'],
  ['someone not asked on the escalation cannot close it', () => caseAt('escaleren'), 'schuldhulp', go('escalatieAfgerond', { toelichting: 'Opgelost.' }), 'CASE.FORBIDDEN_ROLE',
    'Dit kan alleen de casusregisseur of de procesregisseur van deze escalatie.'],
  ['a belemmering without saying what', () => caseAt('uitvoering'), 'regisseur', go('belemmering'), 'CASE.REASON_REQUIRED', 'Geef een toelichting: welke belemmering bespreken jullie in het MDO?'],
  ['plan lukt with short-term actions still open', () => caseAt('uitvoering'), 'regisseur', go('planLukt'), 'CASE.ACTIES_OPEN',
    'Zet eerst deze acties op gedaan of vervallen: "Huurachterstand in kaart", "Gesprek woningcorporatie over betalingsregeling" en "Intake GGZ".'],
  ['closing without Deel C', () => caseAt('evaluatie'), 'regisseur', go('afsluiten'), 'CASE.DEEL_C_INCOMPLETE',
    'Deel C is nog niet compleet. Nog niet ingevuld: of het plan is gerealiseerd, de ZRM-scores na afloop en het vervolg.'],
  ['a new round without what is still needed', () => VOORBEELD.deelC(caseAt('evaluatie')), 'regisseur', go('nieuweRonde'), 'CASE.DEEL_C_INCOMPLETE',
    'Deel C is nog niet compleet. Nog niet ingevuld: wat er nog nodig is.'],
  ['only the casusregisseur closes a case', () => VOORBEELD.deelC(caseAt('evaluatie')), 'schuldhulp', go('afsluiten'), 'CASE.FORBIDDEN_ROLE', 'Dit kan alleen de casusregisseur.'],
  ['nothing changes on a closed case', () => caseAt('afgesloten'), 'regisseur', { type: 'recordHulpvraag', hulpvraag: 'Nieuw.' }, 'CASE.CLOSED',
    'Deze casus is afgesloten. Open een nieuwe casus als er een nieuwe hulpvraag is.'],
  ['an edit in a step where it does not belong', () => caseAt('plan'), 'regisseur', { type: 'recordDeelB', rendement: 'Een uitzetting kost de gemeente veel meer dan de achterstand.' }, 'CASE.STEP_NOT_EDITABLE',
    'Dit kun je niet doen in stap 5A (plan, Deel A).'],
  ['a professional not on the case cannot move it', () => VOORBEELD.indienen(caseAt('indienen')), 'onbekend', go('startVraagverheldering'), 'CASE.FORBIDDEN_ROLE',
    'Dit kan alleen de casusregisseur of een betrokken professional.'],
  ['a BSN in free text is refused', () => caseAt('indienen'), 'regisseur', { type: 'recordHulpvraag', hulpvraag: 'Mijn BSN is 123456782, ik moet het huis uit.' }, 'CASE.INVALID_INPUT',
    'Laat het burgerservicenummer (BSN) weg uit de hulpvraag: dat slaan we nooit op.'],
  ['a BSN in Deel B is refused', () => caseAt('onderbouwing'), 'aanjager', { type: 'recordDeelB', situatiebeschrijving: 'Inwoner 123 456 782 heeft schulden.' }, 'CASE.INVALID_INPUT',
    'Laat het burgerservicenummer (BSN) weg uit de beknopte situatiebeschrijving: dat slaan we nooit op.'],
  ['an unknown command', () => caseAt('indienen'), 'regisseur', { type: 'wisAlles' }, 'CASE.INVALID_INPUT', 'Onbekende opdracht.'],
  ['a ZRM score out of range', () => caseAt('vraagverheldering'), 'regisseur', { type: 'recordZrm', moment: 'voor', scores: { financien: 7 } }, 'CASE.INVALID_INPUT',
    'Een ZRM-score is maximaal 5 (volledig zelfredzaam).'],
  ['an unknown leefgebied', () => caseAt('vraagverheldering'), 'regisseur', { type: 'recordZrm', moment: 'voor', scores: { geluk: 3 } }, 'CASE.INVALID_INPUT',
    'Onbekend leefgebied in de ZRM-scores.'],
];

function firstDeelB(): CaseDriver {
  return caseAt('onderbouwing').run('regisseur', {
    type: 'recordDeelB',
    situatiebeschrijving: 'Huurachterstand van drie maanden.', dreigendScenario: 'Huisuitzetting binnen 8 weken.',
    rendement: 'Een uitzetting kost vele malen meer.', legitimiteit: 'De Participatiewet staat dit toe.', betrokkenheid: 'Corporatie stopt de procedure.',
    verzoek: { doorbraakbudgetCents: 125_000, doel: 'Huurachterstand betalen zodat de ontruiming stopt.' },
  });
}

function escalatedRejection(): CaseDriver {
  return decided('afgewezen', 'Niet onderbouwd.').go('regisseur', 'escalerenOnderbouwing', {
    toelichting: 'Kan het toch?', askedUserIds: [PEOPLE.procesregisseur.userId],
  });
}

describe('stappenplan: every guard refuses with its code and a Dutch sentence, and changes nothing', () => {
  for (const [title, prepare, person, command, code, message] of REFUSALS) {
    it(title, () => {
      const d = prepare();
      const resolved = command.requestId === 'LATEST' || command.requestId === 'id-000000' ? { ...command, requestId: d.latestRequestId } : command;
      const error = d.refuse(person, resolved);
      expect(error.code).to.equal(code);
      if (typeof message === 'string') expect(error.userMessage).to.equal(message);
      else expect(error.userMessage).to.match(message);
    });
  }
});

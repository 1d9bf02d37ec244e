import { expect } from 'chai';
import { Template } from 'adaptivecards-templating';
import sinon from 'sinon';
import { renderActieCard } from '../../cards/actie';
import { renderDoelCard } from '../../cards/doel';
import { renderRangordeCard } from '../../cards/leefgebieden-rangorde';
import { renderApprovalCard } from '../../cards/approval';
import { renderCaseListCard, type CaseListCardData } from '../../cards/case-list';
import { renderCollegaToevoegenCard, type CollegaToevoegenCardData } from '../../cards/collega-toevoegen';
import { renderCaseViewCard, type CaseHistoryEntry, type CaseViewCardData } from '../../cards/case-view';
import { renderDeelBReviewCard } from '../../cards/deel-b-review';
import { renderEscalationCard } from '../../cards/escalation';
import { mdoChecklistCardData, renderMdoChecklistCard } from '../../cards/mdo-checklist';
import { renderMdoPlanningCard } from '../../cards/mdo-planning';
import { renderNoticeCard } from '../../cards/notice';
import { expandCard, toAttachment } from '../../cards/render';
import { ACTIE_TOEVOEGEN, ACTIE_VERWIJDEREN, ACTIE_WIJZIGEN, AFSPRAAK_NIET_OVERNEMEN, AFSPRAAK_OVERNEMEN, PLAN_KLAAR, DOELEN_OPENEN, DOEL_OPSLAAN, DOEL_VERWIJDEREN, DOEL_WIJZIGEN, DOELEN_KLAAR, RANGORDE_OPSLAAN, CASUS_OPENEN, CASUS_VERDER, CASUSSEN_MEER, COLLEGA_ANNULEREN, COLLEGA_TOEVOEGEN, COLLEGA_VERWIJDEREN, MDO_DEELNEMERS_KIEZEN, MANDAAT_ANNULEREN, MANDAAT_UITGEVEN, MDO_MOMENT_KIEZEN, REGIE_AANVAARDEN, REGIE_AFWIJZEN, REGIE_ANNULEREN, REGIE_OVERDRAGEN, REGIE_VERNIEUW, REGIE_VOORSTELLEN, TOESTEMMING_INTREKKEN, TOESTEMMING_WIJZIGEN, VERBS, ZRM_OPSLAAN } from '../../cards/verbs';
import { renderToestemmingCard } from '../../cards/toestemming';
import { renderWijzigingCard } from '../../cards/wijziging';
import { renderMandaatCard, type MandaatCardData } from '../../cards/mandaat';
import { renderCasusregieOverdragenCard, type CasusregieOverdragenCardData } from '../../cards/casusregie-overdragen';
import { renderCasusregieVoorstelCard, type CasusregieVoorstelCardData } from '../../cards/casusregie-voorstel';
import { CONSENT_PART_LABELS, CONSENT_PARTS } from '../../services/domain/model/consent';
import { renderZrmScoresCard, zrmCardData } from '../../cards/zrm-scores';
import { LEEFGEBIED_LABELS, LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import { elementsOf, expectValidCard, verbsOf } from '../support/adaptivecards';
import { caseAt } from '../support/stappenplan-driver';

const REF = 'HA-2026-7K3FQ9';
const mdo = caseAt('plan').case.mdos[0]!;

type Json = Record<string, unknown>;
/** What a card says: its text blocks and the text runs of its rich text blocks (where people's own words go). */
const texts = (card: unknown) => [...elementsOf(card, 'TextBlock'), ...elementsOf(card, 'TextRun')].map((t) => t.text);

const LIST: CaseListCardData = {
  title: 'Mijn casussen',
  items: [
    { caseId: 'case-000001', reference: REF, step: '4 MDO', sinds: 'sinds 24 november 2026', nextDue: 'evaluatie op 7 januari 2027', waitingOn: 'Casusregisseur (Sanne de Vries)', huishouden: 'Moeder (M1), Kind (K1)' },
    { caseId: 'case-000002', reference: 'HA-2026-AB12CD', step: '5B Onderbouwing (Deel B)', sinds: 'sinds 27 november 2026', nextDue: '—', waitingOn: 'Akkoord van de leidinggevende' },
  ],
  continuationToken: 'eyJ2IjoxfQ',
  emptyText: 'Je hebt geen open casussen. Typ **nieuwe casus** om te beginnen.',
};

const STAPPEN: CaseHistoryEntry[] = [
  { when: '23 nov 2026, 10:00', who: 'Sanne de Vries', what: '1 Indienen → 2 Vraagverheldering' },
  { when: '23 nov 2026, 11:15', who: 'Sanne de Vries', what: '2 Vraagverheldering → 3 Wie is er nodig?' },
  { when: '24 nov 2026, 09:00', who: 'Sanne de Vries', what: '3 Wie is er nodig? → 4 MDO', why: 'Meervoudige vraag: schulden, huisvesting en school.' },
  { when: '26 nov 2026, 14:30', who: 'Sanne de Vries', what: '4 MDO → 5A Plan (Deel A)' },
  { when: '27 nov 2026, 09:10', who: 'Sanne de Vries', what: '5A Plan (Deel A) → 5B Onderbouwing (Deel B)', why: 'Doorbraakbudget nodig voor de huurachterstand.' },
  { when: '30 nov 2026, 16:00', who: 'Petra Jansen', what: '5B Onderbouwing (Deel B) → 6 Uitvoering', why: 'Akkoord op € 1.250,00.' },
  { when: '14 dec 2026, 08:45', who: 'Sanne de Vries', what: '6 Uitvoering → 6B Escaleren', why: 'De corporatie twijfelt over de betalingsregeling.' },
];

const VIEW: CaseViewCardData = {
  caseId: 'case-000001', reference: REF, step: '4 MDO', ronde: 1, hulpvraag: 'Ik krijg een brief dat we het huis uit moeten.',
  household: [
    { role: 'Inwoner (hulpvrager)', label: 'Moeder (M1), 38 jaar' },
    { role: 'Kind', label: 'Kind (K1), 9 jaar' },
    { role: 'Kind', label: 'Kind (K2), 6 jaar' },
  ],
  professionals: [
    { name: 'Sanne de Vries', role: 'Casusregisseur', ziet: 'Ziet de hele casus.' },
    { name: 'Ahmed El Amrani', role: 'Schuldhulpverlening: de schulden op een rij', ziet: 'Ziet: Hulpvraag en vraagverheldering, Samenwerkplan Deel A, MDO-uitkomsten. Toestemming mondeling op 23 november 2026.' },
  ],
  due: [{ what: 'evaluatie', when: '7 januari 2027' }, { what: 'actie: huurachterstand in kaart (Schuldhulp)', when: '30 november 2026' }],
  next: 'Nog nodig: het gezamenlijk belang.',
  history: STAPPEN.slice(0, 3),
  verder: true,
};
const VIEW_EMPTY: CaseViewCardData = { caseId: 'case-000003', reference: REF, step: '1 Indienen', ronde: 1, household: [], professionals: [], due: [], next: 'Typ **verder**.', history: [], verder: true };

const PLANNING = { caseId: 'case-000001', reference: REF, mdoId: '', nummer: 1, slots: [], melding: '', vandaag: '2026-11-23', duurMinuten: 90, uitnodiging: 'mailbox' } as const;

const DEEL_A = {
  caseId: 'case-000001', reference: REF, vandaag: '2026-11-23',
  acties: [{ id: 'actie-1', wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '30 november 2026' }],
  voorstellen: [{ id: 'afspraak-1', wie: 'Woningcorporatie', wat: 'Ontruiming aanhouden', wanneer: '4 december 2026' }],
} as const;

const DOELEN = {
  caseId: 'case-000001', reference: REF, vandaag: '2026-11-23', belangrijkst: 'Huisvesting, Financiën',
  doelen: [{ id: 'doel-1', leefgebied: 'Huisvesting', doel: 'In ons huis blijven wonen.', tevredenheid: '3', opgelost: 'opgelost: er is een betalingsregeling (uiterlijk 18 januari 2027)' }],
  leefgebieden: [{ title: 'Huisvesting', value: 'huisvesting' }, { title: 'Financiën', value: 'financien' }],
} as const;

const APPROVAL = {
  caseId: 'case-000001', requestId: 'verzoek-1', reference: REF, requestedBy: 'Sanne de Vries', requestedAt: '23 nov 2026, 09:30',
  bedrag: '€ 1.250,00', doel: 'Huurachterstand betalen zodat de ontruiming stopt.', budgetOver: '€ 8.750,00 (wijkteam-noord, 2026)',
  onderbouwing: [{ titel: 'Situatie', tekst: 'Huurachterstand van drie maanden.' }, { titel: 'Rendement', tekst: 'Uitzetting kost meer.' }],
  open: true, refreshUserIds: ['aad-leidinggevende-1', 'aad-leidinggevende-2'],
};

const MENSEN = [
  { id: '00000000-0000-0000-0000-0000000000020', displayName: 'Alex Wilber', organisatie: 'Wijkteam Helmond-Noord' },
  { id: '00000000-0000-0000-0000-0000000000021', displayName: 'Megan Bowen', organisatie: 'GGZ Oost Brabant' },
  { id: '00000000-0000-0000-0000-0000000000022', displayName: 'Adele Vance' },
];
const COLLEGA: CollegaToevoegenCardData = { caseId: 'case-000001', reference: REF, vandaag: '2026-11-23', keuze: { via: 'teams' } };

const DEELNEMERS = [
  { title: 'Sanne de Vries (Wijkteam Helmond), jij', value: 'aad-wijkteam-1' },
  { title: 'Ahmed El Amrani (Schuldhulpverlening)', value: 'aad-schuldhulp-1' },
  { title: 'Megan Bowen (GGZ Oost Brabant)', value: 'aad-ggz-1' },
];

const MANDAAT: MandaatCardData = {
  caseId: 'case-000001', reference: REF, uitgaveId: 'uitgave-000001', mandaat: '€ 250,00', periode: '2026', over: '€ 207,50', budget: '€ 8.750,00 over',
  leefgebieden: [{ title: 'Justitie', value: 'justitie' }, { title: 'Financiën', value: 'financien' }],
};
const OVERDRAGEN: CasusregieOverdragenCardData = {
  caseId: 'case-000001', reference: REF,
  kandidaten: [{ title: 'Ahmed El Amrani \u2014 Schuldhulpverlening', value: 'aad-schuldhulp-1' }, { title: 'Megan Bowen \u2014 GGZ Oost Brabant', value: 'aad-ggz-1' }],
};
const VOORSTEL: CasusregieVoorstelCardData = {
  caseId: 'case-000001', voorstelId: 'voorstel-1', reference: REF, voorgesteldDoor: 'Sanne de Vries (Wijkteam Helmond)', voorgesteldOp: '23 nov 2026, 10:00',
  uitleg: 'Als je aanvaardt, word jij casusregisseur: je ziet de hele casus en houdt de regie over het plan. Sanne de Vries (Wijkteam Helmond) blijft betrokken en blijft alles zien.',
  toelichting: 'De schulden zijn nu het **zwaarst**; jij kent de schuldeisers.', open: true, refreshUserIds: ['aad-schuldhulp-1'],
};

/** Each card, rendered, with the verbs its Submit actions must carry (in card order); `undefined`: not checked here. */
const CARDS: [string, () => unknown, string[]?][] = [
  ['ZRM vóór, nog niets gescoord', () => renderZrmScoresCard(zrmCardData('case-000001', REF, 'voor', {})), [ZRM_OPSLAAN]],
  ['ZRM na, deels gescoord', () => renderZrmScoresCard(zrmCardData('case-000001', REF, 'na', { financien: 3, huisvesting: 4 })), [ZRM_OPSLAAN]],
  ['mijn casussen, leeg', () => renderCaseListCard({ title: 'Mijn casussen', items: [], emptyText: 'Je hebt geen open casussen.' }), []],
  ['mijn casussen, met vervolg', () => renderCaseListCard(LIST), [CASUS_OPENEN, CASUS_OPENEN, CASUSSEN_MEER]],
  ['mijn casussen, laatste pagina', () => renderCaseListCard({ ...LIST, continuationToken: undefined }), [CASUS_OPENEN, CASUS_OPENEN]],
  ['één casus, korte geschiedenis', () => renderCaseViewCard(VIEW), [CASUS_VERDER]],
  ['één casus, lange geschiedenis', () => renderCaseViewCard({ ...VIEW, history: STAPPEN }), [CASUS_VERDER]],
  ['één casus, net begonnen', () => renderCaseViewCard(VIEW_EMPTY), [CASUS_VERDER]],
  ['één casus, afgesloten: geen knop om verder te gaan', () => renderCaseViewCard({ ...VIEW, step: 'Afgesloten', next: 'De casus is afgesloten.', verder: false }), []],
  ['MDO-checklist', () => renderMdoChecklistCard(mdoChecklistCardData('case-000001', REF, mdo, '26 november 2026, bij de inwoner thuis'))],
  ['MDO plannen, drie voorstellen', () => renderMdoPlanningCard({ ...PLANNING, slots: [
    { start: '2026-11-24T08:00:00.000Z', label: 'dinsdag 24 november 2026, 09:00 \u2013 10:30' },
    { start: '2026-11-25T08:00:00.000Z', label: 'woensdag 25 november 2026, 09:00 \u2013 10:30' },
    { start: '2026-11-26T08:00:00.000Z', label: 'donderdag 26 november 2026, 09:00 \u2013 10:30' },
  ] }), [MDO_MOMENT_KIEZEN]],
  ['MDO plannen, geen gezamenlijk moment', () => renderMdoPlanningCard({ ...PLANNING, melding: 'Er is geen gezamenlijk moment gevonden in de komende 10 werkdagen. Kies zelf een datum en tijd.', uitnodiging: 'file' }), [MDO_MOMENT_KIEZEN]],
  ['MDO verplaatsen', () => renderMdoPlanningCard({ ...PLANNING, mdoId: 'mdo-1' }), [MDO_MOMENT_KIEZEN]],
  ['MDO plannen, met de partijen om uit te nodigen', () => renderMdoPlanningCard({ ...PLANNING, deelnemers: DEELNEMERS, gekozen: ['aad-wijkteam-1', 'aad-ggz-1'] }), [MDO_DEELNEMERS_KIEZEN, MDO_MOMENT_KIEZEN]],
  ['Deel A acties, leeg', () => renderActieCard({ caseId: 'case-000001', reference: REF, vandaag: '2026-11-23', acties: [] })],
  ['een wijziging voor de andere betrokkenen', () => renderWijzigingCard({ caseId: 'case-000001', reference: REF, regels: ['Ahmed El Amrani (Schuldhulpverlening) heeft een actie afgerond.', 'Sanne de Vries (Wijkteam *Noord*) heeft het MDO verplaatst.'] }), [CASUS_OPENEN]],
  ['toestemming per collega', () => renderToestemmingCard({ caseId: 'case-000001', reference: REF, vandaag: '2026-11-23', partijen: [
    { userId: 'aad-ggz-1', titel: 'Joris Bakker · GGZ-praktijk', ziet: 'Ziet: Samenwerkplan Deel A, MDO-uitkomsten. Toestemming schriftelijk op 23 november 2026.' },
    { userId: 'aad-corp-1', titel: 'Fatima Yilmaz · Woningcorporatie', ziet: 'Ziet: Samenwerkplan Deel A. Toestemming mondeling op 23 november 2026.' },
  ] }), [TOESTEMMING_WIJZIGEN, TOESTEMMING_INTREKKEN, COLLEGA_VERWIJDEREN]],
  ['toestemming, na een weigering', () => renderToestemmingCard({ caseId: 'case-000001', reference: REF, vandaag: '2026-11-23', partijen: [
    { userId: 'aad-ggz-1', titel: 'Joris Bakker · GGZ-praktijk', ziet: 'Ziet: Samenwerkplan Deel A.' },
  ], melding: 'Kies minstens één onderdeel dat de collega mag zien.', ingevuld: { userId: 'aad-ggz-1', hoe: 'mondeling', onderdelen: ['deelA', 'mdo'] } }), [TOESTEMMING_WIJZIGEN, TOESTEMMING_INTREKKEN, COLLEGA_VERWIJDEREN]],
  ['Deel A acties', () => renderActieCard({ caseId: 'case-000001', reference: REF, vandaag: '2026-11-23', acties: [{ wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '30 nov 2026' }] })],
  ['Deel B ter beoordeling (open)', () => renderApprovalCard(APPROVAL)],
  ['Deel B na besluit', () => renderApprovalCard({ ...APPROVAL, open: false, besluit: 'Akkoord, door Petra Jansen op 23 nov 2026, 10:00.', besluitReden: 'Goed onderbouwd.' })],
  ['Deel B met melding, alleen uitzondering', () => renderApprovalCard({ ...APPROVAL, bedrag: undefined, budgetOver: undefined, uitzondering: 'Woonruimte met voorrang', melding: 'Geef een reden bij afwijzen of meer informatie vragen.' } as never)],
  ['Deel B voor de aanjager', () => renderDeelBReviewCard({
    caseId: 'case-000001', reference: REF, requestedBy: 'Sanne de Vries', verzoek: 'Doorbraakbudget € 1.250,00 · Doel: huur betalen',
    velden: [{ id: 'situatiebeschrijving', label: 'Beknopte situatiebeschrijving', value: 'Huurachterstand.' }, { id: 'waaromNietRegulier', label: 'Waarom kan het niet regulier?', value: '' }],
    melding: 'Opgeslagen en gemeld aan de professional.', meldingKleur: 'Good',
  })],
  ['escalatie, open', () => renderEscalationCard({
    caseId: 'case-000001', reference: REF, fase: 'Fase 2: procesregie', aanleiding: 'Deel B is afgewezen', stap: '6B Escaleren', regisseur: 'Sanne de Vries',
    vraag: 'Kan de uitzondering alsnog?', verzoek: '€ 1.250,00 · Huur betalen', besluit: 'Afgewezen: eerst regulier.', open: true, nieuweOnderbouwing: true, kanOpschalen: true, volgendeFase: 'Fase 3: management',
  })],
  ['escalatie, afgerond', () => renderEscalationCard({
    caseId: 'c', reference: REF, fase: 'Fase 4: bestuurlijk', aanleiding: 'De casusregisseur loopt vast in de uitvoering', stap: '6 Uitvoering', regisseur: 'een collega',
    vraag: 'De corporatie twijfelt.', uitkomst: 'Afgerond: regeling getroffen.', open: false, nieuweOnderbouwing: false, kanOpschalen: false, volgendeFase: 'Fase 4: bestuurlijk',
  })],
  ['collega toevoegen, in Teams', () => renderCollegaToevoegenCard(COLLEGA), [COLLEGA_TOEVOEGEN, COLLEGA_ANNULEREN]],
  ['collega toevoegen, in Teams na een weigering', () => renderCollegaToevoegenCard({ ...COLLEGA, gekozen: MENSEN[1], melding: 'Vul de taak van de collega in.', ingevuld: { hoe: 'mondeling', op: '2026-11-20', onderdelen: ['hulpvraag', 'deelA'] } }), [COLLEGA_TOEVOEGEN, COLLEGA_ANNULEREN]],
  ['collega toevoegen, lokaal uit het personenbestand', () => renderCollegaToevoegenCard({ ...COLLEGA, keuze: { via: 'lijst', mensen: MENSEN } }), [COLLEGA_TOEVOEGEN, COLLEGA_ANNULEREN]],
  ['collega toevoegen, lokaal zonder personenbestand', () => renderCollegaToevoegenCard({ ...COLLEGA, keuze: { via: 'lijst', mensen: [] } }), [COLLEGA_ANNULEREN]],
  ['mandaat', () => renderMandaatCard(MANDAAT), [MANDAAT_UITGEVEN, MANDAAT_ANNULEREN]],
  ['mandaat, na een weigering met wat er was ingevuld', () => renderMandaatCard({ ...MANDAAT, melding: '€ 300,00 is meer dan het mandaat van € 250,00 per casus per periode. Dat gaat via Deel B, de normale route.', bedrag: '300', doel: 'treinkaartje', waarom: 'Naar de *zitting*.', categorie: 'justitie' }), [MANDAAT_UITGEVEN, MANDAAT_ANNULEREN]],
  ['één casus met uitgaven onder het mandaat', () => renderCaseViewCard({ ...VIEW, mandaat: [{ bedrag: '€ 42,50', doel: 'treinkaartje (2026)', wie: 'Sanne de Vries', wanneer: '23 nov 2026, 10:00', waarom: 'Naar de zitting.' }] }), [CASUS_VERDER]],
  ['casusregie overdragen', () => renderCasusregieOverdragenCard(OVERDRAGEN), [REGIE_VOORSTELLEN, REGIE_ANNULEREN]],
  ['casusregie overdragen, met een open voorstel en een weigering', () => renderCasusregieOverdragenCard({ ...OVERDRAGEN, openVoorstel: 'Er staat al een voorstel open aan Megan Bowen (GGZ Oost Brabant). Een nieuw voorstel vervangt dat.', melding: 'Kies de collega die de casusregie overneemt.', toelichting: 'Schulden eerst.' }), [REGIE_VOORSTELLEN, REGIE_ANNULEREN]],
  ['casusregie voorstel, open', () => renderCasusregieVoorstelCard(VOORSTEL), [REGIE_AANVAARDEN, REGIE_AFWIJZEN]],
  ['casusregie voorstel, aanvaard', () => renderCasusregieVoorstelCard({ ...VOORSTEL, toelichting: undefined, open: false, uitkomst: 'Je hebt de casusregie aanvaard op 24 nov 2026, 09:00. Je bent nu casusregisseur van deze casus.', uitkomstGoed: true, uitkomstReden: 'Ik neem het over.' }), []],
  ['casusregie voorstel, vervallen met melding', () => renderCasusregieVoorstelCard({ ...VOORSTEL, toelichting: undefined, open: false, uitkomst: 'Dit voorstel is vervallen op 24 nov 2026, 09:00.', uitkomstGoed: false, melding: 'Dit voorstel om de casusregie over te nemen geldt niet meer.' }), []],
  ['één casus, voor de casusregisseur die de regie kan overdragen', () => renderCaseViewCard({ ...VIEW, regieOverdragen: true, regieVoorstel: 'Casusregie voorgesteld aan Ahmed El Amrani (Schuldhulpverlening) op 23 nov 2026, 10:00; wacht op antwoord.' }), [CASUS_VERDER, REGIE_OVERDRAGEN]],
  ['één casus, voor wie de regie is voorgesteld', () => renderCaseViewCard({ ...VIEW, regieVoorstelId: 'voorstel-1' }), [CASUS_VERDER, REGIE_VERNIEUW]],
  ['Deel A met afspraken uit het MDO en acties om te wijzigen', () => renderActieCard(DEEL_A), [AFSPRAAK_OVERNEMEN, ACTIE_WIJZIGEN, AFSPRAAK_NIET_OVERNEMEN, ACTIE_WIJZIGEN, ACTIE_VERWIJDEREN, ACTIE_TOEVOEGEN, PLAN_KLAAR, DOELEN_OPENEN]],
  ['Deel A, een actie wijzigen na een weigering', () => renderActieCard({ ...DEEL_A, voorstellen: [], melding: 'Die datum is al voorbij; kies vandaag of een latere datum.', actieId: 'actie-1', ingevuld: { wie: 'Schuldhulp', wat: 'Budgetplan', wanneer: '2026-11-20', termijn: 'lang' } }), [ACTIE_WIJZIGEN, ACTIE_VERWIJDEREN, ACTIE_TOEVOEGEN, PLAN_KLAAR, DOELEN_OPENEN]],
  ['Deel A, de doelen van de inwoner', () => renderDoelCard(DOELEN), [DOEL_WIJZIGEN, DOEL_VERWIJDEREN, DOEL_OPSLAAN, DOELEN_KLAAR]],
  ['Deel A, een doel na een weigering', () => renderDoelCard({ ...DOELEN, doelen: [], melding: 'Die datum is al voorbij; kies voor het resultaat vandaag of een latere datum.', ingevuld: { leefgebied: 'financien', doel: 'Schulden op een rij.', tevredenheid: '2', resultaat: 'Er is een regeling.', resultaatDatum: '2026-11-01' } }), [DOEL_OPSLAAN, DOELEN_KLAAR]],
  ['de leefgebieden die voor de inwoner het belangrijkst zijn', () => renderRangordeCard({ caseId: 'case-000001', reference: REF, gekozen: ['huisvesting', 'financien'] }), [RANGORDE_OPSLAAN]],
  ['MDO plannen, na een weigering met wat er was ingevuld', () => renderMdoPlanningCard({ ...PLANNING, melding: 'Dat moment is al voorbij; kies een moment in de toekomst.', ingevuld: { moment: 'eigen', datum: '2026-11-20', tijd: '10:00', locatie: 'online' } }), [MDO_MOMENT_KIEZEN]],
  ['één casus met voor en na', () => renderCaseViewCard({ ...VIEW, voorNa: { samenvatting: '1 leefgebied beter, 0 slechter, 12 gelijk.', facts: [{ title: 'Financiën', value: '1 → 4, ↑ beter (+3)' }, { title: 'Kwaliteit van leven', value: '4 → 7, ↑ beter (+3)' }] } }), [CASUS_VERDER]],
  ['één casus met de doelen van de inwoner', () => renderCaseViewCard({ ...VIEW, doelen: [{ titel: 'Huisvesting', doel: 'Met de kinderen in ons huis **blijven** wonen.', stand: 'Tevredenheid bij de start: 3 van 10 · opgelost als: een regeling (uiterlijk 18 januari 2027)' }] }), [CASUS_VERDER]],
  ['één casus met voor en na, niets veranderd', () => renderCaseViewCard({ ...VIEW, voorNa: { samenvatting: '0 leefgebieden beter, 0 slechter, 13 gelijk.', facts: [] } }), [CASUS_VERDER]],
  ['melding', () => renderNoticeCard({ title: 'Niet beschikbaar', text: 'Deze casus bestaat niet, of je hebt er geen toegang toe.' })],
];

describe('cards: rendered from fixture data, valid Adaptive Cards 1.5', () => {
  for (const [name, render, verbs] of CARDS) {
    it(name, () => {
      const card = render();
      expectValidCard(card);
      for (const verb of verbsOf(card)) expect(VERBS as readonly string[]).to.include(verb);
      if (verbs) expect(elementsOf(card, 'Action.Submit').map((a) => (a.data as Json).verb)).to.deep.equal(verbs);
    });
  }
});

describe('cards: dates and times', () => {
  it('every Input.Date and Input.Time has a Dutch label and placeholder, and a Dutch error message when it has a bound', () => {
    let seen = 0;
    for (const [name, render] of CARDS) {
      for (const input of [...elementsOf(render(), 'Input.Date'), ...elementsOf(render(), 'Input.Time')]) {
        seen += 1;
        const where = `${name}: ${String(input.id)}`;
        expect(input.label, where).to.be.a('string').and.not.equal('');
        expect(input.placeholder, where).to.equal(input.type === 'Input.Date' ? 'Kies een datum' : 'Kies een tijd');
        // Without an errorMessage Teams only reddens a date outside min/max: the button then seems to do nothing.
        if (input.min !== undefined || input.max !== undefined) expect(input.errorMessage, where).to.match(/^Kies .*\.$/);
      }
    }
    expect(seen).to.be.greaterThan(10);
  });
});

describe('cards: Deel A, the plan', () => {
  const submits = (card: unknown) => elementsOf(card, 'Action.Submit').map((a) => [a.title, a.data]);
  const byId = (card: unknown, id: string) => [...elementsOf(card, 'Input.Text'), ...elementsOf(card, 'Input.Date'), ...elementsOf(card, 'Input.ChoiceSet')].find((i) => i.id === id) as Json;

  it('offers each MDO afspraak to take over, change or drop, and each action to change or remove, without sending the form', () => {
    const card = renderActieCard(DEEL_A);
    expect(texts(card)).to.include.members(['Afspraken uit het MDO', 'Ontruiming aanhouden', 'Woningcorporatie · uiterlijk 4 december 2026', 'Het plan', 'Huurachterstand in kaart', 'Nieuwe actie']);
    expect(submits(card).slice(0, 5)).to.deep.equal([
      ['Overnemen', { verb: AFSPRAAK_OVERNEMEN, caseId: 'case-000001', afspraakId: 'afspraak-1' }],
      ['Wijzigen', { verb: ACTIE_WIJZIGEN, caseId: 'case-000001', afspraakId: 'afspraak-1' }],
      ['Niet overnemen', { verb: AFSPRAAK_NIET_OVERNEMEN, caseId: 'case-000001', afspraakId: 'afspraak-1' }],
      ['Wijzigen', { verb: ACTIE_WIJZIGEN, caseId: 'case-000001', actieId: 'actie-1' }],
      ['Verwijderen', { verb: ACTIE_VERWIJDEREN, caseId: 'case-000001', actieId: 'actie-1' }],
    ]);
    for (const button of elementsOf(card, 'Action.Submit').slice(0, 5)) expect(button.associatedInputs).to.equal('none');
    expect(byId(card, 'wanneer')).to.deep.include({ min: '2026-11-23', value: '' });
    expect(byId(card, 'termijn').value).to.equal('kort');
  });

  it('after a refusal shows why on the card, with what was typed, and saves the same action again', () => {
    const card = renderActieCard({ ...DEEL_A, melding: 'Die datum is al voorbij; kies vandaag of een latere datum.', actieId: 'actie-1', ingevuld: { wie: 'Schuldhulp', wat: 'Budgetplan', wanneer: '2026-11-30', termijn: 'lang' } });
    expect(texts(card)).to.include.members(['Die datum is al voorbij; kies vandaag of een latere datum.', 'Actie wijzigen']);
    expect([byId(card, 'wie').value, byId(card, 'wat').value, byId(card, 'wanneer').value, byId(card, 'termijn').value]).to.deep.equal(['Schuldhulp', 'Budgetplan', '2026-11-30', 'lang']);
    expect(submits(card).at(-3)).to.deep.equal(['Wijziging opslaan', { verb: ACTIE_TOEVOEGEN, caseId: 'case-000001', actieId: 'actie-1', afspraakId: '' }]);
  });

  it('lets an action being changed keep a date that has passed, and takes over a changed afspraak', () => {
    const kept = renderActieCard({ ...DEEL_A, actieId: 'actie-1', ingevuld: { wie: 'Schuldhulp', wat: 'Budgetplan', wanneer: '2026-11-20' } });
    expect(byId(kept, 'wanneer')).to.deep.include({ min: '2026-11-20', value: '2026-11-20' });
    const afspraak = renderActieCard({ ...DEEL_A, afspraakId: 'afspraak-1', ingevuld: { wie: 'Woningcorporatie', wat: 'Ontruiming aanhouden', wanneer: '2026-12-04' } });
    expect(texts(afspraak)).to.include('Afspraak uit het MDO aanpassen en overnemen');
    expect(submits(afspraak).at(-3)).to.deep.equal(['Overnemen in het plan', { verb: ACTIE_TOEVOEGEN, caseId: 'case-000001', actieId: '', afspraakId: 'afspraak-1' }]);
    expect(byId(afspraak, 'wanneer').min).to.equal('2026-11-23');
  });
});

describe('cards: the ZRM card', () => {
  const inputsOf = (card: unknown) => elementsOf(card, 'Input.ChoiceSet');

  it('asks all 13 leefgebieden in matrix order, each required with a Dutch error message', () => {
    const inputs = inputsOf(renderZrmScoresCard(zrmCardData('c1', REF, 'voor', {})));
    expect(inputs.map((i) => i.id)).to.deep.equal(LEEFGEBIEDEN.map((l) => `zrm_${l}`));
    expect(inputs.map((i) => i.label)).to.deep.equal(LEEFGEBIEDEN.map((l) => LEEFGEBIED_LABELS[l]));
    for (const input of inputs) {
      expect(input).to.include({ isRequired: true, style: 'compact', value: '' });
      expect(input.errorMessage).to.equal(`Kies een score voor ${String(input.label)}.`);
    }
  });

  it('offers the five scores of the matrix on every row', () => {
    for (const input of inputsOf(renderZrmScoresCard(zrmCardData('c1', REF, 'voor', {})))) {
      expect(input.choices).to.deep.equal([
        { title: '1 Acute problematiek', value: '1' }, { title: '2 Niet zelfredzaam', value: '2' }, { title: '3 Beperkt zelfredzaam', value: '3' },
        { title: '4 Voldoende zelfredzaam', value: '4' }, { title: '5 Volledig zelfredzaam', value: '5' },
      ]);
    }
  });

  it('preselects the scores already given, and leaves the others open', () => {
    const inputs = inputsOf(renderZrmScoresCard(zrmCardData('c1', REF, 'na', { financien: 3, justitie: 5 })));
    const values = Object.fromEntries(inputs.map((i) => [i.id, i.value]));
    expect(values).to.include({ zrm_financien: '3', zrm_justitie: '5', zrm_huisvesting: '' });
    expect(inputs.filter((i) => i.value !== '')).to.have.length(2);
  });

  it('names the moment and the kenmerk, and submits case and moment with the verb', () => {
    const voor = renderZrmScoresCard(zrmCardData('c1', REF, 'voor', {}));
    const na = renderZrmScoresCard(zrmCardData('c1', REF, 'na', {}));
    expect(texts(voor)).to.include.members(['ZRM-scores vóór de hulp', `Kenmerk ${REF}`]);
    expect(texts(na)).to.include('ZRM-scores na afloop');
    expect(elementsOf(na, 'Action.Submit').map((a) => [a.title, a.data])).to.deep.equal([['Scores opslaan', { verb: ZRM_OPSLAAN, caseId: 'c1', moment: 'na' }]]);
  });

  it('renders rows given without a value', () => {
    const card = renderZrmScoresCard({ caseId: 'c1', reference: REF, moment: 'voor', leefgebieden: [{ key: 'financien', label: 'Financiën' }] });
    expectValidCard(card);
    expect(inputsOf(card)[0]).to.include({ id: 'zrm_financien', value: '' });
  });
});

describe('cards: a colleague on the case', () => {
  const inputs = (card: unknown) => [...elementsOf(card, 'Input.ChoiceSet'), ...elementsOf(card, 'Input.Text'), ...elementsOf(card, 'Input.Date')];
  const picker = (card: unknown) => elementsOf(card, 'Input.ChoiceSet').find((i) => i.id === 'userId') as Json;
  const byId = (card: unknown, id: string) => inputs(card).find((i) => i.id === id) as Json;

  it('in Teams asks Teams\u2019 people picker (Graph users), with no list of its own', () => {
    const card = renderCollegaToevoegenCard(COLLEGA);
    expect(picker(card)).to.deep.include({ choices: [], value: '', 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } });
    expect(elementsOf(card, 'Input.ChoiceSet').filter((i) => i.id === 'userId')).to.have.length(1);
    // Only Teams' own query for people is let through the 1.5 check; anything else of 1.6 is still refused.
    const other = structuredClone(card);
    picker(other)['choices.data'] = { type: 'Data.Query', dataset: 'graph.microsoft.com/groups' };
    expect(() => expectValidCard(other)).to.throw(/the only Data.Query Teams knows for people/);
  });

  it('locally offers the people file as a list (name \u2014 organisation) and no Data.Query', () => {
    const card = renderCollegaToevoegenCard({ ...COLLEGA, keuze: { via: 'lijst', mensen: MENSEN } });
    expect(picker(card).choices).to.deep.equal([
      { title: 'Alex Wilber \u2014 Wijkteam Helmond-Noord', value: MENSEN[0]!.id },
      { title: 'Megan Bowen \u2014 GGZ Oost Brabant', value: MENSEN[1]!.id },
      { title: 'Adele Vance', value: MENSEN[2]!.id },
    ]);
    expect(JSON.stringify(card)).to.not.contain('Data.Query');
    expect(texts(card).join(' ')).to.not.contain('personenbestand');
    const leeg = renderCollegaToevoegenCard({ ...COLLEGA, keuze: { via: 'lijst', mensen: [] } });
    expect(texts(leeg).join(' ')).to.contain('Er staat nog niemand in het personenbestand');
    expect(inputs(leeg), 'nothing to fill in without anyone to choose').to.deep.equal([]);
  });

  it('gives every input a label, and every required one a Dutch error message', () => {
    for (const card of [renderCollegaToevoegenCard(COLLEGA), renderCollegaToevoegenCard({ ...COLLEGA, keuze: { via: 'lijst', mensen: MENSEN } })]) {
      expectValidCard(card);
      expect(inputs(card).map((i) => i.id)).to.have.members(['userId', 'hoe', 'onderdelen', 'organisatie', 'taak', 'op']);
      for (const input of inputs(card)) {
        expect(input.label, String(input.id)).to.be.a('string').and.not.equal('');
        expect(input.isRequired, String(input.id)).to.equal(true);
        expect(input.errorMessage, String(input.id)).to.match(/^[A-Z].*\.$/);
      }
    }
  });

  it('asks the consent: how, on which day (today by default, never later), and which parts, several at once', () => {
    const card = renderCollegaToevoegenCard(COLLEGA);
    expect(byId(card, 'hoe')).to.deep.include({ style: 'expanded', value: '', choices: [{ title: 'Mondeling', value: 'mondeling' }, { title: 'Schriftelijk', value: 'schriftelijk' }] });
    expect(byId(card, 'op')).to.deep.include({ value: '2026-11-23', max: '2026-11-23' });
    expect(byId(card, 'onderdelen')).to.deep.include({ isMultiSelect: true, style: 'expanded', value: '', choices: CONSENT_PARTS.map((value) => ({ title: CONSENT_PART_LABELS[value], value })) });
    expect(CONSENT_PARTS.map((p) => CONSENT_PART_LABELS[p])).to.deep.equal(['Hulpvraag en vraagverheldering', 'ZRM-scores', 'Samenwerkplan Deel A', 'Samenwerkplan Deel B', 'MDO-uitkomsten', 'Evaluatie (Deel C)']);
  });

  it('after a refusal shows why, with the chosen colleague and what was filled in', () => {
    const card = renderCollegaToevoegenCard({ ...COLLEGA, gekozen: MENSEN[1], melding: 'Vul de taak van de collega in.', ingevuld: { hoe: 'mondeling', op: '2026-11-20', onderdelen: ['hulpvraag', 'deelA'] } });
    expect(texts(card)).to.include('Vul de taak van de collega in.');
    expect(picker(card)).to.deep.include({ value: MENSEN[1]!.id, choices: [{ title: 'Megan Bowen \u2014 GGZ Oost Brabant', value: MENSEN[1]!.id }] });
    expect(byId(card, 'organisatie').value).to.equal('GGZ Oost Brabant');
    expect([byId(card, 'hoe').value, byId(card, 'op').value, byId(card, 'onderdelen').value]).to.deep.equal(['mondeling', '2026-11-20', 'hulpvraag,deelA']);
    expect(texts(renderCollegaToevoegenCard(COLLEGA))).to.not.include('Vul de taak van de collega in.');
  });

  it('adds with the case, and cancels without sending the inputs', () => {
    const [toevoegen, annuleren] = elementsOf(renderCollegaToevoegenCard(COLLEGA), 'Action.Submit');
    expect(toevoegen).to.deep.include({ title: 'Toevoegen', data: { verb: COLLEGA_TOEVOEGEN, caseId: 'case-000001' } });
    expect(annuleren).to.deep.include({ title: 'Annuleren', associatedInputs: 'none', data: { verb: COLLEGA_ANNULEREN, caseId: 'case-000001' } });
  });
});

describe('cards: MDO planning, whom to invite', () => {
  it('offers every party to invite, several at once, with the chosen ones ticked, and looks for moments again for them', () => {
    const card = renderMdoPlanningCard({ ...PLANNING, deelnemers: DEELNEMERS, gekozen: ['aad-wijkteam-1', 'aad-ggz-1'] });
    const [keuze] = elementsOf(card, 'Input.ChoiceSet').filter((c) => c.id === 'deelnemers');
    expect(keuze).to.deep.include({ isMultiSelect: true, style: 'expanded', value: 'aad-wijkteam-1,aad-ggz-1' });
    expect(keuze?.choices).to.deep.equal(DEELNEMERS);
    expect(texts(card)).to.include('De uitnodiging met een Teams-vergaderlink gaat naar de gekozen deelnemers. Er staat alleen het kenmerk in, geen gegevens van de inwoner.');
  });

  it('after a refusal shows why on the card, with the date, time, place and moment that were chosen', () => {
    const slots = [{ start: '2026-11-24T08:00:00.000Z', label: 'dinsdag 24 november 2026, 09:00 \u2013 10:30' }];
    const card = renderMdoPlanningCard({ ...PLANNING, slots, melding: 'Dat moment is al voorbij; kies een moment in de toekomst.', ingevuld: { moment: 'eigen', datum: '2026-11-20', tijd: '10:00', locatie: 'online' } });
    const inputs = Object.fromEntries([...elementsOf(card, 'Input.Date'), ...elementsOf(card, 'Input.Time'), ...elementsOf(card, 'Input.ChoiceSet')].map((i) => [i.id, i.value]));
    expect(texts(card)).to.include('Dat moment is al voorbij; kies een moment in de toekomst.');
    expect(inputs).to.deep.include({ moment: 'eigen', datum: '2026-11-20', tijd: '10:00', locatie: 'online' });
    const fresh = Object.fromEntries(elementsOf(renderMdoPlanningCard({ ...PLANNING, slots }), 'Input.ChoiceSet').map((i) => [i.id, i.value]));
    expect(fresh).to.deep.equal({ moment: slots[0]!.start, locatie: 'thuis' });
  });

  it('without parties (an older caller) it shows no choice', () => {
    expect(elementsOf(renderMdoPlanningCard(PLANNING), 'Input.ChoiceSet').map((c) => c.id)).to.not.include('deelnemers');
  });
});

describe('cards: casusregie overdragen', () => {
  it('offers the parties by name and organisation, one to choose, and an optional reason', () => {
    const card = renderCasusregieOverdragenCard(OVERDRAGEN);
    const [keuze] = elementsOf(card, 'Input.ChoiceSet');
    expect(keuze).to.deep.include({ id: 'userId', isRequired: true, style: 'expanded' });
    expect(keuze?.choices).to.deep.equal(OVERDRAGEN.kandidaten);
    expect(elementsOf(card, 'Input.Text')[0]).to.deep.include({ id: 'toelichting', isMultiline: true, maxLength: 1000 });
    expect(elementsOf(card, 'Input.Text')[0]?.isRequired).to.equal(undefined);
  });

  it('the proposal card answers with Action.Execute (a Submit as fallback), refreshes for the party asked, and reads no Markdown in people\u2019s words', () => {
    const card = renderCasusregieVoorstelCard(VOORSTEL) as unknown as Json;
    expect(elementsOf(card, 'Action.Execute').map((a) => a.verb)).to.include.members([REGIE_AANVAARDEN, REGIE_AFWIJZEN, REGIE_VERNIEUW]);
    expect((card.refresh as Json).userIds).to.deep.equal(['aad-schuldhulp-1']);
    expect(elementsOf(card, 'TextRun').map((t) => t.text)).to.include(VOORSTEL.toelichting);
    expect(elementsOf(card, 'TextBlock').map((t) => t.text)).to.not.include(VOORSTEL.toelichting);
  });

  it('once answered it shows the outcome and no buttons or inputs', () => {
    const card = renderCasusregieVoorstelCard({ ...VOORSTEL, open: false, uitkomst: 'Je hebt dit voorstel afgewezen op 24 nov 2026, 09:00.', uitkomstGoed: false });
    expect(elementsOf(card, 'ActionSet')).to.deep.equal([]);
    expect(elementsOf(card, 'Input.Text')).to.deep.equal([]);
    expect(texts(card)).to.include('Je hebt dit voorstel afgewezen op 24 nov 2026, 09:00.');
  });
});

describe('cards: mijn casussen', () => {
  it('shows its empty text only when empty, and "Meer casussen" only with a token', () => {
    const empty = renderCaseListCard({ title: 'T', items: [], emptyText: 'Leeg hier.' });
    expect(texts(empty)).to.deep.equal(['T', 'Leeg hier.']);
    expect(empty.actions).to.deep.equal([]);
    const full = renderCaseListCard(LIST);
    expect(texts(full)).to.not.include(LIST.emptyText);
    expect(elementsOf(full, 'Action.Submit').at(-1)).to.deep.include({ title: 'Meer casussen', data: { verb: CASUSSEN_MEER, continuationToken: 'eyJ2IjoxfQ' } });
    expect(JSON.stringify(renderCaseListCard({ ...LIST, continuationToken: undefined }))).to.not.contain('Meer casussen');
  });

  it('shows one row per case with kenmerk, step, next due and on whom it waits, and opens that case', () => {
    const card = renderCaseListCard(LIST);
    expect(texts(card)).to.include.members([REF, '4 MDO · sinds 24 november 2026', 'HA-2026-AB12CD', '5B Onderbouwing (Deel B) · sinds 27 november 2026']);
    // The pseudonyms as the professional's own words (no Markdown), and only on the row that has them.
    expect(elementsOf(card, 'TextRun').map((t) => t.text)).to.deep.equal(['Moeder (M1), Kind (K1)']);
    const facts = elementsOf(card, 'FactSet').map((f) => f.facts);
    expect(facts[0]).to.deep.equal([{ title: 'Eerstvolgende', value: 'evaluatie op 7 januari 2027' }, { title: 'Wacht op', value: 'Casusregisseur (Sanne de Vries)' }]);
    const open = elementsOf(card, 'Action.Submit').filter((a) => a.title === 'Openen').map((a) => a.data);
    expect(open).to.deep.equal(LIST.items.map((i) => ({ verb: CASUS_OPENEN, caseId: i.caseId })));
  });
});

describe('cards: one case', () => {
  it('shows hulpvraag, huishouden, who looks along and what each may see, what is open and the next step', () => {
    const card = renderCaseViewCard(VIEW);
    expect(texts(card)).to.include.members([`Casus ${REF}`, 'Ronde 1', '4 MDO', 'Hulpvraag', VIEW.hulpvraag, VIEW.next, 'Wie kijkt mee']);
    const facts = elementsOf(card, 'FactSet').map((f) => f.facts);
    expect(facts[0]).to.deep.equal(VIEW.household.map((m) => ({ title: m.role, value: m.label })));
    expect(texts(card)).to.include.members(VIEW.professionals.flatMap((p) => [`${p.name} · ${p.role}`, p.ziet]));
    expect(facts[1]).to.deep.equal(VIEW.due.map((d) => ({ title: d.when, value: d.what })));
  });

  it('says so when a section is empty, and leaves out a missing hulpvraag', () => {
    const card = renderCaseViewCard(VIEW_EMPTY);
    expect(texts(card)).to.include.members(['Nog niemand vastgelegd.', 'Nog geen professionals gekoppeld.', 'Niets openstaand.', 'Nog geen stappen gezet.']);
    expect(texts(card)).to.not.include('Hulpvraag');
    expect(elementsOf(card, 'FactSet')).to.deep.equal([]);
  });

  it('shows a short history in full: who, when, from → to, and why when given', () => {
    const card = renderCaseViewCard(VIEW);
    expect(texts(card)).to.include.members([
      '23 nov 2026, 10:00, Sanne de Vries: 1 Indienen → 2 Vraagverheldering',
      '24 nov 2026, 09:00, Sanne de Vries: 3 Wie is er nodig? → 4 MDO',
      'Meervoudige vraag: schulden, huisvesting en school.',
    ]);
    expect(elementsOf(card, 'Action.ToggleVisibility')).to.deep.equal([]);
    expect(JSON.stringify(card)).to.not.contain('"isVisible":false');
  });

  it('folds the earlier steps of a long history behind a toggle and shows the newest three', () => {
    const card = renderCaseViewCard({ ...VIEW, history: STAPPEN }) as Json;
    const entries = (card.body as Json[]).filter((e) => typeof e.id === 'string' && e.id.startsWith('geschiedenis-'));
    expect(entries.map((e) => e.isVisible)).to.deep.equal([false, false, false, false, true, true, true]);
    const [toggle, ...others] = elementsOf(card, 'Action.ToggleVisibility');
    expect(others).to.deep.equal([]);
    expect(toggle).to.deep.include({ title: 'Eerdere stappen tonen of verbergen (4)', targetElements: entries.slice(0, 4).map((e) => e.id) });
  });
});

describe('cards: rendering', () => {
  it('expandCard refuses a card in which an expression survives', () => {
    expect(() => expandCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${ontbreekt.diep}' }] }, {})).to.throw(/unbound expression: \$\{ontbreekt\.diep\}/);
    expect(() => renderCaseListCard({ title: 'T', items: [{ caseId: 'c' }] } as never)).to.throw(/unbound expression/);
  });

  it('shows what a professional typed as text: in TextRuns, never in a TextBlock that reads Markdown', () => {
    const typed = '**Dringend** [klik hier](https://voorbeeld.nl) _nu_ - # kop';
    const cards = [
      renderApprovalCard({ ...APPROVAL, onderbouwing: [{ titel: 'Situatie', tekst: typed }], besluitReden: typed }),
      renderCaseViewCard({ ...VIEW, hulpvraag: typed, history: [{ ...STAPPEN[0]!, why: typed }] }),
      renderEscalationCard({ caseId: 'c', reference: REF, fase: 'Fase 2: procesregie', aanleiding: 'Vast', stap: '6 Uitvoering', regisseur: 'Sanne', vraag: typed, uitkomst: typed, open: false, nieuweOnderbouwing: false, kanOpschalen: false, volgendeFase: 'Fase 3: management' }),
    ];
    for (const card of cards) {
      const runs = elementsOf(card, 'TextRun').map((run) => String(run.text));
      expect(runs.some((text) => text.includes(typed)), 'the typed text is on the card as a text run').to.equal(true);
      expect(elementsOf(card, 'TextBlock').map((block) => String(block.text)).filter((text) => text.includes(typed))).to.deep.equal([]);
    }
  });

  it('keeps text that merely contains "${" as the professional typed it', () => {
    const hulpvraag = 'Wat kost ${bedrag} per maand?';
    const card = renderCaseViewCard({ ...VIEW, hulpvraag, history: [{ ...STAPPEN[0]!, why: 'Zie ${brief}' }] });
    expect(texts(card)).to.include.members([hulpvraag, 'Zie ${brief}']);
  });

  it('renders the same card twice with different data into two independent cards', () => {
    const full = renderCaseListCard(LIST);
    const before = structuredClone(full);
    const empty = renderCaseListCard({ ...LIST, title: 'Mijn ${casussen}', items: [], continuationToken: undefined });
    expect(full, 'the first card is not changed by the second render').to.deep.equal(before);
    expect(JSON.stringify(empty)).to.not.contain(REF).and.not.contain(CASUSSEN_MEER);
    expect(texts(empty)).to.include.members(['Mijn ${casussen}', LIST.emptyText]);
    // Nothing is shared: changing one card's objects leaves the other and the next render alone.
    (full.body as Json[]).length = 0;
    expect(renderCaseListCard(LIST)).to.deep.equal(before);
    expect(texts(renderCaseViewCard({ ...VIEW, hulpvraag: 'Eerst ${dit}.' }))).to.include('Eerst ${dit}.');
    expect(texts(renderCaseViewCard(VIEW))).to.include(VIEW.hulpvraag).and.not.include('Eerst ${dit}.');
  });

  it('parses each card template once and reuses it for every render', () => {
    // adaptivecards-templating parses every string of a template when a Template is made, and never on expand.
    const parse = sinon.spy(Template, 'parseInterpolatedString');
    try {
      const template = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${tekst}' }] };
      const first = expandCard(template, { tekst: 'een' });
      expect(parse.getCalls().map((call) => call.args[0])).to.deep.equal(['AdaptiveCard', '1.5', 'TextBlock', '${tekst}']);
      const second = expandCard(template, { tekst: 'twee ${drie}' });
      expect(parse.callCount, 'the second render parses nothing').to.equal(4);
      expect([texts(first), texts(second)]).to.deep.equal([['een'], ['twee ${drie}']]);

      renderNoticeCard({ title: 'Let op', text: 'Eerste.' });
      renderCaseViewCard(VIEW);
      parse.resetHistory();
      renderNoticeCard({ title: 'Let op', text: 'Tweede.' });
      renderCaseViewCard({ ...VIEW, hulpvraag: 'Anders.' });
      expect(parse.callCount, 'a card template already rendered is not parsed again').to.equal(0);
    } finally {
      parse.restore();
    }
  });

  it('wraps a card as an Adaptive Card attachment', () => {
    const card = renderCaseViewCard(VIEW);
    expect(toAttachment(card)).to.deep.equal({ contentType: 'application/vnd.microsoft.card.adaptive', content: card });
  });

  it('the MDO checklist has a toggle for every item of the gespreksformat', () => {
    const json = JSON.stringify(renderMdoChecklistCard(mdoChecklistCardData('c1', REF, mdo, 'x')));
    expect(json.match(/"Input.Toggle"/g)).to.have.length(12);
  });

  it('the approval card refreshes automatically for the approvers it names', () => {
    const card = renderApprovalCard(APPROVAL) as unknown as { refresh: { userIds: string[]; action: { verb: string } } };
    expect(card.refresh.userIds).to.deep.equal(['aad-leidinggevende-1', 'aad-leidinggevende-2']);
    expect(card.refresh.action.verb).to.equal('deelb.vernieuw');
  });
});

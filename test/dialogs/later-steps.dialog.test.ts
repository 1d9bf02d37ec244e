import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { EscalerenDialog } from '../../bot/dialogs/escaleren-dialog';
import { EvaluatieDialog } from '../../bot/dialogs/evaluatie-dialog';
import { OnderbouwingDialog } from '../../bot/dialogs/onderbouwing-dialog';
import { UitvoeringDialog } from '../../bot/dialogs/uitvoering-dialog';
import { ZRM_OPSLAAN } from '../../cards/verbs';
import { LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { buttons, cardWith, playDialog, press, said, storedForDialog, submitDataOf } from '../support/bot-services';
import { caseAt, DEEL_B_VOLLEDIG, PEOPLE } from '../support/stappenplan-driver';
import type { CaseCommandInput } from '../../services/domain/stappenplan/commands';

const directory = new StaticDirectory({ [PEOPLE.leidinggevende.userId]: ['leidinggevende'], [PEOPLE.procesregisseur.userId]: ['procesregisseur'] });

/** The leefgebieden offered for the money: the voorbeeldcasus's ranking (and its goal's), then the matrix's order. */
const CATEGORIE_KNOPPEN = [
  'Huisvesting', 'Financiën', 'Geestelijke gezondheid', 'Werk & opleiding', 'Tijdsbesteding', 'Huiselijke relaties', 'Lichamelijke gezondheid',
  'Middelengebruik', 'Basale ADL', 'Instrumentele ADL', 'Sociaal netwerk', 'Maatschappelijke participatie', 'Justitie',
];

describe('dialog: stap 5B Onderbouwing (Deel B)', () => {
  it('asks every part of Deel B, refuses bad answers, and submits it to the approvers the policy names', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('onderbouwing').case, directory);
    const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [/^Stap 5B, \*\*onderbouwing\*\*/, /beknopte situatiebeschrijving/]],
      ['Moeder met twee kinderen, BSN 123456782.', [/^Laat het burgerservicenummer \(BSN\) weg uit de beknopte situatiebeschrijving/]],
      ['Moeder met twee kinderen, huurachterstand van drie maanden.', [/dreigend scenario/]],
      ['Huisuitzetting binnen 8 weken.', [/niet regulier/]],
      ['De reguliere route duurt 10 weken.', [/rendement/]],
      ['Een uitzetting kost vele malen meer.', [/legitimiteit/]],
      ['De Participatiewet staat een eenmalige betaling toe.', [/betrokkenheid/]],
      ['De corporatie stopt de procedure bij betaling.', [buttons(/^Wat vraag je aan\?/, ['Een uitzondering', 'Doorbraakbudget', 'Allebei'])]],
      // Free text at a choice is never read as one of the choices: the choice is asked again, with a hint.
      ['2', [said(/^Dat is geen van de keuzes\. Kies een van de knoppen\.\nWat vraag je aan\?/)]],
      [press('Doorbraakbudget'), [/Hoeveel \*\*doorbraakbudget\*\*/]],
      // An amount that cannot be read is asked again as an amount, and the next amount is read as one.
      ['heel veel', [/^Dat is geen bedrag dat ik kan lezen\.\n\nHoeveel \*\*doorbraakbudget\*\*/]],
      // With money asked: for which leefgebied, the inwoner's most important ones and those of Deel A's goals first.
      ['€ 1.250,00', [buttons(/^Voor welk \*\*leefgebied\*\* is het geld\?/, CATEGORIE_KNOPPEN)]],
      // Free text, a number or a leefgebied's key at this choice is never a choice.
      ['woning', [said(/^Dat is geen van de keuzes\. Kies een van de knoppen\.\nVoor welk \*\*leefgebied\*\* is het geld\?/)]],
      ['1', [said(/^Dat is geen van de keuzes/)]],
      ['huisvesting en financien', [said(/^Dat is geen van de keuzes/)]],
      [press('Huisvesting'), [/\*\*doel\*\*/]],
      ['nvt', [/^"nvt" is geen onderbouwing\. Beschrijf bij het doel wat de aanvraag voor de inwoner bereikt[\s\S]*\*\*doel\*\*/]],
      ['Huurachterstand betalen zodat de ontruiming stopt.', [buttons(/ter beoordeling/, ['Ja, nu indienen', 'Eerst iets aanpassen', 'Later'])]],
      [press('Ja, nu indienen'), ['Deel B is ingediend ter beoordeling. Je hoort het zodra er een besluit is.']],
    ]);
    const c = (await store.get(caseId))?.case;
    expect(c?.deelB?.verzoek).to.deep.include({ doorbraakbudgetCents: 125_000, categorie: 'huisvesting' });
    expect(c?.approvals[0]).to.deep.include({ status: 'open', requestedBy: 'user1', askedUserIds: [PEOPLE.leidinggevende.userId] });
  });

  it('after a rejection shows the reason and can escalate to the procesregisseur', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('onderbouwing').case, directory);
    await playDialog(new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId }), []);
    const user1 = { userId: 'user1', orgRoles: [] };
    for (const command of <CaseCommandInput[]>[
      { type: 'recordDeelB', ...DEEL_B_VOLLEDIG },
      { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] },
    ]) await services.cases.execute(user1, caseId, command);
    const requestId = (await store.get(caseId))?.case.approvals[0]?.id;
    await services.cases.execute(PEOPLE.leidinggevende, caseId, { type: 'decideApproval', requestId: requestId as string, outcome: 'afgewezen', reason: 'Eerst de reguliere route.' });
    const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
    await playDialog(client, [
      ['verder', ['Besluit op Deel B: **Afgewezen**, door de leidinggevende. Reden: Eerst de reguliere route.', said(/^Hoe verder\?/)]],
      [press('Escaleren naar de procesregisseur'), [/^Wat is je vraag aan de procesregisseur over Deel B\?/]],
      ['Kan de uitzondering alsnog, gezien de termijn?', [/staat nu in \*\*stap 6B \(escaleren\)\*\*/]],
    ]);
    const c = (await store.get(caseId))?.case;
    expect(c?.escalaties[0]).to.deep.include({ aanleiding: 'afgewezen', aveFase: 2, askedUserIds: [PEOPLE.procesregisseur.userId] });
  });
});

describe('dialog: stap 6 Uitvoering', () => {
  it('updates an action, shows a refused escalation without storing it, then escalates', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('uitvoering').case, directory);
    const client = new DialogTestClient('msteams', new UitvoeringDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [said(/^Stap 6, \*\*uitvoering\*\*[\s\S]*Huurachterstand in kaart \(Schuldhulp, uiterlijk 30 november 2026\): open[\s\S]*Wat wil je doen\?/)]],
      [press('Een actie bijwerken'), [said(/^Welke actie\?/)]],
      [press('Huurachterstand in kaart'), [said(/^Wat is de stand\?/)]],
      [press('Gedaan'), [said(/^Bijgewerkt\. De andere betrokkenen krijgen er bericht van\.[\s\S]*Huurachterstand in kaart \(Schuldhulp, uiterlijk 30 november 2026\): gedaan/)]],
      [press('Ik loop vast'), [/^Waar loop je op vast\?/]],
      ['De corporatie belde 123.456.782 terug', [/^Laat het burgerservicenummer \(BSN\) weg uit wat je voorlegt aan de procesregisseur: dat slaan we nooit op\.\n\nWaar loop je op vast\?/]],
      ['De corporatie twijfelt over de betalingsregeling.', [/staat nu in \*\*stap 6B \(escaleren\)\*\*/]],
    ]);
    const c = (await store.get(caseId))?.case;
    expect(c?.deelA.acties[0]?.status).to.equal('gedaan');
    expect(c?.escalaties).to.have.length(1);
    expect(c?.escalaties[0]).to.deep.include({ aanleiding: 'vastgelopen', vraag: 'De corporatie twijfelt over de betalingsregeling.', askedUserIds: [PEOPLE.procesregisseur.userId] });
  });
});

describe('dialog: stap 6B Escaleren', () => {
  it('closes the escalation only with an outcome (asked again until there is one), and records a plan change with its reason', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('escaleren').case, directory);
    const client = new DialogTestClient('msteams', new EscalerenDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [said(/^Stap 6B, \*\*escaleren\*\*[\s\S]*Vraag: De corporatie twijfelt over de regeling\.[\s\S]*Fase 2: procesregie/)]],
      [press('Escalatie afgerond: terug naar uitvoering'), [/^Wat is de \*\*uitkomst\*\*/]],
      ['   ', [/^Vul de uitkomst in\.\n\nWat is de \*\*uitkomst\*\*/]],
    ]);
    expect((await store.get(caseId))?.case.step).to.equal('escaleren');
    const again = new DialogTestClient('msteams', new EscalerenDialog(services), { caseId });
    await playDialog(again, [
      ['verder', [said(/Wat is de stand\?/)]],
      [press('Escalatie afgerond: terug naar uitvoering'), [/uitkomst/]],
      ['De procesregisseur sprak de corporatie; de regeling gaat door met een kleinere termijn.', [said(/^Is het plan aangepast\?/)]],
      ['ja', [said(/^Waarom is het plan aangepast\?/)]],
      [press('Iets kan echt niet'), [/staat nu in \*\*stap 6 \(uitvoering\)\*\*/]],
    ]);
    const e = (await store.get(caseId))?.case.escalaties[0];
    expect(e?.planWijziging?.reden).to.equal('echtNietMogelijk');
    expect(e?.afgerondAt).to.be.a('string');
  });
});

describe('dialog: stap 7 Evaluatie (Deel C)', () => {
  it('records Deel C with the quality of life before and after and the ZRM after, refusing bad input, shows before and after, and closes the case', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('evaluatie').case, directory);
    const client = new DialogTestClient('msteams', new EvaluatieDialog(services), { caseId });
    let card: Record<string, unknown> = {};
    const nogmaals = /^Geef de kwaliteit van leven als cijfer van 1 tot en met 10\.\n\nWelk cijfer gaf de inwoner zelf .* toen de hulp begon\?/;
    await playDialog(client, [
      ['verder', [/^Stap 7, \*\*evaluatie\*\*/, /^Welk cijfer gaf de inwoner zelf aan de \*\*kwaliteit van leven\*\* toen de hulp begon\?/]],
      ['0', [nogmaals]],
      ['11', [nogmaals]],
      ['goed', [nogmaals]],
      ['4', [said(/^Is het plan gerealiseerd\?/)]],
      [press('Ja, gerealiseerd'), [said(/^Is het resultaat bereikt: Er is een betalingsregeling met de corporatie en de ontruiming is van de baan\.\?/)]],
      [press('Deels'), ['Hoe tevreden is de inwoner nu over Met de kinderen in ons huis blijven wonen.? (0–10) Typ een cijfer van 0 tot en met 10.']],
      ['11', [/^Geef de tevredenheid van de inwoner als cijfer van 0 tot en met 10\.\n\nHoe tevreden is de inwoner nu over Met de kinderen/]],
      ['goed', [/^Geef de tevredenheid van de inwoner als cijfer van 0 tot en met 10\.\n\nHoe tevreden is de inwoner nu over Met de kinderen/]],
      ['6', [(reply) => { cardWith('ZRM-scores na afloop')(reply); card = submitDataOf(reply); }]],
    ]);
    expect((await store.get(caseId))?.case.deelC.kwaliteitVanLevenVoor).to.equal(4);
    const doelId = (await store.get(caseId))?.case.deelA.doelen[0]?.id;
    expect((await store.get(caseId))?.case.deelC.doelen).to.deep.equal([{ doelId, bereikt: 'deels', tevredenheidNa: 6 }]);
    const scores = Object.fromEntries(LEEFGEBIEDEN.map((l) => [`zrm_${l}`, '4']));
    await playDialog(client, [
      [{ value: { ...card, ...scores, verb: ZRM_OPSLAAN, moment: 'voor' } }, [(r) => expect(r.text).to.equal('Deze kaart hoort bij een andere casus of een ander moment.')]],
      [{ value: { ...card, ...scores, verb: ZRM_OPSLAAN, zrm_financien: '3' } }, ['De ZRM-scores zijn opgeslagen.', /^Welk cijfer geeft de inwoner zelf \*\*nu\*\*/]],
      ['7,5', [/^Geef de kwaliteit van leven als (heel )?cijfer van 1 tot en met 10\.\n\nWelk cijfer geeft/]],
      ['7', [(reply) => { cardWith('Voor en na: casus')(reply); cardWith('Tevredenheid 3 → 6')(reply); cardWith('↑ beter (+3)')(reply); cardWith('Resultaat bereikt: Deels')(reply); }, /nog nodig/]],
      ['Werk zoeken; haar BSN is 123456782', [/^Laat het burgerservicenummer \(BSN\) weg uit wat er nog nodig is/]],
      ['Niets meer; schuldhulp loopt door.', [/\*\*vervolg\*\*/]],
      ['Schuldhulp loopt door; casus sluiten.', [said(/^Hoe verder met deze casus\?/)]],
      [press('Casus afsluiten'), [said(/^Weet je het zeker\? Een afgesloten casus kan niet meer open: je kunt niets meer aanpassen, er komen geen herinneringen meer en iedereen op de casus krijgt bericht/)]],
    ]);
    expect((await store.get(caseId))?.case.step, 'nothing closed before the "ja"').to.equal('evaluatie');
    await playDialog(client, [['ja', [`Casus ${caseAt('evaluatie').case.reference} is afgesloten.`]]]);
    const c = (await store.get(caseId))?.case;
    expect(c?.step).to.equal('afgesloten');
    expect(c?.deelC).to.deep.include({ gerealiseerd: 'ja', vervolg: 'Schuldhulp loopt door; casus sluiten.' });
    expect(c?.deelC.zrmNa?.scores.financien).to.equal(3);
    expect(c?.deelC).to.deep.include({ kwaliteitVanLevenVoor: 4, kwaliteitVanLevenNa: 7 });
  });

  it('a case from before doelen: no questions per doel, straight from gerealiseerd to the ZRM after', async () => {
    const zonderDoelen = structuredClone(caseAt('evaluatie').case);
    zonderDoelen.deelA.doelen = [];
    for (const a of zonderDoelen.deelA.acties) delete a.doelId;
    const { services, store, caseId } = await storedForDialog(zonderDoelen, directory);
    const client = new DialogTestClient('msteams', new EvaluatieDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [/^Stap 7/, /toen de hulp begon\?/]],
      ['4', [said(/^Is het plan gerealiseerd\?/)]],
      [press('Deels'), [cardWith('ZRM-scores na afloop')]],
    ]);
    expect((await store.get(caseId))?.case.deelC).to.deep.include({ gerealiseerd: 'deels' }).and.not.have.property('doelen');
  });

  it('keeps the case open when the professional answers "nee" to closing', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('evaluatie').case, directory);
    const user1 = { userId: 'user1', orgRoles: [] };
    const scores = Object.fromEntries(LEEFGEBIEDEN.map((l) => [l, 4]));
    await services.cases.execute(user1, caseId, { type: 'recordDeelC', gerealiseerd: 'ja', watNogNodig: 'Niets.', vervolg: 'Geen.', kwaliteitVanLevenVoor: 5, kwaliteitVanLevenNa: 7 });
    await services.cases.execute(user1, caseId, { type: 'recordZrm', moment: 'na', scores } as CaseCommandInput);
    const doelId = (await store.get(caseId))?.case.deelA.doelen[0]?.id as string;
    await services.cases.execute(user1, caseId, { type: 'recordDoelEvaluatie', doelId, bereikt: 'ja', tevredenheidNa: 8 });
    const client = new DialogTestClient('msteams', new EvaluatieDialog(services), { caseId });
    await playDialog(client, [
      // Every doel evaluated already: nothing asked again.
      ['verder', [/^Stap 7/, cardWith('Resultaat bereikt: Ja'), said(/^Hoe verder met deze casus\?/)]],
      ['Casus afsluiten', [said(/^Weet je het zeker\?/)]],
      ['nee', ['De casus blijft open. Typ **verder** om later af te sluiten of een nieuwe ronde te beginnen.']],
    ]);
    expect((await store.get(caseId))?.case.step).to.equal('evaluatie');
    expect(client.dialogTurnResult.result).to.deep.equal({ caseId, moved: false });
  });
});

describe('dialog: stap 5B when the approver does not decide', () => {
  it('says to wait before the policy\u2019s werkdagen have passed, and offers escalation after', async () => {
    const { services, store, caseId, clock } = await storedForDialog(caseAt('onderbouwing').case, directory);
    const user1 = { userId: 'user1', orgRoles: [] };
    await services.cases.execute(user1, caseId, { type: 'recordDeelB', ...DEEL_B_VOLLEDIG });
    await services.cases.execute(user1, caseId, { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
    await playDialog(new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId }), [
      ['verder', ['Deel B ligt ter beoordeling. Je hoort het zodra er een besluit is; na 5 werkdagen zonder besluit kun je escaleren.']],
    ]);
    clock.advance({ days: 8 }); // Monday 23 Nov → Tuesday 1 Dec: 6 werkdagen
    const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
    await playDialog(client, [
      ['verder', ['Deel B wacht al 5 werkdagen of langer op een besluit.', said(/^Hoe verder\?/)]],
      [press('Escaleren naar de procesregisseur'), [/^Wat is je vraag aan de procesregisseur over Deel B\?/]],
      ['Geen reactie van de leidinggevende; de ontruiming nadert.', [/staat nu in \*\*stap 6B \(escaleren\)\*\*/]],
    ]);
    expect((await store.get(caseId))?.case.escalaties[0]).to.deep.include({ aanleiding: 'geenBesluit' });
  });
});

import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { MdoDialog } from '../../bot/dialogs/mdo-dialog';
import { PlanDialog } from '../../bot/dialogs/plan-dialog';
import { ACTIE_TOEVOEGEN, MDO_CHECKLIST_OPSLAAN, PLAN_KLAAR } from '../../cards/verbs';
import { buttons, cardWith, playDialog, storedForDialog, submitDataOf } from '../support/bot-services';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';

describe('dialog: stap 4 MDO', () => {
  it('plans the MDO, walks the checklist, records the outcomes, refusing bad input at each question', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('mdo').case);
    const client = new DialogTestClient('msteams', new MdoDialog(services), { caseId });
    let checklist: Record<string, unknown> = {};
    await playDialog(client, [
      ['verder', [/^Stap 4, \*\*MDO\*\*/, /^Op welke datum is het MDO\?/]],
      ['volgende week', [/^Dat is geen datum die ik ken\.\n\nOp welke datum/]],
      ['01-01-2020', [/^Die datum is al voorbij\.\n\nOp welke datum/]],
      ['26-11-2026', [buttons(/^Waar is het MDO\?/)]],
      ['1', ['MDO 1 staat gepland op 26 november 2026 (bij de inwoner thuis).', buttons(/^Is het MDO bezig of net geweest\?/)]],
      ['ja', [(reply) => { cardWith('gespreksformat')(reply); checklist = submitDataOf(reply); }]],
    ]);
    await playDialog(client, [
      ['klaar', [/^Vink op de kaart aan wat je hebt gedaan/]],
      [{ value: { ...checklist, mdoId: 'ander-mdo-1' } }, ['Deze checklist hoort bij een ander MDO en is niet opgeslagen. Gebruik deze kaart:', cardWith('gespreksformat')]],
      [{ value: { ...checklist, verb: MDO_CHECKLIST_OPSLAAN, opening__voorstelronde: 'true', vragen__iedereenAanHetWoord: 'true' } }, [
        'Checklist opgeslagen. Nu de uitkomsten van het MDO.', /^\*\*Ik wil\*\*: Met de kinderen/, buttons(/^Zijn ik wil, ik kan en ik heb nodig/),
      ]],
      ['nee', ['Leg dan vast hoe ze in het MDO zijn vastgesteld.', /^\*\*Ik wil\*\*/]],
      ['Blijven wonen, 123456782', [/^Laat het burgerservicenummer \(BSN\) weg uit "ik wil"/]],
      ['Met de kinderen in ons huis blijven wonen.', [/^\*\*Ik kan\*\*/]],
      ['Koken en regelen.', [/^\*\*Ik heb nodig\*\*/]],
      ['Hulp bij de schulden.', [/gezamenlijk belang/]],
      ['   ', [/^Vul het gezamenlijk belang in\./]],
      ['Het gezin blijft in de woning.', [/als we niets doen/]],
      ['Huisuitzetting binnen 8 weken.', [/ondersteuning en behandeling/]],
      ['Schuldhulp en GGZ.', [/casusregie/]],
      ['1', [/afspraken/]],
      ['Schuldhulp huurachterstand in kaart', [/^Dat kon ik niet lezen als `wie; wat; wanneer`\./]],
      ['Schuldhulp; huurachterstand in kaart; 31-02-2027', [/^Dat kon ik niet lezen als `wie; wat; wanneer`\./]],
      ['Schuldhulp; huurachterstand in kaart; 30-11-2026', [/^Genoteerd \(1\)\./]],
      ['klaar', [/staat nu in stap \*\*5A Plan \(Deel A\)\*\*/, 'De evaluatie staat op 7 januari 2027, 6 weken na het MDO. Ik herinner je eraan.']],
    ]);
    const c = (await store.get(caseId))?.case;
    const mdo = c?.mdos[0];
    expect(mdo?.checklist.opening).to.deep.include({ voorstelronde: true, spelregels: false });
    expect(mdo?.uitkomsten).to.deep.include({ ikWilIkKanIkHebNodigVastgesteld: true, casusregie: 'user1', evaluatieDatum: '2027-01-07' });
    expect(c?.vraagverheldering.ikWil).to.equal('Met de kinderen in ons huis blijven wonen.');
  });
});

describe('dialog: stap 5A Plan (Deel A)', () => {
  it('adds actions from the card, refusing bad ones, then asks about an exception', async () => {
    const d = caseAt('plan');
    const { services, store, caseId } = await storedForDialog(d.case);
    const offered: string[] = [];
    const client = new DialogTestClient('msteams', new PlanDialog(services, async (_step, id) => void offered.push(id)), { caseId });
    let card: Record<string, unknown> = {};
    await playDialog(client, [['verder', [/^Stap 5A, \*\*plan\*\*/, (reply) => { cardWith('Huurachterstand in kaart')(reply); card = submitDataOf(reply); }]]]);
    await playDialog(client, [
      ['hallo', [/^Voeg een actie toe op de kaart/]],
      [{ value: { ...card, verb: ACTIE_TOEVOEGEN, wie: 'Schuldhulp', wat: 'Budgetplan', wanneer: '30-11-2026' } }, [(r) => expect(r.text).to.match(/^Geef bij wanneer een geldige datum op/)]],
      [{ value: { ...card, verb: ACTIE_TOEVOEGEN, wie: '', wat: 'Budgetplan', wanneer: '2026-11-30' } }, [(r) => expect(r.text).to.match(/^Vul wie het doet in\./)]],
      [{ value: { ...card, verb: ACTIE_TOEVOEGEN, wie: 'Schuldhulp', wat: 'Budgetplan maken', wanneer: '2026-12-01', termijn: 'kort' } }, [(r) => expect(r.text).to.equal('Actie toegevoegd.')]],
      [{ value: { ...card, verb: PLAN_KLAAR } }, [buttons(/^Wil je Deel A als PDF/)]],
      ['ja', [/uitzondering/]],
      ['1', [/staat nu in stap \*\*6 Uitvoering\*\*/]],
    ]);
    expect(offered).to.deep.equal([caseId]);
    expect((await store.get(caseId))?.case.deelA.acties.map((a) => a.wat)).to.include('Budgetplan maken');
  });
});

import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { MdoDialog } from '../../bot/dialogs/mdo-dialog';
import { PlanDialog } from '../../bot/dialogs/plan-dialog';
import { ACTIE_TOEVOEGEN, MDO_CHECKLIST_OPSLAAN, MDO_MOMENT_KIEZEN, PLAN_KLAAR } from '../../cards/verbs';
import { buttons, cardWith, keuzeCardOf, playDialog, press, said, storedForDialog, submitDataOf } from '../support/bot-services';
import { caseAt } from '../support/stappenplan-driver';

describe('dialog: stap 4 MDO', () => {
  it('plans the MDO, walks the checklist, records the outcomes, refusing bad input at each question', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('mdo').case);
    const client = new DialogTestClient('msteams', new MdoDialog(services), { caseId });
    let checklist: Record<string, unknown> = {};
    const submit = (fields: Record<string, string>) => ({ value: { verb: MDO_MOMENT_KIEZEN, caseId, mdoId: '', ...fields } });
    await playDialog(client, [
      ['verder', [/^Stap 4, \*\*MDO\*\*/, (reply) => {
        cardWith('MDO 1 plannen')(reply);
        // Nobody's calendar is known without Graph: the first free hours of the next werkdagen, from an hour after now.
        expect(JSON.stringify(reply.attachments?.[0]?.content)).to.contain('maandag 23 november 2026, 11:00 \u2013 12:30').and.contain('dinsdag 24 november 2026, 09:00 \u2013 10:30');
      }]],
      ['morgen', ['Kies op de kaart een moment en druk op **MDO plannen**.']],
      [submit({ moment: 'eigen' }), [cardWith('Kies een van de voorgestelde momenten, of vul zelf een datum en begintijd in.')]],
      [submit({ datum: '2020-01-01', tijd: '10:00' }), [cardWith('Dat moment is al voorbij; kies een moment in de toekomst.')]],
      [submit({ datum: '2026-11-26' }), [cardWith('Vul bij een eigen moment ook een begintijd in')]],
      [submit({ datum: '2026-11-26', tijd: '14:00', locatie: 'zolder' }), [cardWith('Kies waar het MDO is: thuis, online of elders.')]],
      [{ value: { verb: MDO_MOMENT_KIEZEN, caseId: 'een-andere-casus', moment: '2026-11-24T08:00:00.000Z' } }, [cardWith('Die kaart hoort bij een ander MDO; gebruik deze.')]],
      [submit({ moment: '2026-11-24T08:00:00.000Z', datum: '2026-11-26', tijd: '14:00', locatie: 'thuis' }), [
        'MDO 1 staat gepland op donderdag 26 november 2026, 14:00 \u2013 15:30 (bij de inwoner thuis). Hieronder de uitnodiging als agendabestand: open het om het MDO in je agenda te zetten, en stuur het door aan de andere deelnemers.',
        (reply) => expect(reply.attachments?.[0]).to.deep.include({ contentType: 'application/vnd.microsoft.teams.card.file.consent', name: 'MDO-HA-2026-7K3FQ9.ics' }),
        buttons(/^Is het MDO bezig of net geweest\?/),
      ]],
      ['ja', [(reply) => { cardWith('gespreksformat')(reply); checklist = submitDataOf(reply); }]],
    ]);
    const planned = (await store.get(caseId))?.case.mdos[0];
    expect(planned).to.deep.include({ datum: '2026-11-26', start: '2026-11-26T13:00:00.000Z', eind: '2026-11-26T14:30:00.000Z', locatie: 'thuis' });
    expect(planned?.agenda).to.deep.equal({ eventId: `${caseId}-mdo-1`, organizerId: 'user1', sequence: 0 });
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
      // The casusregisseur by the name Teams gave (the test client's user), remembered on the case.
      [press('User1, huidige casusregisseur'), [/afspraken/]],
      ['Schuldhulp huurachterstand in kaart', [/^Dat kon ik niet lezen als `wie; wat; wanneer`\./]],
      ['Schuldhulp; huurachterstand in kaart; 31-02-2027', [/^Die datum kan ik niet lezen; schrijf hem als dd-mm-jjjj\.\n\nWelke \*\*afspraken\*\*/]],
      ['Schuldhulp; huurachterstand in kaart; 01-11-2026', [/^Die datum is al voorbij; kies vandaag of een latere datum\.\n\nWelke \*\*afspraken\*\*/]],
      [`${'S'.repeat(121)}; huurachterstand in kaart; 30-11-2026`, [/^Wie het doet is te lang \(maximaal 120 tekens\)\.\n\nWelke \*\*afspraken\*\*/]],
      ['Schuldhulp; huurachterstand in kaart; 30-11-2026', [/^Genoteerd \(1\)\./]],
      ['klaar', [
        /staat nu in \*\*stap 5A \(plan, Deel A\)\*\*/,
        'De evaluatie staat op 7 januari 2027, 6 weken na het MDO. De casusregisseur krijgt er een herinnering van op woensdag 6 januari en donderdag 7 januari, om 09:00. Hieronder de afspraak (donderdag 7 januari 2027, 09:00 \u2013 10:00) als agendabestand voor de casusregisseur.',
        (reply) => expect(reply.attachments?.[0]).to.deep.include({ contentType: 'application/vnd.microsoft.teams.card.file.consent', name: 'Evaluatie-HA-2026-7K3FQ9.ics' }),
      ]],
    ]);
    const c = (await store.get(caseId))?.case;
    const mdo = c?.mdos[0];
    expect(mdo?.checklist.opening).to.deep.include({ voorstelronde: true, spelregels: false });
    expect(mdo?.uitkomsten).to.deep.include({ ikWilIkKanIkHebNodigVastgesteld: true, casusregie: 'user1', evaluatieDatum: '2027-01-07' });
    expect(mdo?.uitkomsten.afspraken.map((a) => a.wanneer), 'only the accepted afspraak').to.deep.equal(['2026-11-30']);
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
      [{ value: { ...card, verb: ACTIE_TOEVOEGEN, wie: 'Schuldhulp', wat: 'Budgetplan', wanneer: '2026-11-20' } }, [(r) => expect(r.text).to.equal('Die datum is al voorbij; kies vandaag of een latere datum.')]],
      [{ value: { ...card, verb: ACTIE_TOEVOEGEN, wie: 'Schuldhulp', wat: 'Budgetplan maken', wanneer: '2026-12-01', termijn: 'kort' } }, [(r) => expect(r.text).to.equal('Actie toegevoegd.')]],
      [{ value: { ...card, verb: PLAN_KLAAR } }, [buttons(/^Wil je Deel A als PDF/)]],
      ['ja', [/uitzondering/]],
      [press('Nee, geen uitzondering nodig'), [/staat nu in \*\*stap 6 \(uitvoering\)\*\*/]],
    ]);
    expect(offered).to.deep.equal([caseId]);
    const acties = (await store.get(caseId))?.case.deelA.acties.map((a) => a.wat);
    expect(acties).to.deep.equal([...d.case.deelA.acties.map((a) => a.wat), 'Budgetplan maken']);
  });
});

describe('dialog: stap 4 MDO, wie voert de casusregie', () => {
  it('offers every active party on the case by name and organisation, and records the one chosen', async () => {
    const d = caseAt('mdo');
    d.run('regisseur', { type: 'addProfessional', userId: 'aad-ggz-1', role: 'betrokkenProfessional', displayName: 'Megan Bowen', organisatie: 'GGZ Oost Brabant', toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['mdo'] } });
    d.run('regisseur', { type: 'deactivateProfessional', userId: 'aad-ggz-1' });
    d.run('regisseur', { type: 'addProfessional', userId: 'aad-school-1', role: 'betrokkenProfessional', displayName: 'Adele Vance', organisatie: 'Basisschool De Regenboog', toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['mdo'] } });
    d.run('regisseur', { type: 'planMdo', datum: '2026-11-26', locatie: 'thuis' });
    d.run('regisseur', { type: 'recordMdoUitkomsten', mdoId: d.latestMdoId, gezamenlijkBelang: 'Het gezin blijft in de woning.', watAlsWeNietsDoen: 'Huisuitzetting.', ondersteuning: 'Schuldhulp.' });
    for (const p of d.case.professionals) {
      if (p.role === 'casusregisseur') Object.assign(p, { displayName: 'Sanne de Vries', organisatie: 'Wijkteam Helmond' });
      if (p.userId === 'aad-schuldhulp-1') Object.assign(p, { displayName: 'Ahmed El Amrani', organisatie: 'Schuldhulpverlening' });
    }
    const { services, store, caseId } = await storedForDialog(d.case);
    const client = new DialogTestClient('msteams', new MdoDialog(services), { caseId });
    let checklist: Record<string, unknown> = {};
    let keuzes: string[] = [];
    await playDialog(client, [
      ['verder', [buttons(/^Is het MDO bezig/)]],
      ['ja', [(reply) => { checklist = submitDataOf(reply); }]],
    ]);
    await playDialog(client, [
      [{ value: { ...checklist, verb: MDO_CHECKLIST_OPSLAAN } }, ['Checklist opgeslagen. Nu de uitkomsten van het MDO.', /^\*\*Ik wil\*\*/, buttons(/^Zijn ik wil/)]],
      ['ja', [(reply) => {
        said(/casusregie/)(reply);
        // Every choice is a button, however long its label (cards/keuze.json).
        keuzes = keuzeCardOf(reply)?.knoppen ?? [];
      }]],
    ]);
    // Megan Bowen left the case: not offered. Nobody shown as "een collega".
    expect(keuzes).to.deep.equal([
      'Sanne de Vries (Wijkteam Helmond), huidige casusregisseur',
      'Ahmed El Amrani (Schuldhulpverlening)',
      'Adele Vance (Basisschool De Regenboog)',
    ]);
    await playDialog(client, [['Adele Vance (Basisschool De Regenboog)', [/afspraken/]]]);
    expect((await store.get(caseId))?.case.mdos.at(-1)?.uitkomsten.casusregie).to.equal('aad-school-1');
  });
});

describe('dialog: stap 4 MDO without Graph (.ics), with the parties chosen', () => {
  it('the file names no attendees (no mail addresses are known without Graph); the chat says to whom to forward it', async () => {
    const d = caseAt('mdo');
    d.run('regisseur', { type: 'addProfessional', userId: 'aad-school-1', role: 'betrokkenProfessional', displayName: 'Adele Vance', organisatie: 'Basisschool De Regenboog', toestemming: { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['mdo'] } });
    for (const p of d.case.professionals) if (p.userId === 'aad-schuldhulp-1') Object.assign(p, { displayName: 'Ahmed El Amrani', organisatie: 'Schuldhulpverlening' });
    const { services, store, caseId } = await storedForDialog(d.case);
    const client = new DialogTestClient('msteams', new MdoDialog(services), { caseId });
    let card: Record<string, unknown> = {};
    await playDialog(client, [['verder', [/^Stap 4/, (reply) => {
      card = submitDataOf(reply);
      expect(JSON.stringify(reply.attachments?.[0]?.content)).to.contain('Ahmed El Amrani (Schuldhulpverlening)').and.contain('om door te sturen aan de gekozen deelnemers');
    }]]]);
    await playDialog(client, [[{ value: { ...card, moment: '2026-11-24T08:00:00.000Z', locatie: 'thuis', deelnemers: 'user1,aad-schuldhulp-1,aad-school-1' } }, [
      /stuur het door aan Ahmed El Amrani en Adele Vance\.$/,
      (reply) => expect(reply.attachments?.[0]).to.deep.include({ contentType: 'application/vnd.microsoft.teams.card.file.consent', name: 'MDO-HA-2026-7K3FQ9.ics' }),
      buttons(/^Is het MDO bezig/),
    ]]]);
    const mdo = (await store.get(caseId))?.case.mdos[0];
    expect(mdo?.genodigden).to.deep.equal(['user1', 'aad-schuldhulp-1', 'aad-school-1']);
    const file = await services.planner.fileFor({ userId: 'user1', orgRoles: [] }, caseId, mdo?.id as string, 'mdo');
    expect(file?.content).to.contain('SUMMARY:MDO HA-2026-7K3FQ9').and.not.contain('ATTENDEE').and.not.contain('Adele');
  });
});

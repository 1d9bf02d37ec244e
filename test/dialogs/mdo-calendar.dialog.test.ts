/**
 * The MDO dialog with calendars through Microsoft Graph, over real HTTP against a local Graph server that behaves
 * like Exchange (test/support/exchange.ts): proposals from free/busy, the invite, moving, cancelling, a second
 * MDO, no common moment, no permission, and the evaluation afterwards.
 */
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { MdoDialog } from '../../bot/dialogs/mdo-dialog';
import { MDO_DEELNEMERS_KIEZEN, MDO_MOMENT_KIEZEN } from '../../cards/verbs';
import { plannedMdoText } from '../../bot/views';
import { buttons, cardWith, playDialog, press, said, storedForDialog, submitDataOf } from '../support/bot-services';
import { useExchange } from '../support/exchange';
import { caseAt } from '../support/stappenplan-driver';
import { ALLE_ONDERDELEN } from '../support/case-fixtures';

const SANNE = 'sanne.devries@wijkteam.example';
const AHMED = 'ahmed.b@schuldhulp.example';
const GGZ = 'megan.bowen@ggz.example';
const SCHOOL = 'adele.vance@school.example';
const MAILS = { user1: SANNE, 'aad-schuldhulp-1': AHMED, 'aad-ggz-1': GGZ, 'aad-school-1': SCHOOL };

describe('dialog: stap 4 MDO with calendars through Microsoft Graph (local Graph server)', () => {
  const local = useExchange(MAILS);
  const calendar = () => local.calendar();
  const setup = async () => {
    const ctx = await storedForDialog(caseAt('mdo').case, undefined, calendar);
    return { ...ctx, client: new DialogTestClient('msteams', new MdoDialog(ctx.services), { caseId: ctx.caseId }) };
  };
  const cardText = (reply: Partial<Activity>) => JSON.stringify(reply.attachments?.[0]?.content);

  it('proposes the best three moments from free/busy, invites with a Teams meeting, moves, cancels, and plans a second MDO as a new event', async () => {
    local.exchange.busy(SANNE, '2026-11-23T09:00:00', '2026-11-23T17:00:00');
    local.exchange.busy(AHMED, '2026-11-24T09:00:00', '2026-11-24T12:00:00');
    const { client, store, caseId } = await setup();
    let card: Record<string, unknown> = {};
    await playDialog(client, [
      ['verder', [/^Stap 4, \*\*MDO\*\*/, (reply) => {
        card = submitDataOf(reply);
        expect(cardText(reply)).to.contain('dinsdag 24 november 2026, 12:00 \u2013 13:30').and.contain('woensdag 25 november 2026, 09:00 \u2013 10:30')
          .and.contain('donderdag 26 november 2026, 09:00 \u2013 10:30');
        expect(cardText(reply)).to.not.contain('maandag 23 november');
        expect(cardText(reply)).to.contain('Teams-vergaderlink');
      }]],
    ]);
    await playDialog(client, [
      [{ value: { ...card, moment: '2026-11-24T11:00:00.000Z', locatie: 'thuis' } }, [
        'MDO 1 staat gepland op dinsdag 24 november 2026, 12:00 \u2013 13:30 (bij de inwoner thuis). De uitnodiging met een Teams-vergaderlink staat in je agenda. 1 collega heeft bericht gekregen.',
        buttons(/^Is het MDO bezig of net geweest\?/),
      ]],
    ]);
    const schedule = local.graph.calls.find((c) => c.path.endsWith('/calendar/getSchedule'));
    expect(schedule?.path).to.equal('/v1.0/users/user1/calendar/getSchedule');
    expect(JSON.parse(schedule?.body ?? '{}').schedules).to.deep.equal([SANNE, AHMED]);
    expect(local.exchange.live()).to.have.length(1);
    const event = local.exchange.live()[0]!;
    expect(event.organizer).to.equal('user1');
    expect(event.body).to.deep.include({
      subject: 'MDO HA-2026-7K3FQ9',
      start: { dateTime: '2026-11-24T12:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-11-24T13:30:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Bij de inwoner thuis' },
      attendees: [{ emailAddress: { address: AHMED }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: `${caseId}-mdo-1`,
    });
    for (const personal of ['Moeder', 'Kind (K', 'huis uit', 'rust in mijn hoofd', '123456782']) expect(JSON.stringify(event.body)).to.not.contain(personal);
    const c1 = (await store.get(caseId))?.case;
    expect(plannedMdoText(c1!)).to.equal('MDO 1: dinsdag 24 november 2026, 12:00 \u2013 13:30, bij de inwoner thuis. [Deelnemen via Teams](https://teams.microsoft.com/l/meetup-join/event-1)');
    let mdo = c1?.mdos[0];
    expect(mdo?.agenda).to.deep.equal({ eventId: 'event-1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/event-1', organizerId: 'user1', sequence: 0 });

    // Moving: the same event, changed; no second event.
    await playDialog(client, [
      ['Verplaatsen', [(reply) => {
        cardWith('MDO 1 verplaatsen')(reply);
        expect(cardText(reply)).to.not.contain('"id":"locatie"');
        card = submitDataOf(reply);
      }]],
    ]);
    await playDialog(client, [
      [{ value: { ...card, datum: '2026-11-27', tijd: '10:00' } }, [
        'MDO 1 staat nu gepland op vrijdag 27 november 2026, 10:00 \u2013 11:30 (bij de inwoner thuis). De uitnodiging met een Teams-vergaderlink staat in je agenda. 1 collega heeft bericht gekregen.',
        'Typ **verder** als het MDO begint; dan lopen we het gespreksformat samen door.',
      ]],
    ]);
    expect(local.exchange.events).to.have.length(1);
    expect(local.exchange.events[0]?.body.start).to.deep.equal({ dateTime: '2026-11-27T10:00:00', timeZone: 'W. Europe Standard Time' });
    mdo = (await store.get(caseId))?.case.mdos[0];
    expect(mdo).to.deep.include({ datum: '2026-11-27', start: '2026-11-27T09:00:00.000Z' });
    expect(mdo?.agenda?.sequence).to.equal(1);

    // Cancelling: a fixed Dutch message to the attendees, never free text.
    await playDialog(client, [
      ['verder', [buttons(/^Is het MDO bezig of net geweest\?/)]],
      ['MDO annuleren', [buttons(/^MDO 1 van vrijdag 27 november 2026, 10:00 \u2013 11:30 annuleren\? De deelnemers krijgen bericht/)]],
      ['nee', ['Het MDO blijft staan.', 'Typ **verder** als het MDO begint; dan lopen we het gespreksformat samen door.']],
    ]);
    expect(local.exchange.live()).to.have.length(1);
    await playDialog(client, [
      ['verder', [buttons(/^Is het MDO bezig/)]],
      ['MDO annuleren', [buttons(/annuleren\?/)]],
      ['ja', [
        'MDO 1 van vrijdag 27 november 2026, 10:00 \u2013 11:30 is geannuleerd. De afspraak is uit de agenda\u2019s gehaald. 1 collega heeft bericht gekregen.',
        'Typ **verder** om een nieuw MDO te plannen.',
      ]],
    ]);
    expect(local.exchange.live()).to.have.length(0);
    expect(local.exchange.events[0]?.cancelled).to.equal('Het MDO over casus HA-2026-7K3FQ9 gaat niet door. Als er een nieuw moment komt, volgt een nieuwe uitnodiging.');
    expect((await store.get(caseId))?.case.mdos[0]?.geannuleerdAt).to.be.a('string');

    // A second MDO is a new event, linked to the same case.
    await playDialog(client, [
      ['verder', [/^Stap 4/, (reply) => { cardWith('MDO 2 plannen')(reply); card = submitDataOf(reply); }]],
    ]);
    await playDialog(client, [
      [{ value: { ...card, datum: '2026-12-01', tijd: '13:30', locatie: 'online' } }, [/^MDO 2 staat gepland op dinsdag 1 december 2026, 13:30 \u2013 15:00 \(online \(teams\)\)/, buttons(/^Is het MDO bezig/)]],
    ]);
    expect(local.exchange.events.map((e) => e.id)).to.deep.equal(['event-1', 'event-2']);
    expect(local.exchange.events[1]?.body).to.deep.include({ transactionId: `${caseId}-mdo-2`, location: { displayName: 'Microsoft Teams' } });
    const mdos = (await store.get(caseId))?.case.mdos;
    expect(mdos?.map((m) => [m.nummer, m.agenda?.eventId, !!m.geannuleerdAt])).to.deep.equal([[1, 'event-1', true], [2, 'event-2', false]]);
  });

  it('everyone busy: "geen gezamenlijk moment gevonden", and a moment of one\'s own still plans', async () => {
    local.exchange.busy(AHMED, '2026-11-23T00:00:00', '2026-12-14T00:00:00');
    const { client, store, caseId } = await setup();
    let card: Record<string, unknown> = {};
    await playDialog(client, [
      ['verder', [/^Stap 4/, (reply) => {
        cardWith('Er is geen gezamenlijk moment gevonden in de komende 10 werkdagen. Kies zelf een datum en tijd.')(reply);
        expect(cardText(reply)).to.not.contain('"id":"moment"');
        expect(cardText(reply)).to.contain('"id":"datum"').and.contain('"id":"tijd"');
        card = submitDataOf(reply);
      }]],
    ]);
    await playDialog(client, [
      [{ value: { ...card } }, [cardWith('Kies een van de voorgestelde momenten, of vul zelf een datum en begintijd in.')]],
      [{ value: { ...card, datum: '2026-12-15', tijd: '19:00', locatie: 'elders' } }, [/^MDO 1 staat gepland op dinsdag 15 december 2026, 19:00/, buttons(/^Is het MDO bezig/)]],
    ]);
    expect(local.exchange.live()).to.have.length(1);
    expect((await store.get(caseId))?.case.mdos[0]?.agenda?.eventId).to.equal('event-1');
  });

  it('no permission: a Dutch message for the beheerder, nothing stored, and on request the MDO without an invite (which a move later gives one)', async () => {
    local.exchange.failWith((call) => (call.method === 'POST' ? { status: 403, body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } } } : undefined));
    const { client, store, caseId } = await setup();
    const before = JSON.stringify((await store.get(caseId))?.case);
    let card: Record<string, unknown> = {};
    await playDialog(client, [
      ['verder', [/^Stap 4/, (reply) => {
        cardWith('Ik kon de agenda\u2019s niet inzien. De bot mag geen agenda\u2019s beheren.')(reply);
        card = submitDataOf(reply);
      }]],
    ]);
    await playDialog(client, [
      [{ value: { ...card, datum: '2026-11-26', tijd: '14:00', locatie: 'thuis' } }, [
        said(/^Het MDO is niet gepland: De bot mag geen agenda\u2019s beheren\. De beheerder moet de app Calendars\.ReadWrite \(toepassing\) geven en die beperken met Exchange RBAC for Applications\./),
        buttons(/^Wil je het MDO op donderdag 26 november 2026, 14:00 toch in de casus zetten, zonder uitnodiging\?/),
      ]],
    ]);
    expect(JSON.stringify((await store.get(caseId))?.case)).to.equal(before);
    await playDialog(client, [
      ['ja', ['MDO 1 staat gepland op donderdag 26 november 2026, 14:00 \u2013 15:30 (bij de inwoner thuis), zonder uitnodiging. Verplaats het later om alsnog een uitnodiging te sturen.', buttons(/^Is het MDO bezig/)]],
    ]);
    expect((await store.get(caseId))?.case.mdos[0]?.agenda).to.equal(undefined);
    expect(local.exchange.events).to.have.length(0);

    local.exchange.failWith(undefined);
    await playDialog(client, [
      ['Verplaatsen', [(reply) => { card = submitDataOf(reply); }]],
    ]);
    await playDialog(client, [
      [{ value: { ...card, datum: '2026-11-26', tijd: '15:00' } }, [/^MDO 1 staat nu gepland op donderdag 26 november 2026, 15:00/, /^Typ \*\*verder\*\*/]],
    ]);
    expect(local.exchange.live()).to.have.length(1);
    expect((await store.get(caseId))?.case.mdos[0]?.agenda?.eventId).to.equal('event-1');
  });

  it('after the outcomes: the evaluation six weeks later in the casusregisseur\'s calendar, at the first free hour', async () => {
    const d = caseAt('mdo').run('regisseur', { type: 'planMdo', datum: '2026-11-26', start: '2026-11-26T13:00:00.000Z', eind: '2026-11-26T14:30:00.000Z', locatie: 'thuis' });
    const mdoId = d.case.mdos[0]!.id;
    for (const command of [
      { type: 'recordMdoUitkomsten', mdoId, ikWilIkKanIkHebNodigVastgesteld: true, gezamenlijkBelang: 'Het gezin blijft in de woning.', watAlsWeNietsDoen: 'Huisuitzetting.', ondersteuning: 'Schuldhulp.', casusregie: 'aad-wijkteam-1', afspraken: [{ wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '2026-11-30' }] },
    ]) d.run('regisseur', command);
    local.exchange.busy(SANNE, '2027-01-07T09:00:00', '2027-01-07T11:00:00');
    const { services, store, caseId } = await storedForDialog(d.case, undefined, calendar);
    const client = new DialogTestClient('msteams', new MdoDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [buttons(/^Is het MDO bezig/)]],
      ['ja', [cardWith('gespreksformat')]],
    ]);
    const mdo = (await store.get(caseId))?.case.mdos[0];
    await playDialog(client, [
      [{ value: { verb: 'mdo.checklist.opslaan', caseId, mdoId: mdo?.id } }, [/^Checklist opgeslagen/, /^\*\*Ik wil\*\*/, buttons(/^Zijn ik wil/)]],
      ['ja', [said(/casusregie/)]],
      [press('User1, huidige casusregisseur'), [/afspraken/]],
      ['klaar', [
        /staat nu in \*\*stap 5A \(plan, Deel A\)\*\*/,
        'De evaluatie staat op 7 januari 2027, 6 weken na het MDO. De casusregisseur krijgt er een herinnering van op woensdag 6 januari en donderdag 7 januari, om 09:00. De afspraak staat in je agenda: donderdag 7 januari 2027, 11:00 \u2013 12:00.',
      ]],
    ]);
    const evaluation = local.exchange.live().find((e) => e.body.subject === 'Evaluatie HA-2026-7K3FQ9');
    expect(evaluation?.organizer).to.equal('user1');
    expect(evaluation?.body).to.deep.include({ attendees: [], isOnlineMeeting: false, transactionId: `${caseId}-evaluatie-1`, start: { dateTime: '2027-01-07T11:00:00', timeZone: 'W. Europe Standard Time' } });
    const stored = (await store.get(caseId))?.case.mdos[0];
    expect(stored?.uitkomsten.evaluatieDatum).to.equal('2027-01-07');
    expect(stored?.evaluatieAgenda).to.deep.include({ eventId: evaluation?.id, organizerId: 'user1', start: '2027-01-07T10:00:00.000Z' });
  });

  it('a card for another case or MDO changes nothing', async () => {
    const { client, store, caseId } = await setup();
    await playDialog(client, [['verder', [/^Stap 4/, cardWith('MDO 1 plannen')]]]);
    const before = JSON.stringify((await store.get(caseId))?.case);
    await playDialog(client, [[{ value: { verb: MDO_MOMENT_KIEZEN, caseId, mdoId: 'een-ander-mdo', datum: '2026-11-26', tijd: '14:00' } }, [cardWith('Die kaart hoort bij een ander MDO; gebruik deze.')]]]);
    expect(JSON.stringify((await store.get(caseId))?.case)).to.equal(before);
    expect(local.exchange.events).to.have.length(0);
  });

  describe('the MDO reaches the parties: the professional chooses whom to invite, all by default', () => {
    const withParties = async () => {
      const d = caseAt('mdo');
      d.run('regisseur', { type: 'addProfessional', userId: 'aad-ggz-1', role: 'betrokkenProfessional', displayName: 'Megan Bowen', organisatie: 'GGZ Oost Brabant', toestemming: { ...ALLE_ONDERDELEN, onderdelen: ['mdo'] } });
      d.run('regisseur', { type: 'addProfessional', userId: 'aad-school-1', role: 'betrokkenProfessional', displayName: 'Adele Vance', organisatie: 'Basisschool De Regenboog', toestemming: { ...ALLE_ONDERDELEN, onderdelen: ['mdo'] } });
      const ctx = await storedForDialog(d.case, undefined, calendar);
      return { ...ctx, client: new DialogTestClient('msteams', new MdoDialog(ctx.services), { caseId: ctx.caseId }) };
    };
    const schedules = () => local.graph.calls.filter((c) => c.path.endsWith('/calendar/getSchedule')).map((c) => JSON.parse(c.body).schedules as string[]);
    const deelnemersOf = (reply: Partial<Activity>) => (JSON.parse(cardText(reply)).body as { id?: string; value?: string; choices?: { title: string }[] }[]).find((e) => e.id === 'deelnemers');

    it('by default every party on the case: free/busy of all of them, and the invite to each', async () => {
      const { client, store, caseId } = await withParties();
      let card: Record<string, unknown> = {};
      await playDialog(client, [['verder', [/^Stap 4/, (reply) => {
        card = submitDataOf(reply);
        const choice = deelnemersOf(reply);
        expect(choice?.choices?.map((c) => c.title)).to.deep.equal(['De casusregisseur, jij', 'Een collega', 'Megan Bowen (GGZ Oost Brabant)', 'Adele Vance (Basisschool De Regenboog)']);
        expect(choice?.value).to.equal('user1,aad-schuldhulp-1,aad-ggz-1,aad-school-1');
      }]]]);
      expect(schedules()).to.deep.equal([[SANNE, AHMED, GGZ, SCHOOL]]);
      await playDialog(client, [[{ value: { ...card, moment: '2026-11-24T11:00:00.000Z', locatie: 'thuis', deelnemers: 'user1,aad-schuldhulp-1,aad-ggz-1,aad-school-1' } }, [/3 collega\u2019s hebben bericht gekregen\./, buttons(/^Is het MDO bezig/)]]]);
      const event = local.exchange.live()[0]!;
      expect(event.body.attendees).to.deep.equal([AHMED, GGZ, SCHOOL].map((address) => ({ emailAddress: { address }, type: 'required' })));
      expect(event.body.subject).to.equal('MDO HA-2026-7K3FQ9');
      for (const personal of ['Moeder', 'Kind (K', 'huis uit', 'rust in mijn hoofd', '123456782', 'Megan', 'Adele']) expect(JSON.stringify(event.body)).to.not.contain(personal);
      expect((await store.get(caseId))?.case.mdos[0]?.genodigden).to.deep.equal(['user1', 'aad-schuldhulp-1', 'aad-ggz-1', 'aad-school-1']);
    });

    it('a choice of parties: moments from their free/busy only, the invite to them only, kept when the MDO moves', async () => {
      local.exchange.busy(SCHOOL, '2026-11-23T09:00:00', '2026-12-11T17:00:00');
      const { client, store, caseId } = await withParties();
      let card: Record<string, unknown> = {};
      await playDialog(client, [['verder', [/^Stap 4/, (reply) => {
        card = submitDataOf(reply);
        // Everyone together: the school is busy all week, so no common moment.
        expect(cardText(reply)).to.contain('Er is geen gezamenlijk moment gevonden');
      }]]]);
      await playDialog(client, [
        [{ value: { ...card, verb: MDO_DEELNEMERS_KIEZEN, deelnemers: '' } }, [(reply) => expect(cardText(reply)).to.contain('Kies wie je uitnodigt voor het MDO.')]],
        [{ value: { ...card, verb: MDO_DEELNEMERS_KIEZEN, deelnemers: 'user1,aad-ggz-1' } }, [(reply) => {
          expect(deelnemersOf(reply)?.value).to.equal('user1,aad-ggz-1');
          expect(cardText(reply)).to.contain('De gekozen deelnemers zijn dan allemaal vrij:').and.contain('maandag 23 november 2026, 11:00');
        }]],
      ]);
      expect(schedules().at(-1)).to.deep.equal([SANNE, GGZ]);
      await playDialog(client, [[{ value: { ...card, moment: '2026-11-23T10:00:00.000Z', locatie: 'thuis', deelnemers: 'user1,aad-ggz-1' } }, [/Megan Bowen heeft bericht gekregen\./, buttons(/^Is het MDO bezig/)]]]);
      expect(local.exchange.live()[0]?.body.attendees).to.deep.equal([{ emailAddress: { address: GGZ }, type: 'required' }]);
      expect((await store.get(caseId))?.case.mdos[0]?.genodigden).to.deep.equal(['user1', 'aad-ggz-1']);

      // Moving keeps whom it invites; Graph gets the same attendees with the new time.
      await playDialog(client, [['Verplaatsen', [(reply) => { card = submitDataOf(reply); expect(deelnemersOf(reply)?.value).to.equal('user1,aad-ggz-1'); }]]]);
      await playDialog(client, [[{ value: { ...card, datum: '2026-11-27', tijd: '10:00' } }, [/nu gepland op vrijdag 27 november 2026[\s\S]*Megan Bowen heeft bericht gekregen\./, /^Typ \*\*verder\*\* als het MDO begint/]]]);
      const patch = local.graph.calls.filter((c) => c.method === 'PATCH').at(-1);
      expect(JSON.parse(patch?.body ?? '{}').attendees).to.deep.equal([{ emailAddress: { address: GGZ }, type: 'required' }]);
    });

    it('someone who is not a party on the case cannot be invited, and is not looked up', async () => {
      const { client, store, caseId } = await withParties();
      let card: Record<string, unknown> = {};
      await playDialog(client, [['verder', [/^Stap 4/, (reply) => { card = submitDataOf(reply); }]]]);
      local.graph.calls.length = 0;
      await playDialog(client, [[{ value: { ...card, verb: MDO_DEELNEMERS_KIEZEN, deelnemers: 'user1,aad-vreemde-1' } }, [(reply) => expect(deelnemersOf(reply)).to.not.equal(undefined)]]]);
      expect(local.graph.calls.map((c) => c.path).join('\n')).to.not.contain('aad-vreemde-1');
      await playDialog(client, [[{ value: { ...card, moment: '2026-11-24T11:00:00.000Z', locatie: 'thuis', deelnemers: 'user1,aad-vreemde-1' } }, [(reply) => expect(cardText(reply)).to.contain('Een van de gekozen deelnemers staat niet (meer) op de casus')]]]);
      expect(local.exchange.events).to.deep.equal([]);
      expect((await store.get(caseId))?.case.mdos).to.deep.equal([]);
    });
  });
});

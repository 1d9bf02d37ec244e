import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { AskFieldDialog } from '../../bot/dialogs/ask-field-dialog';
import { MdoDialog } from '../../bot/dialogs/mdo-dialog';
import { PlanDialog } from '../../bot/dialogs/plan-dialog';
import { ACTIE_TOEVOEGEN, ACTIE_VERWIJDEREN, ACTIE_WIJZIGEN, AFSPRAAK_NIET_OVERNEMEN, AFSPRAAK_OVERNEMEN, MDO_MOMENT_KIEZEN } from '../../cards/verbs';
import { elementsOf } from '../support/adaptivecards';
import { cardWith, playDialog, storedForDialog } from '../support/bot-services';
import { naMdoMetAfspraken } from '../support/na-mdo';
import { VOORBEELD_DOEL, caseAt } from '../support/stappenplan-driver';

/** The values of the inputs on a card reply, by id. */
const inputsOf = (reply: Partial<Activity>) => {
  const card = reply.attachments?.[0]?.content;
  return Object.fromEntries(['Input.Text', 'Input.Date', 'Input.Time', 'Input.ChoiceSet'].flatMap((t) => elementsOf(card, t)).map((i) => [i.id, i.value]));
};

/** The card again: the sentence shown on it (and beside it), and the inputs as given. */
const cardAgain = (sentence: string, inputs: Record<string, unknown> = {}) => (reply: Partial<Activity>) => {
  expect(reply.text).to.equal(sentence);
  const blocks = elementsOf(reply.attachments?.[0]?.content, 'TextBlock');
  expect(blocks.find((b) => b.text === sentence), 'the sentence on the card').to.deep.include({ color: 'Attention' });
  expect(inputsOf(reply)).to.deep.include(inputs);
};

/** A case just out of an MDO with three afspraken and the inwoner's goal (the clock stands at 23 November 2026): the plan card comes first. */
const naMdo = () => {
  const d = naMdoMetAfspraken([
    { wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '2026-11-30' },
    { wie: 'GGZ', wat: 'Intake plannen', wanneer: '2026-12-04' },
    { wie: 'School', wat: 'Gesprek met de mentor', wanneer: '2027-02-15' },
  ]);
  return d.run('regisseur', { type: 'setDoel', doel: VOORBEELD_DOEL(d) });
};

describe('dialog: Deel A from the MDO\u2019s afspraken, and the plan card', () => {
  it('offers the MDO\u2019s afspraken as proposed actions: one taken over, one changed first, one dropped; never offered twice', async () => {
    const d = naMdo();
    const [ink, ggz, school] = (d.case.mdos.at(-1)?.uitkomsten.afspraken ?? []).map((a) => a.id);
    const { services, store, caseId } = await storedForDialog(d.case);
    const client = new DialogTestClient('msteams', new PlanDialog(services), { caseId });
    await playDialog(client, [['verder', [/De afspraken uit het MDO staan al op de kaart/, (reply) => {
      cardWith('Afspraken uit het MDO')(reply);
      for (const wat of ['Huurachterstand in kaart', 'Intake plannen', 'Gesprek met de mentor']) cardWith(wat)(reply);
    }]]]);
    const keuze = (verb: string, afspraakId: string | undefined) => ({ value: { verb, caseId, afspraakId } });
    await playDialog(client, [
      [keuze(AFSPRAAK_OVERNEMEN, ink), [cardAgain('Overgenomen in het plan: Huurachterstand in kaart')]],
      [keuze(ACTIE_WIJZIGEN, ggz), [(reply) => {
        cardWith('Afspraak uit het MDO aanpassen en overnemen')(reply);
        expect(inputsOf(reply)).to.deep.include({ wie: 'GGZ', wat: 'Intake plannen', wanneer: '2026-12-04', termijn: 'kort' });
      }]],
      [{ value: { verb: ACTIE_TOEVOEGEN, caseId, actieId: '', afspraakId: ggz, wie: 'GGZ Oost Brabant', wat: 'Intake plannen', wanneer: '2026-11-20', termijn: 'kort' } },
        [cardAgain('Die datum is al voorbij; kies vandaag of een latere datum.', { wie: 'GGZ Oost Brabant', wanneer: '2026-11-20' })]],
      [{ value: { verb: ACTIE_TOEVOEGEN, caseId, actieId: '', afspraakId: ggz, wie: 'GGZ Oost Brabant', wat: 'Intake plannen', wanneer: '2026-12-10', termijn: 'kort' } },
        [cardAgain('Afspraak overgenomen in het plan.')]],
      [keuze(AFSPRAAK_NIET_OVERNEMEN, school), [(reply) => {
        cardAgain('Niet overgenomen: Gesprek met de mentor')(reply);
        expect(JSON.stringify(reply.attachments?.[0]?.content)).to.not.contain('Afspraken uit het MDO');
      }]],
      // A button on an older card: that afspraak is in the plan already.
      [keuze(AFSPRAAK_OVERNEMEN, ink), [cardAgain('Deze afspraak uit het MDO staat al in het plan, of is niet overgenomen.')]],
    ]);
    const deelA = (await store.get(caseId))?.case.deelA;
    const nieuw = deelA?.acties.filter((a) => a.afspraakId);
    expect(nieuw?.map((a) => [a.wie, a.wat, a.wanneer, a.termijn, a.afspraakId])).to.deep.equal([
      ['Schuldhulp', 'Huurachterstand in kaart', '2026-11-30', 'kort', ink],
      ['GGZ Oost Brabant', 'Intake plannen', '2026-12-10', 'kort', ggz],
    ]);
    expect(deelA?.nietOvergenomen).to.deep.equal([school]);
    const again = new DialogTestClient('msteams', new PlanDialog(services), { caseId });
    await playDialog(again, [['verder', [/^Stap 5A, \*\*plan\*\*: vul Deel A van het Samenwerkplan in met de inwoner: wie doet wat wanneer\.$/, () => undefined]]]);
  });

  it('changes and removes an action from the plan card', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('plan').case);
    const [eerste, tweede] = (await store.get(caseId))?.case.deelA.acties ?? [];
    const client = new DialogTestClient('msteams', new PlanDialog(services), { caseId });
    await playDialog(client, [['verder', [/^Stap 5A/, (reply) => {
      const knoppen = elementsOf(reply.attachments?.[0]?.content, 'Action.Submit').map((a) => [a.title, (a.data as { actieId?: string }).actieId]);
      expect(knoppen).to.deep.include.members([['Wijzigen', eerste?.id], ['Verwijderen', eerste?.id], ['Wijzigen', tweede?.id], ['Verwijderen', tweede?.id]]);
    }]]]);
    await playDialog(client, [
      [{ value: { verb: ACTIE_WIJZIGEN, caseId, actieId: eerste?.id } }, [(reply) => {
        cardWith('Actie wijzigen')(reply);
        expect(inputsOf(reply)).to.deep.include({ wie: eerste?.wie, wat: eerste?.wat, wanneer: eerste?.wanneer });
      }]],
      [{ value: { verb: ACTIE_TOEVOEGEN, caseId, actieId: eerste?.id, afspraakId: '', wie: 'Schuldhulp Helmond', wat: 'Huurachterstand en andere schulden in kaart', wanneer: eerste?.wanneer, termijn: 'kort' } }, [cardAgain('Actie gewijzigd.')]],
      [{ value: { verb: ACTIE_VERWIJDEREN, caseId, actieId: tweede?.id } }, [cardAgain(`Actie verwijderd: ${tweede?.wat}`)]],
      [{ value: { verb: ACTIE_VERWIJDEREN, caseId, actieId: tweede?.id } }, [cardAgain('Deze actie staat niet (meer) in het plan.')]],
    ]);
    const acties = (await store.get(caseId))?.case.deelA.acties;
    expect(acties?.map((a) => a.id)).to.not.include(tweede?.id);
    expect(acties?.[0]).to.deep.include({ id: eerste?.id, wie: 'Schuldhulp Helmond', wat: 'Huurachterstand en andere schulden in kaart' });
  });

  it('answers a past date on the action card on the card, with what was typed', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('plan').case);
    const client = new DialogTestClient('msteams', new PlanDialog(services), { caseId });
    await playDialog(client, [['verder', [/^Stap 5A/, cardWith('Nieuwe actie')]]]);
    const before = (await store.get(caseId))?.etag;
    await playDialog(client, [
      [{ value: { verb: ACTIE_TOEVOEGEN, caseId, actieId: '', afspraakId: '', wie: 'Schuldhulp', wat: 'Budgetplan maken', wanneer: '2026-11-20', termijn: 'lang' } },
        [cardAgain('Die datum is al voorbij; kies vandaag of een latere datum.', { wie: 'Schuldhulp', wat: 'Budgetplan maken', wanneer: '2026-11-20', termijn: 'lang' })]],
    ]);
    expect((await store.get(caseId))?.etag).to.equal(before);
  });

  it('answers a past date on the MDO planning card on the card, with the date, time and place kept', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('mdo').case);
    const client = new DialogTestClient('msteams', new MdoDialog(services), { caseId });
    await playDialog(client, [['verder', [/^Stap 4/, cardWith('MDO 1 plannen')]]]);
    await playDialog(client, [
      [{ value: { verb: MDO_MOMENT_KIEZEN, caseId, mdoId: '', moment: 'eigen', datum: '2026-11-20', tijd: '10:00', locatie: 'online' } }, [(reply) => {
        const blocks = elementsOf(reply.attachments?.[0]?.content, 'TextBlock');
        expect(blocks.find((b) => b.text === 'Dat moment is al voorbij; kies een moment in de toekomst.')).to.deep.include({ color: 'Attention' });
        expect(inputsOf(reply)).to.deep.include({ moment: 'eigen', datum: '2026-11-20', tijd: '10:00', locatie: 'online' });
      }]],
    ]);
    expect((await store.get(caseId))?.case.mdos).to.deep.equal([]);
  });
});

describe('dialog: Deel B starts from the MDO', () => {
  it('offers the MDO\u2019s "wat als we niets doen" as the dreigend scenario; "overnemen" takes it', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('onderbouwing').case);
    const client = new DialogTestClient('msteams', new AskFieldDialog(services), { caseId, field: 'dreigendScenario' });
    await playDialog(client, [
      ['verder', ['Wat is het **dreigend scenario**: wat gebeurt er als we niets doen?\n\nUit het MDO, wat als we niets doen: \u201cHuisuitzetting binnen 8 weken, kinderen mogelijk tijdelijk elders.\u201d Typ **overnemen** om die tekst te gebruiken, of typ je eigen tekst.']],
      ['overnemen', []],
    ]);
    expect((await store.get(caseId))?.case.deelB?.dreigendScenario).to.equal('Huisuitzetting binnen 8 weken, kinderen mogelijk tijdelijk elders.');
  });
});

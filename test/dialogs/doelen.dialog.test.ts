import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { PlanDialog } from '../../bot/dialogs/plan-dialog';
import { ACTIE_TOEVOEGEN, DOEL_OPSLAAN, DOEL_WIJZIGEN, DOELEN_KLAAR, DOELEN_OPENEN } from '../../cards/verbs';
import { elementsOf } from '../support/adaptivecards';
import { cardWith, playDialog, storedForDialog } from '../support/bot-services';
import { naMdoMetAfspraken } from '../support/na-mdo';

/** The values of the inputs on a card reply, by id. */
const inputsOf = (reply: Partial<Activity>) => {
  const card = reply.attachments?.[0]?.content;
  return Object.fromEntries(['Input.Text', 'Input.Number', 'Input.Date', 'Input.ChoiceSet'].flatMap((t) => elementsOf(card, t)).map((i) => [i.id, i.value]));
};

/** The goals card again: the sentence on it (and beside it), and the inputs as given. */
const cardAgain = (sentence: string, inputs: Record<string, unknown> = {}) => (reply: Partial<Activity>) => {
  expect(reply.text).to.equal(sentence);
  const blocks = elementsOf(reply.attachments?.[0]?.content, 'TextBlock');
  expect(blocks.find((b) => b.text === sentence), 'the sentence on the card').to.deep.include({ color: 'Attention' });
  expect(inputsOf(reply)).to.deep.include(inputs);
};

/** A case just out of its MDO, no goals yet (the clock stands at 23 November 2026). */
const naMdo = () => naMdoMetAfspraken([{ wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: '2026-11-30' }]);

const GOED = { leefgebied: 'huisvesting', doel: 'Met de kinderen in ons huis blijven wonen.', tevredenheid: '3', resultaat: 'Er is een betalingsregeling.', resultaatDatum: '2027-01-18', korteTermijn: '' };

describe('dialog: the inwoner\u2019s goals in Deel A', () => {
  it('asks the goals first and refuses, on the card with what was typed, an unknown leefgebied, a score of 11 or "veel", a result without a date, a past date and the same leefgebied twice', async () => {
    const { services, store, caseId } = await storedForDialog(naMdo().case);
    const client = new DialogTestClient('msteams', new PlanDialog(services), { caseId });
    await playDialog(client, [['verder', [/^Stap 5A/, (reply) => {
      cardWith('Samenwerkplan Deel A: de doelen van de inwoner')(reply);
      cardWith('Nog geen doelen.')(reply);
    }]]]);
    const opslaan = (fields: Record<string, string>) => ({ value: { verb: DOEL_OPSLAAN, caseId, doelId: '', ...GOED, ...fields } });
    const before = (await store.get(caseId))?.etag;
    await playDialog(client, [
      [{ value: { verb: DOELEN_KLAAR, caseId } }, [cardAgain('De doelen zijn nog niet compleet. Nog niet ingevuld: minstens één doel met een resultaat en een datum (wanneer is het opgelost?).')]],
      [opslaan({ leefgebied: 'geluk' }), [cardAgain('Kies een leefgebied uit de lijst.', { leefgebied: 'geluk', doel: GOED.doel })]],
      [opslaan({ tevredenheid: '11' }), [cardAgain('Geef de tevredenheid van de inwoner als heel cijfer van 0 tot en met 10.', { tevredenheid: '11', resultaat: GOED.resultaat })]],
      [opslaan({ tevredenheid: 'veel' }), [cardAgain('Geef de tevredenheid van de inwoner als heel cijfer van 0 tot en met 10.', { tevredenheid: 'veel' })]],
      [opslaan({ resultaatDatum: '' }), [cardAgain('Wanneer is het opgelost? Kies bij het resultaat ook een datum.', { resultaat: GOED.resultaat, resultaatDatum: '' })]],
      [opslaan({ resultaatDatum: '2026-11-01' }), [cardAgain('Die datum is al voorbij; kies voor het resultaat vandaag of een latere datum.', { resultaatDatum: '2026-11-01' })]],
    ]);
    expect((await store.get(caseId))?.etag, 'nothing stored while refused').to.equal(before);
    await playDialog(client, [
      [opslaan({}), [(reply) => {
        cardAgain('Doel opgeslagen.')(reply);
        cardWith('Huisvesting: Met de kinderen in ons huis blijven wonen.')(reply);
        cardWith('Tevreden nu: 3 van 10 · opgelost: Er is een betalingsregeling. (uiterlijk 18 januari 2027)')(reply);
      }]],
      [opslaan({ doel: 'Een grotere woning.' }), [cardAgain('Voor Huisvesting staat al een doel; wijzig dat doel.', { doel: 'Een grotere woning.' })]],
    ]);
    const [doel] = (await store.get(caseId))?.case.deelA.doelen ?? [];
    expect(doel).to.deep.include({ leefgebied: 'huisvesting', doel: GOED.doel, tevredenheidVoor: 3, resultaat: GOED.resultaat, resultaatDatum: '2027-01-18' });
    expect(doel).to.not.have.property('korteTermijn');
    await playDialog(client, [
      [{ value: { verb: DOEL_WIJZIGEN, caseId, doelId: doel?.id } }, [(reply) => {
        cardWith('Doel wijzigen')(reply);
        expect(inputsOf(reply)).to.deep.include({ leefgebied: 'huisvesting', tevredenheid: '3', resultaatDatum: '2027-01-18' });
      }]],
      [{ value: { verb: DOEL_OPSLAAN, caseId, doelId: doel?.id, ...GOED, tevredenheid: '4', korteTermijn: 'Deze maand geen nieuwe achterstand.' } }, [cardAgain('Doel gewijzigd.')]],
      // The goals are done: the plan card, where an action is linked to the goal it serves.
      [{ value: { verb: DOELEN_KLAAR, caseId } }, [(reply) => {
        cardWith('Nieuwe actie')(reply);
        const keuze = elementsOf(reply.attachments?.[0]?.content, 'Input.ChoiceSet').find((i) => i.id === 'doelId');
        expect((keuze?.choices as { title: string; value: string }[]).map((c) => c.title)).to.deep.equal(['Geen doel', 'Huisvesting: Met de kinderen in ons huis blijven wonen.']);
      }]],
      [{ value: { verb: ACTIE_TOEVOEGEN, caseId, actieId: '', afspraakId: '', wie: 'Casusregisseur', wat: 'Gesprek met de corporatie', wanneer: '2026-12-01', termijn: 'kort', doelId: doel?.id } }, [(reply) => {
        cardWith('Actie toegevoegd.')(reply);
        cardWith('Voor het doel: Huisvesting: Met de kinderen in ons huis blijven wonen.')(reply);
      }]],
      // Back to the goals from the plan card.
      [{ value: { verb: DOELEN_OPENEN, caseId } }, [cardWith('Samenwerkplan Deel A: de doelen van de inwoner')]],
    ]);
    const c = (await store.get(caseId))?.case;
    expect(c?.deelA.doelen[0]).to.deep.include({ tevredenheidVoor: 4, korteTermijn: 'Deze maand geen nieuwe achterstand.' });
    expect(c?.deelA.acties.find((a) => a.wat === 'Gesprek met de corporatie')?.doelId).to.equal(doel?.id);
  });
});

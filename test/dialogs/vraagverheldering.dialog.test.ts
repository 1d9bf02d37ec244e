import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { VraagverhelderingDialog } from '../../bot/dialogs/vraagverheldering-dialog';
import { WieIsErNodigDialog } from '../../bot/dialogs/wie-is-er-nodig-dialog';
import type { Activity } from 'botbuilder';
import { RANGORDE_OPSLAAN, ZRM_OPSLAAN } from '../../cards/verbs';
import { elementsOf } from '../support/adaptivecards';
import { LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import { buttons, cardWith, createTestServices, playDialog, press, said } from '../support/bot-services';
import type { CaseCommandInput } from '../../services/domain/stappenplan/commands';

const actor = { userId: 'user1', orgRoles: [] };

async function caseInStep2() {
  const ctx = createTestServices();
  const c = await ctx.services.cases.open(actor, { teamId: 'wijkteam-noord', hulpvraag: 'Ik moet het huis uit.' });
  await ctx.services.cases.execute(actor, c.id, { type: 'setHouseholdMember', member: { role: 'inwoner', label: 'Moeder (M1)' } });
  await ctx.services.cases.execute(actor, c.id, { type: 'overgang', transition: 'startVraagverheldering' });
  return { ...ctx, caseId: c.id };
}

const allScores = (caseId: string, score: string) => ({
  verb: ZRM_OPSLAAN,
  caseId,
  moment: 'voor',
  ...Object.fromEntries(LEEFGEBIEDEN.map((l) => [`zrm_${l}`, score])),
});

/** The ranking card's submission: the leefgebieden per rank, the rest left empty. */
const rangorde = (caseId: string, gekozen: string[]) => ({
  verb: RANGORDE_OPSLAAN,
  caseId,
  ...Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`rang_${i + 1}`, gekozen[i] ?? ''])),
});

/** The ranking card again: the refusal on it and beside it, and what was chosen kept. */
const cardAgainWith = (sentence: string, kept: Record<string, string>) => (reply: Partial<Activity>) => {
  expect(reply.text).to.equal(sentence);
  const card = reply.attachments?.[0]?.content;
  expect(elementsOf(card, 'TextBlock').find((b) => b.text === sentence), 'the sentence on the card').to.deep.include({ color: 'Attention' });
  const values = Object.fromEntries(elementsOf(card, 'Input.ChoiceSet').map((i) => [i.id, i.value]));
  for (const [id, value] of Object.entries(kept)) expect(values[id]).to.equal(value);
};

describe('dialog: stap 2 Vraagverheldering', () => {
  it('asks ik wil / ik kan / ik heb nodig and what must change, lets the inwoner rank what matters most, scores all 13 leefgebieden on one card, and moves on', async () => {
    const { services, store, caseId } = await caseInStep2();
    const client = new DialogTestClient('msteams', new VraagverhelderingDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [/^Stap 2, \*\*vraagverheldering\*\*/, /^\*\*Ik wil\*\*/]],
      ['Met de kinderen in ons huis blijven wonen en weer rust in mijn hoofd.', [/^\*\*Ik kan\*\*/]],
      ['Bel mij: 123-456-782', [/^Laat het burgerservicenummer \(BSN\) weg uit "ik kan"/]],
      ['Ik kan goed koken en regelen voor de kinderen.', [/^\*\*Ik heb nodig\*\*/]],
      ['Iemand die met mij de schulden op een rij zet.', [/^\*\*Wat moet er veranderen\?\*\*/]],
      ['   ', [/^Vul wat er moet veranderen in\./]],
      ['De huurachterstand moet weg.', [cardWith('Wat is voor de inwoner het belangrijkst?')]],
      [{ value: rangorde(caseId, ['geluk']) }, [cardAgainWith('Kies een leefgebied uit de lijst.', { rang_1: 'geluk' })]],
      [{ value: rangorde(caseId, ['huisvesting', 'financien', 'huisvesting']) }, [cardAgainWith('Kies elk leefgebied maar één keer.', { rang_1: 'huisvesting', rang_2: 'financien', rang_3: 'huisvesting' })]],
      [{ value: rangorde(caseId, []) }, [cardAgainWith('Kies minstens één leefgebied dat voor de inwoner het belangrijkst is.', {})]],
      [{ value: rangorde(caseId, ['huisvesting', 'financien', 'geestelijkeGezondheid']) }, ['Opgeslagen wat voor de inwoner het belangrijkst is.', /\*\*kwaliteit van leven\*\*\? Typ een cijfer van 1 tot en met 10 \(het cijfer van de inwoner/]],
      // The inwoner's own score, apart from the professional's ZRM: 0, 11 and words are refused and asked again.
      ['0', [/^Geef .*1 tot en met 10[\s\S]*\*\*kwaliteit van leven\*\*/]],
      ['11', [/^Geef .*1 tot en met 10/]],
      ['goed', [/^Geef .*1 tot en met 10/]],
      ['4', [cardWith('Zelfredzaamheid-Matrix 2017')]],
      ['4 overal', [/^Vul de scores in op de kaart hierboven/]],
      [{ value: allScores(caseId, '9') }, [(reply) => {
        expect(reply.text).to.equal('Kies bij elk leefgebied een score van 1 tot en met 5.');
        cardWith('Scores opslaan')(reply);
      }]],
      [{ value: allScores('andere-casus-1', '3') }, [(reply) => expect(reply.text).to.equal('Deze kaart hoort bij een andere casus of een ander moment.')]],
      [{ value: { ...allScores(caseId, '4'), zrm_financien: '1', zrm_huisvesting: '2' } }, [
        'De ZRM-scores zijn opgeslagen.',
        /^Casus HA-2026-AAAAA1 staat nu in \*\*stap 3 \(wie is er nodig\)\*\*\.$/,
      ]],
    ]);
    const c = (await store.get(caseId))?.case;
    expect(c?.vraagverheldering.zrmVoor?.version).to.equal('ZRM-2017');
    expect(c?.vraagverheldering.zrmVoor?.scores).to.include({ financien: 1, huisvesting: 2, justitie: 4 });
    expect(c?.vraagverheldering.ikKan).to.equal('Ik kan goed koken en regelen voor de kinderen.');
    expect(c?.vraagverheldering.watMoetVeranderen).to.equal('De huurachterstand moet weg.');
    // The inwoner's ranking is kept apart from the professional's ZRM on all 13.
    expect(c?.vraagverheldering.belangrijksteLeefgebieden).to.deep.equal(['huisvesting', 'financien', 'geestelijkeGezondheid']);
    // The quality of life before, for the evaluation's before and after.
    expect(c?.deelC.kwaliteitVanLevenVoor).to.equal(4);
  });

  it('resumes with only what is still open', async () => {
    const { services, caseId } = await caseInStep2();
    await services.cases.execute(actor, caseId, { type: 'recordVraagverheldering', ikWil: 'Blijven wonen.', ikKan: 'Koken.' });
    const client = new DialogTestClient('msteams', new VraagverhelderingDialog(services), { caseId });
    await playDialog(client, [['verder', [/^Stap 2/, /^\*\*Ik heb nodig\*\*/]]]);
  });
});

describe('dialog: stap 3 Wie is er nodig', () => {
  it('records the parties and a meervoudige vraag, and moves to the MDO', async () => {
    const { services, store, caseId } = await caseInStep2();
    for (const command of <CaseCommandInput[]>[
      { type: 'recordVraagverheldering', ikWil: 'Blijven wonen.', ikKan: 'Koken.', ikHebNodig: 'Schuldhulp.' },
      { type: 'recordZrm', moment: 'voor', scores: Object.fromEntries(LEEFGEBIEDEN.map((l) => [l, 3])) },
      { type: 'overgang', transition: 'naarWieIsErNodig' },
    ]) await services.cases.execute(actor, caseId, command);
    const client = new DialogTestClient('msteams', new WieIsErNodigDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [/^Stap 3, \*\*wie is er nodig\?\*\*/]],
      [' , ; ', [/^Noem minstens één partij\./]],
      ['Wijkteam, Schuldhulpverlening; Woningcorporatie\nGGZ-praktijkondersteuner, wijkteam', [buttons(/^Kan één partij de vraag oplossen/, ['Eén partij (enkelvoudig)', 'Meerdere partijen (meervoudig)'])]],
      ['misschien', [said(/^Kies een van de twee mogelijkheden\.\nKan één partij de vraag oplossen/)]],
      ['2', [said(/^Kies een van de twee mogelijkheden\./)]],
      [press('Meerdere partijen (meervoudig)'), [/^Zet de collega.s van deze partijen op de casus met \*\*collega toevoegen\*\*/, /^Casus HA-2026-AAAAA1 staat nu in \*\*stap 4 \(MDO\)\*\*\./]],
    ]);
    const c = (await store.get(caseId))?.case;
    expect(c?.vraagType).to.equal('meervoudig');
    expect(c?.partijen.map((p) => p.organisatie)).to.deep.equal(['Wijkteam', 'Schuldhulpverlening', 'Woningcorporatie', 'GGZ-praktijkondersteuner']);
  });
});

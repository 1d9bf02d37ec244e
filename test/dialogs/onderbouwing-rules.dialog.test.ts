import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { OnderbouwingDialog } from '../../bot/dialogs/onderbouwing-dialog';
import { PlanDialog } from '../../bot/dialogs/plan-dialog';
import { FIELDS } from '../../bot/dialogs/fields';
import { PLAN_KLAAR } from '../../cards/verbs';
import { DEEL_B_ARGUMENT_HINTS } from '../../services/domain/model/argument';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import type { CaseCommandInput } from '../../services/domain/stappenplan/commands';
import { buttons, cardWith, keuzeCardOf, playDialog, press, said, storedForDialog, submitDataOf } from '../support/bot-services';
import { caseAt, DEEL_B_VOLLEDIG, PEOPLE } from '../support/stappenplan-driver';

const directory = new StaticDirectory({ [PEOPLE.leidinggevende.userId]: ['leidinggevende'], [PEOPLE.procesregisseur.userId]: ['procesregisseur'] });
const user1 = { userId: 'user1', orgRoles: [] };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Answers that say nothing: each is refused for every part of Deel B ("?" is help in a dialog: checked on the command). */
const PLACEHOLDERS = ['-', 'n.v.t.', 'nvt', 'geen', '...', 'x', 'Huur'];
const TEXT_PARTS = ['situatiebeschrijving', 'dreigendScenario', 'waaromNietRegulier', 'rendement', 'legitimiteit', 'betrokkenheid'] as const;

describe('dialog: stap 5B, every part of Deel B is a real argument', () => {
  for (const part of TEXT_PARTS) {
    it(`refuses a placeholder or one word for ${part}, saying what that part needs, and asks it again`, async () => {
      const { services, store, caseId } = await storedForDialog(caseAt('onderbouwing').case, directory);
      const { [part]: _left, ...others } = DEEL_B_VOLLEDIG;
      await services.cases.execute(user1, caseId, { type: 'recordDeelB', ...others } as CaseCommandInput);
      const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
      // The dreigend scenario also offers the MDO's "wat als we niets doen" after the question (nothing typed twice).
      const offer = part === 'dreigendScenario' ? '\\n\\nUit het MDO, wat als we niets doen: .*Typ \\*\\*overnemen\\*\\* om die tekst te gebruiken, of typ je eigen tekst\\.' : '';
      const question = new RegExp(`${escape(DEEL_B_ARGUMENT_HINTS[part])}\\n\\n${escape(FIELDS[part].prompt)}${offer}$`);
      await playDialog(client, [
        ['verder', [/^Stap 5B/, new RegExp(`^${escape(FIELDS[part].prompt)}${offer}$`)]],
        ...PLACEHOLDERS.map((text): [string, RegExp[]] => [text, [question]]),
        [DEEL_B_VOLLEDIG[part], [buttons(/ter beoordeling/)]],
      ]);
      expect((await store.get(caseId))?.case.deelB?.[part]).to.equal(DEEL_B_VOLLEDIG[part]);
      // The same rule on the command, whichever road sends it (the aanjager's card, a question mark).
      for (const text of ['?', 'nvt', 'Zie boven.']) {
        const refused = (await services.cases.execute(user1, caseId, { type: 'recordDeelB', [part]: text } as CaseCommandInput).catch((e: unknown) => e)) as { userMessage?: string };
        expect(refused.userMessage).to.contain(DEEL_B_ARGUMENT_HINTS[part]);
      }
    });
  }

  it('refuses a placeholder for the doel of the verzoek (the seventh part), and asks the doel again', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('onderbouwing').case, directory);
    await services.cases.execute(user1, caseId, { type: 'recordDeelB', ...DEEL_B_VOLLEDIG, verzoek: undefined });
    const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
    const doel = new RegExp(`${escape(DEEL_B_ARGUMENT_HINTS.doel)}\\n\\nWat is het \\*\\*doel\\*\\*`);
    await playDialog(client, [
      ['verder', [/^Stap 5B/, said(/^Wat vraag je aan\?/)]],
      [press('Een uitzondering'), [/uitzondering/]],
      ['Huur betalen uit het doorbraakfonds in plaats van via de schuldhulproute.', [/\*\*doel\*\*/]],
      ...PLACEHOLDERS.map((text): [string, RegExp[]] => [text, [doel]]),
      ['Moeder en kinderen blijven in hun eigen woning wonen.', [buttons(/ter beoordeling/)]],
    ]);
    expect((await store.get(caseId))?.case.deelB?.verzoek?.doel).to.equal('Moeder en kinderen blijven in hun eigen woning wonen.');
  });

  it('asks again a part stored as a placeholder before the rule, and the state machine refuses to submit it', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('onderbouwing').case, directory);
    await services.cases.execute(user1, caseId, { type: 'recordDeelB', ...DEEL_B_VOLLEDIG });
    const stored = (await store.get(caseId)) as NonNullable<Awaited<ReturnType<typeof store.get>>>;
    await store.replace({ ...stored.case, deelB: { ...stored.case.deelB!, rendement: 'nvt' } }, stored.etag);
    const refused = await services.cases.execute(user1, caseId, { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] }).catch((e: unknown) => e);
    expect((refused as { userMessage?: string }).userMessage).to.equal(`Deel B kan nog niet ter beoordeling: niet elk onderdeel is al een onderbouwing. ${DEEL_B_ARGUMENT_HINTS.rendement}`);
    const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
    await playDialog(client, [['verder', [/^Stap 5B/, new RegExp(`^"nvt" is geen onderbouwing\\. ${escape(DEEL_B_ARGUMENT_HINTS.rendement)}`)]]]);
  });
});

describe('dialog: stap 5B, the request can change until it is decided', () => {
  it('after "meer informatie" the type changes from doorbraakbudget to an uitzondering, through buttons, and Klaar is a button', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('onderbouwing').case, directory);
    await services.cases.execute(user1, caseId, { type: 'recordDeelB', ...DEEL_B_VOLLEDIG });
    await services.cases.execute(user1, caseId, { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
    const requestId = (await store.get(caseId))?.case.approvals[0]?.id as string;
    await services.cases.execute(PEOPLE.leidinggevende, caseId, { type: 'decideApproval', requestId, outcome: 'meerInformatie', reason: 'Kan het ook als uitzondering op de regels?' });
    const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
    const herzien = buttons(/^Welk onderdeel van Deel B wil je aanpassen\?/, [
      'Situatiebeschrijving', 'Dreigend scenario', 'Waarom niet regulier', 'Rendement', 'Legitimiteit', 'Betrokkenheid', 'Wat je aanvraagt (soort en bedrag)', 'Klaar met aanpassen',
    ]);
    await playDialog(client, [
      ['verder', [/^Besluit op Deel B: \*\*Meer informatie/, herzien]],
      [press('Wat je aanvraagt (soort en bedrag)'), [said(/^Wat vraag je aan\?/)]],
      [press('Een uitzondering'), [/uitzondering/]],
      ['De huur direct betalen in plaats van via de schuldhulproute.', [/\*\*doel\*\*/]],
      ['De ontruiming stopt en het gezin blijft in de woning.', [herzien]],
      [press('Klaar met aanpassen'), [buttons(/ter beoordeling/)]],
      [press('Ja, nu indienen'), ['Deel B is ingediend ter beoordeling. Je hoort het zodra er een besluit is.']],
    ]);
    const c = (await store.get(caseId))?.case;
    expect(c?.deelB?.verzoek).to.deep.equal({ uitzondering: 'De huur direct betalen in plaats van via de schuldhulproute.', doel: 'De ontruiming stopt en het gezin blijft in de woning.' });
    expect(c?.approvals.map((a) => a.status)).to.deep.equal(['meerInformatie', 'open']);
  });

  it('before submitting, "Eerst iets aanpassen" opens the revision loop and its Klaar brings back the submit question', async () => {
    const { services, caseId } = await storedForDialog(caseAt('onderbouwing').case, directory);
    await services.cases.execute(user1, caseId, { type: 'recordDeelB', ...DEEL_B_VOLLEDIG });
    const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [/^Stap 5B/, buttons(/ter beoordeling/, ['Ja, nu indienen', 'Eerst iets aanpassen', 'Later'])]],
      [press('Eerst iets aanpassen'), [buttons(/^Welk onderdeel/)]],
      ['Klaar', [said(/^Dat is geen van de keuzes[\s\S]*Welk onderdeel/)]],
      [press('Klaar met aanpassen'), [buttons(/ter beoordeling/)]],
      [press('Later'), ['Prima. Typ **verder** om Deel B later in te dienen.']],
    ]);
  });
});

describe('choices are Adaptive Cards with Action.Submit', () => {
  it('every button sends its own answer as data, and pressing one works as typing it exactly', async () => {
    const { services, caseId } = await storedForDialog(caseAt('onderbouwing').case, directory);
    await services.cases.execute(user1, caseId, { type: 'recordDeelB', ...DEEL_B_VOLLEDIG, verzoek: undefined });
    const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
    await client.sendActivity('verder');
    const card = client.getNextReply();
    const keuze = keuzeCardOf(card);
    expect(card.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card.attachments)).to.not.match(/imBack|card\.hero/);
    expect(keuze?.data).to.deep.equal([{ verb: 'keuze', keuze: 'Een uitzondering' }, { verb: 'keuze', keuze: 'Doorbraakbudget' }, { verb: 'keuze', keuze: 'Allebei' }]);
    await playDialog(client, [['allebei', [/uitzondering/]]]);
  });
});

describe('dialog: stap 5A, a Deel A without any action is not compleet', () => {
  it('"Plan is compleet" with no action shows the card again with what is missing', async () => {
    const c = caseAt('plan').case;
    c.deelA.acties = [];
    const { services, store, caseId } = await storedForDialog(c, directory);
    const client = new DialogTestClient('msteams', new PlanDialog(services), { caseId });
    let card: Record<string, unknown> = {};
    await playDialog(client, [['verder', [/^Stap 5A/, (reply) => { card = submitDataOf(reply); }]]]);
    await playDialog(client, [
      [{ value: { ...card, verb: PLAN_KLAAR } }, [(reply) => { expect(reply.text).to.equal('Deel A is nog niet compleet. Nog niet ingevuld: minstens één actie: wie doet wat wanneer.'); cardWith('Plan is compleet')(reply); }]],
    ]);
    expect((await store.get(caseId))?.case.step).to.equal('plan');
  });
});


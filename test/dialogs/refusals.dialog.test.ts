/**
 * Refusals of typed values and of cards in dialogs (issue 11): each is one plain Dutch sentence that says what is
 * wrong in the professional's words (and the limit), the question or card comes again, and the case is not changed.
 */
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { EscalerenDialog } from '../../bot/dialogs/escaleren-dialog';
import { MdoDialog } from '../../bot/dialogs/mdo-dialog';
import { PlanDialog } from '../../bot/dialogs/plan-dialog';
import { ZrmCardDialog } from '../../bot/dialogs/zrm-card-dialog';
import { ACTIE_TOEVOEGEN, MDO_MOMENT_KIEZEN, ZRM_OPSLAAN } from '../../cards/verbs';
import { ERROR_MESSAGES } from '../../services/domain/errors';
import { IndienenDialog } from '../../bot/dialogs/indienen-dialog';
import { OnderbouwingDialog } from '../../bot/dialogs/onderbouwing-dialog';
import { UitvoeringDialog } from '../../bot/dialogs/uitvoering-dialog';
import { VraagverhelderingDialog } from '../../bot/dialogs/vraagverheldering-dialog';
import { WieIsErNodigDialog } from '../../bot/dialogs/wie-is-er-nodig-dialog';
import { MAX_EURO_CENTS } from '../../services/domain/model/fields';
import type { CaseStore } from '../../services/ports/case-store';
import { formatEuro } from '../../services/domain/text/format';
import { buttons, cardWith, createTestServices, playDialog, press, said, storedForDialog, submitDataOf } from '../support/bot-services';
import { assertPlainDutch } from '../support/plain-dutch';
import { caseAt, DEEL_B_VOLLEDIG, PEOPLE } from '../support/stappenplan-driver';

const user1 = { userId: 'user1', orgRoles: [] };

/** The reply starts with exactly this refusal, in plain Dutch; the question follows after a blank line. */
const refusal = (sentence: string, question?: RegExp) => (reply: Partial<Activity>) => {
  const [first, ...rest] = (reply.text ?? '').split('\n\n');
  expect(first).to.equal(sentence);
  if (question) expect(rest.join('\n\n')).to.match(question);
  assertPlainDutch(sentence);
};

/** The stored version of a case now, to show a refusal changed nothing. */
const versionOf = async (store: CaseStore, caseId: string) => (await store.get(caseId))?.etag;

describe('dialogs: refusals of typed values in plain Dutch', () => {
  it('stap 6: the reason to escalate or a belemmering is refused in the words of its question, and asked again', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('uitvoering').case);
    const before = await versionOf(store, caseId);
    const client = new DialogTestClient('msteams', new UitvoeringDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [said(/Wat wil je doen\?/)]],
      [press('Ik loop vast'), [/^Waar loop je op vast\?/]],
      ['   ', [refusal('Vul wat je voorlegt aan de procesregisseur in.', /^Waar loop je op vast\?/)]],
      ['stop', [/^Gestopt\./]],
    ]);
    const again = new DialogTestClient('msteams', new UitvoeringDialog(services), { caseId });
    await playDialog(again, [
      ['verder', [said(/Wat wil je doen\?/)]],
      [press('Belemmering: opnieuw bij elkaar (MDO)'), [/^Welke belemmering/]],
      ['b'.repeat(1001), [refusal('De belemmering is te lang (maximaal 1000 tekens).', /^Welke belemmering/)]],
    ]);
    expect(await versionOf(store, caseId)).to.equal(before);
  });

  it('stap 1: a hulpvraag that is too long is refused with the number of tekens, and no case is made', async () => {
    const { services, store } = createTestServices();
    const client = new DialogTestClient('msteams', new IndienenDialog(services, 'wijkteam-noord'), {});
    await playDialog(client, [
      ['nieuwe casus', [/^Stap 1/, /^Wat is de hulpvraag/]],
      ['x'.repeat(2001), [refusal('De hulpvraag is te lang (maximaal 2000 tekens).')]],
    ]);
    expect((await store.listByMember('user1')).items).to.deep.equal([]);
  });

  it('stap 1: an age that is too high, a pseudoniem that is too long and a BSN in it are refused; the huishouden is unchanged', async () => {
    const { services, store } = createTestServices();
    const client = new DialogTestClient('msteams', new IndienenDialog(services, 'wijkteam-noord'), {});
    await playDialog(client, [
      ['nieuwe casus', [/^Stap 1/, /^Wat is de hulpvraag/]],
      ['Schulden en een ontruimingsbrief.', [/aangemaakt/, /huishouden/]],
    ]);
    const caseId = (await store.listByMember('user1')).items[0]?.case.id as string;
    const before = await versionOf(store, caseId);
    await playDialog(client, [
      ['kind Kind (K1) 150', [refusal('Die leeftijd is te hoog; de leeftijd kan hooguit 120 jaar zijn.')]],
      [`kind ${'K'.repeat(41)}`, [refusal('Het pseudoniem is te lang (maximaal 40 tekens).')]],
      ['kind Kind 123456782', [refusal('Laat het burgerservicenummer (BSN) weg uit het pseudoniem: dat slaan we nooit op.')]],
    ]);
    expect(await versionOf(store, caseId)).to.equal(before);
    expect((await store.get(caseId))?.case.household.members).to.deep.equal([]);
  });

  it('stap 2: an answer that is too long names the question and the number of tekens', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('vraagverheldering').case);
    const before = await versionOf(store, caseId);
    const client = new DialogTestClient('msteams', new VraagverhelderingDialog(services), { caseId });
    await playDialog(client, [
      ['verder', [/^Stap 2/, /^\*\*Ik wil\*\*/]],
      ['a'.repeat(2001), [refusal('"Ik wil" is te lang (maximaal 2000 tekens).')]],
    ]);
    expect(await versionOf(store, caseId)).to.equal(before);
  });

  it('stap 3: more than 30 parties, or a name that is too long, is refused and the parties are asked again', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('wieIsErNodig').case);
    const before = await versionOf(store, caseId);
    const client = new DialogTestClient('msteams', new WieIsErNodigDialog(services), { caseId });
    const question = /Welke partijen zijn nodig/;
    await playDialog(client, [
      ['verder', [question]],
      [Array.from({ length: 31 }, (_, i) => `Partij ${i + 1}`).join(', '), [said(/^Kan één partij de vraag oplossen/)]],
      [press('Meerdere partijen (meervoudig)'), [refusal('Noem hooguit 30 partijen.')]],
      [`Wijkteam, ${'S'.repeat(81)}`, [said(/^Kan één partij/)]],
      ['Meerdere partijen (meervoudig)', [refusal('De organisatie is te lang (maximaal 80 tekens).')]],
    ]);
    expect(await versionOf(store, caseId)).to.equal(before);
  });

  it('stap 5B: an amount that is too high, zero, negative or not a number is refused at once, naming the limit in euros, and asked again as an amount', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('onderbouwing').case);
    await services.cases.execute(user1, caseId, {
      type: 'recordDeelB', ...DEEL_B_VOLLEDIG, verzoek: undefined,
    });
    const before = await versionOf(store, caseId);
    const client = new DialogTestClient('msteams', new OnderbouwingDialog(services), { caseId });
    const again = said(/^Wat vraag je aan\?/);
    const amount = /^Hoeveel \*\*doorbraakbudget\*\*/;
    const tooHigh = `Dat bedrag is te hoog; het doorbraakbudget kan hooguit ${formatEuro(MAX_EURO_CENTS)} zijn.`;
    const tooLow = `Dat bedrag is te laag; het doorbraakbudget moet meer dan ${formatEuro(0)} zijn.`;
    expect(tooHigh).to.contain('1.000.000,00');
    const amountAgain = (refusal: string) => `${refusal}\n\nHoeveel **doorbraakbudget** is nodig? Typ een bedrag, bijvoorbeeld \`€ 1.250,00\`.`;
    await playDialog(client, [
      ['verder', [/^Stap 5B/, again]],
      [press('Doorbraakbudget'), [amount]],
      ['€ 1.000.000,01', [amountAgain(tooHigh)]],
      ['0', [amountAgain(tooLow)]],
      ['-50', [amountAgain(tooLow)]],
      ['twaalfhonderd', [amountAgain('Dat is geen bedrag dat ik kan lezen.')]],
    ]);
    for (const sentence of [tooHigh, tooLow]) assertPlainDutch(sentence);
    expect(await versionOf(store, caseId)).to.equal(before);
    expect((await store.get(caseId))?.case.deelB?.verzoek).to.equal(undefined);
  });

  it('stap 6B: an outcome that is too long is refused, naming the uitkomst and the number of tekens, and asked again', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('escaleren').case);
    const before = await versionOf(store, caseId);
    const client = new DialogTestClient('msteams', new EscalerenDialog(services), { caseId });
    const question = /^Wat is de \*\*uitkomst\*\*/;
    await playDialog(client, [
      ['verder', [said(/^Stap 6B/)]],
      [press('Escalatie afgerond: terug naar uitvoering'), [question]],
      ['u'.repeat(1001), [refusal('De uitkomst is te lang (maximaal 1000 tekens).', question)]],
      ['De regeling gaat door; BSN 123456782.', [refusal('Laat het burgerservicenummer (BSN) weg uit de uitkomst: dat slaan we nooit op.', question)]],
    ]);
    expect(await versionOf(store, caseId)).to.equal(before);
    expect((await store.get(caseId))?.case.escalaties[0]?.askedUserIds).to.deep.equal([PEOPLE.procesregisseur.userId]);
  });
});

describe('dialogs: cards that are not what the bot sent', () => {
  const INVALID = ERROR_MESSAGES['CARD.INVALID_PAYLOAD'];
  /** The card comes again with the refusal as its text. */
  const cardAgain = (sentence: string, cardTitle: string) => (reply: Partial<Activity>) => {
    expect(reply.text).to.equal(sentence);
    cardWith(cardTitle)(reply);
    assertPlainDutch(sentence);
  };

  it('ZRM card: a score of the wrong type, an unknown leefgebied, no case, another case or moment; nothing stored', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('vraagverheldering').case);
    const before = await versionOf(store, caseId);
    const client = new DialogTestClient('msteams', new ZrmCardDialog(services), { caseId, moment: 'voor' });
    await playDialog(client, [['hallo', [cardWith('Zelfredzaamheid-Matrix 2017')]]]);
    const submit = (value: Record<string, unknown>) => ({ value: { verb: ZRM_OPSLAAN, caseId, moment: 'voor', zrm_financien: '3', ...value } });
    await playDialog(client, [
      [submit({ zrm_financien: 3 }), [cardAgain(INVALID, 'Scores opslaan')]],
      [submit({ zrm_geluk: '3' }), [cardAgain(INVALID, 'Scores opslaan')]],
      [submit({ caseId: undefined }), [cardAgain(INVALID, 'Scores opslaan')]],
      [submit({ caseId: 'case-een-andere' }), [cardAgain('Deze kaart hoort bij een andere casus of een ander moment.', 'Scores opslaan')]],
      [submit({ moment: 'na' }), [cardAgain('Deze kaart hoort bij een andere casus of een ander moment.', 'Scores opslaan')]],
      [submit({ zrm_financien: '6' }), [cardAgain('Kies bij elk leefgebied een score van 1 tot en met 5.', 'Scores opslaan')]],
    ]);
    expect(await versionOf(store, caseId)).to.equal(before);
  });

  it('action card: a field of the wrong type, extra data, no case, another case, an unknown termijn; nothing stored', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('plan').case);
    const client = new DialogTestClient('msteams', new PlanDialog(services), { caseId });
    await playDialog(client, [['verder', [/^Stap 5A/, cardWith('Actie toevoegen')]]]);
    const before = await versionOf(store, caseId);
    const submit = (value: Record<string, unknown>) => ({ value: { verb: ACTIE_TOEVOEGEN, caseId, wie: 'Schuldhulp', wat: 'Budgetplan', wanneer: '2026-12-01', ...value } });
    await playDialog(client, [
      [submit({ wie: 5 }), [cardAgain(INVALID, 'Actie toevoegen')]],
      [submit({ status: 'gedaan' }), [cardAgain(INVALID, 'Actie toevoegen')]],
      [submit({ caseId: undefined }), [cardAgain(INVALID, 'Actie toevoegen')]],
      [submit({ caseId: 'case-een-andere' }), [cardAgain('Deze kaart hoort bij een andere casus; gebruik deze.', 'Actie toevoegen')]],
      [submit({ termijn: 'middel' }), [cardAgain('Kies korte of lange termijn.', 'Actie toevoegen')]],
    ]);
    expect(await versionOf(store, caseId)).to.equal(before);
  });

  it('MDO planning and checklist cards: a wrong type or extra data is refused and the card comes again; nothing stored', async () => {
    const { services, store, caseId } = await storedForDialog(caseAt('mdo').case);
    const client = new DialogTestClient('msteams', new MdoDialog(services), { caseId });
    await playDialog(client, [['verder', [/^Stap 4/, cardWith('MDO 1 plannen')]]]);
    let before = await versionOf(store, caseId);
    const moment = (value: Record<string, unknown>) => ({ value: { verb: MDO_MOMENT_KIEZEN, caseId, mdoId: '', datum: '2026-11-26', tijd: '14:00', locatie: 'thuis', ...value } });
    await playDialog(client, [
      [moment({ datum: 20261126 }), [cardWith(INVALID)]],
      [moment({ agenda: { eventId: 'x' } }), [cardWith(INVALID)]],
    ]);
    expect(await versionOf(store, caseId)).to.equal(before);
    let checklist: Record<string, unknown> = {};
    await playDialog(client, [
      [moment({}), [/^MDO 1 staat gepland/, () => undefined, buttons(/^Is het MDO bezig/)]],
      ['ja', [(reply) => { cardWith('gespreksformat')(reply); checklist = submitDataOf(reply); }]],
    ]);
    before = await versionOf(store, caseId);
    await playDialog(client, [
      [{ value: { ...checklist, opening__voorstelronde: true } }, [`${INVALID} Gebruik deze kaart:`, cardWith('gespreksformat')]],
      [{ value: { ...checklist, opening__koffie: 'true' } }, [`${INVALID} Gebruik deze kaart:`, cardWith('gespreksformat')]],
    ]);
    expect(await versionOf(store, caseId)).to.equal(before);
  });
});

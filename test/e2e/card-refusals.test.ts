/**
 * Card actions that are not what the bot sent (issue 11), over HTTP as Teams sends them (Action.Execute invokes and
 * the Action.Submit fallback): a field of the wrong type, a field missing, extra data, a card of another case, an
 * unknown request. Each gets one plain Dutch sentence on a 200 card, and nothing changes.
 */
import { expect } from 'chai';
import { DEELB_AFWIJZEN, DEELB_AKKOORD, DEELB_REVIEW_OPSLAAN, DEELB_VERNIEUW, ESCALATIE_AFGEROND } from '../../cards/verbs';
import { ERROR_MESSAGES } from '../../services/domain/errors';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { assertPlainDutch } from '../support/plain-dutch';
import { caseAt, PEOPLE, VOORBEELD, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsCardAction, teamsSubmit } from '../support/teams-activities';

const INVALID = ERROR_MESSAGES['CARD.INVALID_PAYLOAD'];
const NOT_FOUND = ERROR_MESSAGES['CASE.NOT_FOUND'];
const NO_REQUEST = ERROR_MESSAGES['APPROVAL.NOT_FOUND'];

/** Every text on a card (TextBlocks, facts, labels), in order. */
function cardTexts(card: unknown): string[] {
  if (Array.isArray(card)) return card.flatMap(cardTexts);
  if (!card || typeof card !== 'object') return [];
  const o = card as Record<string, unknown>;
  return [...(typeof o.text === 'string' ? [o.text] : []), ...Object.entries(o).filter(([k]) => k !== 'text').flatMap(([, v]) => cardTexts(v))];
}

describe('end to end: card actions that are not what the bot sent', function () {
  this.timeout(60_000);
  let bot: BotOverHttp;
  /** Deel B submitted and asked of the leidinggevende; the aanjager on the case. */
  let approval: Case;
  /** In 6B, asking the procesregisseur. */
  let escalation: Case;
  /** A case none of the people below is on. */
  let other: Case;

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({
      [PEOPLE.leidinggevende.userId]: ['leidinggevende'],
      [PEOPLE.aanjager.userId]: ['aanjager'],
      [PEOPLE.procesregisseur.userId]: ['procesregisseur'],
    }));
    approval = VOORBEELD.deelB(caseAt('onderbouwing'))
      .run('regisseur', { type: 'recordDeelB', aanjagerUserId: PEOPLE.aanjager.userId })
      .run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] }).case;
    escalation = { ...caseAt('escaleren').case, id: 'case-escalatie', reference: 'HA-2026-ESCA12' };
    other = await bot.services.cases.open({ userId: 'aad-iemand-anders', orgRoles: [] }, { teamId: 'wijkteam-noord', hulpvraag: 'Een andere vraag.' });
    for (const c of [approval, escalation]) await bot.store.create(c);
    await bot.ledger.setBudget({ teamId: approval.teamId, period: '2026', amountCents: 1_000_000, by: 'aad-beheerder-1', at: '2026-11-23T09:00:00.000Z' });
  });
  after(() => bot.close());

  /** An Action.Execute: the status, and the card's texts. */
  async function execute(person: Person, verb: string, data: Record<string, unknown>) {
    const response = await postActivity(bot.botUrl, teamsCardAction(verb, data, bot.as(person)));
    const body = JSON.parse(response.body) as { statusCode: number; value: unknown };
    return { status: body.statusCode, texts: cardTexts(body.value) };
  }

  /** The refusal is the card's one sentence, plain Dutch, and the case and the budget are as they were. */
  async function expectRefused(person: Person, verb: string, data: Record<string, unknown>, sentence: string, title?: string) {
    const versions = async () => [(await bot.store.get(approval.id))?.etag, (await bot.store.get(escalation.id))?.etag, (await bot.ledger.get(approval.teamId, '2026'))?.bookings.length];
    const before = await versions();
    const answer = await execute(person, verb, data);
    const label = `${verb} ${JSON.stringify(data).slice(0, 120)}`;
    expect(answer.status, label).to.equal(200);
    expect(answer.texts, label).to.include(sentence);
    if (title) expect(answer.texts[0], label).to.equal(title);
    for (const text of answer.texts) assertPlainDutch(text, label);
    expect(await versions(), `${label} changed nothing`).to.deep.equal(before);
  }

  it('approval card: a wrong type, a missing id, extra data → "Deze kaart is verlopen of niet geldig"', async () => {
    const { id: caseId } = approval;
    const requestId = approval.approvals[0]?.id as string;
    for (const data of [
      { caseId: 42, requestId },
      { caseId, requestId, reden: 5 },
      { caseId, requestId: null },
      { caseId },
      {},
      { caseId, requestId, amountCents: 1 },
      { caseId, requestId, reden: 'Prima.', outcome: 'akkoord' },
    ]) await expectRefused('leidinggevende', DEELB_AKKOORD, data, INVALID, 'Deze kaart is niet geldig');
  });

  it('approval card: a card of a case one is not on, or that does not exist, is "bestaat niet"; an unknown request "bestaat niet (meer)"', async () => {
    const requestId = approval.approvals[0]?.id as string;
    await expectRefused('leidinggevende', DEELB_AKKOORD, { caseId: other.id, requestId }, NOT_FOUND, 'Niet beschikbaar');
    await expectRefused('leidinggevende', DEELB_AKKOORD, { caseId: 'case-verzonnen', requestId }, NOT_FOUND, 'Niet beschikbaar');
    await expectRefused('onbekend', DEELB_AKKOORD, { caseId: approval.id, requestId }, NOT_FOUND, 'Niet beschikbaar');
    for (const unknown of ['id-999999', 'x', 'a'.repeat(100)]) {
      await expectRefused('leidinggevende', DEELB_AKKOORD, { caseId: approval.id, requestId: unknown }, NO_REQUEST, 'Niet beschikbaar');
      await expectRefused('leidinggevende', DEELB_VERNIEUW, { caseId: approval.id, requestId: unknown }, NO_REQUEST, 'Niet beschikbaar');
    }
  });

  it('approval card: a reason that is too long is said on the card, naming the reden and its length', async () => {
    const requestId = approval.approvals[0]?.id as string;
    await expectRefused('leidinggevende', DEELB_AFWIJZEN, { caseId: approval.id, requestId, reden: 'r'.repeat(1001) }, 'De reden is te lang (maximaal 1000 tekens).', 'Deel B ter beoordeling');
  });

  it('the Action.Submit fallback of a broken card gets the same sentence', async () => {
    bot.connector.reset();
    await postActivity(bot.botUrl, teamsSubmit({ verb: DEELB_AKKOORD, caseId: approval.id, requestId: ['x'] }, bot.as('leidinggevende')));
    const texts = cardTexts(bot.connector.calls.at(-1)?.body.attachments?.[0]?.content);
    expect(texts).to.deep.equal(['Deze kaart is niet geldig', INVALID]);
    expect((await bot.store.get(approval.id))?.case.approvals[0]?.status).to.equal('open');
  });

  it('aanjager card: wrong types, extra data, a missing case; another case is "bestaat niet"; a text too long names the field', async () => {
    const { id: caseId } = approval;
    for (const data of [{ caseId, rendement: 5 }, { caseId, rendement: 'Beter.', versie: 2 }, { rendement: 'Beter.' }, { caseId: { id: caseId } }]) {
      await expectRefused('aanjager', DEELB_REVIEW_OPSLAAN, data, INVALID, 'Deze kaart is niet geldig');
    }
    await expectRefused('aanjager', DEELB_REVIEW_OPSLAAN, { caseId: other.id, rendement: 'Beter.' }, NOT_FOUND, 'Niet beschikbaar');
    // Deel B is with the approver, so even a good text is refused: but first the length, in words.
    const answer = await execute('aanjager', DEELB_REVIEW_OPSLAAN, { caseId, rendement: 'r'.repeat(2001) });
    expect(answer.texts).to.include('Het rendement is te lang (maximaal 2000 tekens).');
  });

  it('escalation card: wrong types, extra data, a missing case; another case is "bestaat niet"; a text too long names it', async () => {
    const { id: caseId } = escalation;
    for (const data of [{ caseId, toelichting: 5 }, { caseId, toelichting: 'Opgelost.', aveFase: 4 }, { toelichting: 'Opgelost.' }]) {
      await expectRefused('procesregisseur', ESCALATIE_AFGEROND, data, INVALID, 'Deze kaart is niet geldig');
    }
    await expectRefused('procesregisseur', ESCALATIE_AFGEROND, { caseId: other.id, toelichting: 'Opgelost.' }, NOT_FOUND, 'Niet beschikbaar');
    await expectRefused('procesregisseur', ESCALATIE_AFGEROND, { caseId, toelichting: 't'.repeat(1001) }, 'De toelichting is te lang (maximaal 1000 tekens).', 'Escalatie (AVE-model)');
    expect((await bot.store.get(caseId))?.case.step).to.equal('escaleren');
  });
});

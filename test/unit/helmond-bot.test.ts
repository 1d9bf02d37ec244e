import { expect } from 'chai';
import { ALLE_ONDERDELEN } from '../support/case-fixtures';
import { TestAdapter, type Activity } from 'botbuilder';
import { CASUS_OPENEN, CASUS_VERDER, CASUSSEN_MEER } from '../../cards/verbs';
import { ERROR_MESSAGES } from '../../services/domain/errors';
import { COMMANDS, HELP_TEXT, UNKNOWN_TEXT } from '../../bot/texts';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { MAX_BUDGET_CENTS } from '../../services/budget/ledger';
import { formatEuro } from '../../services/domain/text/format';
import { createTestBot } from '../support/bot-services';
import { assertPlainDutch } from '../support/plain-dutch';
import { PROFESSIONAL_A, TEST_BOT_APP_ID, TEST_TENANT_ID, teamsInstallationAdd, teamsMembersAdded, teamsMessage, teamsSubmit, type TeamsContext } from '../support/teams-activities';

const CONTEXT: TeamsContext = { serviceUrl: 'https://test.invalid/' };
const ANDER: TeamsContext = { ...CONTEXT, user: { aadObjectId: '00000000-0000-4000-8000-0000000000b2', name: 'Professional B' } };

function harness(directory?: StaticDirectory) {
  const ctx = createTestBot(directory);
  const adapter = new TestAdapter((turn) => ctx.bot.run(turn));
  /** One activity in, every reply out. */
  const send = async (activity: Partial<Activity>) => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(activity);
    return adapter.activeQueue.splice(0);
  };
  const texts = async (activity: Partial<Activity>) => (await send(activity)).map((r) => String(r.text ?? ''));
  return { ...ctx, send, texts };
}

describe('HelmondBot: routes', () => {
  it('welcomes in Dutch when the app is installed', async () => {
    const [welcome, ...rest] = await harness().texts(teamsInstallationAdd(CONTEXT));
    expect(rest).to.deep.equal([]);
    expect(welcome).to.match(/^Welkom bij de Helmond Aanpak-assistent\./).and.include('nieuwe casus');
  });

  it('greets once when the bot joins on a channel without installationUpdate, never twice in Teams, never for others', async () => {
    const h = harness();
    expect(await h.texts({ ...teamsMembersAdded(CONTEXT), channelId: 'webchat' })).to.have.length(1);
    expect(await h.texts(teamsMembersAdded(CONTEXT))).to.deep.equal([]);
    expect(await h.texts({ ...teamsMembersAdded(CONTEXT, [{ id: '29:iemand', name: 'B' }]), channelId: 'webchat' })).to.deep.equal([]);
  });

  it('answers unknown text with a Dutch hint listing every command', async () => {
    const [hint] = await harness().texts(teamsMessage('hallo', CONTEXT));
    expect(hint).to.equal(UNKNOWN_TEXT);
    for (const [command] of COMMANDS) expect(hint).to.include(`**${command}**`);
  });

  it('help, stop and status work outside a dialog', async () => {
    const h = harness();
    expect(await h.texts(teamsMessage('help', CONTEXT))).to.deep.equal([HELP_TEXT]);
    expect(await h.texts(teamsMessage('stop', CONTEXT))).to.deep.equal(['Er loopt geen gesprek om te stoppen.']);
    expect(await h.texts(teamsMessage('status', CONTEXT))).to.deep.equal(['Er is nog geen casus gekozen. Typ **mijn casussen** of **nieuwe casus**.']);
  });

  it('"mijn casussen" with no cases shows the empty card', async () => {
    const [reply] = await harness().send(teamsMessage('mijn casussen', CONTEXT));
    expect(JSON.stringify(reply?.attachments?.[0]?.content)).to.contain('Je hebt geen open casussen');
  });

  it('"casus <kenmerk>" shows the case with its history and makes it the active case; status then speaks of it', async () => {
    const h = harness();
    const c = await h.services.cases.open({ userId: PROFESSIONAL_A.aadObjectId, orgRoles: [] }, { teamId: 'w', hulpvraag: 'Ik moet het huis uit.' });
    const [view] = await h.send(teamsMessage(`casus ${c.reference.toLowerCase()}`, CONTEXT));
    const card = JSON.stringify(view?.attachments?.[0]?.content);
    expect(card).to.contain(`Casus ${c.reference}`).and.contain('1 Indienen').and.contain('Ik moet het huis uit.');
    const [status] = await h.texts(teamsMessage('status', CONTEXT));
    expect(status).to.match(new RegExp(`^\\*\\*${c.reference}\\*\\*: stap 1 \\(indienen\\), ronde 1\\.`));
    expect(status).to.contain('Nog nodig: Nog niet vastgelegd: de inwoner in het huishouden.');
  });

  it('a card button pressed while a dialog waits does what it says: "Openen" on the case list during "nieuwe casus"', async () => {
    const h = harness();
    const c = await h.services.cases.open({ userId: PROFESSIONAL_A.aadObjectId, orgRoles: [] }, { teamId: 'w', hulpvraag: 'Ik moet het huis uit.' });
    expect((await h.texts(teamsMessage('nieuwe casus', CONTEXT))).join('\n')).to.match(/Wat is de hulpvraag/);
    const [list] = await h.send(teamsMessage('mijn casussen', CONTEXT));
    expect(JSON.stringify(list?.attachments?.[0]?.content)).to.contain(c.reference);
    const replies = await h.send(teamsSubmit({ verb: CASUS_OPENEN, caseId: c.id }, CONTEXT));
    expect(replies).to.have.length(1);
    expect(replies[0]?.text ?? '').not.to.match(/hulpvraag/i);
    expect(JSON.stringify(replies[0]?.attachments?.[0]?.content)).to.contain(`Casus ${c.reference}`).and.contain('Ik moet het huis uit.');
    // The dialog still waits for its hulpvraag: the next answer goes to it, not to the opened case.
    const [created] = await h.texts(teamsMessage('Schulden en een brief van de deurwaarder.', CONTEXT));
    expect(created).to.match(/Casus \*\*HA-2026-\w{6}\*\* is aangemaakt/);
  });

  it('someone not on the case hears it does not exist, by kenmerk or by a forged card', async () => {
    const h = harness();
    const c = await h.services.cases.open({ userId: PROFESSIONAL_A.aadObjectId, orgRoles: [] }, { teamId: 'w' });
    const notFound = 'Deze casus bestaat niet, of je hebt er geen toegang toe.';
    expect(await h.texts(teamsMessage(`casus ${c.reference}`, ANDER))).to.deep.equal([notFound]);
    expect(await h.texts(teamsSubmit({ verb: CASUS_OPENEN, caseId: c.id }, ANDER))).to.deep.equal([notFound]);
    expect(await h.texts(teamsMessage('casus HA-2026-ZZZZZZ', CONTEXT))).to.deep.equal([notFound]);
  });

  it('a forged or stale card payload gets a Dutch answer and changes nothing', async () => {
    const h = harness();
    expect(await h.texts(teamsSubmit({ verb: 'onbekend.werkwoord' }, CONTEXT))).to.deep.equal([
      'Deze kaart is verlopen of hoort bij een ander gesprek. Typ **mijn casussen** voor een actueel overzicht.',
    ]);
    expect(await h.texts(teamsSubmit({ verb: CASUSSEN_MEER, continuationToken: 'vervalst' }, CONTEXT))).to.deep.equal([ERROR_MESSAGES['CARD.INVALID_PAYLOAD']]);
  });

  it('"Openen", "Verder met deze casus" and "Meer casussen" with a field of the wrong type, missing, or extra data: one sentence, nothing opened', async () => {
    const h = harness();
    const c = await h.services.cases.open({ userId: PROFESSIONAL_A.aadObjectId, orgRoles: [] }, { teamId: 'w', hulpvraag: 'Ik moet het huis uit.' });
    for (const value of [
      { verb: CASUS_OPENEN, caseId: 42 },
      { verb: CASUS_OPENEN },
      { verb: CASUS_OPENEN, caseId: c.id, stap: 'afgesloten' },
      { verb: CASUS_VERDER, caseId: [c.id] },
      { verb: CASUSSEN_MEER, continuationToken: 7 },
    ]) {
      const replies = await h.texts(teamsSubmit(value, CONTEXT));
      expect(replies, JSON.stringify(value)).to.deep.equal([ERROR_MESSAGES['CARD.INVALID_PAYLOAD']]);
      replies.forEach((text) => assertPlainDutch(text));
    }
    expect(await h.texts(teamsMessage('status', CONTEXT))).to.deep.equal(['Er is nog geen casus gekozen. Typ **mijn casussen** of **nieuwe casus**.']);
  });

  it('"Verder met deze casus" for a case one is not on is "bestaat niet", and leaves no conversation behind', async () => {
    const h = harness();
    const c = await h.services.cases.open({ userId: PROFESSIONAL_A.aadObjectId, orgRoles: [] }, { teamId: 'w', hulpvraag: 'Ik moet het huis uit.' });
    expect(await h.texts(teamsSubmit({ verb: CASUS_VERDER, caseId: c.id }, ANDER))).to.deep.equal([ERROR_MESSAGES['CASE.NOT_FOUND']]);
    expect(await h.texts(teamsSubmit({ verb: CASUS_VERDER, caseId: 'case-verzonnen' }, ANDER))).to.deep.equal([ERROR_MESSAGES['CASE.NOT_FOUND']]);
    expect(await h.texts(teamsMessage('hallo', ANDER))).to.deep.equal([UNKNOWN_TEXT]);
    expect(await h.texts(teamsMessage('status', ANDER))).to.deep.equal(['Er is nog geen casus gekozen. Typ **mijn casussen** of **nieuwe casus**.']);
  });

  it('a case taken away mid-conversation is "bestaat niet" (not the generic error), by "verder" and by an answer; the conversation ends', async () => {
    const h = harness();
    const a = { userId: PROFESSIONAL_A.aadObjectId, orgRoles: [] };
    const b = ANDER.user?.aadObjectId as string;
    const c = await h.services.cases.open(a, { teamId: 'w', hulpvraag: 'Ik moet het huis uit.' });
    await h.services.cases.execute(a, c.id, { type: 'addProfessional', userId: b, role: 'betrokkenProfessional', toestemming: ALLE_ONDERDELEN });
    await h.texts(teamsMessage(`casus ${c.reference}`, ANDER));
    expect((await h.texts(teamsMessage('verder', ANDER))).join('\n')).to.contain('huishouden');
    await h.services.cases.execute(a, c.id, { type: 'deactivateProfessional', userId: b });
    const notFound = ERROR_MESSAGES['CASE.NOT_FOUND'];
    expect(await h.texts(teamsMessage('inwoner Moeder (M1) 38', ANDER)), 'an answer to the waiting question').to.deep.equal([notFound]);
    expect(await h.texts(teamsMessage('hallo', ANDER)), 'no dialog left waiting').to.deep.equal([UNKNOWN_TEXT]);
    expect(await h.texts(teamsMessage('verder', ANDER)), '"verder" on the active case').to.deep.equal([notFound]);
    expect(await h.texts(teamsMessage('hallo', ANDER))).to.deep.equal([UNKNOWN_TEXT]);
    expect((await h.store.get(c.id))?.case.household.members).to.deep.equal([]);
  });

  it('remembers how to reach the professional in their personal chat, and nothing else', async () => {
    const h = harness();
    await h.texts(teamsMessage('help', CONTEXT));
    const reference = await h.references.lookup(PROFESSIONAL_A.aadObjectId);
    expect(reference).to.deep.include({ channelId: 'msteams', serviceUrl: 'https://test.invalid/', conversationId: `a:personal-${PROFESSIONAL_A.aadObjectId}` });
    expect(JSON.stringify(reference)).to.not.contain('Professional A');
    await h.texts(teamsMessage('help', { ...CONTEXT, conversationType: 'groupChat', conversationId: '19:groep' }));
    expect((await h.references.lookup(PROFESSIONAL_A.aadObjectId))?.conversationId).to.equal(`a:personal-${PROFESSIONAL_A.aadObjectId}`);
  });

  it('remembers the same reference when the app is installed in the personal scope (after the welcome), not in a team', async () => {
    const h = harness();
    const [welcome, ...rest] = await h.texts(teamsInstallationAdd(ANDER));
    expect(rest).to.deep.equal([]);
    expect(welcome).to.match(/^Welkom bij de Helmond Aanpak-assistent\./);
    const userId = ANDER.user?.aadObjectId as string;
    expect(await h.references.lookup(userId)).to.deep.equal({
      schemaVersion: 1,
      channelId: 'msteams',
      serviceUrl: 'https://test.invalid/',
      conversationId: `a:personal-${userId}`,
      tenantId: TEST_TENANT_ID,
      userChannelId: `29:${userId}`,
      botId: `28:${TEST_BOT_APP_ID}`,
    });
    const other = harness();
    await other.texts(teamsInstallationAdd({ ...ANDER, conversationType: 'channel', conversationId: '19:team@thread.tacv2' }));
    expect(await other.references.lookup(userId)).to.equal(undefined);
  });

  it('"budget" shows the team\u2019s doorbraakbudget; only a beheerder sets it, and a bad amount is refused in Dutch', async () => {
    const h = harness(new StaticDirectory({ [PROFESSIONAL_A.aadObjectId]: ['beheerder'] }));
    expect(await h.texts(teamsMessage('budget', CONTEXT))).to.deep.equal(['Voor wijkteam-noord is voor 2026 nog geen doorbraakbudget vastgesteld.']);
    expect(await h.texts(teamsMessage('budget 10.000', ANDER))).to.deep.equal(['Alleen een beheerder kan het doorbraakbudget vaststellen.']);
    expect(await h.texts(teamsMessage('budget 1,2,3', CONTEXT))).to.deep.equal(['Dat bedrag kon ik niet lezen. Typ bijvoorbeeld **budget 10.000** of **budget € 10.000,00 2026**.']);
    expect(await h.texts(teamsMessage('budget € 10.000,00 2026', CONTEXT))).to.deep.equal([
      'Vastgesteld. Doorbraakbudget wijkteam-noord 2026: €\u00a010.000,00, toegekend €\u00a00,00, over €\u00a010.000,00.',
    ]);
    expect((await h.ledger.get('wijkteam-noord', '2026'))?.amountCents).to.equal(1_000_000);
  });

  it('"budget" refuses an amount that is too high (naming the highest budget in euros) or negative, and keeps the budget', async () => {
    const h = harness(new StaticDirectory({ [PROFESSIONAL_A.aadObjectId]: ['beheerder'] }));
    const tooHigh = `Dat bedrag is te hoog; het budget kan hooguit ${formatEuro(MAX_BUDGET_CENTS)} zijn.`;
    expect(tooHigh).to.equal('Dat bedrag is te hoog; het budget kan hooguit €\u00a010.000.000,00 zijn.');
    expect(await h.texts(teamsMessage('budget 10.000.000,01', CONTEXT))).to.deep.equal([tooHigh]);
    expect(await h.texts(teamsMessage('budget -500', CONTEXT))).to.deep.equal(['Een budget kan niet negatief zijn.']);
    expect(await h.texts(teamsMessage('budget € -1.000 2026', CONTEXT))).to.deep.equal(['Een budget kan niet negatief zijn.']);
    expect(await h.ledger.get('wijkteam-noord', '2026')).to.equal(undefined);
    await h.texts(teamsMessage('budget 10.000', CONTEXT));
    expect(await h.texts(teamsMessage('budget 99.999.999', CONTEXT))).to.deep.equal([tooHigh]);
    expect((await h.ledger.get('wijkteam-noord', '2026'))?.amountCents).to.equal(1_000_000);
    for (const text of [tooHigh, 'Een budget kan niet negatief zijn.']) assertPlainDutch(text);
  });
});

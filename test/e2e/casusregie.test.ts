/**
 * Casusregie overdragen over HTTP: the casusregisseur proposes a party on the "Casusregie overdragen" card, the party
 * answers on its own card (Action.Execute invokes, the card updated in place), the roles swap in one write, and two
 * answers at once yield one outcome. The local connector records what reached whom.
 */
import { expect } from 'chai';
import { REGIE_AANVAARDEN, REGIE_AFWIJZEN, REGIE_OVERDRAGEN, REGIE_VERNIEUW, REGIE_VOORSTELLEN } from '../../cards/verbs';
import { activeCasusregisseur, isRegieEntry, type Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { ALLE_ONDERDELEN } from '../support/case-fixtures';
import { caseAt, PEOPLE, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsCardAction, teamsSubmit } from '../support/teams-activities';

/** The voorbeeldcasus in uitvoering: the wijkteam holds regie; schuldhulp (all parts) and the woningcorporatie (Deel A) are on it. */
function voorbeeld(): Case {
  const d = caseAt('uitvoering');
  d.run('regisseur', { type: 'addProfessional', userId: PEOPLE.teamleider.userId, role: 'betrokkenProfessional', displayName: 'Fatima Yilmaz', organisatie: 'Woningcorporatie', toestemming: { ...ALLE_ONDERDELEN, onderdelen: ['deelA'] } });
  const c = structuredClone(d.case);
  c.id = `case-${Math.random().toString(36).slice(2, 10)}`;
  c.reference = `HA-2026-${Math.random().toString(36).slice(2, 8).toUpperCase().replace(/[ILOU]/g, 'X')}`;
  for (const p of c.professionals) {
    if (p.userId === PEOPLE.regisseur.userId) Object.assign(p, { displayName: 'Sanne de Vries', organisatie: 'Wijkteam Helmond' });
    if (p.userId === PEOPLE.schuldhulp.userId) Object.assign(p, { displayName: 'Ahmed El Amrani', organisatie: 'Schuldhulpverlening' });
  }
  return c;
}

describe('end to end: casusregie overdragen, proposed and accepted on cards', function () {
  this.timeout(30_000);
  let bot: BotOverHttp;

  const stored = async (c: Case) => (await bot.store.get(c.id))?.case as Case;
  const attachments = () => JSON.stringify(bot.connector.calls.flatMap((call) => call.body.attachments ?? []));

  /** An Action.Submit press as `person`; what came back (texts and cards, as JSON). */
  async function submit(person: Person, values: Record<string, string>): Promise<string> {
    bot.connector.reset();
    await postActivity(bot.botUrl, teamsSubmit(values, bot.as(person)));
    return bot.connector.calls.map((call) => JSON.stringify(call.body)).join('\n');
  }

  /** A fresh voorbeeldcasus in the store. */
  async function onTheCase(): Promise<Case> {
    const c = voorbeeld();
    await bot.store.create(c);
    return c;
  }

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({}));
    // Schuldhulp has opened the app (the bot can reach them); the woningcorporatie has not.
    await bot.say('schuldhulp', 'help');
  });
  after(() => bot.close());

  it('only the casusregisseur gets the card; it offers every other active party by name and organisation', async () => {
    const c = await onTheCase();
    await bot.say('schuldhulp', `casus ${c.reference}`);
    expect(await bot.say('schuldhulp', 'casusregie overdragen')).to.include('Alleen de casusregisseur kan de casusregie overdragen.');
    await bot.say('regisseur', `casus ${c.reference}`);
    expect(attachments()).to.include(REGIE_OVERDRAGEN);
    await bot.say('regisseur', 'regie overdragen');
    const card = attachments();
    expect(card).to.include('Ahmed El Amrani \u2014 Schuldhulpverlening').and.include('Fatima Yilmaz \u2014 Woningcorporatie').and.include(REGIE_VOORSTELLEN);
    expect(card).not.to.include('Sanne de Vries \u2014');
  });

  it('proposed, the party gets the card in its chat; only that party can answer; accepting swaps the roles and the former regisseur keeps sight of all of it', async () => {
    const c = await onTheCase();
    const answer = await submit('regisseur', { verb: REGIE_VOORSTELLEN, caseId: c.id, userId: PEOPLE.schuldhulp.userId, toelichting: 'De schulden zijn nu het **zwaarst**.' });
    expect(answer).to.include('Voorstel verstuurd: Ahmed El Amrani (Schuldhulpverlening) krijgt een kaart');
    const toSchuldhulp = JSON.stringify(bot.chatOf('schuldhulp').map((call) => call.body));
    expect(toSchuldhulp).to.include('Casusregie overnemen?').and.include(REGIE_AANVAARDEN).and.include('De schulden zijn nu het **zwaarst**.');
    const voorstelId = (await stored(c)).regieOverdragen?.id as string;
    expect(voorstelId).to.be.a('string');

    const notTheirs = await bot.press('regisseur', REGIE_AANVAARDEN, { caseId: c.id, voorstelId });
    expect(notTheirs).to.include('Alleen de collega aan wie de casusregie is voorgesteld').and.not.include('"ActionSet"');
    expect(activeCasusregisseur(await stored(c))?.userId).to.equal(PEOPLE.regisseur.userId);

    const accepted = await bot.press('schuldhulp', REGIE_AANVAARDEN, { caseId: c.id, voorstelId, reden: 'Ik neem het over.' });
    expect(accepted).to.include('Je hebt de casusregie aanvaard op').and.include('Ik neem het over.').and.not.include('"ActionSet"');
    // The others (the former regisseur among them) hear it through the case's outbox.
    await bot.deliver();
    const told = bot.readBy('regisseur').join('\n');
    expect(told).to.include(`Casus ${c.reference} is gewijzigd`).and.include('Ahmed El Amrani (Schuldhulpverlening) is nu de casusregisseur.');

    const after = await stored(c);
    expect(activeCasusregisseur(after)?.userId).to.equal(PEOPLE.schuldhulp.userId);
    expect(after.professionals.find((p) => p.userId === PEOPLE.regisseur.userId)).to.deep.include({ role: 'betrokkenProfessional', active: true });
    expect(after.history.filter(isRegieEntry).map((e) => [e.regie, e.by])).to.deep.equal([['voorgesteld', PEOPLE.regisseur.userId], ['aanvaard', PEOPLE.schuldhulp.userId]]);

    // The case as each now sees it: the new regisseur may hand it on, the former sees everything as a party.
    await bot.say('schuldhulp', `casus ${c.reference}`);
    expect(attachments()).to.include('casusregie overgenomen van Sanne de Vries (Wijkteam Helmond)').and.include(REGIE_OVERDRAGEN);
    await bot.say('regisseur', `casus ${c.reference}`);
    expect(attachments()).to.include('Ziet: Hulpvraag en vraagverheldering, ZRM-scores, Samenwerkplan Deel A, Samenwerkplan Deel B, MDO-uitkomsten, Evaluatie (Deel C).').and.not.include(REGIE_OVERDRAGEN);
    // The refreshed card (Teams asks for it) shows the outcome, also later.
    expect(await bot.press('schuldhulp', REGIE_VERNIEUW, { caseId: c.id, voorstelId })).to.include('Je hebt de casusregie aanvaard op');
  });

  for (const [label, verbs] of [
    ['aanvaarden and afwijzen', [REGIE_AANVAARDEN, REGIE_AFWIJZEN]],
    ['aanvaarden twice', [REGIE_AANVAARDEN, REGIE_AANVAARDEN]],
  ] as const) {
    it(`two presses at once (${label}): exactly one outcome is stored and the casusregisseur is told once`, async () => {
      const c = await onTheCase();
      await submit('regisseur', { verb: REGIE_VOORSTELLEN, caseId: c.id, userId: PEOPLE.schuldhulp.userId });
      const voorstelId = (await stored(c)).regieOverdragen?.id as string;
      bot.connector.reset();
      const cards = await Promise.all(verbs.map((verb) => postActivity(bot.botUrl, teamsCardAction(verb, { caseId: c.id, voorstelId }, bot.as('schuldhulp')))));
      for (const response of cards) expect(JSON.parse(response.body).statusCode).to.equal(200);
      const after = await stored(c);
      const answers = after.history.filter(isRegieEntry).filter((e) => e.regie === 'aanvaard' || e.regie === 'afgewezen');
      expect(answers).to.have.length(1);
      expect(activeCasusregisseur(after)?.userId).to.equal(answers[0]?.regie === 'aanvaard' ? PEOPLE.schuldhulp.userId : PEOPLE.regisseur.userId);
      expect(after.professionals.filter((p) => p.active && p.role === 'casusregisseur')).to.have.length(1);
      expect(cards.map((r) => r.body).join('\n')).to.include('geldt niet meer');
      await bot.deliver();
      expect(bot.readBy('regisseur').filter((text) => /casusregie van casus|is nu de casusregisseur/.test(text))).to.have.length(1);
    });
  }

  it('a party the bot cannot reach yet finds the proposal on the case and answers there; declining keeps the roles', async () => {
    const c = await onTheCase();
    const answer = await submit('regisseur', { verb: REGIE_VOORSTELLEN, caseId: c.id, userId: PEOPLE.teamleider.userId });
    expect(answer).to.include('Fatima Yilmaz (Woningcorporatie) heeft de app nog niet geopend');
    const voorstelId = (await stored(c)).regieOverdragen?.id as string;
    await bot.say('teamleider', `casus ${c.reference}`);
    expect(attachments()).to.include('Voorstel casusregie bekijken').and.include(voorstelId);
    const card = await submit('teamleider', { verb: REGIE_VERNIEUW, caseId: c.id, voorstelId });
    expect(card).to.include('Casusregie overnemen?').and.include(REGIE_AFWIJZEN);
    expect(await bot.press('teamleider', REGIE_AFWIJZEN, { caseId: c.id, voorstelId, reden: 'Geen ruimte.' })).to.include('Je hebt dit voorstel afgewezen op');
    expect(activeCasusregisseur(await stored(c))?.userId).to.equal(PEOPLE.regisseur.userId);
    expect(bot.readBy('regisseur').join('\n')).to.include('afgewezen. Je blijft casusregisseur.');
  });

  it('a new proposal makes the earlier card lapse', async () => {
    const c = await onTheCase();
    await submit('regisseur', { verb: REGIE_VOORSTELLEN, caseId: c.id, userId: PEOPLE.teamleider.userId });
    const first = (await stored(c)).regieOverdragen?.id as string;
    await submit('regisseur', { verb: REGIE_VOORSTELLEN, caseId: c.id, userId: PEOPLE.schuldhulp.userId });
    const lapsed = await bot.press('teamleider', REGIE_AANVAARDEN, { caseId: c.id, voorstelId: first });
    expect(lapsed).to.include('geldt niet meer').and.include('Dit voorstel is vervallen op').and.not.include('"ActionSet"');
    expect(activeCasusregisseur(await stored(c))?.userId).to.equal(PEOPLE.regisseur.userId);
  });

});

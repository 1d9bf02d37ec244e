/**
 * One case of the voorbeeldcasus walked over real HTTP, as Teams would: Teams-shaped activities posted to
 * /api/messages, the bot's replies read at a local connector on 127.0.0.1. Then the bot is restarted in the
 * middle of a dialog in a second case, and the conversation continues where it was.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../bot/app';
import { compose, type Runtime } from '../../bot/compose';
import { ACTIE_TOEVOEGEN, DOEL_OPSLAAN, DOELEN_KLAAR, KEUZE, MDO_CHECKLIST_OPSLAAN, PLAN_KLAAR, RANGORDE_OPSLAAN, ZRM_OPSLAAN } from '../../cards/verbs';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
import { LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import { FixedClock } from '../../services/ports/clock';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { sequentialIds } from '../support/bot-services';
import { keuzeTexts } from '../support/bot-over-http';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { T0 } from '../support/stappenplan-driver';
import { postActivity, PROFESSIONAL_A, teamsMessage, teamsSubmit, type TeamsContext } from '../support/teams-activities';

describe('end to end over HTTP: the voorbeeldcasus from nieuwe casus to afgesloten, and a restart mid-dialog', function () {
  this.timeout(60_000);
  let dataDir: string;
  let connector: LocalConnector;
  let context: TeamsContext;
  let runtime: Runtime;
  let app: App;
  let botUrl: string;

  async function startBot(): Promise<void> {
    const config = loadConfig({ DATA_DIR: dataDir });
    runtime = await compose(config, { clock: new FixedClock(T0), ids: sequentialIds(), directory: new StaticDirectory({ 'aad-procesregisseur-1': ['procesregisseur'] }) });
    app = await createApp(config, { bot: runtime.bot, logger: silentLogger, ...(runtime.downloads ? { downloads: runtime.downloads } : {}) });
    botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    app.ready();
  }

  async function stopBot(): Promise<void> {
    await app.close();
    await runtime.close();
  }

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-'));
    connector = await startLocalConnector();
    context = { serviceUrl: connector.serviceUrl, user: PROFESSIONAL_A };
    await startBot();
  });

  after(async () => {
    await stopBot();
    await connector.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Send a message or a card submit; return what the bot answered in that turn, texts and cards. */
  /** The cards of the last answer: a choice is pressed on them. */
  let lastCards: Record<string, unknown>[] = [];

  async function turn(says: string | Record<string, unknown>): Promise<{ text: string; cards: Record<string, unknown>[] }> {
    connector.reset();
    const activity = typeof says === 'string' ? teamsMessage(says, context) : teamsSubmit(says, context);
    const response = await postActivity(botUrl, activity);
    expect(response.status, `HTTP status for ${JSON.stringify(says)}`).to.equal(200);
    const messages = connector.calls.filter((c) => c.body.type === 'message');
    const attachments = messages.flatMap((m) => m.body.attachments ?? []);
    const cards = attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Record<string, unknown>);
    // Questions with buttons (Ja / Nee, choices) arrive as choice cards: their hint and question are what is read.
    lastCards = cards;
    return { text: [...messages.map((m) => m.body.text ?? ''), ...keuzeTexts(attachments)].join('\n'), cards };
  }

  /** Press the `n`-th button (from 1) of the question with buttons in the last answer, as a professional does. */
  function button(n: number): Record<string, unknown> {
    const keuze = lastCards.find((card) => ((card.actions as { data?: { verb?: string } }[] | undefined) ?? []).some((a) => a.data?.verb === KEUZE));
    const data = (keuze?.actions as { data: Record<string, unknown> }[] | undefined)?.[n - 1]?.data;
    expect(data, `button ${n} on the last question`).to.be.an('object');
    return data as Record<string, unknown>;
  }

  /** The data of the card's first Action.Submit (the bot's own card tells us caseId, mdoId). */
  const submitData = (card: Record<string, unknown> | undefined) => ((card?.actions as { data: Record<string, unknown> }[])[0]?.data ?? {});

  async function expectTurn(says: string | Record<string, unknown>, expected: RegExp): Promise<{ text: string; cards: Record<string, unknown>[] }> {
    const answer = await turn(says);
    expect(answer.text, `answer to ${JSON.stringify(says)}: ${answer.text}`).to.match(expected);
    return answer;
  }

  it('walks one case through every step of a meervoudige vraag to closure', async () => {
    await expectTurn('nieuwe casus', /Stap 1, \*\*indienen\*\*[\s\S]*Wat is de hulpvraag/);
    await expectTurn('Ik krijg een brief dat we het huis uit moeten. Ik slaap niet meer.', /Casus \*\*HA-2026-\w{6}\*\* is aangemaakt[\s\S]*huishouden/);
    await expectTurn('inwoner Moeder (M1) 38', /Genoteerd\. Huishouden: Moeder \(M1\) \(inwoner\)/);
    await expectTurn('kind Kind (K1) 9', /Genoteerd/);
    await expectTurn('kind Kind (K2) 14', /Genoteerd/);
    await expectTurn('klaar', /staat nu in \*\*stap 2 \(vraagverheldering\)\*\*[\s\S]*Wil je nu verder met stap 2 \(vraagverheldering\)\?/);

    await expectTurn('ja', /Stap 2[\s\S]*\*\*Ik wil\*\*/);
    await expectTurn('Met de kinderen in ons huis blijven wonen en weer rust in mijn hoofd.', /\*\*Ik kan\*\*/);
    await expectTurn('Ik kan goed koken en regelen voor de kinderen. Mijn zus helpt als het echt moet.', /\*\*Ik heb nodig\*\*/);
    await expectTurn('Iemand die met mij de schulden op een rij zet en met de woningcorporatie praat.', /\*\*Wat moet er veranderen\?\*\*/);
    const rangorde = await turn('De huurachterstand moet weg, en ik wil weer kunnen slapen.');
    expect(JSON.stringify(rangorde.cards[0])).to.contain('Wat is voor de inwoner het belangrijkst?');
    const kwaliteit = await turn({ ...submitData(rangorde.cards[0]), verb: RANGORDE_OPSLAAN, rang_1: 'huisvesting', rang_2: 'financien', rang_3: '', rang_4: '', rang_5: '' });
    expect(kwaliteit.text).to.contain('Opgeslagen wat voor de inwoner het belangrijkst is.').and.match(/\*\*kwaliteit van leven\*\*\? Typ een cijfer van 1 tot en met 10/);
    await expectTurn('11', /^Geef .*kwaliteit van leven.*1 tot en met 10/);
    const zrm = await turn('5');
    expect(zrm.cards).to.have.length(1);
    const zrmData = submitData(zrm.cards[0]);
    const scores = { ...Object.fromEntries(LEEFGEBIEDEN.map((l) => [`zrm_${l}`, '4'])), zrm_financien: '1', zrm_huisvesting: '2', zrm_geestelijkeGezondheid: '2' };
    await expectTurn({ ...zrmData, ...scores, verb: ZRM_OPSLAAN }, /De ZRM-scores zijn opgeslagen\.[\s\S]*\*\*stap 3 \(wie is er nodig\)\*\*/);

    await expectTurn('ja', /Welke partijen zijn nodig/);
    await expectTurn('Wijkteam, Schuldhulpverlening, Woningcorporatie, GGZ-praktijkondersteuner, School van K2', /Kan één partij de vraag oplossen/);
    await expectTurn(button(2), /\*\*stap 4 \(MDO\)\*\*/);

    const planning = await expectTurn('ja', /Stap 4, \*\*MDO\*\*/);
    expect(JSON.stringify(planning.cards[0])).to.contain('MDO 1 plannen');
    await expectTurn({ ...submitData(planning.cards[0]), datum: '2026-11-26', tijd: '14:00', locatie: 'thuis' }, /MDO 1 staat gepland op donderdag 26 november 2026, 14:00 \u2013 15:30 \(bij de inwoner thuis\)[\s\S]*Is het MDO bezig/);
    const checklist = await turn('ja');
    const checklistData = submitData(checklist.cards[0]);
    await expectTurn({ ...checklistData, verb: MDO_CHECKLIST_OPSLAAN, opening__voorstelronde: 'true', opening__spelregels: 'true', vragen__iedereenAanHetWoord: 'true' }, /Checklist opgeslagen[\s\S]*Zijn ik wil, ik kan en ik heb nodig/);
    await expectTurn('ja', /gezamenlijk belang/);
    await expectTurn('Het gezin blijft in de woning.', /als we niets doen/);
    await expectTurn('Huisuitzetting binnen 8 weken, kinderen mogelijk tijdelijk elders.', /ondersteuning/);
    await expectTurn('Schuldhulp, GGZ-gesprekken.', /casusregie/);
    await expectTurn(button(1), /afspraken/);
    await expectTurn('Schuldhulp; huurachterstand in kaart; 30-11-2026', /Genoteerd \(1\)/);
    await expectTurn('klaar', /\*\*stap 5A \(plan, Deel A\)\*\*[\s\S]*evaluatie staat op 7 januari 2027/);

    const doelen = (await expectTurn('ja', /Stap 5A/)).cards[0];
    expect(JSON.stringify(doelen)).to.contain('Belangrijkst voor de inwoner: Huisvesting, Financiën');
    const doelData = submitData(doelen);
    await expectTurn({ ...doelData, verb: DOELEN_KLAAR }, /De doelen zijn nog niet compleet\. Nog niet ingevuld: minstens één doel met een resultaat en een datum/);
    await expectTurn({
      ...doelData, verb: DOEL_OPSLAAN, leefgebied: 'huisvesting', doel: 'Met de kinderen in ons huis blijven wonen.', tevredenheid: '3',
      resultaat: 'Er is een betalingsregeling en de ontruiming is van de baan.', resultaatDatum: '2027-01-18', korteTermijn: '',
    }, /Doel opgeslagen/);
    const plan = (await turn({ ...doelData, verb: DOELEN_KLAAR })).cards[0];
    expect(JSON.stringify(plan)).to.contain('Nieuwe actie');
    const planData = submitData(plan);
    for (const [wie, wat, wanneer] of [
      ['Schuldhulp', 'Huurachterstand in kaart', '2026-11-30'],
      ['Casusregisseur', 'Gesprek woningcorporatie over betalingsregeling', '2026-12-07'],
      ['Praktijkondersteuner', 'Intake GGZ', '2026-12-14'],
    ]) await expectTurn({ ...planData, verb: ACTIE_TOEVOEGEN, wie, wat, wanneer, termijn: 'kort' }, /Actie toegevoegd/);
    await expectTurn({ ...planData, verb: PLAN_KLAAR }, /Deel A als PDF/);
    await expectTurn('nee', /uitzondering/);
    await expectTurn(button(1), /\*\*stap 6 \(uitvoering\)\*\*/);

    await expectTurn('ja', /Stap 6, \*\*uitvoering\*\*[\s\S]*Wat wil je doen\?/);
    for (let i = 1; i <= 3; i++) {
      await expectTurn(button(1), /Welke actie\?/);
      await expectTurn(button(i), /Wat is de stand\?/);
      await expectTurn(button(3), /Bijgewerkt[\s\S]*Wat wil je doen\?/);
    }
    await expectTurn(button(4), /\*\*stap 7 \(evaluatie, Deel C\)\*\*/);

    // The quality of life before was given in stap 2: the evaluation does not ask it again.
    await expectTurn('ja', /Is het plan gerealiseerd\?/);
    await expectTurn(button(1), /Is het resultaat bereikt: /);
    await expectTurn(button(2), /Hoe tevreden is de inwoner nu over Met de kinderen in ons huis blijven wonen\.\? \(0–10\)/);
    await expectTurn('goed', /^Geef de tevredenheid van de inwoner als cijfer van 0 tot en met 10\./);
    const na = await turn('6');
    const naData = submitData(na.cards[0]);
    expect(naData.moment).to.equal('na');
    const after = { ...Object.fromEntries(LEEFGEBIEDEN.map((l) => [`zrm_${l}`, '4'])), zrm_financien: '3', zrm_geestelijkeGezondheid: '3' };
    await expectTurn({ ...naData, ...after, verb: ZRM_OPSLAAN }, /opgeslagen[\s\S]*kwaliteit van leven/);
    const voorNa = await turn('7');
    expect(JSON.stringify(voorNa.cards)).to.contain('Tevredenheid 3 → 6').and.contain('Resultaat bereikt: Deels');
    expect(voorNa.text).to.match(/nog nodig/);
    await expectTurn('Niets meer; schuldhulp loopt door.', /vervolg/);
    await expectTurn('Schuldhulp loopt door; casus sluiten.', /Hoe verder/);
    await expectTurn(button(1), /Weet je het zeker\?[\s\S]*De casus nu afsluiten\?/);
    await expectTurn('ja', /^Casus HA-\S+ is afgesloten\.$/);

    const view = await turn('mijn casussen');
    expect(JSON.stringify(view.cards[0])).to.contain('Je hebt geen open casussen');
  });

  it('restarts mid-dialog in a second case and continues where it was', async () => {
    await expectTurn('nieuwe casus', /Wat is de hulpvraag/);
    await expectTurn('Schulden en een brief van de deurwaarder.', /aangemaakt/);
    await expectTurn('inwoner Vader (V1) 45', /Genoteerd/);

    await stopBot();
    await startBot();

    await expectTurn('kind Kind (K1) 7', /Genoteerd\. Huishouden: Vader \(V1\) \(inwoner\), Kind \(K1\) \(kind\)\./);
    await expectTurn('klaar', /staat nu in \*\*stap 2 \(vraagverheldering\)\*\*/);
    const list = await turn('mijn casussen');
    expect(JSON.stringify(list.cards[0])).to.contain('2 Vraagverheldering');
  });
});

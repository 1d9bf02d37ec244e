// `npm run demo`: a case that is ready to submit Deel B, so the approval can be walked in the browser without the
// thirty-odd chat turns it takes to get there. Run by scripts/chat.js before the bot starts (the embedded store is
// one process's at a time). It goes through the real services on DATA_DIR (the built dist/: compose, CaseService,
// the state machine, the budget ledger), as Alex Wilber, the casusregisseur: stap 1 to stap 5B along the meervoudige
// route, with Deel B written (a doorbraakbudget of € 1.250) but NOT submitted. Also sets the team's budget for the
// current period (€ 10.000) when none is set. The case's kenmerk is kept in DATA_DIR/demo-case.json; a later start
// reuses that case while Deel B is still unsubmitted and makes a new one otherwise.
// Usage (normally through chat.js): DATA_DIR=.data/demo node scripts/demo-seed.js → prints the kenmerk.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const PROFESSIONAL = '00000000-0000-0000-0000-0000000000020'; // Alex Wilber (scripts/chat-people.js)
const MARKER = 'demo-case.json';
const BUDGET_CENTS = 1_000_000;

const allScores = (leefgebieden, score) => Object.fromEntries(leefgebieden.map((l) => [l, score]));

/** The commands of the voorbeeldcasus (test/support/stappenplan-driver.ts) up to Deel B written, for `now`. */
function commandsUpToDeelB(now, kalender, leefgebieden, mdoId) {
  let mdo = now.plus({ days: 1 });
  while (!kalender.isWerkdag(mdo)) mdo = mdo.plus({ days: 1 });
  const inWeeks = (w) => now.plus({ weeks: w }).toISODate();
  return [
    { type: 'setHouseholdMember', member: { role: 'inwoner', label: 'Moeder (M1)', leeftijd: 38 } },
    { type: 'setHouseholdMember', member: { role: 'kind', label: 'Kind (K1)', leeftijd: 9 } },
    { type: 'setHouseholdMember', member: { role: 'kind', label: 'Kind (K2)', leeftijd: 14 } },
    { type: 'overgang', transition: 'startVraagverheldering' },
    {
      type: 'recordVraagverheldering',
      ikWil: 'Met de kinderen in ons huis blijven wonen en weer rust in mijn hoofd.',
      ikKan: 'Ik kan goed koken en regelen voor de kinderen. Mijn zus helpt als het echt moet.',
      ikHebNodig: 'Iemand die met mij de schulden op een rij zet en met de woningcorporatie praat.',
      watMoetVeranderen: 'De huurachterstand moet weg, en ik wil weer kunnen slapen.',
      belangrijksteLeefgebieden: ['huisvesting', 'financien', 'geestelijkeGezondheid'],
    },
    {
      type: 'recordZrm',
      moment: 'voor',
      scores: { ...allScores(leefgebieden, 4), financien: 1, huisvesting: 2, geestelijkeGezondheid: 2, huiselijkeRelaties: 3, sociaalNetwerk: 3, werkOpleiding: 2 },
    },
    { type: 'overgang', transition: 'naarWieIsErNodig' },
    {
      type: 'setPartijen',
      vraagType: 'meervoudig',
      partijen: [
        { organisatie: 'Wijkteam Helmond', rol: 'casusregisseur', userId: PROFESSIONAL },
        { organisatie: 'Schuldhulpverlening' },
        { organisatie: 'Woningcorporatie' },
        { organisatie: 'GGZ-praktijkondersteuner' },
      ],
    },
    { type: 'overgang', transition: 'meervoudigeVraag' },
    { type: 'planMdo', datum: mdo.toISODate(), locatie: 'thuis' },
    { type: 'recordMdoChecklist', mdoId, section: 'opening', items: { voorstelronde: true, spelregels: true } },
    {
      type: 'recordMdoUitkomsten',
      mdoId,
      ikWilIkKanIkHebNodigVastgesteld: true,
      gezamenlijkBelang: 'Het gezin blijft in de woning.',
      watAlsWeNietsDoen: 'Huisuitzetting binnen 8 weken, kinderen mogelijk tijdelijk elders.',
      ondersteuning: 'Schuldhulp, GGZ-gesprekken.',
      casusregie: PROFESSIONAL,
      afspraken: [{ wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: inWeeks(1) }],
    },
    { type: 'overgang', transition: 'mdoAfgerond' },
    {
      type: 'setDoel',
      doel: {
        leefgebied: 'huisvesting',
        doel: 'Met de kinderen in ons huis blijven wonen.',
        tevredenheidVoor: 3,
        resultaat: 'Er is een betalingsregeling met de corporatie en de ontruiming is van de baan.',
        resultaatDatum: inWeeks(8),
      },
    },
    { type: 'setActie', actie: { wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: inWeeks(1) } },
    { type: 'setActie', actie: { wie: 'Casusregisseur', wat: 'Gesprek woningcorporatie over betalingsregeling', wanneer: inWeeks(2) } },
    { type: 'overgang', transition: 'uitzonderingNodig' },
    {
      type: 'recordDeelB',
      situatiebeschrijving: 'Moeder met twee kinderen, huurachterstand van drie maanden, ontruiming dreigt.',
      dreigendScenario: 'Huisuitzetting binnen 8 weken; kinderen mogelijk tijdelijk elders.',
      waaromNietRegulier: 'De reguliere schuldhulproute duurt 10 weken; de ontruiming komt eerder.',
      rendement: 'Een uitzetting en tijdelijke opvang voor twee kinderen kosten vele malen meer.',
      legitimiteit: 'De Participatiewet staat een eenmalige betaling toe; het beleid noemt dit fonds.',
      betrokkenheid: 'De corporatie stopt de procedure bij betaling; de inwoner tekent het plan.',
      verzoek: { doorbraakbudgetCents: 125_000, categorie: 'huisvesting', doel: 'Huurachterstand van drie maanden betalen zodat de ontruiming stopt.' },
    },
  ];
}

/** Seed (or reuse) the demo case in `dataDir`; returns its kenmerk and whether it was made now. */
async function seedDemoCase(dataDir, env = process.env) {
  const { loadConfig } = require(path.join(root, 'dist/bot/config.js'));
  const { compose } = require(path.join(root, 'dist/bot/compose.js'));
  const { createWerkdagKalender } = require(path.join(root, 'dist/services/domain/werkdagen.js'));
  const { LEEFGEBIEDEN } = require(path.join(root, 'dist/services/domain/model/leefgebieden.js'));
  const config = loadConfig({ ...env, DATA_DIR: dataDir });
  const runtime = await compose(config);
  try {
    const { cases, directory, clock } = runtime.services;
    const actor = { userId: PROFESSIONAL, orgRoles: await directory.rolesOf(PROFESSIONAL) };
    const now = clock.now();

    const { period, budget } = await runtime.ledger.budgetAt(config.teamId, now.toISO());
    if (!budget) await runtime.ledger.setBudget({ teamId: config.teamId, period, amountCents: BUDGET_CENTS, by: PROFESSIONAL, at: now.toISO() });

    const markerFile = path.join(dataDir, MARKER);
    const previous = readMarker(markerFile);
    if (previous) {
      const existing = await cases.get(actor, previous.caseId).catch(() => undefined);
      const c = existing?.case;
      if (c && c.step === 'onderbouwing' && c.approvals.length === 0) return { reference: c.reference, caseId: c.id, made: false };
    }

    const opened = await cases.open(actor, { teamId: config.teamId, hulpvraag: 'Ik krijg een brief dat we het huis uit moeten. Ik slaap niet meer.' });
    const kalender = createWerkdagKalender();
    let c = opened;
    const script = commandsUpToDeelB(now, kalender, LEEFGEBIEDEN, '');
    for (const command of script) {
      const withMdo = 'mdoId' in command ? { ...command, mdoId: c.mdos.at(-1).id } : command;
      c = await cases.execute(actor, c.id, withMdo);
    }
    if (c.step !== 'onderbouwing') throw new Error(`De demo-casus staat in ${c.step}, niet in onderbouwing.`);
    fs.writeFileSync(markerFile, `${JSON.stringify({ caseId: c.id, reference: c.reference }, null, 2)}\n`);
    return { reference: c.reference, caseId: c.id, made: true };
  } finally {
    await runtime.close();
  }
}

function readMarker(file) {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof parsed.caseId === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

module.exports = { seedDemoCase, commandsUpToDeelB, PROFESSIONAL, MARKER };

if (require.main === module) {
  seedDemoCase(path.resolve(root, process.env.DATA_DIR || '.data/demo'))
    .then(({ reference, made }) => process.stdout.write(`${JSON.stringify({ reference, made })}\n`))
    .catch((error) => {
      process.stderr.write(`De demo-casus kon niet worden klaargezet: ${error.userMessage || error.message}\n`);
      process.exit(1);
    });
}

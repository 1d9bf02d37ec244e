import { expect } from 'chai';
import { ALLE_ONDERDELEN } from './case-fixtures';
import { DateTime } from 'luxon';
import type { DomainError } from '../../services/domain/errors';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import type { Case } from '../../services/domain/model/case';
import { LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import type { OrgRole } from '../../services/domain/model/roles';
import type { Step } from '../../services/domain/model/steps';
import { ZONE } from '../../services/ports/clock';
import type { MachineContext } from '../../services/domain/stappenplan/context';
import { decide, newCase } from '../../services/domain/stappenplan/machine';
import { createWerkdagKalender } from '../../services/domain/werkdagen';

/** The people of the voorbeeldcasus (shared/fixtures/voorbeeldcasus.md), by Teams user id. */
export const PEOPLE = {
  regisseur: { userId: 'aad-wijkteam-1', orgRoles: [] as OrgRole[] },
  schuldhulp: { userId: 'aad-schuldhulp-1', orgRoles: [] as OrgRole[] },
  aanjager: { userId: 'aad-aanjager-1', orgRoles: ['aanjager'] as OrgRole[] },
  leidinggevende: { userId: 'aad-leidinggevende-1', orgRoles: ['leidinggevende'] as OrgRole[] },
  procesregisseur: { userId: 'aad-procesregisseur-1', orgRoles: ['procesregisseur'] as OrgRole[] },
  onbekend: { userId: 'aad-onbekend-1', orgRoles: ['leidinggevende'] as OrgRole[] },
  /** A betrokken professional who is also a leidinggevende: the four-eyes rule must still stop them. */
  teamleider: { userId: 'aad-teamleider-1', orgRoles: ['leidinggevende'] as OrgRole[] },
} as const;
export type Person = keyof typeof PEOPLE;

/** The names Teams sends with each person's activities (names of professionals, invented; no inwoner's name). */
export const TEAMS_NAMES: Readonly<Record<Person, string>> = {
  regisseur: 'Fatima El Amrani',
  schuldhulp: 'Joris Bakker',
  aanjager: 'Eva Smits',
  leidinggevende: 'Sanne de Wit',
  procesregisseur: 'Ruud Verhoeven',
  onbekend: 'Kees Jansen',
  teamleider: 'Anouk Peters',
};

/** Monday 23 November 2026, 10:00 in Helmond. */
export const T0 = DateTime.fromISO('2026-11-23T10:00:00', { zone: ZONE });

const kalender = createWerkdagKalender();

/** Drives one case through the real state machine, with a clock it controls. */
export class CaseDriver {
  now: DateTime = T0;
  private ids = 0;
  case!: Case;

  ctx(person: Person): MachineContext {
    return { actor: PEOPLE[person], now: this.now, policy: DEFAULT_APPROVAL_POLICY, kalender, newId: () => `id-${String(++this.ids).padStart(6, '0')}` };
  }

  start(): this {
    const result = newCase(
      { id: 'case-000001', reference: 'HA-2026-7K3FQ9', teamId: 'wijkteam-noord', members: [] },
      this.ctx('regisseur'),
    );
    if (!result.ok) throw result.error;
    this.case = result.value;
    return this;
  }

  /** Apply a command that must succeed. */
  run(person: Person, command: Record<string, unknown>): this {
    const result = decide(this.case, command, this.ctx(person));
    if (!result.ok) expect.fail(`${String(command.type)}/${String(command.transition ?? '')} refused: ${result.error.code} ${result.error.userMessage}`);
    this.case = result.value;
    return this;
  }

  /** Apply a command that must be refused; returns the refusal and checks the case did not change. */
  refuse(person: Person, command: Record<string, unknown>): DomainError {
    const before = JSON.stringify(this.case);
    const result = decide(this.case, command, this.ctx(person));
    expect(JSON.stringify(this.case)).to.equal(before);
    if (result.ok) return expect.fail(`${String(command.type)} was accepted`);
    return result.error;
  }

  go(person: Person, transition: string, extra: Record<string, unknown> = {}): this {
    return this.run(person, { type: 'overgang', transition, ...extra });
  }

  advance(days: number): this {
    this.now = this.now.plus({ days });
    return this;
  }

  get latestMdoId(): string {
    return this.case.mdos.at(-1)?.id as string;
  }

  get latestRequestId(): string {
    return this.case.approvals.at(-1)?.id as string;
  }

  actieIds(): string[] {
    return this.case.deelA.acties.map((a) => a.id);
  }
}

const allScores = (score: number) => Object.fromEntries(LEEFGEBIEDEN.map((l) => [l, score]));

/** Each step of the voorbeeldcasus as a function that fills the step (the caller moves on). */
export const VOORBEELD = {
  indienen: (d: CaseDriver) =>
    d
      .run('regisseur', { type: 'recordHulpvraag', hulpvraag: 'Ik krijg een brief dat we het huis uit moeten. Ik slaap niet meer.' })
      .run('regisseur', { type: 'setHouseholdMember', member: { role: 'inwoner', label: 'Moeder (M1)', leeftijd: 38 } })
      .run('regisseur', { type: 'setHouseholdMember', member: { role: 'kind', label: 'Kind (K1)', leeftijd: 9 } })
      .run('regisseur', { type: 'setHouseholdMember', member: { role: 'kind', label: 'Kind (K2)', leeftijd: 14 } }),
  vraagverheldering: (d: CaseDriver) =>
    d
      .run('regisseur', {
        type: 'recordVraagverheldering',
        ikWil: 'Met de kinderen in ons huis blijven wonen en weer rust in mijn hoofd.',
        ikKan: 'Ik kan goed koken en regelen voor de kinderen. Mijn zus helpt als het echt moet.',
        ikHebNodig: 'Iemand die met mij de schulden op een rij zet en met de woningcorporatie praat.',
        watMoetVeranderen: 'De huurachterstand moet weg, en ik wil weer kunnen slapen.',
        belangrijksteLeefgebieden: ['huisvesting', 'financien', 'geestelijkeGezondheid'],
      })
      .run('regisseur', {
        type: 'recordZrm',
        moment: 'voor',
        scores: { ...allScores(4), financien: 1, huisvesting: 2, geestelijkeGezondheid: 2, huiselijkeRelaties: 3, sociaalNetwerk: 3, werkOpleiding: 2 },
      }),
  meervoudig: (d: CaseDriver) =>
    d
      .run('regisseur', {
        type: 'setPartijen',
        vraagType: 'meervoudig',
        partijen: [
          { organisatie: 'Wijkteam', rol: 'casusregisseur', userId: PEOPLE.regisseur.userId },
          { organisatie: 'Schuldhulpverlening', userId: PEOPLE.schuldhulp.userId },
          { organisatie: 'Woningcorporatie' },
          { organisatie: 'GGZ-praktijkondersteuner' },
          { organisatie: 'School van K2' },
        ],
      })
      .run('regisseur', { type: 'addProfessional', userId: PEOPLE.schuldhulp.userId, role: 'betrokkenProfessional', toestemming: ALLE_ONDERDELEN }),
  enkelvoudig: (d: CaseDriver) =>
    d.run('regisseur', { type: 'setPartijen', vraagType: 'enkelvoudig', partijen: [{ organisatie: 'Schuldhulpverlening' }] }),
  mdo: (d: CaseDriver) => {
    const datum = d.now.plus({ days: 3 }).toISODate() as string;
    d.run('regisseur', { type: 'planMdo', datum, locatie: 'thuis' });
    return d
      .run('regisseur', { type: 'recordMdoChecklist', mdoId: d.latestMdoId, section: 'opening', items: { voorstelronde: true, spelregels: true } })
      .run('regisseur', {
        type: 'recordMdoUitkomsten',
        mdoId: d.latestMdoId,
        ikWilIkKanIkHebNodigVastgesteld: true,
        gezamenlijkBelang: 'Het gezin blijft in de woning.',
        watAlsWeNietsDoen: 'Huisuitzetting binnen 8 weken, kinderen mogelijk tijdelijk elders.',
        ondersteuning: 'Schuldhulp, GGZ-gesprekken.',
        casusregie: PEOPLE.regisseur.userId,
        afspraken: [{ wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: d.now.plus({ weeks: 1 }).toISODate() }],
      });
  },
  deelA: (d: CaseDriver) =>
    d
      .run('regisseur', { type: 'setDoel', doel: VOORBEELD_DOEL(d) })
      .run('regisseur', { type: 'setActie', actie: { wie: 'Schuldhulp', wat: 'Huurachterstand in kaart', wanneer: d.now.plus({ weeks: 1 }).toISODate(), doelId: d.case.deelA.doelen[0]?.id } })
      .run('regisseur', { type: 'setActie', actie: { wie: 'Casusregisseur', wat: 'Gesprek woningcorporatie over betalingsregeling', wanneer: d.now.plus({ weeks: 2 }).toISODate() } })
      .run('regisseur', { type: 'setActie', actie: { wie: 'Praktijkondersteuner', wat: 'Intake GGZ', wanneer: d.now.plus({ weeks: 3 }).toISODate() } }),
  deelB: (d: CaseDriver) => d.run('regisseur', { type: 'recordDeelB', ...DEEL_B_VOLLEDIG }),
  allesGedaan: (d: CaseDriver) => {
    for (const actieId of d.actieIds()) d.run('regisseur', { type: 'setActieStatus', actieId, status: 'gedaan' });
    return d;
  },
  deelC: (d: CaseDriver) =>
    d
      .run('regisseur', { type: 'recordDeelC', gerealiseerd: 'ja', vervolg: 'Schuldhulp loopt door; casus sluiten.' })
      .run('regisseur', { type: 'recordZrm', moment: 'na', scores: { financien: 3, huisvesting: 4, geestelijkeGezondheid: 3 } }),
};

/** The voorbeeldcasus's goal for huisvesting, in the inwoner's words, with a result eight weeks ahead. */
export const VOORBEELD_DOEL = (d: CaseDriver) => ({
  leefgebied: 'huisvesting',
  doel: 'Met de kinderen in ons huis blijven wonen.',
  tevredenheidVoor: 3,
  resultaat: 'Er is een betalingsregeling met de corporatie en de ontruiming is van de baan.',
  resultaatDatum: d.now.plus({ weeks: 8 }).toISODate(),
  korteTermijn: 'Deze maand geen nieuwe achterstand.',
});

/** A case walked along the meervoudige route up to (and arrived in) the given step. */
export function caseAt(step: Step, options: { uitzondering?: boolean } = {}): CaseDriver {
  const d = new CaseDriver().start();
  if (step === 'indienen') return d;
  VOORBEELD.indienen(d).go('regisseur', 'startVraagverheldering');
  if (step === 'vraagverheldering') return d;
  VOORBEELD.vraagverheldering(d).go('regisseur', 'naarWieIsErNodig');
  if (step === 'wieIsErNodig') return d;
  VOORBEELD.meervoudig(d).go('regisseur', 'meervoudigeVraag');
  if (step === 'mdo') return d;
  VOORBEELD.mdo(d).go('regisseur', 'mdoAfgerond');
  VOORBEELD.deelA(d);
  if (step === 'plan') return d;
  if (step === 'onderbouwing' || options.uitzondering) {
    d.go('regisseur', 'uitzonderingNodig');
    if (step === 'onderbouwing') return d;
    VOORBEELD.deelB(d).run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
    d.run('leidinggevende', { type: 'decideApproval', requestId: d.latestRequestId, outcome: 'akkoord' });
    d.go('regisseur', 'onderbouwingGoedgekeurd');
  } else {
    d.go('regisseur', 'geenUitzonderingNodig');
  }
  if (step === 'uitvoering') return d;
  if (step === 'escaleren') return d.go('regisseur', 'vastgelopen', { toelichting: 'De corporatie twijfelt over de regeling.', askedUserIds: [PEOPLE.procesregisseur.userId] });
  VOORBEELD.allesGedaan(d).go('regisseur', 'planLukt');
  if (step === 'evaluatie') return d;
  return VOORBEELD.deelC(d).go('regisseur', 'afsluiten');
}

/** A Deel B in which every part is a real argument (model/argument.ts): what the driver records, and tests reuse. */
export const DEEL_B_VOLLEDIG = {
  situatiebeschrijving: 'Moeder met twee kinderen, huurachterstand van drie maanden, ontruiming dreigt.',
  dreigendScenario: 'Huisuitzetting binnen 8 weken; kinderen mogelijk tijdelijk elders.',
  waaromNietRegulier: 'De reguliere schuldhulproute duurt 10 weken; de ontruiming komt eerder.',
  rendement: 'Een uitzetting en tijdelijke opvang voor twee kinderen kosten vele malen meer.',
  legitimiteit: 'De Participatiewet staat een eenmalige betaling toe; het beleid noemt dit fonds.',
  betrokkenheid: 'De corporatie stopt de procedure bij betaling; de inwoner tekent het plan.',
  verzoek: { doorbraakbudgetCents: 125_000, categorie: 'huisvesting', doel: 'Huurachterstand van drie maanden betalen zodat de ontruiming stopt.' },
} as const;

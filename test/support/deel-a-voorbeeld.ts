import type { Case } from '../../services/domain/model/case';
import { caseAt, PEOPLE, type CaseDriver } from './stappenplan-driver';

/**
 * The voorbeeldcasus's second goal: financiën (tevredenheid 2), served by the talk with the corporatie; the action
 * "Huurachterstand in kaart" keeps serving huisvesting.
 */
export function tweedeDoel(d: CaseDriver): CaseDriver {
  d.run('regisseur', {
    type: 'setDoel',
    doel: { leefgebied: 'financien', doel: 'Weer grip op mijn geld.', tevredenheidVoor: 2, resultaat: 'Er is een budgetplan en de vaste lasten worden betaald.', resultaatDatum: d.now.plus({ weeks: 10 }).toISODate() },
  });
  const financien = d.case.deelA.doelen.find((g) => g.leefgebied === 'financien')?.id;
  const gesprek = d.case.deelA.acties.find((a) => a.wat.startsWith('Gesprek woningcorporatie'));
  return d.run('regisseur', { type: 'setActie', actie: { id: gesprek?.id, wie: gesprek?.wie, wat: gesprek?.wat, wanneer: gesprek?.wanneer, doelId: financien } });
}

/**
 * The voorbeeldcasus in uitvoering as the inwoner's Deel A shows it: two goals in her words (huisvesting, and
 * financiën as in the e2e with two goals), an action under each, one action apart, and the parties named as the bot
 * records them from Teams (the casusregisseur and schuldhulp). Shared by the PDF render test and `npm run render:deel-a`.
 */
export function deelAVoorbeeld(): Case {
  const d = tweedeDoel(caseAt('uitvoering'));
  const names: Record<string, { displayName: string; organisatie: string }> = {
    [PEOPLE.regisseur.userId]: { displayName: 'Sanne de Vries', organisatie: 'Wijkteam Helmond-Noord' },
    [PEOPLE.schuldhulp.userId]: { displayName: 'Joris Bakker', organisatie: 'Schuldhulpverlening Helmond' },
  };
  return { ...d.case, professionals: d.case.professionals.map((p) => ({ ...p, ...names[p.userId] })) };
}

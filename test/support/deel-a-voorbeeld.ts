import type { Case } from '../../services/domain/model/case';
import { caseAt, PEOPLE } from './stappenplan-driver';

/**
 * The voorbeeldcasus in uitvoering as the inwoner's Deel A shows it: two goals in her words (huisvesting, and
 * financiën as in the e2e with two goals), an action under each, one action apart, and the parties named as the bot
 * records them from Teams (the casusregisseur and schuldhulp). Shared by the PDF render test and `npm run render:deel-a`.
 */
export function deelAVoorbeeld(): Case {
  const d = caseAt('uitvoering');
  d.run('regisseur', {
    type: 'setDoel',
    doel: { leefgebied: 'financien', doel: 'Weer grip op mijn geld.', tevredenheidVoor: 2, resultaat: 'Er is een budgetplan en de vaste lasten worden betaald.', resultaatDatum: d.now.plus({ weeks: 10 }).toISODate() },
  });
  const financien = d.case.deelA.doelen.find((g) => g.leefgebied === 'financien')?.id;
  const gesprek = d.case.deelA.acties.find((a) => a.wat.startsWith('Gesprek woningcorporatie'));
  d.run('regisseur', { type: 'setActie', actie: { id: gesprek?.id, wie: gesprek?.wie, wat: gesprek?.wat, wanneer: gesprek?.wanneer, doelId: financien } });
  const names: Record<string, { displayName: string; organisatie: string }> = {
    [PEOPLE.regisseur.userId]: { displayName: 'Sanne de Vries', organisatie: 'Wijkteam Helmond-Noord' },
    [PEOPLE.schuldhulp.userId]: { displayName: 'Joris Bakker', organisatie: 'Schuldhulpverlening Helmond' },
  };
  return { ...d.case, professionals: d.case.professionals.map((p) => ({ ...p, ...names[p.userId] })) };
}

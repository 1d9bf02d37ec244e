import { PEOPLE, caseAt, type CaseDriver } from './stappenplan-driver';

/**
 * A case just out of its first MDO (held on 26 November 2026, the driver's clock at 23 November) with these
 * afspraken and "wat als we niets doen": stap 5A, with the MDO's outcomes to start Deel A and Deel B from.
 */
export function naMdoMetAfspraken(afspraken: readonly { wie: string; wat: string; wanneer: string }[]): CaseDriver {
  const d = caseAt('mdo');
  d.run('regisseur', { type: 'planMdo', datum: '2026-11-26', locatie: 'thuis' });
  d.run('regisseur', {
    type: 'recordMdoUitkomsten', mdoId: d.latestMdoId, ikWilIkKanIkHebNodigVastgesteld: true, casusregie: PEOPLE.regisseur.userId,
    gezamenlijkBelang: 'Het gezin blijft in de woning.', watAlsWeNietsDoen: 'Huisuitzetting binnen 8 weken.', ondersteuning: 'Schuldhulp en GGZ.',
    afspraken,
  });
  return d.go('regisseur', 'mdoAfgerond');
}

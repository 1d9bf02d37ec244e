import { DateTime } from 'luxon';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import type { Case } from '../../services/domain/model/case';
import { withDerived } from '../../services/domain/stappenplan/derive';
import { createWerkdagKalender } from '../../services/domain/werkdagen';
import type { CaseStore } from '../../services/ports/case-store';
import { ALLE_ONDERDELEN, FIXTURE_AT, makeCase } from './case-fixtures';

/** The casusregisseur of every reminder case. */
export const REMINDER_REGISSEUR = 'aad-regisseur-herinnering';

const kalender = createWerkdagKalender();

/** The display name of a party on a reminder case: the action's `wie`, so the reminder goes to that party. */
export const partyName = (userId: string): string => `Collega ${userId.slice(-4)}`;

/**
 * A case in uitvoering with the casusregisseur and one betrokken professional (`party`, all parts consented), and, when
 * `wanneer` is given, one open action of Deel A done by that party on that date. Its reminders and `nextDueAt` are
 * derived by the core (`withDerived`) as on any write made at FIXTURE_AT: with a date past at sweep time, exactly one
 * `actie` reminder to the party is due 09:00 the werkdag after the date.
 */
export function reminderCase(party: string, wanneer: string | undefined): Case {
  const at = FIXTURE_AT;
  const professionals = [
    { userId: REMINDER_REGISSEUR, role: 'casusregisseur' as const, displayName: 'Ria Regisseur', organisatie: 'Wijkteam', addedAt: at, addedBy: REMINDER_REGISSEUR, active: true },
    {
      userId: party, role: 'betrokkenProfessional' as const, displayName: partyName(party), organisatie: 'GGZ', addedAt: at, addedBy: REMINDER_REGISSEUR, active: true,
      toestemming: { ...ALLE_ONDERDELEN, vastgelegdDoor: REMINDER_REGISSEUR, vastgelegdOp: at },
    },
  ];
  const acties = wanneer ? [{ id: 'actie-001', wie: partyName(party), wat: 'De schulden met de inwoner op een rij zetten.', wanneer, status: 'open' as const, termijn: 'kort' as const }] : [];
  const base = makeCase({ step: 'uitvoering', createdBy: REMINDER_REGISSEUR, professionals, deelA: { doelen: [], acties } });
  return withDerived(base, { policy: DEFAULT_APPROVAL_POLICY, kalender, now: DateTime.fromISO(at) });
}

/** Create the cases through the store's own `create`, `batch` at a time in parallel. */
export async function createAll(store: CaseStore, cases: readonly Case[], batch = 50): Promise<void> {
  for (let i = 0; i < cases.length; i += batch) await Promise.all(cases.slice(i, i + batch).map((c) => store.create(c)));
}

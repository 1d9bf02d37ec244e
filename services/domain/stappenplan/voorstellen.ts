import type { DateTime } from 'luxon';
import { ZONE } from '../../ports/clock';
import type { Case } from '../model/case';
import type { Afspraak, Mdo } from '../model/mdo';

/** The MDO held last (afgerond), if any: its outcomes are what stap 5A and Deel B start from. */
export function laatsteMdo(c: Case): Mdo | undefined {
  return [...c.mdos].reverse().find((m) => m.afgerondAt !== undefined);
}

/**
 * The proposed actions of Deel A in stap 5A: the afspraken (wie, wat, wanneer) of the last MDO that are neither in
 * the plan yet nor dropped by the professional. So what was agreed at the table is confirmed, edited or dropped,
 * never typed twice.
 */
export function voorgesteldeActies(c: Case): Afspraak[] {
  const mdo = laatsteMdo(c);
  if (!mdo) return [];
  const overgenomen = new Set(c.deelA.acties.map((a) => a.afspraakId).filter(Boolean));
  const niet = new Set(c.deelA.nietOvergenomen ?? []);
  // Plans made before afspraken were offered have them typed in by hand: the same wie, wat and wanneer is not offered again.
  const getypt = new Set(c.deelA.acties.map((a) => `${a.wie}\u0000${a.wat}\u0000${a.wanneer}`));
  return mdo.uitkomsten.afspraken.filter((a) => !overgenomen.has(a.id) && !niet.has(a.id) && !getypt.has(`${a.wie}\u0000${a.wat}\u0000${a.wanneer}`));
}

/**
 * The start Deel B's dreigend scenario is offered: what the last MDO said would happen if nothing is done, while
 * Deel B has no dreigend scenario of its own yet.
 */
export function suggestedDreigendScenario(c: Case): string | undefined {
  if (c.deelB?.dreigendScenario) return undefined;
  return laatsteMdo(c)?.uitkomsten.watAlsWeNietsDoen;
}

/**
 * The action an afspraak becomes when taken over as it stands: its wie, wat and wanneer, short-term when it is due
 * within six weeks from today (seed 000: uitvoering is planned within six weeks), long-term otherwise.
 */
export function actieVanAfspraak(a: Afspraak, now: DateTime): { wie: string; wat: string; wanneer: string; termijn: 'kort' | 'lang'; afspraakId: string } {
  const zesWeken = now.setZone(ZONE).plus({ weeks: 6 }).toISODate() as string;
  return { wie: a.wie, wat: a.wat, wanneer: a.wanneer, termijn: a.wanneer <= zesWeken ? 'kort' : 'lang', afspraakId: a.id };
}

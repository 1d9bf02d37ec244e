import { DomainError } from '../errors';
import type { Case } from '../model/case';
import { DEFAULT_MANDAAT_CENTS, mandaatGebruikt } from '../model/mandaat';
import { formatEuro as euro } from '../text/format';
import type { CommandOf } from './commands';
import type { MachineContext } from './context';
import { nowIso } from './context';

/** The normal route for money beyond the mandaat, said the same way in every refusal. */
export const DEEL_B_ROUTE =
  'Dat gaat via Deel B, de normale route: leg in het plan (stap 5A) vast dat er doorbraakbudget nodig is en vraag het met de onderbouwing (stap 5B) aan bij de leidinggevende.';

/** The mandaat the policy names, in euro cents per case per budget period. */
export const mandaatOf = (ctx: Pick<MachineContext, 'policy'>): number => ctx.policy.mandaatCents ?? DEFAULT_MANDAAT_CENTS;

/**
 * The casusregisseur spends under the mandaat (seed 004 tips 7 and 10: "het voorschieten van een treinkaartje"): at
 * once, without Deel B, as long as the case's spendings in the period stay within the mandaat. Permission (the active
 * casusregisseur, an open case) is the edit table's. A spending already on the case (the same id: a second press) is
 * MANDAAT.AL_UITGEGEVEN, which the service reads as done.
 */
export function spendMandaat(c: Case, cmd: CommandOf<'spendMandaat'>, ctx: MachineContext): void {
  const uitgaven = (c.mandaatUitgaven ??= []);
  if (uitgaven.some((u) => u.id === cmd.uitgaveId)) throw new DomainError('MANDAAT.AL_UITGEGEVEN');
  const mandaat = mandaatOf(ctx);
  if (mandaat === 0) throw new DomainError('MANDAAT.UIT', `Er is geen mandaat voor de casusregisseur ingesteld. ${DEEL_B_ROUTE}`);
  if (cmd.amountCents > mandaat) {
    throw new DomainError('MANDAAT.BOVEN_MANDAAT', `${euro(cmd.amountCents)} is meer dan het mandaat van ${euro(mandaat)} per casus per periode. ${DEEL_B_ROUTE}`);
  }
  const gebruikt = mandaatGebruikt(uitgaven, cmd.periode);
  if (gebruikt + cmd.amountCents > mandaat) {
    const over = mandaat - gebruikt;
    throw new DomainError(
      'MANDAAT.OP',
      over === 0
        ? `Het mandaat van ${euro(mandaat)} is voor ${cmd.periode} op deze casus al helemaal uitgegeven. ${DEEL_B_ROUTE}`
        : `Van het mandaat van ${euro(mandaat)} is voor ${cmd.periode} op deze casus nog ${euro(over)} over; ${euro(cmd.amountCents)} past daar niet in. ${DEEL_B_ROUTE}`,
    );
  }
  const at = nowIso(ctx);
  uitgaven.push({ id: cmd.uitgaveId, amountCents: cmd.amountCents, doel: cmd.doel, waarom: cmd.waarom, categorie: cmd.categorie, periode: cmd.periode, by: ctx.actor.userId, at });
  c.history.push({ at, by: ctx.actor.userId, mandaat: cmd.uitgaveId, amountCents: cmd.amountCents, why: `${cmd.doel}: ${cmd.waarom}` });
}

import { DomainError } from '../errors';
import type { Case } from './case';
import { CONSENT_PART_LABELS, CONSENT_PARTS, type ConsentPart } from './consent';

/** What someone on the case sees of it. */
export interface Sight {
  /** The parts of the case they may see. */
  readonly parts: ReadonlySet<ConsentPart>;
  /** Everything (the casusregisseur, and the organisation roles the approach itself asks to look). */
  readonly all: boolean;
}

const ALL: Sight = Object.freeze({ parts: new Set(CONSENT_PARTS), all: true });
const NOTHING: Sight = Object.freeze({ parts: new Set<ConsentPart>(), all: false });

/**
 * What `userId` may see of the case, by the inwoner's consent. The active casusregisseur sees all of it. A betrokken
 * professional sees the parts their consent names, and nothing without one. Aanjagers, leidinggevenden,
 * procesregisseurs and bestuurders see the case as the stappenplan asks them to (Deel B to review and decide, an
 * escalation to resolve), as before: their access comes from their role in the approach, not from a party's consent.
 * Anyone not on the case sees nothing.
 */
export function sightOf(c: Case, userId: string): Sight {
  const own = c.professionals.find((p) => p.active && p.userId === userId);
  if (own?.role === 'casusregisseur') return ALL;
  if (own?.role === 'betrokkenProfessional') {
    return own.toestemming ? { parts: new Set(own.toestemming.onderdelen), all: false } : NOTHING;
  }
  if (own) return ALL;
  // Someone whose place on the case ended (consent withdrawn, taken off) sees nothing, whatever role they hold.
  if (c.professionals.some((p) => p.userId === userId && p.einde)) return NOTHING;
  if (c.memberIds.includes(userId)) return ALL;
  return NOTHING;
}

/**
 * Whether `userId` may be shown `part` of the case by someone else's action (asked to approve Deel B, to look at it as
 * aanjager, to answer an escalation, told a decision's reason): a party of the case — on it or no longer — only with
 * the inwoner's consent for it, whatever organisation role it also holds; anyone else as their role asks.
 */
export function mayBeShown(c: Case, userId: string, part: ConsentPart): boolean {
  const party = c.professionals.some((p) => p.userId === userId && (p.role === 'betrokkenProfessional' || p.einde));
  return !party || sightOf(c, userId).parts.has(part);
}

/**
 * The case as `userId` may see it: every part their consent does not name is left out (a text removed, a list
 * emptied), and so are the free-text reasons in the history and on requests, which can carry anything. What is not
 * content stays: the kenmerk, the step, dates of MDOs, who is on the case, what is due (without the text of an
 * action when Deel A is not theirs to see). Never written back: a store only writes what the state machine made
 * from the case as stored.
 */
export function redactFor(c: Case, userId: string): Case {
  const sight = sightOf(c, userId);
  if (sight.all) return c;
  const sees = (part: ConsentPart) => sight.parts.has(part);
  const copy = structuredClone(c);
  if (!sees('hulpvraag')) {
    delete copy.hulpvraag;
    delete copy.vraagverheldering.ikWil;
    delete copy.vraagverheldering.ikKan;
    delete copy.vraagverheldering.ikHebNodig;
    delete copy.vraagverheldering.watMoetVeranderen;
    delete copy.vraagverheldering.belangrijksteLeefgebieden;
    copy.household = { members: [] };
  }
  if (!sees('zrm')) {
    delete copy.vraagverheldering.zrmVoor;
    delete copy.deelC.zrmNa;
    for (const ronde of copy.vorigeRondes) delete ronde.deelC.zrmNa;
  }
  if (!sees('deelA')) {
    copy.deelA = { doelen: [], acties: [] };
    copy.belemmeringen = [];
  }
  if (!sees('deelB')) {
    delete copy.deelB;
    // What the mandaat bought is money spent for the household, as Deel B's grants are.
    if (copy.mandaatUitgaven) copy.mandaatUitgaven = [];
    for (const request of copy.approvals) if (request.decision) delete request.decision.reason;
    for (const escalatie of copy.escalaties) {
      escalatie.vraag = '—';
      for (const stap of escalatie.opschalingen) stap.toelichting = '—';
      delete escalatie.uitkomst;
      delete escalatie.planWijziging;
    }
  }
  if (!sees('mdo')) for (const mdo of copy.mdos) mdo.uitkomsten = { afspraken: [] };
  if (!sees('evaluatie')) {
    const zrmNa = copy.deelC.zrmNa;
    copy.deelC = zrmNa ? { zrmNa } : {};
    copy.vorigeRondes = copy.vorigeRondes.map((ronde) => ({ ...ronde, deelC: ronde.deelC.zrmNa ? { zrmNa: ronde.deelC.zrmNa } : {} }));
  }
  for (const entry of copy.history) if ('why' in entry) delete entry.why;
  // What others are yet to hear of is theirs (kinds of change only, but about parts this party may not see).
  copy.outbox = copy.outbox.filter((item) => item.to === userId);
  // The proposal's reason is for the party it asks, not for every party on the case.
  if (copy.regieOverdragen && copy.regieOverdragen.aan !== userId) delete copy.regieOverdragen.toelichting;
  return copy;
}

/**
 * CASE.NO_CONSENT unless `userId` may see every one of `parts` (for something made of them, such as the Deel A
 * PDF: handed to the inwoner, it must not come out with parts missing).
 */
export function requireSight(c: Case, userId: string, parts: readonly ConsentPart[], what: string): void {
  const sight = sightOf(c, userId);
  const missing = parts.filter((part) => !sight.parts.has(part));
  if (missing.length === 0) return;
  throw new DomainError('CASE.NO_CONSENT', `Voor ${what} heb je toestemming van de inwoner nodig voor: ${missing.map((part) => CONSENT_PART_LABELS[part]).join(', ')}. Vraag de casusregisseur.`);
}

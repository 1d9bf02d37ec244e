import { z } from 'zod';
import type { ApprovalRequest } from './approval';
import { AVE_FASE_ROLES, type Escalatie } from './escalation';
import { shortText, userId } from './fields';
import { CASE_ROLE_LABELS, type CaseProfessional, type CaseRole, type OrgRole } from './roles';

/**
 * The names of the professionals who took part in a case (wrote to it, or were asked to decide on it), as Teams and
 * the address book give them. A professional's name is not case content: it is shown on cards, never logged. The
 * inwoner's name never comes here.
 */
export const naamEntry = z.object({
  naam: shortText('de naam van de professional', 120),
  organisatie: shortText('de organisatie', 120).optional(),
});
export type NaamEntry = z.infer<typeof naamEntry>;

/** At most this many names on one case: the oldest remembered go first (they are the least likely to be shown). */
export const MAX_NAMEN = 100;

/** Absent in documents written before names were remembered: then no names yet. */
export const namenSchema = z.record(userId, naamEntry).default({});
export type Namen = z.infer<typeof namenSchema>;

/**
 * Remember (or refresh) names on the case: a name only replaces what is known when it differs, an organisation
 * already known stays when the new entry has none. Kept to {@link MAX_NAMEN}, dropping the oldest.
 */
export function rememberNamen(namen: Namen, entries: Readonly<Record<string, NaamEntry | undefined>>): void {
  for (const [id, entry] of Object.entries(entries)) {
    // A name Teams sends that the schema would refuse (too long, a BSN-shaped number) is not remembered.
    const parsed = entry && userId.safeParse(id).success ? naamEntry.safeParse({ ...entry, naam: entry.naam.slice(0, 120) }) : undefined;
    if (!parsed?.success) continue;
    const { naam } = parsed.data;
    const organisatie = parsed.data.organisatie ?? namen[id]?.organisatie;
    const known = namen[id];
    if (known && known.naam === naam && known.organisatie === organisatie) continue;
    delete namen[id];
    namen[id] = organisatie ? { naam, organisatie } : { naam };
  }
  const ids = Object.keys(namen);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_NAMEN))) delete namen[id];
}

/** What of a case naming needs (a case, without importing it: the case schema imports this module). */
interface Naamgeving {
  readonly professionals: readonly CaseProfessional[];
  readonly namen?: Namen;
  readonly approvals?: readonly ApprovalRequest[];
  readonly escalaties?: readonly Escalatie[];
}

export interface NaamOptions {
  /** Start with a capital ("De casusregisseur heeft …"); only the fallback changes, a name stays as it is. */
  readonly capital?: boolean;
  /** What to say when no name is known, instead of the role ("" to leave the person out). */
  readonly otherwise?: string;
  /** The name alone, without the organisation (where the organisation was just said). */
  readonly kort?: boolean;
}

/**
 * The one way a professional on a case is named to others: "Joris Bakker (GGZ Oost-Brabant)", the name alone when no
 * organisation is known; without a name their role ("de casusregisseur", "de leidinggevende", "een collega van de
 * school"), else "een collega". The name and organisation come from how they were put on the case (chosen from the
 * address book), else from what the case remembers (refreshed whenever they write to it, or looked up when asked).
 */
export function naamVan(c: Naamgeving, id: string | undefined, options: NaamOptions = {}): string {
  const { naam, organisatie } = naamDelen(c, id);
  if (naam) return organisatie && !options.kort ? `${naam} (${organisatie})` : naam;
  const p = id === undefined ? undefined : [...c.professionals].reverse().find((x) => x.userId === id);
  const fallback = options.otherwise ?? rolNaam(c, id, p?.role, organisatie);
  return options.capital ? fallback.charAt(0).toUpperCase() + fallback.slice(1) : fallback;
}

/** The name and organisation the case knows for someone, apart (for a list that lays them out itself). */
export function naamDelen(c: Naamgeving, id: string | undefined): { naam?: string; organisatie?: string } {
  if (id === undefined) return {};
  const p = [...c.professionals].reverse().find((x) => x.userId === id);
  const remembered = c.namen?.[id];
  const naam = p?.displayName ?? remembered?.naam;
  const organisatie = p?.organisatie ?? remembered?.organisatie;
  return { ...(naam ? { naam } : {}), ...(organisatie ? { organisatie } : {}) };
}

/** "de casusregisseur", "een collega van de school", "de leidinggevende" (asked to decide), else "een collega". */
function rolNaam(c: Naamgeving, id: string | undefined, role: CaseRole | undefined, organisatie: string | undefined): string {
  if (role && role !== 'betrokkenProfessional') return `de ${CASE_ROLE_LABELS[role].toLowerCase()}`;
  if (organisatie) return `een collega van ${organisatie}`;
  if (id === undefined) return 'een collega';
  const approval = c.approvals?.find((a) => a.askedUserIds.includes(id));
  if (approval) return `de ${ORG_ROLE_NAMES[approval.approverRoles[0] as OrgRole]}`;
  const escalatie = c.escalaties?.find((e) => e.askedUserIds.includes(id));
  const aveRol = escalatie && AVE_FASE_ROLES[escalatie.aveFase];
  return aveRol ? `de ${ORG_ROLE_NAMES[aveRol]}` : 'een collega';
}

const ORG_ROLE_NAMES: Readonly<Record<OrgRole, string>> = {
  aanjager: 'aanjager',
  leidinggevende: 'leidinggevende',
  procesregisseur: 'procesregisseur',
  bestuurder: 'bestuurder',
  beheerder: 'beheerder',
};

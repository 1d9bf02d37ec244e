import { z } from 'zod';
import { einde, toestemming } from './consent';
import { instant, shortText, userId } from './fields';

/** A professional's role on one case. */
export const CASE_ROLES = [
  'casusregisseur',
  'betrokkenProfessional',
  'aanjager',
  'leidinggevende',
  'procesregisseur',
  'bestuurder',
] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const CASE_ROLE_LABELS: Readonly<Record<CaseRole, string>> = Object.freeze({
  casusregisseur: 'Casusregisseur',
  betrokkenProfessional: 'Betrokken professional',
  aanjager: 'Aanjager',
  leidinggevende: 'Leidinggevende',
  procesregisseur: 'Procesregisseur',
  bestuurder: 'Bestuurder',
});

/** Roles in the organisation (from the directory), independent of any case. */
export const ORG_ROLES = ['aanjager', 'leidinggevende', 'procesregisseur', 'bestuurder', 'beheerder'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const caseProfessional = z.object({
  userId,
  role: z.enum(CASE_ROLES, { error: 'Kies een rol op de casus.' }),
  /** The professional's display name in Teams (not the inwoner's data), shown on cards. */
  displayName: shortText('de naam van de professional', 120).optional(),
  /** The organisation the professional works for on this case, and what they do on it (a party of stap 3). */
  organisatie: shortText('de organisatie', 120).optional(),
  taak: shortText('wat de collega op de casus doet', 300).optional(),
  /** A betrokken professional sees the parts of the case this consent of the inwoner names, nothing else. */
  toestemming: toestemming.optional(),
  addedAt: instant,
  addedBy: userId,
  active: z.boolean(),
  /** When and why the professional left the case (inactive since). */
  einde: einde.optional(),
  /** Since when the bot cannot reach the professional's chat (blocked or removed the app); cleared by a delivery. */
  onbereikbaarSinds: instant.optional(),
});
export type CaseProfessional = z.infer<typeof caseProfessional>;

/** Who acts, as the edge established it: the Teams user and their organisation roles. */
export interface Actor {
  readonly userId: string;
  readonly orgRoles: readonly OrgRole[];
  /** Their display name as Teams sends it with every turn (remembered on a case they write to; never logged). */
  readonly naam?: string;
}

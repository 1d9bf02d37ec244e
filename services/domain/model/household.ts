import { z } from 'zod';
import { entityId, shortText } from './fields';

/**
 * A case is about one huishouden ("1 huishouden, 1 plan, 1 regisseur, 1 budget"). Members are recorded by role
 * and a pseudonymous label chosen by the professional ("Moeder (M1)"), never by BSN or full name.
 */
export const HOUSEHOLD_ROLES = ['inwoner', 'partner', 'kind', 'mantelzorger', 'huisgenoot', 'overig'] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

export const HOUSEHOLD_ROLE_LABELS: Readonly<Record<HouseholdRole, string>> = Object.freeze({
  inwoner: 'Inwoner (hulpvrager)',
  partner: 'Partner',
  kind: 'Kind',
  mantelzorger: 'Mantelzorger',
  huisgenoot: 'Huisgenoot',
  overig: 'Overig',
});

export const householdMember = z.object({
  id: entityId,
  role: z.enum(HOUSEHOLD_ROLES, { error: 'Kies een rol in het huishouden (inwoner, partner, kind, …).' }),
  label: shortText('het pseudoniem', 40),
  /** Age in years, when it matters for the plan (children, ouderen). */
  leeftijd: z
    .number({ error: 'Geef de leeftijd als getal.' })
    .int({ error: 'Geef de leeftijd in hele jaren.' })
    .min(0, { error: 'De leeftijd kan niet negatief zijn.' })
    .max(120, { error: 'Die leeftijd is te hoog; de leeftijd kan hooguit 120 jaar zijn.' })
    .optional(),
});
export type HouseholdMember = z.infer<typeof householdMember>;

export const household = z
  .object({ members: z.array(householdMember).max(20, { error: 'Een huishouden heeft hier maximaal 20 leden.' }) })
  .refine((h) => h.members.filter((m) => m.role === 'inwoner').length <= 1, {
    error: 'Een huishouden heeft één inwoner die de hulpvraag stelt.',
  })
  .refine((h) => new Set(h.members.map((m) => m.label.toLowerCase())).size === h.members.length, {
    error: 'Geef elk lid van het huishouden een eigen pseudoniem.',
  });
export type Household = z.infer<typeof household>;

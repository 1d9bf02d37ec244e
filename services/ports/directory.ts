import type { OrgRole } from '../domain/model/roles';

/**
 * Who has which organisation role (aanjager, leidinggevende, procesregisseur, bestuurder, beheerder). In Azure
 * this comes from Microsoft Entra security groups; locally from a file (see the README).
 */
export interface Directory {
  rolesOf(userId: string): Promise<readonly OrgRole[]>;
  /** The users that hold a role, so a card can be sent to them. */
  usersWithRole(role: OrgRole): Promise<readonly string[]>;
}

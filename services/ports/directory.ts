import type { OrgRole } from '../model/roles';

/**
 * Who has which organisation role (aanjager, leidinggevende, procesregisseur, bestuurder, beheerder). In Azure
 * this comes from Microsoft Entra security groups; locally from a file (see the README).
 */
export interface Directory {
  rolesOf(userId: string): Promise<readonly OrgRole[]>;
  /** The users that hold a role, so a card can be sent to them. */
  usersWithRole(role: OrgRole): Promise<readonly string[]>;
}

/** A directory given as a map of user id → roles: for tests and the embedded default. */
export class StaticDirectory implements Directory {
  private readonly roles: ReadonlyMap<string, readonly OrgRole[]>;

  constructor(entries: Readonly<Record<string, readonly OrgRole[]>> = {}) {
    this.roles = new Map(Object.entries(entries));
  }

  async rolesOf(userId: string): Promise<readonly OrgRole[]> {
    return this.roles.get(userId) ?? [];
  }

  async usersWithRole(role: OrgRole): Promise<readonly string[]> {
    return [...this.roles].filter(([, roles]) => roles.includes(role)).map(([userId]) => userId);
  }
}

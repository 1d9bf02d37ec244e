import type { OrgRole } from '../../domain/model/roles';
import type { Directory } from '../../ports/directory';

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

import type { Client } from '@microsoft/microsoft-graph-client';
import { ORG_ROLES, type OrgRole } from '../../domain/model/roles';
import type { Directory } from '../../ports/directory';
import { mapGraphError } from './graph-client';

/** Which Microsoft Entra security group (object id) stands for which organisation role. */
export type RoleGroups = Readonly<Partial<Record<OrgRole, string>>>;

interface Page {
  value?: { id?: string }[];
  '@odata.nextLink'?: string;
}

const FORBIDDEN = 'De bot mag de groepslidmaatschappen niet lezen. De beheerder moet de app de toepassingsmachtiging GroupMember.Read.All geven.';

/**
 * Roles from Microsoft Entra security groups, read through Microsoft Graph (transitiveMemberOf, so nested groups
 * count). A user's roles are remembered for a few minutes: one Graph call per person, not per message.
 */
export class GraphDirectory implements Directory {
  private readonly cache = new Map<string, { roles: readonly OrgRole[]; until: number }>();

  constructor(
    private readonly client: Client,
    private readonly groups: RoleGroups,
    private readonly options: { cacheMs?: number; now?: () => number } = {},
  ) {}

  private async ids(path: string): Promise<string[]> {
    const ids: string[] = [];
    try {
      let page = (await this.client.api(path).select('id').top(999).get()) as Page;
      for (;;) {
        for (const item of page.value ?? []) if (item.id) ids.push(item.id);
        const next = page['@odata.nextLink'];
        if (!next) return ids;
        page = (await this.client.api(next).get()) as Page;
      }
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return ids;
      throw mapGraphError(error, FORBIDDEN);
    }
  }

  async rolesOf(userId: string): Promise<readonly OrgRole[]> {
    const now = this.options.now?.() ?? Date.now();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.roles;
    const groupIds = new Set(await this.ids(`/users/${encodeURIComponent(userId)}/transitiveMemberOf/microsoft.graph.group`));
    const roles = ORG_ROLES.filter((role) => this.groups[role] !== undefined && groupIds.has(this.groups[role] as string));
    this.cache.set(userId, { roles, until: now + (this.options.cacheMs ?? 5 * 60_000) });
    return roles;
  }

  async usersWithRole(role: OrgRole): Promise<readonly string[]> {
    const group = this.groups[role];
    return group ? this.ids(`/groups/${encodeURIComponent(group)}/transitiveMembers/microsoft.graph.user`) : [];
  }
}

import type { Client } from '@microsoft/microsoft-graph-client';
import type { People, Professional } from '../../ports/people';
import { mapGraphError } from './graph-client';

interface GraphUser {
  id?: string;
  displayName?: string | null;
  companyName?: string | null;
  department?: string | null;
}

const FORBIDDEN = 'De bot mag de gegevens van collega\u2019s niet opzoeken. De beheerder moet de app de toepassingsmachtiging User.Read.All geven.';

const filled = (s: string | null | undefined) => (typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined);

/**
 * Professionals from Microsoft Entra ID, read through Microsoft Graph (`GET /users/{id}`, application permission
 * User.Read.All). There is no list to offer: in Teams the card's people picker searches the organisation itself.
 * The organisation is the user's company name, else their department, when Entra has either.
 */
export class GraphPeople implements People {
  constructor(private readonly client: Client) {}

  async find(userId: string): Promise<Professional | undefined> {
    let user: GraphUser;
    try {
      user = (await this.client.api(`/users/${encodeURIComponent(userId)}`).select(['id', 'displayName', 'companyName', 'department']).get()) as GraphUser;
    } catch (error) {
      // 404 for an unknown id; 400 for something that is no object id or user principal name at all.
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404 || status === 400) return undefined;
      throw mapGraphError(error, FORBIDDEN);
    }
    const displayName = filled(user.displayName);
    if (!user.id || !displayName) return undefined;
    const organisatie = filled(user.companyName) ?? filled(user.department);
    return { id: user.id, displayName, ...(organisatie ? { organisatie } : {}) };
  }

  async selectable(): Promise<undefined> {
    return undefined;
  }
}

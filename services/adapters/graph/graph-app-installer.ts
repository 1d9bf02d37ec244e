import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppInstaller, InstallOutcome } from '../../ports/app-installer';

export interface GraphAppInstallerOptions {
  /** The app's id in the tenant's app catalog (not the manifest's id). */
  readonly catalogAppId: string;
  /**
   * The Graph host the catalog binding names. Default https://graph.microsoft.com; a national cloud names its own
   * host. Kept apart from the client's base URL, which tests point at a local server.
   */
  readonly bindingHost?: string;
}

/**
 * The AppInstaller on Microsoft Graph, app-only (TeamsAppInstallation.ReadWriteSelfForUser.All): the app installs
 * itself in a user's personal scope. 429/503/504 are retried by the SDK's retry handler, honouring Retry-After
 * (see graph-client.ts).
 *
 * On 409 (already installed) the installation's chat id could be read (GET …/installedApps/{id}/chat), but a
 * conversation reference also needs the channel's service URL, which only an activity from Teams carries; so 409
 * is reported as `already` and the caller goes on without a reference, as before.
 */
export class GraphAppInstaller implements AppInstaller {
  private readonly binding: string;

  constructor(
    private readonly client: Client,
    options: GraphAppInstallerOptions,
  ) {
    const host = (options.bindingHost ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
    this.binding = `${host}/v1.0/appCatalogs/teamsApps/${encodeURIComponent(options.catalogAppId)}`;
  }

  async installFor(userId: string): Promise<InstallOutcome> {
    try {
      await this.client.api(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`).post({ 'teamsApp@odata.bind': this.binding });
      return 'installed';
    } catch (error) {
      return (error as { statusCode?: number }).statusCode === 409 ? 'already' : 'failed';
    }
  }
}

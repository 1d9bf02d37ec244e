/** What putting the bot's Teams app in one professional's personal scope came to. */
export type InstallOutcome = 'installed' | 'already' | 'failed';

/**
 * Installs the bot's Teams app for a professional who never opened it, so the bot can reach them. Teams then sends
 * the bot an installationUpdate from that person's personal chat, which is where the conversation reference comes
 * from: the install itself does not give one.
 */
export interface AppInstaller {
  /**
   * `installed`: done now, the installationUpdate follows; `already`: the app was there (nothing to wait for);
   * `failed`: not possible now (no permission, unknown person, Graph unavailable). Never throws.
   */
  installFor(userId: string): Promise<InstallOutcome>;
}

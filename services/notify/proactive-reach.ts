import type { AppInstaller, InstallOutcome } from '../ports/app-installer';
import type { ConversationReferences, StoredConversationReference } from './conversation-references';

export interface ProactiveReachOptions {
  /**
   * How long a send waits for Teams' installationUpdate after installing the app. Default 10 s: the caller is
   * usually someone's turn, and Teams gives a turn about 15 s.
   */
  readonly waitMs?: number;
  /** How often to look in the store meanwhile, for an update another bot instance received. Default 1 s. */
  readonly pollMs?: number;
}

/** How a professional was found: their reference (if any), and what an install attempt came to. */
export interface Reach {
  readonly reference: StoredConversationReference | undefined;
  /** Set when there was no reference and the app was installed for them: `timeout` when Teams did not answer in time. */
  readonly install?: InstallOutcome | 'timeout';
}

/**
 * Finds where to reach a professional proactively. Without a stored reference and with an installer (Microsoft
 * Graph configured), it installs the bot's app for them and waits, bounded, for the reference that Teams'
 * installationUpdate brings (remembered by the bot's handler, which wakes the waiter). Several sends to the same
 * person at once share one lookup and one install.
 */
export class ProactiveReach {
  private readonly pending = new Map<string, Promise<Reach>>();
  private readonly waitMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly references: ConversationReferences,
    private readonly installer?: AppInstaller,
    options: ProactiveReachOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 10_000;
    this.pollMs = options.pollMs ?? 1_000;
  }

  /** The stored reference only: for updating a message already sent (it was sent there). */
  stored(userId: string): Promise<StoredConversationReference | undefined> {
    return this.references.lookup(userId);
  }

  /** The reference to send to, installing the app first when needed and possible. */
  referenceFor(userId: string): Promise<Reach> {
    if (!this.installer) return this.stored(userId).then((reference) => ({ reference }));
    const running = this.pending.get(userId);
    if (running) return running;
    const attempt = this.findOrInstall(userId, this.installer).finally(() => this.pending.delete(userId));
    this.pending.set(userId, attempt);
    return attempt;
  }

  private async findOrInstall(userId: string, installer: AppInstaller): Promise<Reach> {
    const stored = await this.stored(userId);
    if (stored) return { reference: stored };
    // Listen before installing: Teams may send the installationUpdate before Graph's answer arrives.
    const cancel = new AbortController();
    const arrival = this.references.waitFor(userId, { timeoutMs: this.waitMs, pollMs: this.pollMs, signal: cancel.signal });
    const install = await installer.installFor(userId).catch((): InstallOutcome => 'failed');
    if (install !== 'installed') {
      cancel.abort();
      await arrival;
      // Another instance may have installed it and stored the reference meanwhile.
      return { reference: await this.stored(userId), install };
    }
    const reference = await arrival;
    return reference ? { reference, install } : { reference: undefined, install: 'timeout' };
  }
}

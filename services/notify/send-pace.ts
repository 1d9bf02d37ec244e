/**
 * How fast one bot instance may send proactive messages (Teams' limits): at most one per conversation every
 * `perConversationMs`, at most `maxPerSecond` in all, and nothing while Teams asked the tenant to slow down (a 429).
 * The outbox dispatcher waits here before every send.
 */
export class SendPace {
  private readonly gapMs: number;
  /** When this instance may send its next message, to anyone (the per-tenant pace). */
  private nextAnySendAt = 0;
  /** When each recipient may get its next message from this instance. */
  private readonly nextSendAt = new Map<string, number>();
  /** Teams asked this instance to slow down until then (a 429 counts for the whole tenant). */
  private pausedUntil = 0;

  constructor(
    private readonly now: () => Date,
    private readonly perConversationMs: number,
    maxPerSecond: number,
  ) {
    this.gapMs = 1_000 / maxPerSecond;
  }

  /**
   * Wait for this recipient's and the tenant's pace, unless that would take it past `latestStart` (a claim about to run
   * out): then false, without waiting. True when the send may start now.
   */
  async waitFor(to: string, latestStart: number): Promise<boolean> {
    const wait = Math.max(this.nextSendAt.get(to) ?? 0, this.pausedUntil, this.nextAnySendAt) - this.now().getTime();
    if (this.now().getTime() + Math.max(wait, 0) > latestStart) return false;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.nextSendAt.set(to, this.now().getTime() + this.perConversationMs);
    this.nextAnySendAt = this.now().getTime() + this.gapMs;
    if (this.nextSendAt.size > 10_000) this.forgetPast();
    return true;
  }

  /** Teams answered 429: no send from this instance for `ms`. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now().getTime() + ms);
  }

  private forgetPast(): void {
    const now = this.now().getTime();
    for (const [to, at] of this.nextSendAt) if (at < now) this.nextSendAt.delete(to);
  }
}

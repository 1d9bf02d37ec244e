/**
 * Runs async work one at a time per key, so an ETag check and the write that follows it cannot interleave with
 * another writer of the same case in this process. Keys are forgotten when idle.
 */
export class KeyedMutex {
  /** Per key, the settled end of the last queued work: never rejects, so one failure does not block the next. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Run `work` after every earlier work for `key` has settled; resolves or rejects as `work` does. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves once all work queued so far, for every key, has settled (used before releasing a resource). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}

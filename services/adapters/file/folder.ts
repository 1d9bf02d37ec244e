import { mkdir } from 'node:fs/promises';

/**
 * A folder of the embedded store, made (owner only) once per instance rather than before every write; when it was
 * removed while the bot ran, a write that fails for that makes it again and tries once more.
 */
export class OwnFolder {
  private made: Promise<void> | undefined;

  constructor(readonly path: string) {}

  /** Run a write into the folder. */
  async write<T>(work: () => Promise<T>): Promise<T> {
    await this.ready();
    try {
      return await work();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.made = undefined;
      await this.ready();
      return work();
    }
  }

  private ready(): Promise<void> {
    this.made ??= mkdir(this.path, { recursive: true, mode: 0o700 }).then(
      () => undefined,
      (error: unknown) => {
        this.made = undefined;
        throw error;
      },
    );
    return this.made;
  }
}

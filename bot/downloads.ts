import { randomBytes } from 'node:crypto';
import type { Clock } from '../services/ports/clock';

export interface Download {
  readonly name: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** How long a download link works. */
export const DOWNLOAD_MINUTES = 15;
const MAX_FILES = 200;

/**
 * Files the bot hands out by link, for local runs (no Azure Bot registration): the Agents Playground does not
 * support Teams' file consent card. Kept in memory only, for 15 minutes, under a 256-bit random token; the
 * content is made from the case by a turn of a professional who may read it (and that read is audited).
 */
export class Downloads {
  private readonly files = new Map<string, { file: Download; until: number }>();
  private base: string | undefined;

  constructor(private readonly clock: Clock) {}

  /** The address the bot listens on, once known: `http://127.0.0.1:3978`. */
  attach(baseUrl: string): void {
    this.base = baseUrl.replace(/\/$/, '');
  }

  /** Keep a file; its download URL. */
  put(file: Download): string {
    if (!this.base) throw new Error('Downloads: no base URL attached');
    const now = this.clock.now().toMillis();
    for (const [token, entry] of this.files) if (entry.until <= now) this.files.delete(token);
    while (this.files.size >= MAX_FILES) this.files.delete(this.files.keys().next().value as string);
    const token = randomBytes(32).toString('base64url');
    this.files.set(token, { file, until: now + DOWNLOAD_MINUTES * 60_000 });
    return `${this.base}/downloads/${token}`;
  }

  /** The file under a token, while it is valid. */
  get(token: string): Download | undefined {
    const entry = this.files.get(token);
    if (!entry) return undefined;
    if (entry.until <= this.clock.now().toMillis()) {
      this.files.delete(token);
      return undefined;
    }
    return entry.file;
  }
}

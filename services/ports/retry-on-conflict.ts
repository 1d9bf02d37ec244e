import { isDomainError } from '../domain/errors';

/**
 * Run read-modify-write work again after a concurrent write (STORE.CONFLICT, or STORE.ALREADY_EXISTS when two
 * writers create at once), with a growing, jittered pause; bounded, after which the last error is thrown.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, options: { maxAttempts?: number; backoffMs?: number } = {}): Promise<T> {
  const max = options.maxAttempts ?? 200;
  const base = options.backoffMs ?? 2;
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const contended = isDomainError(error, 'STORE.CONFLICT') || isDomainError(error, 'STORE.ALREADY_EXISTS');
      if (!contended || i >= max) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * base * Math.min(i, 20)));
    }
  }
}

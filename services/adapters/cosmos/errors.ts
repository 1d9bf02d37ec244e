import { DomainError } from '../../domain/errors';

/** What a Cosmos DB error means for the port, or undefined when it is none of the known cases. */
export function mapCosmosError(error: unknown): DomainError | undefined {
  const e = error as { code?: unknown; statusCode?: unknown; name?: unknown };
  const status = typeof e.code === 'number' ? e.code : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status === 409) return new DomainError('STORE.ALREADY_EXISTS', undefined, { cause: error });
  if (status === 412) return new DomainError('STORE.CONFLICT', undefined, { cause: error });
  if (status === 404) return new DomainError('CASE.NOT_FOUND', undefined, { cause: error });
  // Throttling and unavailability that outlasted the SDK's bounded retries, and the network itself.
  if (status === 429 || status === 503 || status === 408 || status === 449) return new DomainError('STORE.UNAVAILABLE', undefined, { cause: error });
  if (typeof e.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_\w+)$/.test(e.code)) {
    return new DomainError('STORE.UNAVAILABLE', undefined, { cause: error });
  }
  if (e.name === 'TimeoutError') return new DomainError('STORE.UNAVAILABLE', undefined, { cause: error });
  return undefined;
}

/** Run a Cosmos call; known failures become the port's errors, anything else is rethrown as it is. */
export async function cosmosCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw mapCosmosError(error) ?? error;
  }
}

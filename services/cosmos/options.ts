import type { Agent } from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';

/** Cosmos DB settings from the configuration (COSMOS_ENDPOINT, COSMOS_DATABASE, COSMOS_KEY). */
export interface CosmosOptions {
  readonly endpoint: string;
  readonly database: string;
  /** Account key; absent: Microsoft Entra ID through DefaultAzureCredential (a managed identity in Azure). */
  readonly key?: string;
}

/** Bounded retries on 429 (the SDK waits the server's retry-after); beyond it the caller gets STORE.UNAVAILABLE. */
export const RETRY_OPTIONS = { maxRetryAttemptCount: 5, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 10 };

/**
 * A client for the account. TLS verification is never turned off here: a private CA (the Cosmos emulator) is
 * trusted through Node's NODE_EXTRA_CA_CERTS, or, in tests, an agent that trusts exactly the test's certificate.
 */
export function createCosmosClient(
  options: CosmosOptions,
  extra: { agent?: Agent; credential?: TokenCredential; retry?: typeof RETRY_OPTIONS; endpointDiscovery?: boolean } = {},
): CosmosClient {
  return new CosmosClient({
    endpoint: options.endpoint,
    ...(options.key ? { key: options.key } : { aadCredentials: extra.credential ?? new DefaultAzureCredential() }),
    ...(extra.agent ? { agent: extra.agent } : {}),
    connectionPolicy: { enableEndpointDiscovery: extra.endpointDiscovery ?? true, retryOptions: extra.retry ?? RETRY_OPTIONS },
  });
}

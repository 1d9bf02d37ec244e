import type { Agent } from 'node:https';
import { CosmosClient, type RetryOptions } from '@azure/cosmos';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { describeIssues } from '../../domain/model/validation';

/** The Dutch sentence for each setting, naming the environment variable it comes from. */
export const COSMOS_OPTION_MESSAGES = {
  endpoint: 'COSMOS_ENDPOINT moet een https-adres zijn, bijvoorbeeld https://mijn-account.documents.azure.com:443/.',
  database: 'COSMOS_DATABASE mag alleen letters, cijfers, - en _ bevatten (1 tot 255 tekens).',
  key: 'COSMOS_KEY moet de sleutel van het Cosmos DB-account zijn (base64); laat hem leeg voor Microsoft Entra ID.',
} as const;

const isHttpsUrl = (value: string) => URL.canParse(value) && new URL(value).protocol === 'https:';

/**
 * Cosmos DB settings as the configuration carries them (COSMOS_ENDPOINT, COSMOS_DATABASE, COSMOS_KEY). Without a
 * key the client signs in with Microsoft Entra ID through DefaultAzureCredential (a managed identity in Azure).
 */
export const cosmosOptionsSchema = z
  .object({
    endpoint: z.string({ error: COSMOS_OPTION_MESSAGES.endpoint }).refine(isHttpsUrl, { error: COSMOS_OPTION_MESSAGES.endpoint }),
    database: z.string({ error: COSMOS_OPTION_MESSAGES.database }).regex(/^[A-Za-z0-9_-]{1,255}$/, { error: COSMOS_OPTION_MESSAGES.database }),
    key: z.string({ error: COSMOS_OPTION_MESSAGES.key }).regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: COSMOS_OPTION_MESSAGES.key }).optional(),
  })
  .strict();

/** Validated Cosmos DB settings. */
export type CosmosOptions = Readonly<z.infer<typeof cosmosOptionsSchema>>;

/**
 * Bounded retries on 429: the SDK waits what the server's `x-ms-retry-after-ms` says (no fixed interval), at most
 * 5 times and 10 s in all; beyond that the caller gets STORE.UNAVAILABLE ("probeer het zo opnieuw").
 */
export const RETRY_OPTIONS: RetryOptions = { maxRetryAttemptCount: 5, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 10 };

/** What a caller may add: an https agent (tests trust their own certificate with it), a credential, other bounds. */
export interface CosmosClientExtras {
  readonly agent?: Agent;
  readonly credential?: TokenCredential;
  readonly retry?: RetryOptions;
  /** Multi-region endpoint discovery; off for a single local endpoint. Default on. */
  readonly endpointDiscovery?: boolean;
}

/**
 * A client for the account, after checking the options (CONFIG.INVALID naming the variable, never echoing a
 * key). TLS verification is never turned off here: a private CA (the Cosmos emulator) is trusted through Node's
 * NODE_EXTRA_CA_CERTS, or, in tests, an agent that trusts exactly the test's certificate.
 */
export function createCosmosClient(options: CosmosOptions, extra: CosmosClientExtras = {}): CosmosClient {
  const parsed = cosmosOptionsSchema.safeParse(options);
  if (!parsed.success) throw new DomainError('CONFIG.INVALID', describeIssues(parsed.error));
  const { endpoint, key } = parsed.data;
  return new CosmosClient({
    endpoint,
    ...(key ? { key } : { aadCredentials: extra.credential ?? new DefaultAzureCredential() }),
    ...(extra.agent ? { agent: extra.agent } : {}),
    connectionPolicy: { enableEndpointDiscovery: extra.endpointDiscovery ?? true, retryOptions: extra.retry ?? RETRY_OPTIONS },
  });
}

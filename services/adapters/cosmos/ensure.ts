import type { CompositePath, Container, ContainerDefinition, CosmosClient, IndexingPolicy } from '@azure/cosmos';
import { isDomainError } from '../../domain/errors';
import { cosmosCall, mapCosmosError } from './errors';

/** createIfNotExists reads then creates: two instances starting together can both try to create. The loser uses it. */
async function tolerateRace<T>(create: () => Promise<T>, existing: () => T): Promise<T> {
  try {
    return await cosmosCall(create);
  } catch (error) {
    if (isDomainError(error, 'STORE.ALREADY_EXISTS')) return existing();
    throw error;
  }
}

/**
 * What ensuring a container's indexing policy did, for the start-up log (bot/compose.ts): `updated` (the
 * container's definition was replaced with the declared policy; Cosmos rebuilds the index online) or `refused`
 * (the identity may not replace containers, e.g. a data-plane-only role: infra/ deploys the policy then).
 * Only the container's id and an HTTP status: never a document or a path's contents.
 */
export type IndexingPolicyNote =
  | { readonly outcome: 'updated'; readonly containerId: string }
  | { readonly outcome: 'refused'; readonly containerId: string; readonly status: number };

export interface EnsureOptions {
  /** Told when an existing container's indexing policy was brought up to date, or could not be. */
  readonly onIndexingPolicy?: (note: IndexingPolicyNote) => void;
}

/** A composite index as a comparable key: its paths with their order (ascending when not given, as in Cosmos). */
function compositeKey(index: readonly CompositePath[]): string {
  return JSON.stringify(index.map((p) => [p.path, p.order ?? 'ascending']));
}

/**
 * What of the declared policy an existing container's policy lacks: included paths and composite indexes, compared
 * literally (a path is the same string; a composite index the same paths in the same order and direction). Extra
 * paths or indexes in the existing policy are not a lack. Empty: nothing to do.
 */
export function missingIndexes(declared: IndexingPolicy | undefined, existing: IndexingPolicy | undefined): { includedPaths: string[]; compositeIndexes: number } {
  if (!declared) return { includedPaths: [], compositeIndexes: 0 };
  const havePaths = new Set((existing?.includedPaths ?? []).map((p) => p.path));
  const haveComposites = new Set((existing?.compositeIndexes ?? []).map(compositeKey));
  return {
    includedPaths: (declared.includedPaths ?? []).map((p) => p.path).filter((path) => !havePaths.has(path)),
    compositeIndexes: (declared.compositeIndexes ?? []).filter((index) => !haveComposites.has(compositeKey(index))).length,
  };
}

/** True when the existing policy lacks any included path or composite index that the declared one has. */
export function needsIndexingUpdate(declared: IndexingPolicy | undefined, existing: IndexingPolicy | undefined): boolean {
  const missing = missingIndexes(declared, existing);
  return missing.includedPaths.length > 0 || missing.compositeIndexes > 0;
}

const statusOf = (error: unknown): number | undefined => {
  const e = error as { code?: unknown; statusCode?: unknown } | undefined;
  return typeof e?.code === 'number' ? e.code : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
};

/**
 * Bring an existing container's indexing policy up to the declared one when it lacks an index the code's queries
 * need (a deployment made before a query was added). The definition is read and replaced with only its indexing
 * policy changed: the partition key stays, and Cosmos transforms the index online. A 403 (the identity may not
 * replace the container: with a data-plane-only role a container replace is a control-plane operation) is noted
 * and start-up goes on; infra/ deploys the same policy. Any other failure is the store's error.
 */
export async function ensureIndexingPolicy(container: Container, declared: IndexingPolicy | undefined, options: EnsureOptions = {}, known?: ContainerDefinition): Promise<void> {
  if (!declared) return;
  const definition = known ?? (await cosmosCall(() => container.read())).resource;
  if (!definition || !needsIndexingUpdate(declared, definition.indexingPolicy)) return;
  try {
    await container.replace({ ...definition, id: container.id, indexingPolicy: declared });
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) {
      options.onIndexingPolicy?.({ outcome: 'refused', containerId: container.id, status });
      return;
    }
    throw mapCosmosError(error) ?? error;
  }
  options.onIndexingPolicy?.({ outcome: 'updated', containerId: container.id });
}

/**
 * The database and container, created with their definition when missing (safe when several bots start at once);
 * an existing container gets the declared indexes it lacks ({@link ensureIndexingPolicy}).
 */
export async function ensureContainer(
  client: CosmosClient,
  databaseId: string,
  definition: ContainerDefinition & { id: string },
  options: EnsureOptions = {},
): Promise<Container> {
  const database = await tolerateRace(
    async () => (await client.databases.createIfNotExists({ id: databaseId })).database,
    () => client.database(databaseId),
  );
  // createIfNotExists reads the container first: its answer is the existing definition (or the one just created).
  let known: ContainerDefinition | undefined;
  const container = await tolerateRace(
    async () => {
      const response = await database.containers.createIfNotExists(definition);
      known = response.resource;
      return response.container;
    },
    () => database.container(definition.id),
  );
  await ensureIndexingPolicy(container, definition.indexingPolicy, options, known);
  return container;
}

import type { Container, ContainerDefinition, CosmosClient } from '@azure/cosmos';
import { isDomainError } from '../../domain/errors';
import { cosmosCall } from './errors';

/** createIfNotExists reads then creates: two instances starting together can both try to create. The loser uses it. */
async function tolerateRace<T>(create: () => Promise<T>, existing: () => T): Promise<T> {
  try {
    return await cosmosCall(create);
  } catch (error) {
    if (isDomainError(error, 'STORE.ALREADY_EXISTS')) return existing();
    throw error;
  }
}

/** The database and container, created with their definition when missing (safe when several bots start at once). */
export async function ensureContainer(client: CosmosClient, databaseId: string, definition: ContainerDefinition & { id: string }): Promise<Container> {
  const database = await tolerateRace(
    async () => (await client.databases.createIfNotExists({ id: databaseId })).database,
    () => client.database(databaseId),
  );
  return tolerateRace(
    async () => (await database.containers.createIfNotExists(definition)).container,
    () => database.container(definition.id),
  );
}

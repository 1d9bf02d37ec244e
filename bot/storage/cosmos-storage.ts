import { createHash } from 'node:crypto';
import type { Container, CosmosClient } from '@azure/cosmos';
import type { Storage, StoreItems } from 'botbuilder';
import { BOTSTATE_CONTAINER } from '../../services/adapters/cosmos/containers';
import { ensureContainer } from '../../services/adapters/cosmos/ensure';
import { cosmosCall } from '../../services/adapters/cosmos/errors';
import { isDomainError } from '../../services/domain/errors';

/** A Cosmos id for a state key: keys hold '/', which ids may not; a hash is short, stable and reveals nothing. */
export function stateId(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

interface StateDocument {
  id: string;
  key: string;
  item: Record<string, unknown>;
  _etag?: string;
}

/**
 * Bot Framework state (dialog stacks, the active case) in Cosmos DB, so any bot instance continues a
 * conversation and a restart loses nothing. Writes with an eTag are conditional (IfMatch): two instances handling
 * the same conversation at once cannot overwrite each other's turn; the late one fails.
 */
export class CosmosStorage implements Storage {
  private constructor(private readonly container: Container) {}

  static async open(client: CosmosClient, databaseId: string): Promise<CosmosStorage> {
    const container = await ensureContainer(client, databaseId, BOTSTATE_CONTAINER);
    return new CosmosStorage(container);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = stateId(key);
        const { resource } = await cosmosCall(() => this.container.item(id, id).read<StateDocument>());
        if (resource && resource.key === key) items[key] = { ...resource.item, eTag: resource._etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      const { eTag, ...item } = (change ?? {}) as Record<string, unknown> & { eTag?: string };
      const document: StateDocument = { id: stateId(key), key, item };
      try {
        if (eTag && eTag !== '*') {
          await cosmosCall(() => this.container.item(document.id, document.id).replace(document, { accessCondition: { type: 'IfMatch', condition: eTag } }));
        } else {
          await cosmosCall(() => this.container.items.upsert(document));
        }
      } catch (error) {
        if (isDomainError(error, 'STORE.CONFLICT')) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        if (isDomainError(error, 'CASE.NOT_FOUND')) {
          // Read with an eTag, deleted since: write it anew (as botbuilder's own storages do).
          await cosmosCall(() => this.container.items.create(document));
          continue;
        }
        throw error;
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      const id = stateId(key);
      await cosmosCall(() => this.container.item(id, id).delete()).catch((error: unknown) => {
        if (!isDomainError(error, 'CASE.NOT_FOUND')) throw error;
      });
    }
  }
}

import { createHash } from 'node:crypto';
import type { Container, CosmosClient } from '@azure/cosmos';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { parseOrThrow } from '../../domain/model/validation';
import type { DocumentKind, Versioned, VersionedStore } from '../../ports/versioned-store';
import { VERSIONED_CONTAINERS } from './containers';
import { ensureContainer } from './ensure';
import { cosmosCall } from './errors';

interface Doc {
  id: string;
  key: string;
  value: unknown;
  _etag?: string;
}

/** Cosmos ids may not hold '/', '\\', '?' or '#': documents are stored under a hash of their key. */
const docId = (key: string) => createHash('sha256').update(key).digest('hex');

/** A VersionedStore in its own Cosmos DB container, with IfMatch on `_etag`. */
export class CosmosVersionedStore<T> implements VersionedStore<T> {
  private constructor(
    private readonly container: Container,
    private readonly schema: z.ZodType<T>,
  ) {}

  static async open<T>(client: CosmosClient, databaseId: string, kind: DocumentKind, schema: z.ZodType<T>): Promise<CosmosVersionedStore<T>> {
    return new CosmosVersionedStore(await ensureContainer(client, databaseId, VERSIONED_CONTAINERS[kind]), schema);
  }

  private toVersioned(key: string, doc: Doc | undefined): Versioned<T> {
    const parsed = this.schema.safeParse(doc?.value);
    if (!doc || doc.key !== key || !parsed.success || typeof doc._etag !== 'string') {
      throw new DomainError('STORE.INVALID_DOCUMENT', `Het opgeslagen document ${key} is beschadigd; een beheerder moet ernaar kijken.`);
    }
    return { value: parsed.data, etag: doc._etag };
  }

  async get(key: string): Promise<Versioned<T> | undefined> {
    const id = docId(key);
    const { resource } = await cosmosCall(() => this.container.item(id, id).read<Doc>());
    return resource ? this.toVersioned(key, resource) : undefined;
  }

  async create(key: string, value: T): Promise<Versioned<T>> {
    const doc: Doc = { id: docId(key), key, value: parseOrThrow(this.schema, value) };
    const { resource } = await cosmosCall(() => this.container.items.create(doc));
    return this.toVersioned(key, resource as unknown as Doc);
  }

  async replace(key: string, value: T, etag: string): Promise<Versioned<T>> {
    const doc: Doc = { id: docId(key), key, value: parseOrThrow(this.schema, value) };
    const { resource } = await cosmosCall(() => this.container.item(doc.id, doc.id).replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } }));
    return this.toVersioned(key, resource as unknown as Doc);
  }

  async upsert(key: string, value: T): Promise<Versioned<T>> {
    const current = await this.get(key); // refuses to overwrite a document that fails its schema
    const doc: Doc = { id: docId(key), key, value: parseOrThrow(this.schema, value) };
    const { resource } = current
      ? await cosmosCall(() => this.container.item(doc.id, doc.id).replace(doc))
      : await cosmosCall(() => this.container.items.upsert(doc));
    return this.toVersioned(key, resource as unknown as Doc);
  }
}

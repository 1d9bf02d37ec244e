import { randomUUID } from 'node:crypto';
import type { Container, CosmosClient } from '@azure/cosmos';
import type { AuditEntry, AuditLog } from '../../ports/audit-log';
import { AUDIT_CONTAINER } from './containers';
import { cosmosCall } from './errors';
import { ensureContainer, type EnsureOptions } from './ensure';

/** The audit trail in Cosmos DB: one document per read or write of a case; exactly the entry's fields. */
export class CosmosAuditLog implements AuditLog {
  private constructor(private readonly container: Container) {}

  static async open(client: CosmosClient, databaseId: string, options: EnsureOptions = {}): Promise<CosmosAuditLog> {
    const container = await ensureContainer(client, databaseId, AUDIT_CONTAINER, options);
    return new CosmosAuditLog(container);
  }

  async record(entry: AuditEntry): Promise<void> {
    const { at, actorId, caseId, action, operation } = entry;
    await cosmosCall(() => this.container.items.create({ id: randomUUID(), at, actorId, caseId, action, operation }));
  }
}

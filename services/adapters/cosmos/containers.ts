import type { ContainerDefinition, IndexingPolicy } from '@azure/cosmos';
import { DOCUMENT_KINDS, type DocumentKind } from '../../ports/versioned-store';

/**
 * Container and index definitions, in one place: the adapter creates them when missing and infra/ deploys the
 * same ones.
 *
 * `cases` is partitioned on `/id`: one case per logical partition. Every read and every ETag replace is a point
 * operation in one partition (the cheapest kind), a case's size is bounded, writes spread evenly with no hot
 * partition, and the only cross-partition queries ("mijn casussen", due items, pending notifications, a kenmerk, a team's cases
 * for the resultaten) are indexed.
 *
 * Only the paths the queries filter or sort on are indexed; everything else (the case's content, with its
 * personal data) is excluded, which also keeps write cost down.
 * `/id` needs no entry: Cosmos always indexes it; listings use it as the tie-break of their keyset
 * (services/adapters/cosmos/cosmos-case-store.ts), which is why it ends every composite index.
 */
export const CASES_INDEXING_POLICY: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [
    { path: '/memberIds/[]/?' }, // "mijn casussen": ARRAY_CONTAINS(c.memberIds, @userId)
    { path: '/step/?' }, // leave closed cases out of "mijn casussen"
    { path: '/updatedAt/?' }, // "mijn casussen": newest first
    { path: '/nextDueAt/?' }, // reminders: due at or before now, earliest first
    { path: '/outboxDueAt/?' }, // the dispatcher: notifications to deliver now, earliest first
    { path: '/reference/?' }, // "casus <kenmerk>"
    { path: '/teamId/?' }, // resultaten: the team's cases
    { path: '/createdAt/?' }, // resultaten: created before the period's end, oldest first
  ],
  excludedPaths: [{ path: '/*' }, { path: '/"_etag"/?' }],
  compositeIndexes: [
    [
      { path: '/updatedAt', order: 'descending' },
      { path: '/id', order: 'descending' },
    ],
    [
      { path: '/nextDueAt', order: 'ascending' },
      { path: '/id', order: 'ascending' },
    ],
    [
      { path: '/outboxDueAt', order: 'ascending' },
      { path: '/id', order: 'ascending' },
    ],
    [
      { path: '/createdAt', order: 'ascending' },
      { path: '/id', order: 'ascending' },
    ],
  ],
};

export const CASES_CONTAINER_ID = 'cases';

export const CASES_CONTAINER: ContainerDefinition & { id: string } = {
  id: CASES_CONTAINER_ID,
  partitionKey: { paths: ['/id'] },
  indexingPolicy: CASES_INDEXING_POLICY,
};

/**
 * `botstate`: Bot Framework conversation and dialog state, one document per state key (id = a hash of the key,
 * since keys contain characters Cosmos ids may not). Point reads and ETag writes only: nothing is indexed.
 */
export const BOTSTATE_CONTAINER_ID = 'botstate';
export const BOTSTATE_CONTAINER: ContainerDefinition & { id: string } = {
  id: BOTSTATE_CONTAINER_ID,
  partitionKey: { paths: ['/id'] },
  indexingPolicy: { indexingMode: 'consistent', automatic: true, includedPaths: [], excludedPaths: [{ path: '/*' }] },
};

/**
 * `audit`: who read or changed which case, when (append-only). Partitioned per case, so a case's trail is one
 * partition; indexed on time and actor for an audit query ("what did this user open?").
 */
export const AUDIT_CONTAINER_ID = 'audit';
export const AUDIT_CONTAINER: ContainerDefinition & { id: string } = {
  id: AUDIT_CONTAINER_ID,
  partitionKey: { paths: ['/caseId'] },
  indexingPolicy: {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: [{ path: '/at/?' }, { path: '/actorId/?' }],
    excludedPaths: [{ path: '/*' }],
  },
};

/**
 * Containers of the small versioned documents (services/ports/versioned-store.ts): point operations only, so
 * nothing is indexed; partitioned on the (hashed) document id.
 */
export const VERSIONED_CONTAINERS: Readonly<Record<DocumentKind, ContainerDefinition & { id: string }>> = Object.fromEntries(
  DOCUMENT_KINDS.map((kind) => [
    kind,
    { id: kind, partitionKey: { paths: ['/id'] }, indexingPolicy: { indexingMode: 'consistent', automatic: true, includedPaths: [], excludedPaths: [{ path: '/*' }] } },
  ]),
) as unknown as Record<DocumentKind, ContainerDefinition & { id: string }>;

/**
 * A small document table with optimistic concurrency, for the product's other persistent data (conversation
 * references, the doorbraakbudget ledger, sent cards). Same rules as the CaseStore: values validated on the
 * way in and out (a stored document that fails: STORE.INVALID_DOCUMENT, never overwritten), `create` refuses an
 * existing id (STORE.ALREADY_EXISTS), `replace` needs the current ETag (STORE.CONFLICT otherwise).
 */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

export interface VersionedStore<T> {
  get(id: string): Promise<Versioned<T> | undefined>;
  create(id: string, value: T): Promise<Versioned<T>>;
  replace(id: string, value: T, etag: string): Promise<Versioned<T>>;
  /** Last write wins: for data where that is the right rule (a conversation reference). */
  upsert(id: string, value: T): Promise<Versioned<T>>;
}

/** The kinds of document, each its own table (a folder in the embedded store, a container in Cosmos DB). */
export const DOCUMENT_KINDS = ['conversationRefs', 'budgets', 'sentCards'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

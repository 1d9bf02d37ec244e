import type { Case } from '../../domain/model/case';
import type { CaseStore, Page, PageOptions, StoredCase } from '../../ports/case-store';
import { CaseEntries } from './case-entries';
import { CaseTable } from './case-table';

/**
 * A CaseStore in memory: for unit and dialog tests. Two instances over the same `entries` (with their indexes) behave like two
 * bot instances over one database (the contract suite's "reopen").
 */
export class MemoryCaseStore implements CaseStore {
  private readonly table: CaseTable;

  constructor(entries: CaseEntries = new CaseEntries()) {
    this.table = new CaseTable(entries);
  }

  /** The backing entries, to open a second instance over the same data. */
  get entries(): CaseEntries {
    return this.table.entries;
  }

  async get(id: string): Promise<StoredCase | undefined> {
    return this.table.get(id);
  }

  async findByReference(reference: string): Promise<StoredCase | undefined> {
    return this.table.findByReference(reference);
  }

  async create(value: Case): Promise<StoredCase> {
    return this.table.commit(this.table.prepareCreate(value));
  }

  async replace(value: Case, etag: string): Promise<StoredCase> {
    return this.table.commit(this.table.prepareReplace(value, etag));
  }

  async listByMember(userId: string, options?: PageOptions & { readonly includeClosed?: boolean }): Promise<Page<StoredCase>> {
    return this.table.listByMember(userId, options);
  }

  async listDue(before: string, options?: PageOptions): Promise<Page<StoredCase>> {
    return this.table.listDue(before, options);
  }

  async listOutbox(before: string, options?: PageOptions): Promise<Page<StoredCase>> {
    return this.table.listOutbox(before, options);
  }

  async listForResults(teamId: string, from: string, to: string, options?: PageOptions): Promise<Page<StoredCase>> {
    return this.table.listForResults(teamId, from, to, options);
  }
}

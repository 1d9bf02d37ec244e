import { expect } from 'chai';
import fc from 'fast-check';
import type { Case } from '../../services/domain/model/case';
import type { Page, PageOptions, StoredCase } from '../../services/ports/case-store';
import type { Entry } from '../../services/adapters/memory/case-entries';
import { CaseTable } from '../../services/adapters/memory/case-table';
import { BY_DUE_ASC, BY_UPDATED_DESC, comparePositions, decodeToken, encodeToken, instantKey, pageSizeOf, type Ordering } from '../../services/adapters/paging';
import { makeCase } from '../support/case-fixtures';

/**
 * The indexed listings of CaseTable against a naive full scan (the listing code as it was before the indexes):
 * for random writes and listings, every page, continuation token, error and kenmerk look-up is the same.
 */

const IDS = Array.from({ length: 8 }, (_, i) => `case-00000${i}`);
const USERS = ['aad-anna-1', 'aad-bram-1', 'aad-cem-1', 'aad-dewi-1'];
// Few kenmerken, so that two cases sometimes share one; lower case and spaces are normalised by the schema.
const REFERENCES = ['HA-2026-AAAAAA', 'HA-2026-BBBBBB', 'ha-2026-cccccc', 'HA-2026-DDDDDD'];
// Few instants, some equal as instants but written with another offset or precision: ties and canonical keys.
const INSTANTS = ['2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00+01:00', '2026-11-23T09:00:00Z', '2026-11-23T09:30:00.000Z', '2026-11-24T08:00:00.500Z', '2026-11-22T23:59:59Z'];
const STEPS = ['indienen', 'mdo', 'uitvoering', 'afgesloten'] as const;

/** The scan and sort the table did before it had indexes. */
class NaiveTable {
  readonly entries = new Map<string, Entry>();

  private valid(): StoredCase[] {
    return [...this.entries.values()].flatMap((e) => (e.kind === 'valid' ? [e.stored] : []));
  }

  findByReference(reference: string): StoredCase | undefined {
    const wanted = reference.trim().toUpperCase();
    return this.valid().find((s) => s.case.reference === wanted);
  }

  listByMember(userId: string, options?: PageOptions & { readonly includeClosed?: boolean }): Page<StoredCase> {
    const mine = this.valid().filter((s) => s.case.memberIds.includes(userId) && (options?.includeClosed || s.case.step !== 'afgesloten'));
    return naivePage(mine, BY_UPDATED_DESC, options);
  }

  listDue(before: string, options?: PageOptions): Page<StoredCase> {
    const limit = instantKey(before);
    const due = this.valid().filter((s) => s.case.nextDueAt !== undefined && instantKey(s.case.nextDueAt) <= limit);
    return naivePage(due, BY_DUE_ASC, options);
  }
}

function naivePage(items: StoredCase[], ordering: Ordering<StoredCase>, options: PageOptions | undefined): Page<StoredCase> {
  const size = pageSizeOf(options);
  const after = decodeToken(ordering.name, options?.continuationToken);
  const sign = ordering.descending ? -1 : 1;
  const keyed = items.map((item) => ({ item, key: ordering.key(item) }));
  const rest = (after ? keyed.filter((k) => sign * comparePositions(k.key, after) > 0) : keyed).sort((a, b) => sign * comparePositions(a.key, b.key));
  const page = rest.slice(0, size);
  const last = page.at(-1);
  const pageItems = page.map((k) => structuredClone(k.item));
  return rest.length > size && last ? { items: pageItems, continuationToken: encodeToken(ordering.name, last.key) } : { items: pageItems };
}

const fieldsArb = fc.record({
  memberIds: fc.array(fc.constantFrom(...USERS), { maxLength: 4 }),
  step: fc.constantFrom(...STEPS),
  reference: fc.constantFrom(...REFERENCES),
  updatedAt: fc.constantFrom(...INSTANTS),
  nextDueAt: fc.option(fc.constantFrom(...INSTANTS), { nil: undefined }),
});
type Fields = typeof fieldsArb extends fc.Arbitrary<infer F> ? F : never;

const pageArb = fc.record({
  pageSize: fc.oneof({ weight: 19, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 101) }),
  // Resume from a token of an earlier page of this listing (taken before the writes since), of the other
  // listing, or a garbled one.
  resume: fc.option(
    fc.oneof({ weight: 8, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant('vreemd' as const) }, { weight: 1, arbitrary: fc.constant('rommel') }),
    { nil: undefined, freq: 2 },
  ),
});

type PageCommand = typeof pageArb extends fc.Arbitrary<infer P> ? P : never;

type Command =
  | { kind: 'create'; id: string; fields: Fields }
  | { kind: 'replace'; which: number; fields: Fields; stale: boolean }
  | { kind: 'corrupt'; id: string }
  | { kind: 'member'; userId: string; includeClosed: boolean; page: PageCommand }
  | { kind: 'due'; before: string; page: PageCommand }
  | { kind: 'reference'; reference: string };

const idArb = fc.constantFrom(...IDS);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), id: idArb, fields: fieldsArb }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), which: fc.nat(), fields: fieldsArb, stale: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('corrupt' as const), id: idArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('member' as const), userId: fc.constantFrom(...USERS, 'aad-niemand-1'), includeClosed: fc.boolean(), page: pageArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('due' as const), before: fc.constantFrom(...INSTANTS), page: pageArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reference' as const), reference: fc.constantFrom(...REFERENCES, ' ha-2026-aaaaaa ', 'HA-2026-ZZZZZZ') }) },
);

/** A result or the error code it threw, to compare both tables' answers. */
function outcome<T>(f: () => T): { ok: T } | { error: string } {
  try {
    return { ok: f() };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
}

type Listing = 'member' | 'due';
type Tokens = Record<Listing, string[]>;

/** The options of a listing's first page: a page size, and maybe a token to resume from. */
function firstOptions(listing: Listing, page: PageCommand, tokens: Tokens): PageOptions {
  const pool = page.resume === 'vreemd' ? tokens[listing === 'member' ? 'due' : 'member'] : tokens[listing];
  const token = typeof page.resume === 'number' || page.resume === 'vreemd' ? pool[Number(page.resume) % pool.length || 0] : page.resume;
  return token === undefined ? { pageSize: page.pageSize } : { pageSize: page.pageSize, continuationToken: token };
}

/** Every page of a listing from `first`, as both tables answer it; tokens of each page are kept for resuming. */
function followPages(list: (table: CaseTable | NaiveTable, options: PageOptions) => Page<StoredCase>, indexed: CaseTable, naive: NaiveTable, first: PageOptions, tokens: string[]): void {
  let options = first;
  for (let pages = 0; pages < 50; pages++) {
    const got = outcome(() => list(indexed, options));
    expect(got, JSON.stringify(options)).to.deep.equal(outcome(() => list(naive, options)));
    if (!('ok' in got) || got.ok.continuationToken === undefined) return;
    tokens.push(got.ok.continuationToken);
    options = { ...options, continuationToken: got.ok.continuationToken };
  }
  expect.fail('a listing of at most 8 cases did not end');
}

function run(commands: Command[]): void {
  const indexed = new CaseTable();
  const naive = new NaiveTable();
  const base = new Map([...IDS, 'case-000099'].map((id) => [id, makeCase({ id })] as const));
  const tokens: Tokens = { member: [], due: [] };
  const withFields = (id: string, fields: Fields): Case => {
    const { nextDueAt, ...rest } = fields;
    const c: Case = { ...(base.get(id) as Case), ...rest };
    if (nextDueAt === undefined) delete c.nextDueAt;
    else c.nextDueAt = nextDueAt;
    return c;
  };
  const write = (prepare: () => StoredCase) => {
    const result = outcome(() => indexed.commit(prepare()));
    // The naive table holds exactly what the indexed one committed (same ETag), or nothing when it refused.
    if ('ok' in result) naive.entries.set(result.ok.case.id, { kind: 'valid', stored: structuredClone(result.ok) });
  };

  for (const command of commands) {
    switch (command.kind) {
      case 'create':
        write(() => indexed.prepareCreate(withFields(command.id, command.fields)));
        break;
      case 'replace': {
        // Mostly a case that exists; sometimes one that does not.
        const ids = [...naive.entries.keys(), 'case-000099'];
        const id = ids[command.which % ids.length] as string;
        const current = naive.entries.get(id);
        const etag = current?.kind === 'valid' && !command.stale ? current.stored.etag : 'oud';
        write(() => indexed.prepareReplace(withFields(id, command.fields), etag));
        break;
      }
      case 'corrupt':
        indexed.entries.set(command.id, { kind: 'invalid', raw: { id: command.id } });
        naive.entries.set(command.id, { kind: 'invalid', raw: { id: command.id } });
        break;
      case 'member':
        followPages((t, o) => t.listByMember(command.userId, { ...o, includeClosed: command.includeClosed }), indexed, naive, firstOptions('member', command.page, tokens), tokens.member);
        break;
      case 'due':
        followPages((t, o) => t.listDue(command.before, o), indexed, naive, firstOptions('due', command.page, tokens), tokens.due);
        break;
      case 'reference':
        expect(outcome(() => indexed.findByReference(command.reference)), command.reference).to.deep.equal(outcome(() => naive.findByReference(command.reference)));
        break;
    }
  }
}

describe('CaseTable indexes (property)', () => {
  it('for random creates, replaces, corruptions and listings, the indexed answers equal a naive full scan', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 10, maxLength: 80, size: 'max' }), (commands) => run(commands)),
      { numRuns: 200 },
    );
  });
});

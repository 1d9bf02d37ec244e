import type { Page, PageOptions } from '../../ports/case-store';
import { comparePositions, decodeToken, encodeToken, pageSizeOf, type Ordering, type Position } from '../paging';

/**
 * The positions of one listing's items, kept sorted as items are written, so that a page costs a binary search
 * plus the items it returns: no scan, filter or sort of the candidates. Held in ascending order and walked
 * backwards for a descending listing.
 */
export class KeysetIndex {
  private readonly keys: Position[] = [];
  /** Set by `append` (a bulk load): the keys are sorted once, before they are next used. */
  private unsorted = false;

  constructor(private readonly listing: Pick<Ordering<unknown>, 'name' | 'descending'>) {}

  get size(): number {
    return this.keys.length;
  }

  /** Insert a position in order. */
  add(key: Position): void {
    this.settle();
    this.keys.splice(this.bound(key, false), 0, key);
  }

  /** Add a position without ordering it yet: for a bulk load, sorted once by `settle` (or the next use). */
  append(key: Position): void {
    this.keys.push(key);
    this.unsorted = true;
  }

  /** Sort what `append` added. */
  settle(): void {
    if (!this.unsorted) return;
    this.keys.sort(comparePositions);
    this.unsorted = false;
  }

  /** Remove a position (a no-op when it is not there). */
  remove(key: Position): void {
    this.settle();
    const at = this.bound(key, false);
    const found = this.keys[at];
    if (found !== undefined && comparePositions(found, key) === 0) this.keys.splice(at, 1);
  }

  /**
   * One page in the listing's order, strictly after the continuation token's position. Keyset, not offset: an item
   * that moves between two page requests cannot make the others repeat or be skipped. `within` ends the walk at the
   * first position outside the listing (it must hold for a leading run of the order, as "due at or before" does);
   * `item` makes a page item of a position, and is called only for the items returned; `keep` skips positions the
   * listing leaves out (walked over, not returned).
   */
  page<T>(
    options: PageOptions | undefined,
    item: (key: Position) => T,
    within: (key: Position) => boolean = () => true,
    keep: (key: Position) => boolean = () => true,
  ): Page<T> {
    const size = pageSizeOf(options);
    const after = decodeToken(this.listing.name, options?.continuationToken);
    this.settle();
    const step = this.listing.descending ? -1 : 1;
    let at: number;
    if (this.listing.descending) at = (after ? this.bound(after, false) : this.keys.length) - 1;
    else at = after ? this.bound(after, true) : 0;
    // One more than the page, to know whether a next page exists.
    const taken: Position[] = [];
    for (let key = this.keys[at]; key !== undefined && taken.length <= size && within(key); key = this.keys[(at += step)]) if (keep(key)) taken.push(key);
    const page = taken.slice(0, size);
    const last = page.at(-1);
    const items = page.map(item);
    return taken.length > size && last ? { items, continuationToken: encodeToken(this.listing.name, last) } : { items };
  }

  /** The first index whose position is at or after `key` (`strict`: after it). */
  private bound(key: Position, strict: boolean): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const c = comparePositions(this.keys[mid] as Position, key);
      if (c < 0 || (strict && c === 0)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

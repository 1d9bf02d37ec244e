/**
 * Counting decorators for stores: how many reads and writes a turn does, counted (never timed) so a test can hold
 * a turn to a budget of store operations.
 */
export class OperationCounter {
  private readonly counts = new Map<string, number>();

  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/**
 * The same object, counting each call of the named methods under `<prefix>.<kind>`: `kinds` maps a method name to
 * what it counts as (read, write, list).
 */
export function counted<T extends object>(target: T, counter: OperationCounter, prefix: string, kinds: Readonly<Record<string, string>>): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string' || !(property in kinds)) return value;
      return (...args: unknown[]) => {
        counter.add(`${prefix}.${kinds[property]}`);
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

export const CASE_STORE_KINDS = { get: 'read', findByReference: 'read', create: 'write', replace: 'write', listByMember: 'list', listDue: 'list' } as const;
export const VERSIONED_STORE_KINDS = { get: 'read', create: 'write', replace: 'write', upsert: 'write' } as const;

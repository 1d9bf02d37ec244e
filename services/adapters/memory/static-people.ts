import type { People, Professional } from '../../ports/people';

/** People given as a list: the local people file, and tests. */
export class StaticPeople implements People {
  private readonly byId: ReadonlyMap<string, Professional>;

  constructor(private readonly people: readonly Professional[] = []) {
    this.byId = new Map(people.map((p) => [p.id, p]));
  }

  async find(userId: string): Promise<Professional | undefined> {
    return this.byId.get(userId);
  }

  async selectable(): Promise<readonly Professional[]> {
    return this.people;
  }
}

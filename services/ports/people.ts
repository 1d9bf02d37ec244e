/**
 * A professional as the organisation's address book knows them: what a card shows when someone is put on a case.
 * The name is not case content, but it is a person's name: it is shown, never logged.
 */
export interface Professional {
  /** The Microsoft Entra object id (in local runs, the playground's user id). */
  readonly id: string;
  readonly displayName: string;
  /** The organisation (school, GGZ, schuldhulp, …) when the address book has it. */
  readonly organisatie?: string;
}

/**
 * The professionals a casusregisseur can put on a case. In Azure Microsoft Graph (Entra ID); in local runs a file
 * of people (see the README).
 */
export interface People {
  /** One professional by Entra object id; undefined when the address book does not know them. */
  find(userId: string): Promise<Professional | undefined>;
  /**
   * The people a card offers to choose from, or undefined when there is no list to offer: in Teams the people
   * picker searches the organisation itself (Graph), and the card asks for that instead.
   */
  selectable(): Promise<readonly Professional[] | undefined>;
}

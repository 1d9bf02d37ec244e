import { randomBytes, randomUUID } from 'node:crypto';

/** Where new ids and kenmerken come from: random in production, predictable in tests. */
export interface IdSource {
  newId(): string;
  /** A kenmerk like HA-2026-7K3FQ9: year and six Crockford base-32 characters, no personal data. */
  newReference(year: number): string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const randomIds: IdSource = {
  newId: () => randomUUID(),
  newReference(year) {
    const bytes = randomBytes(6);
    let code = '';
    for (const byte of bytes) code += CROCKFORD[byte % 32];
    return `HA-${year}-${code}`;
  },
};

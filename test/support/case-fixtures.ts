import { randomInt, randomUUID } from 'node:crypto';
import { caseSchema, type Case } from '../../services/model/case';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomReference = () => `HA-2026-${Array.from({ length: 6 }, () => CROCKFORD[randomInt(32)]).join('')}`;

/** A valid case in stap 1 with one casusregisseur; override what a test needs. */
export function makeCase(overrides: Partial<Case> = {}): Case {
  const at = '2026-11-23T09:00:00.000Z';
  const professional = overrides.createdBy ?? 'aad-professional-1';
  return caseSchema.parse({
    id: randomUUID(),
    schemaVersion: 1,
    reference: randomReference(),
    teamId: 'wijkteam-noord',
    step: 'indienen',
    ronde: 1,
    createdAt: at,
    createdBy: professional,
    updatedAt: at,
    updatedBy: professional,
    household: { members: [{ id: randomUUID(), role: 'inwoner', label: 'Moeder (M1)' }] },
    professionals: [{ userId: professional, role: 'casusregisseur', addedAt: at, addedBy: professional, active: true }],
    memberIds: [professional],
    vraagverheldering: {},
    partijen: [],
    mdos: [],
    deelA: { acties: [] },
    uitzonderingNodig: false,
    approvals: [],
    escalaties: [],
    aveFase: 1,
    belemmeringen: [],
    deelC: {},
    vorigeRondes: [],
    due: [],
    history: [],
    ...overrides,
  });
}

/** The ISO instant `minutes` after 23 Nov 2026 09:00 UTC: distinct, ordered timestamps for listings. */
export const minute = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes)).toISOString();

import { randomInt, randomUUID } from 'node:crypto';
import { caseSchema, type Case } from '../../services/domain/model/case';
import type { ConsentInput } from '../../services/domain/model/consent';

/** The casusregisseur of every fixture case unless `createdBy` or `professionals` says otherwise. */
export const PROFESSIONAL = 'aad-professional-1';

/** The instant every fixture case is created and last updated at, unless overridden. */
export const FIXTURE_AT = '2026-11-23T09:00:00.000Z';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomReference = () => `HA-2026-${Array.from({ length: 6 }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('')}`;

/**
 * A valid case in stap 1 (run through `caseSchema`), with a fresh id and kenmerk and one casusregisseur; override
 * what a test needs. `memberIds` follows the active professionals unless it is overridden itself.
 */
export function makeCase(overrides: Partial<Case> = {}): Case {
  const professional = overrides.createdBy ?? PROFESSIONAL;
  const professionals = overrides.professionals ?? [
    { userId: professional, role: 'casusregisseur' as const, addedAt: FIXTURE_AT, addedBy: professional, active: true },
  ];
  return caseSchema.parse({
    id: randomUUID(),
    schemaVersion: 1,
    reference: randomReference(),
    teamId: 'wijkteam-noord',
    step: 'indienen',
    ronde: 1,
    createdAt: FIXTURE_AT,
    createdBy: professional,
    updatedAt: FIXTURE_AT,
    updatedBy: professional,
    household: { members: [{ id: randomUUID(), role: 'inwoner', label: 'Moeder (M1)' }] },
    professionals,
    memberIds: professionals.filter((p) => p.active).map((p) => p.userId),
    vraagverheldering: {},
    partijen: [],
    mdos: [],
    deelA: { doelen: [], acties: [] },
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

/** The inwoner's consent for every part of the case, given mondeling on the voorbeeldcasus' first day. */
export const ALLE_ONDERDELEN: ConsentInput = { hoe: 'mondeling', op: '2026-11-23', onderdelen: ['hulpvraag', 'zrm', 'deelA', 'deelB', 'mdo', 'evaluatie'] };

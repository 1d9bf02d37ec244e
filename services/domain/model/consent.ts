import { z } from 'zod';
import { calendarDate, instant, userId } from './fields';

/**
 * The parts of a case the inwoner can let a party see (seeds 002/003: de inwoner bepaalt wie welke gegevens kan
 * zien). The casusregisseur sees all of it; a betrokken professional sees what the inwoner's consent names.
 */
export const CONSENT_PARTS = ['hulpvraag', 'zrm', 'deelA', 'deelB', 'mdo', 'evaluatie'] as const;
export type ConsentPart = (typeof CONSENT_PARTS)[number];

export const CONSENT_PART_LABELS: Readonly<Record<ConsentPart, string>> = Object.freeze({
  hulpvraag: 'Hulpvraag en vraagverheldering',
  zrm: 'ZRM-scores',
  deelA: 'Samenwerkplan Deel A',
  deelB: 'Samenwerkplan Deel B',
  mdo: 'MDO-uitkomsten',
  evaluatie: 'Evaluatie (Deel C)',
});

/** The same parts as the inwoner reads them on the Deel A PDF ("mag zien: …"). */
export const CONSENT_PART_FOR_INWONER: Readonly<Record<ConsentPart, string>> = Object.freeze({
  hulpvraag: 'uw hulpvraag en wat u wilt, kunt en nodig heeft',
  zrm: 'de scores op de leefgebieden (ZRM)',
  deelA: 'dit plan (Deel A)',
  deelB: 'de onderbouwing voor een uitzondering of extra geld (Deel B)',
  mdo: 'wat in het overleg (MDO) is afgesproken',
  evaluatie: 'de evaluatie',
});

/** How the inwoner gave consent. */
export const CONSENT_WAYS = ['mondeling', 'schriftelijk'] as const;
export type ConsentWay = (typeof CONSENT_WAYS)[number];
export const CONSENT_WAY_LABELS: Readonly<Record<ConsentWay, string>> = Object.freeze({ mondeling: 'Mondeling', schriftelijk: 'Schriftelijk' });

/** The consent as the professional records it: how, on which day, and which parts. */
export const consentInput = z.object({
  hoe: z.enum(CONSENT_WAYS, { error: 'Kies hoe de inwoner toestemming gaf: mondeling of schriftelijk.' }),
  op: calendarDate('de datum van de toestemming'),
  onderdelen: z
    .array(z.enum(CONSENT_PARTS, { error: 'Kies de onderdelen uit de lijst.' }), { error: 'Kies welke onderdelen de collega mag zien.' })
    .min(1, { error: 'Kies minstens één onderdeel dat de collega mag zien; zonder toestemming wordt niemand toegevoegd.' })
    .max(CONSENT_PARTS.length, { error: 'Kies elk onderdeel hooguit één keer.' })
    .refine((parts) => new Set(parts).size === parts.length, { error: 'Kies elk onderdeel hooguit één keer.' }),
});
export type ConsentInput = z.infer<typeof consentInput>;

/** The consent as stored: the input, and who recorded it when. */
export const toestemming = consentInput.extend({ vastgelegdDoor: userId, vastgelegdOp: instant });
export type Toestemming = z.infer<typeof toestemming>;

/** Why a professional is no longer on the case. */
export const END_REASONS = ['verwijderd', 'toestemmingIngetrokken'] as const;
export type EndReason = (typeof END_REASONS)[number];
/** When the professional left the case (recorded `op`, by `door`), why, and for a withdrawal the day the inwoner said so. */
export const einde = z.object({ op: instant, door: userId, reden: z.enum(END_REASONS), ingetrokkenOp: calendarDate('de datum waarop de toestemming is ingetrokken').optional() });

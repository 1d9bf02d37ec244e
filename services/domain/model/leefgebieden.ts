import { z } from 'zod';

/**
 * The 13 leefgebieden (life domains) of the Zelfredzaamheid-Matrix 2017, the fixed list the product signals on in
 * stap 2 so that results can be counted. The matrix version is stored beside every set of scores.
 */
export const ZRM_VERSION = 'ZRM-2017' as const;

export const LEEFGEBIEDEN = [
  'financien',
  'werkOpleiding',
  'tijdsbesteding',
  'huisvesting',
  'huiselijkeRelaties',
  'geestelijkeGezondheid',
  'lichamelijkeGezondheid',
  'middelengebruik',
  'basaleAdl',
  'instrumenteleAdl',
  'sociaalNetwerk',
  'maatschappelijkeParticipatie',
  'justitie',
] as const;

export type Leefgebied = (typeof LEEFGEBIEDEN)[number];

/** The Dutch names as the matrix writes them. */
export const LEEFGEBIED_LABELS: Readonly<Record<Leefgebied, string>> = Object.freeze({
  financien: 'Financiën',
  werkOpleiding: 'Werk & opleiding',
  tijdsbesteding: 'Tijdsbesteding',
  huisvesting: 'Huisvesting',
  huiselijkeRelaties: 'Huiselijke relaties',
  geestelijkeGezondheid: 'Geestelijke gezondheid',
  lichamelijkeGezondheid: 'Lichamelijke gezondheid',
  middelengebruik: 'Middelengebruik',
  basaleAdl: 'Basale ADL',
  instrumenteleAdl: 'Instrumentele ADL',
  sociaalNetwerk: 'Sociaal netwerk',
  maatschappelijkeParticipatie: 'Maatschappelijke participatie',
  justitie: 'Justitie',
});

/** ZRM score labels: 1 acute problematiek … 5 volledig zelfredzaam. */
export const ZRM_SCORE_LABELS: Readonly<Record<ZrmScore, string>> = Object.freeze({
  1: 'Acute problematiek',
  2: 'Niet zelfredzaam',
  3: 'Beperkt zelfredzaam',
  4: 'Voldoende zelfredzaam',
  5: 'Volledig zelfredzaam',
});

export const zrmScore = z
  .number({ error: 'Een ZRM-score is een getal van 1 tot en met 5.' })
  .int({ error: 'Een ZRM-score is een heel getal van 1 tot en met 5.' })
  .min(1, { error: 'Een ZRM-score is minimaal 1 (acute problematiek).' })
  .max(5, { error: 'Een ZRM-score is maximaal 5 (volledig zelfredzaam).' });
export type ZrmScore = 1 | 2 | 3 | 4 | 5;

const scoreShape = Object.fromEntries(LEEFGEBIEDEN.map((l) => [l, zrmScore.optional()])) as Record<
  Leefgebied,
  z.ZodOptional<typeof zrmScore>
>;

/** Scores per leefgebied; a domain may be left unscored while the conversation is under way. */
export const zrmScores = z.strictObject(scoreShape, { error: 'Onbekend leefgebied in de ZRM-scores.' });
export type ZrmScores = z.infer<typeof zrmScores>;

/** A set of scores taken at one moment, with the matrix version they were scored on. */
export const zrmMeting = z.object({
  version: z.literal(ZRM_VERSION),
  scores: zrmScores,
});
export type ZrmMeting = z.infer<typeof zrmMeting>;

/** The leefgebieden not yet scored. */
export function unscored(scores: Partial<Record<Leefgebied, number | undefined>>): Leefgebied[] {
  return LEEFGEBIEDEN.filter((l) => scores[l] === undefined);
}

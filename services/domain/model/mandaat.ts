import { z } from 'zod';
import { entityId, euroCents, freeText, instant, shortText, userId } from './fields';
import { LEEFGEBIEDEN } from './leefgebieden';
import { leefgebied } from './samenwerkplan';

/** The mandaat when the policy names none: € 250 per case per budget period (seed 004 tips 7 and 10). */
export const DEFAULT_MANDAAT_CENTS = 25_000;

/** The highest mandaat the configuration accepts: € 5.000. */
export const MAX_MANDAAT_CENTS = 500_000;

/** The leefgebied a new spending serves: asked on the card, refused in Dutch when missing or not on the list. */
export const mandaatCategorie = z.enum(LEEFGEBIEDEN, { error: (issue) => (issue.input === undefined || issue.input === '' ? 'Kies voor welk leefgebied het geld is.' : 'Kies een leefgebied uit de lijst.') });

/**
 * One spending under the casusregisseur's mandaat: spent at once without Deel B, booked on the team's doorbraakbudget
 * like any grant (the booking's id is the spending's id), and counted against the case's mandaat for its period.
 */
export const mandaatUitgave = z.object({
  id: entityId,
  amountCents: euroCents('het bedrag'),
  /** What it is for, short: "treinkaartje naar de rechtbank". */
  doel: shortText('waarvoor het is', 120),
  /** One sentence why. */
  waarom: freeText('waarom het nodig is', 300),
  /** The leefgebied it serves: the purpose category of the resultaten (absent before it was asked). */
  categorie: leefgebied.optional(),
  /** The budget period it drew on (its quarter when the team budgets by quarter, else its year). */
  periode: z.string().regex(/^\d{4}(-Q[1-4])?$/),
  by: userId,
  at: instant,
});
export type MandaatUitgave = z.infer<typeof mandaatUitgave>;

/** The case's history entry of a spending (amount and purpose are on the spending; the why is the sentence). */
export const mandaatEntry = z.object({
  at: instant,
  by: userId,
  mandaat: entityId,
  amountCents: z.number().int().positive(),
  why: z.string().max(1000).optional(),
});
export type MandaatEntry = z.infer<typeof mandaatEntry>;

/** What the case spent under the mandaat in a period. */
export const mandaatGebruikt = (uitgaven: readonly MandaatUitgave[], periode: string): number =>
  uitgaven.filter((u) => u.periode === periode).reduce((sum, u) => sum + u.amountCents, 0);

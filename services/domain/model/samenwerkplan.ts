import { z } from 'zod';
import { calendarDate, entityId, euroCents, freeText, instant, shortText, userId } from './fields';
import { argumentText } from './argument';
import { LEEFGEBIEDEN, zrmMeting, zrmScore } from './leefgebieden';

/** One of the 13 leefgebieden, by its key (leefgebieden.ts). */
export const leefgebied = z.enum(LEEFGEBIEDEN, { error: 'Kies een leefgebied uit de lijst.' });

/** How many leefgebieden the inwoner may rank as mattering most: a few, so the plan stays about them. */
export const MAX_BELANGRIJKSTE = 5;

/** The leefgebieden that matter most to the inwoner, most important first: 1 to 5, each once. */
export const belangrijksteLeefgebieden = z
  .array(leefgebied)
  .min(1, { error: 'Kies minstens één leefgebied dat voor de inwoner het belangrijkst is.' })
  .max(MAX_BELANGRIJKSTE, { error: `Kies hooguit ${MAX_BELANGRIJKSTE} leefgebieden.` })
  .refine((list) => new Set(list).size === list.length, { error: 'Kies elk leefgebied maar één keer.' });

/** Vraagverheldering (stap 2): the inwoner's own words, what must change, what matters most, and signalling on all leefgebieden. */
export const vraagverheldering = z.object({
  ikWil: freeText('"ik wil"').optional(),
  ikKan: freeText('"ik kan"').optional(),
  ikHebNodig: freeText('"ik heb nodig"').optional(),
  /** "Wat moet er veranderen?" in the inwoner's words. */
  watMoetVeranderen: freeText('wat er moet veranderen').optional(),
  /** The inwoner's own ranking; the professional's ZRM (zrmVoor) scores all 13 apart from it. */
  belangrijksteLeefgebieden: belangrijksteLeefgebieden.optional(),
  zrmVoor: zrmMeting.optional(),
});
export type Vraagverheldering = z.infer<typeof vraagverheldering>;

/** Wie is er nodig (stap 3): the parties and whether one of them can solve it alone. */
export const VRAAG_TYPES = ['enkelvoudig', 'meervoudig'] as const;
export type VraagType = (typeof VRAAG_TYPES)[number];

export const partij = z.object({
  id: entityId,
  organisatie: shortText('de organisatie'),
  rol: shortText('de rol van de partij', 120).optional(),
  /** When the party's professional uses Teams, their user id, so they can be invited and added. */
  userId: userId.optional(),
});
export type Partij = z.infer<typeof partij>;

export const ACTIE_STATUSES = ['open', 'bezig', 'gedaan', 'vervallen'] as const;
export type ActieStatus = (typeof ACTIE_STATUSES)[number];
export const ACTIE_STATUS_LABELS: Readonly<Record<ActieStatus, string>> = Object.freeze({
  open: 'Open',
  bezig: 'Bezig',
  gedaan: 'Gedaan',
  vervallen: 'Vervallen',
});

/** Fields an action's command shares with the stored action, with their Dutch refusals. */
export const actieStatus = z.enum(ACTIE_STATUSES, { error: 'Kies een status: open, bezig, gedaan of vervallen.' });
export const actieTermijn = z.enum(['kort', 'lang'], { error: 'Kies korte of lange termijn.' });

/** One agreement: wie doet wat wanneer. Short-term actions are done within six weeks of uitvoering. */
export const actie = z.object({
  id: entityId,
  wie: shortText('wie het doet', 120),
  wat: freeText('wat er gebeurt', 500),
  wanneer: calendarDate('wanneer'),
  status: actieStatus,
  termijn: actieTermijn,
  /** The MDO afspraak this action was taken over from (stap 5A offers them, so nothing is typed twice). */
  afspraakId: entityId.optional(),
  /** The doel this action serves, if the plan links it to one. */
  doelId: entityId.optional(),
});
export type Actie = z.infer<typeof actie>;

/** The inwoner's own satisfaction with a leefgebied, 0 to 10: not the professional's ZRM score (1 to 5). */
export const tevredenheid = z
  .number({ error: 'Geef de tevredenheid van de inwoner als cijfer van 0 tot en met 10.' })
  .int({ error: 'Geef de tevredenheid van de inwoner als heel cijfer van 0 tot en met 10.' })
  .min(0, { error: 'Geef de tevredenheid van de inwoner als cijfer van 0 tot en met 10.' })
  .max(10, { error: 'Geef de tevredenheid van de inwoner als cijfer van 0 tot en met 10.' });

/**
 * A doel of Deel A for one leefgebied, in the inwoner's words: how satisfied they are now, and the measurable
 * resultaat ("wanneer is het opgelost?": what will be true, and by when). Actions point to it with `doelId`.
 */
export const doel = z.object({
  id: entityId,
  leefgebied,
  doel: freeText('het doel', 500),
  /** The inwoner's score when the plan is made (Deel C asks it again afterwards). */
  tevredenheidVoor: tevredenheid,
  resultaat: freeText('het resultaat', 500).optional(),
  resultaatDatum: calendarDate('wanneer het opgelost is').optional(),
  /** What the inwoner wants first, on the short term (optional). */
  korteTermijn: freeText('de korte termijn', 500).optional(),
});
export type Doel = z.infer<typeof doel>;

/** Samenwerkplan Deel A: made with the inwoner and left with them. */
export const deelA = z.object({
  /** One per leefgebied; absent in cases stored before doelen existed, hence the default. */
  doelen: z.array(doel).max(13, { error: 'Een plan heeft hooguit één doel per leefgebied.' }).default([]),
  acties: z.array(actie).max(50, { error: 'Een plan heeft hier maximaal 50 acties.' }),
  /** MDO afspraken the professional chose not to take into the plan: they are not offered again. */
  nietOvergenomen: z.array(entityId).max(50, { error: 'Een MDO heeft hier hooguit 50 afspraken.' }).optional(),
  /** A photo of the paper plan, stored by reference to the Teams file, never copied. */
  foto: z.object({ fileId: z.string().min(1).max(500), naam: shortText('de bestandsnaam', 200) }).optional(),
});
export type DeelA = z.infer<typeof deelA>;

/** The amount of doorbraakbudget Deel B asks for (the dialog checks a typed amount with this, too). */
export const doorbraakbudgetCents = euroCents('het doorbraakbudget');

/** What Deel B asks for, field by field (the command's version holds its doel to the argument rule). */
const verzoekFields = z.object({
  uitzondering: freeText('de uitzondering', 1000).optional(),
  doorbraakbudgetCents: doorbraakbudgetCents.optional(),
  doel: freeText('het doel', 1000),
  /** The leefgebied the money serves: the purpose category the resultaten count grants by (absent before it was asked). */
  categorie: leefgebied.optional(),
});
const somethingAsked = {
  check: (v: { uitzondering?: string; doorbraakbudgetCents?: number }) => v.uitzondering !== undefined || v.doorbraakbudgetCents !== undefined,
  error: 'Geef aan welke uitzondering of hoeveel doorbraakbudget nodig is.',
};

/** What Deel B asks for: an exception, doorbraakbudget, or both. */
export const verzoek = verzoekFields.refine(somethingAsked.check, { error: somethingAsked.error });
export type Verzoek = z.infer<typeof verzoek>;

/** A verzoek as a command gives it: its doel is a real argument (argument.ts), not "nvt". */
export const verzoekInput = verzoekFields
  .extend({ doel: argumentText('doel', 'het doel', 1000) })
  .refine(somethingAsked.check, { error: somethingAsked.error })
  // The leefgebied is the purpose of money: an exception without doorbraakbudget has none.
  .refine((v) => v.categorie === undefined || v.doorbraakbudgetCents !== undefined, { error: 'Een leefgebied hoort bij doorbraakbudget; bij alleen een uitzondering vul je het niet in.' });

/** Samenwerkplan Deel B: the onderbouwing for an exception or doorbraakbudget (the inwoner need not be there). */
export const deelB = z.object({
  versie: z.number().int().min(1),
  situatiebeschrijving: freeText('de beknopte situatiebeschrijving').optional(),
  dreigendScenario: freeText('het dreigend scenario (wat als we niets doen)').optional(),
  waaromNietRegulier: freeText('waarom het niet regulier kan').optional(),
  rendement: freeText('het rendement').optional(),
  legitimiteit: freeText('de legitimiteit').optional(),
  betrokkenheid: freeText('de betrokkenheid').optional(),
  verzoek: verzoek.optional(),
  aanjagerUserId: userId.optional(),
  /** Remarks from the aanjager (or colleagues) while sharpening Deel B. */
  opmerkingen: z
    .array(z.object({ by: userId, at: instant, tekst: freeText('de opmerking', 1000) }))
    .max(50, { error: 'Bij Deel B passen hooguit 50 opmerkingen.' })
    .optional(),
  /** The aanjager found it ready to submit. */
  klaarVoorAkkoord: z.object({ by: userId, at: instant }).optional(),
  gewijzigdAt: instant,
  gewijzigdDoor: userId,
});
export type DeelB = z.infer<typeof deelB>;

export const GEREALISEERD = ['ja', 'deels', 'nee'] as const;
export const gerealiseerd = z.enum(GEREALISEERD, { error: 'Geef aan of het plan is gerealiseerd: ja, deels of nee.' });

/** The inwoner's own score for quality of life: a whole number from 1 to 10. */
export const kwaliteitVanLeven = z
  .number({ error: 'Geef de kwaliteit van leven als cijfer van 1 tot en met 10.' })
  .int({ error: 'Geef de kwaliteit van leven als heel cijfer van 1 tot en met 10.' })
  .min(1, { error: 'Geef de kwaliteit van leven als cijfer van 1 tot en met 10.' })
  .max(10, { error: 'Geef de kwaliteit van leven als cijfer van 1 tot en met 10.' });

export const DOEL_BEREIKT = ['ja', 'deels', 'nee'] as const;
export const doelBereikt = z.enum(DOEL_BEREIKT, { error: 'Geef aan of het resultaat is bereikt: ja, deels of nee.' });
export type DoelBereikt = z.infer<typeof doelBereikt>;

/** One doel of Deel A evaluated: was its resultaat reached, and the inwoner's own satisfaction now (0-10). */
export const doelEvaluatie = z.object({ doelId: entityId, bereikt: doelBereikt, tevredenheidNa: tevredenheid });
export type DoelEvaluatie = z.infer<typeof doelEvaluatie>;

/** Samenwerkplan Deel C: the evaluation. Improvement of the inwoner's life is what counts. */
export const deelC = z.object({
  gerealiseerd: gerealiseerd.optional(),
  /** Per doel of Deel A, at most one each; with Deel C into `vorigeRondes` at a new round, so that round asks again. */
  doelen: z.array(doelEvaluatie).max(13, { error: 'Een plan heeft hooguit één doel per leefgebied.' }).optional(),
  watNogNodig: freeText('wat er nog nodig is').optional(),
  zrmNa: zrmMeting.optional(),
  /** The inwoner's own score for quality of life, 1-10, before and after. */
  kwaliteitVanLevenVoor: kwaliteitVanLeven.optional(),
  kwaliteitVanLevenNa: kwaliteitVanLeven.optional(),
  vervolg: freeText('het vervolg').optional(),
});
export type DeelC = z.infer<typeof deelC>;

export { zrmScore };

import { z } from 'zod';
import { checklistInputId } from '../cards/mdo-checklist';
import { fail, ok, type Result } from '../services/domain/errors';
import { CONSENT_PARTS, CONSENT_WAYS, type ConsentPart } from '../services/domain/model/consent';
import { entityId, euroCents, freeText, shortText } from '../services/domain/model/fields';
import { mandaatCategorie, mandaatUitgave } from '../services/domain/model/mandaat';
import { parseEuroCents } from './parse';
import { LEEFGEBIEDEN } from '../services/domain/model/leefgebieden';
import { CHECKLIST_SECTIONS, MDO_CHECKLIST } from '../services/domain/model/mdo';
import { parseInput } from '../services/domain/model/validation';

type Payload<Ids extends string, Inputs extends string> = { verb?: string } & Record<Ids, string> & Partial<Record<Inputs, string>>;

/**
 * What a card sends back (an Action.Submit's message value, an Action.Execute's data): the ids the card was made
 * with, its inputs, and nothing else. Adaptive Cards submit every input as a string; the Action.Submit fallback
 * adds the verb. Anything else (a field of another type, an id missing, keys we never put on a card) means the
 * card is not one we sent, or no longer the one we sent.
 */
export function cardPayload<const Ids extends string, const Inputs extends string = never>(ids: readonly Ids[], inputs: readonly Inputs[] = []) {
  return z.strictObject({
    verb: z.string().max(100).optional(),
    ...Object.fromEntries(ids.map((id) => [id, z.string().min(1).max(100)])),
    ...Object.fromEntries(inputs.map((input) => [input, z.string().optional()])),
  }) as unknown as z.ZodType<Payload<Ids, Inputs>>;
}

/** Marks an issue as a refusal of what the professional filled in, said as it is (not a card we did not send). */
const INPUT_REFUSAL = 'inputRefusal';

/**
 * A card payload whose inputs are checked right here too: first the card's shape (`payload`: not ours →
 * `CARD.INVALID_PAYLOAD`), then what was filled in (`inputs`, whose schema gives Dutch sentences that name the field),
 * refused as `CASE.INVALID_INPUT` with that sentence.
 */
function withInputs<In, Out>(payload: z.ZodType<In>, inputs: z.ZodType<Out>) {
  return payload.transform((raw, ctx): Out => {
    const parsed = parseInput(inputs, raw);
    if (parsed.ok) return parsed.value;
    ctx.issues.push({ code: 'custom', message: parsed.error.userMessage, input: raw, params: { [INPUT_REFUSAL]: true } });
    return z.NEVER;
  });
}

/**
 * The payload, or `CARD.INVALID_PAYLOAD` with its one Dutch sentence ("Deze kaart is verlopen of niet geldig; er is
 * niets veranderd."). For most cards what the professional typed is checked after this, by the command it becomes,
 * whose refusals name the field; a payload made `withInputs` checks it here and refuses with that sentence.
 */
export function parseCard<T>(schema: z.ZodType<T>, data: unknown): Result<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const said = parsed.error.issues.find((issue) => issue.code === 'custom' && issue.params?.[INPUT_REFUSAL] === true);
  return said ? fail('CASE.INVALID_INPUT', said.message) : fail('CARD.INVALID_PAYLOAD');
}

/** What a card of another case is answered with, when a dialog about one case gets it. */
export const ANDERE_CASUS = 'Deze kaart hoort bij een andere casus; gebruik deze.';

/** A card about the case a dialog is on: parsed like {@link parseCard}, and refused in Dutch when it names another case. */
export function parseCardOf<T extends { readonly caseId: string }>(schema: z.ZodType<T>, data: unknown, caseId: string, elsewhere = ANDERE_CASUS): Result<T> {
  const card = parseCard(schema, data);
  return card.ok && card.value.caseId !== caseId ? fail('CASE.INVALID_INPUT', elsewhere) : card;
}

const CHOOSE_COLLEAGUE = 'Kies de collega die je wilt toevoegen.';

/**
 * The parts the colleague may see: the multi-select arrives as one comma-separated string of codes. Each part once,
 * in the fixed order of CONSENT_PARTS.
 */
const consentParts = z
  .string({ error: 'Kies minstens één onderdeel dat de collega mag zien.' })
  .transform((text) => text.split(',').map((part) => part.trim()).filter((part) => part !== ''))
  .pipe(z.array(z.enum(CONSENT_PARTS, { error: 'Kies alleen onderdelen uit de lijst op de kaart.' })).min(1, { error: 'Kies minstens één onderdeel dat de collega mag zien.' }))
  .transform((parts) => CONSENT_PARTS.filter((part) => parts.includes(part)) as ConsentPart[]);

/** What collega-toevoegen.json sends back, filled in: who, their organisation and task, and the inwoner's consent. */
const collegaInputs = z
  .object({
    caseId: z.string(),
    userId: z
      .string({ error: CHOOSE_COLLEAGUE })
      .trim()
      .min(1, { error: CHOOSE_COLLEAGUE })
      .regex(/^[A-Za-z0-9:_\-.@]{1,200}$/, { error: 'Deze collega kan ik niet vinden; kies iemand op de kaart.' }),
    organisatie: shortText('de organisatie van de collega', 80),
    taak: freeText('de taak van de collega', 500),
    hoe: z.enum(CONSENT_WAYS, { error: 'Kies hoe de inwoner toestemming gaf: mondeling of schriftelijk.' }),
    op: z.iso.date({ error: (issue) => (issue.input ? 'Die datum van de toestemming kan ik niet lezen; kies hem op de kaart.' : 'Kies de datum waarop de inwoner toestemming gaf.') }),
    onderdelen: consentParts,
  })
  .transform(({ caseId, userId, organisatie, taak, hoe, op, onderdelen }) => ({ caseId, userId, organisatie, taak, toestemming: { hoe, op, onderdelen } }));

/** The colleague chosen on the toestemming card (one of the case's parties; the core checks it is). */
const chosenParty = z
  .string({ error: 'Kies de collega van wie de toestemming verandert.' })
  .trim()
  .min(1, { error: 'Kies de collega van wie de toestemming verandert.' })
  .regex(/^[A-Za-z0-9:_\-.@]{1,200}$/, { error: 'Deze collega staat niet op de kaart; kies iemand uit de lijst.' });
const consentDate = z.iso.date({ error: (issue) => (issue.input ? 'Die datum kan ik niet lezen; kies hem op de kaart.' : 'Kies de datum waarop de inwoner het zei.') });

/** toestemming.json, "Toestemming wijzigen": who, and the new consent. */
const consentChange = z
  .object({
    caseId: z.string(),
    userId: chosenParty,
    op: consentDate,
    hoe: z.enum(CONSENT_WAYS, { error: 'Kies hoe de inwoner de nieuwe toestemming gaf: mondeling of schriftelijk.' }),
    onderdelen: consentParts,
  })
  .transform(({ caseId, userId, op, hoe, onderdelen }) => ({ caseId, userId, toestemming: { hoe, op, onderdelen } }));

/** toestemming.json, "Toestemming intrekken": who, and from when. */
const consentWithdrawal = z.object({ caseId: z.string(), userId: chosenParty, op: consentDate }).transform(({ caseId, userId, op }) => ({ caseId, userId, op }));

/** What mandaat.json sends back: the amount as typed ("12,50", "€ 12,50"), the purpose, one sentence why and the leefgebied. */
const mandaatInputs = z.object({
  caseId: z.string(),
  uitgaveId: entityId,
  bedrag: z
    .string({ error: 'Vul het bedrag in.' })
    .transform((text, ctx) => {
      const cents = parseEuroCents(text);
      if (cents === undefined) ctx.addIssue({ code: 'custom', message: 'Dat bedrag kan ik niet lezen; schrijf het bijvoorbeeld als 12,50.' });
      return cents ?? 0;
    })
    .pipe(euroCents('het bedrag')),
  doel: mandaatUitgave.shape.doel,
  waarom: mandaatUitgave.shape.waarom,
  categorie: mandaatCategorie,
});

const toestemmingCard = cardPayload(['caseId'], ['userId', 'op', 'hoe', 'onderdelen']);

/** Every card that sends something back, by the ids and inputs of its template in cards/. */
export const CARD_PAYLOADS = {
  /** approval.json: the decision buttons and the refresh, with the reason typed on the card. */
  approval: cardPayload(['caseId', 'requestId'], ['reden']),
  /** deel-b-review.json: the aanjager's edits of Deel B and a remark. */
  deelBReview: cardPayload(['caseId'], ['opmerking', 'situatiebeschrijving', 'dreigendScenario', 'waaromNietRegulier', 'rendement', 'legitimiteit', 'betrokkenheid']),
  /** escalation.json: the procesregisseur's answer. */
  escalation: cardPayload(['caseId'], ['toelichting']),
  /** actie.json: one action of Deel A (or "Plan is compleet", which sends no inputs). */
  actie: cardPayload(['caseId'], ['wie', 'wat', 'wanneer', 'termijn', 'actieId', 'afspraakId', 'doelId']),
  /** actie.json, the buttons beside an action (Wijzigen, Verwijderen) or an MDO afspraak (Overnemen, Wijzigen, Niet overnemen). */
  actieKeuze: cardPayload(['caseId'], ['actieId', 'afspraakId']),
  /** doel.json: one goal of Deel A (doelId empty for a new one), or "Doelen zijn klaar", which sends no inputs. */
  doel: cardPayload(['caseId'], ['doelId', 'leefgebied', 'doel', 'tevredenheid', 'resultaat', 'resultaatDatum', 'korteTermijn']),
  /** doel.json, the buttons beside a goal (Wijzigen, Verwijderen). */
  doelKeuze: cardPayload(['caseId', 'doelId']),
  /** leefgebieden-rangorde.json: the leefgebieden that matter most, one per rank. */
  rangorde: cardPayload(['caseId'], ['rang_1', 'rang_2', 'rang_3', 'rang_4', 'rang_5']),
  /** zrm-scores.json: a score per leefgebied. */
  zrm: cardPayload(['caseId', 'moment'], LEEFGEBIEDEN.map((l) => `zrm_${l}`)),
  /** mdo-checklist.json: a toggle per item of the gespreksformat. */
  mdoChecklist: cardPayload(['caseId', 'mdoId'], CHECKLIST_SECTIONS.flatMap((s) => Object.keys(MDO_CHECKLIST[s]).map((item) => checklistInputId(s, item)))),
  /** mdo-planning.json: a proposed moment or one's own date and time, and where (mdoId is empty for a new MDO). */
  mdoMoment: cardPayload(['caseId'], ['mdoId', 'moment', 'datum', 'tijd', 'locatie', 'deelnemers']),
  /** collega-toevoegen.json: a colleague on the case with the inwoner's consent, checked here (withInputs). */
  collegaToevoegen: withInputs(cardPayload(['caseId'], ['userId', 'organisatie', 'taak', 'hoe', 'op', 'onderdelen']), collegaInputs),
  /** toestemming.json: the inwoner's consent for a party changed, or withdrawn (the same inputs, two buttons). */
  toestemmingWijzigen: withInputs(toestemmingCard, consentChange),
  toestemmingIntrekken: withInputs(toestemmingCard, consentWithdrawal),
  collegaVerwijderen: withInputs(toestemmingCard, z.object({ caseId: z.string(), userId: chosenParty }).transform(({ caseId, userId }) => ({ caseId, userId }))),
  /** casusregie-overdragen.json: the party proposed to take over casusregie, and why (the core checks both). */
  regieOverdragen: cardPayload(['caseId'], ['userId', 'toelichting']),
  /** casusregie-voorstel.json: the proposed party's answer and its reason, and the refresh. */
  regieVoorstel: cardPayload(['caseId', 'voorstelId'], ['reden']),
  /** herinnering.json: Gedaan, Later herinneren (a day and a reason) and Escaleren (the question); the core checks them. */
  herinnering: cardPayload(['caseId', 'reminderId'], ['tot', 'reden', 'vraag']),
  /** mandaat.json: a spending under the casusregisseur's mandaat, checked here (withInputs); the core checks the mandaat. */
  mandaat: withInputs(cardPayload(['caseId', 'uitgaveId'], ['bedrag', 'doel', 'waarom', 'categorie']), mandaatInputs),
  /** case-list.json and case-view.json: open a case, continue with it (collega-toevoegen.json: leave it). */
  casus: cardPayload(['caseId']),
  /** case-list.json: the next page. */
  casussenMeer: cardPayload([], ['continuationToken']),
} as const;

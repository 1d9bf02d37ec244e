import { z } from 'zod';
import { checklistInputId } from '../cards/mdo-checklist';
import { fail, ok, type Result } from '../services/domain/errors';
import { LEEFGEBIEDEN } from '../services/domain/model/leefgebieden';
import { CHECKLIST_SECTIONS, MDO_CHECKLIST } from '../services/domain/model/mdo';

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

/**
 * The payload, or `CARD.INVALID_PAYLOAD` with its one Dutch sentence ("Deze kaart is verlopen of niet geldig; er is
 * niets veranderd."). What the professional typed into the card is checked after this, by the command it becomes,
 * whose refusals name the field.
 */
export function parseCard<T>(schema: z.ZodType<T>, data: unknown): Result<T> {
  const parsed = schema.safeParse(data);
  return parsed.success ? ok(parsed.data) : fail('CARD.INVALID_PAYLOAD');
}

/** Every card that sends something back, by the ids and inputs of its template in cards/. */
export const CARD_PAYLOADS = {
  /** approval.json: the decision buttons and the refresh, with the reason typed on the card. */
  approval: cardPayload(['caseId', 'requestId'], ['reden']),
  /** deel-b-review.json: the aanjager's edits of Deel B and a remark. */
  deelBReview: cardPayload(['caseId'], ['opmerking', 'situatiebeschrijving', 'dreigendScenario', 'waaromNietRegulier', 'rendement', 'legitimiteit', 'betrokkenheid']),
  /** escalation.json: the procesregisseur's answer. */
  escalation: cardPayload(['caseId'], ['toelichting']),
  /** actie.json: one action of Deel A (or "Plan is compleet", which sends no inputs). */
  actie: cardPayload(['caseId'], ['wie', 'wat', 'wanneer', 'termijn']),
  /** zrm-scores.json: a score per leefgebied. */
  zrm: cardPayload(['caseId', 'moment'], LEEFGEBIEDEN.map((l) => `zrm_${l}`)),
  /** mdo-checklist.json: a toggle per item of the gespreksformat. */
  mdoChecklist: cardPayload(['caseId', 'mdoId'], CHECKLIST_SECTIONS.flatMap((s) => Object.keys(MDO_CHECKLIST[s]).map((item) => checklistInputId(s, item)))),
  /** mdo-planning.json: a proposed moment or one's own date and time, and where (mdoId is empty for a new MDO). */
  mdoMoment: cardPayload(['caseId'], ['mdoId', 'moment', 'datum', 'tijd', 'locatie']),
  /** case-list.json and case-view.json: open a case, continue with it. */
  casus: cardPayload(['caseId']),
  /** case-list.json: the next page. */
  casussenMeer: cardPayload([], ['continuationToken']),
} as const;

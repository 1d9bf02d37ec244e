import { CONSENT_PART_LABELS, CONSENT_PARTS, CONSENT_WAY_LABELS, CONSENT_WAYS, type ConsentPart, type ConsentWay } from '../services/domain/model/consent';
import template from './toestemming.json';
import { expandCard } from './render';
import { COLLEGA_VERWIJDEREN, TOESTEMMING_INTREKKEN, TOESTEMMING_WIJZIGEN } from './verbs';

export interface ToestemmingCardData {
  readonly caseId: string;
  readonly reference: string;
  /** Today, YYYY-MM-DD: the default date and the latest the picker offers. */
  readonly vandaag: string;
  /** Each party whose consent can change: "Joris Bakker · GGZ-praktijk" and what it sees now. */
  readonly partijen: readonly { readonly userId: string; readonly titel: string; readonly ziet: string }[];
  /** The card again after a refusal: what was chosen and filled in, and what was wrong. */
  readonly ingevuld?: { readonly userId?: string; readonly op?: string; readonly hoe?: ConsentWay; readonly onderdelen?: readonly ConsentPart[] };
  readonly melding?: string;
}

/**
 * The inwoner's consent per party: what each sees now, and the inputs to change it (how, when, which parts) or to
 * withdraw it (when), or to take the colleague off the case. Submits TOESTEMMING_WIJZIGEN, TOESTEMMING_INTREKKEN or
 * COLLEGA_VERWIJDEREN; its payloads are in bot/card-payload.ts.
 */
export function renderToestemmingCard(data: ToestemmingCardData) {
  const ingevuld = data.ingevuld ?? {};
  return expandCard(template, {
    caseId: data.caseId,
    reference: data.reference,
    vandaag: data.vandaag,
    melding: data.melding ?? '',
    partijen: data.partijen,
    keuzes: data.partijen.map((p) => ({ title: p.titel, value: p.userId })),
    gekozen: ingevuld.userId ?? (data.partijen.length === 1 ? data.partijen[0]?.userId : '') ?? '',
    op: ingevuld.op ?? data.vandaag,
    hoe: ingevuld.hoe ?? '',
    onderdelen: (ingevuld.onderdelen ?? []).join(','),
    manieren: CONSENT_WAYS.map((value) => ({ value, title: CONSENT_WAY_LABELS[value] })),
    delen: CONSENT_PARTS.map((value) => ({ value, title: CONSENT_PART_LABELS[value] })),
    verbWijzigen: TOESTEMMING_WIJZIGEN,
    verbIntrekken: TOESTEMMING_INTREKKEN,
    verbVerwijderen: COLLEGA_VERWIJDEREN,
  });
}

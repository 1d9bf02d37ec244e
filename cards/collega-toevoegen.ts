import { CONSENT_PART_LABELS, CONSENT_PARTS, CONSENT_WAY_LABELS, CONSENT_WAYS, type ConsentPart, type ConsentWay } from '../services/domain/model/consent';
import type { Professional } from '../services/ports/people';
import template from './collega-toevoegen.json';
import { expandCard } from './render';
import { COLLEGA_ANNULEREN, COLLEGA_TOEVOEGEN } from './verbs';

/**
 * How the colleague is chosen: Teams' people picker, which searches the organisation through Graph itself (in
 * Teams with Graph), or a list of people (local runs: the people file).
 */
export type CollegaKeuze = { readonly via: 'teams' } | { readonly via: 'lijst'; readonly mensen: readonly Professional[] };

export interface CollegaToevoegenCardData {
  readonly caseId: string;
  readonly reference: string;
  /** Today, YYYY-MM-DD: the consent's default date and the latest the picker offers. */
  readonly vandaag: string;
  readonly keuze: CollegaKeuze;
  /** The colleague already chosen, when known (the card again after a refusal): preselected, organisation filled in. */
  readonly gekozen?: Professional;
  /** What was filled in before (the card again after a refusal). */
  readonly ingevuld?: {
    readonly organisatie?: string;
    readonly taak?: string;
    readonly hoe?: ConsentWay;
    readonly op?: string;
    readonly onderdelen?: readonly ConsentPart[];
  };
  /** What was wrong with the last answer; empty or absent when there is nothing to say. */
  readonly melding?: string;
}

/** "Alex Wilber — Wijkteam Noord", or the name alone when the organisation is not known. */
export const collegaTitel = (p: Professional) => (p.organisatie ? `${p.displayName} \u2014 ${p.organisatie}` : p.displayName);

const choice = (p: Professional) => ({ title: collegaTitel(p), value: p.id });

/**
 * Put a colleague on the case: who (Teams' people picker or the local list), their organisation and task, and the
 * inwoner's consent (how, when, which parts). Submits COLLEGA_TOEVOEGEN; its payload is CARD_PAYLOADS.collegaToevoegen.
 */
export function renderCollegaToevoegenCard(data: CollegaToevoegenCardData) {
  const { keuze, gekozen, ingevuld = {} } = data;
  const teams = keuze.via === 'teams';
  const lijst = keuze.via === 'lijst' ? keuze.mensen : [];
  // The picker shows a preselected person only when they are among its choices; Teams adds its search results.
  const keuzes = teams ? (gekozen ? [choice(gekozen)] : []) : lijst.map(choice);
  return expandCard(template, {
    caseId: data.caseId,
    reference: data.reference,
    vandaag: data.vandaag,
    melding: data.melding ?? '',
    teams,
    // No people file: nothing to choose, so no form and no "Toevoegen" (an empty ChoiceSet is no valid card either).
    leegeLijst: !teams && lijst.length === 0,
    keuzes,
    gekozen: gekozen && keuzes.some((k) => k.value === gekozen.id) ? gekozen.id : '',
    organisatie: ingevuld.organisatie ?? gekozen?.organisatie ?? '',
    taak: ingevuld.taak ?? '',
    hoe: ingevuld.hoe ?? '',
    op: ingevuld.op ?? data.vandaag,
    onderdelen: (ingevuld.onderdelen ?? []).join(','),
    manieren: CONSENT_WAYS.map((value) => ({ value, title: CONSENT_WAY_LABELS[value] })),
    delen: CONSENT_PARTS.map((value) => ({ value, title: CONSENT_PART_LABELS[value] })),
    verbToevoegen: COLLEGA_TOEVOEGEN,
    verbAnnuleren: COLLEGA_ANNULEREN,
  });
}

import template from './doel.json';
import { expandCard } from './render';
import { DOEL_OPSLAAN, DOEL_VERWIJDEREN, DOEL_WIJZIGEN, DOELEN_KLAAR } from './verbs';

/** One goal on the card, pre-formatted ("Huisvesting", "opgelost: … uiterlijk 18 januari 2027"). */
export interface DoelRegel {
  readonly id: string;
  readonly leefgebied: string;
  readonly doel: string;
  readonly tevredenheid: string;
  readonly opgelost: string;
}

/** What the form holds: typed before a refusal, or the goal being changed (resultaatDatum as YYYY-MM-DD). */
export interface DoelIngevuld {
  readonly leefgebied?: string;
  readonly doel?: string;
  readonly tevredenheid?: string;
  readonly resultaat?: string;
  readonly resultaatDatum?: string;
  readonly korteTermijn?: string;
}

export interface DoelCardData {
  readonly caseId: string;
  readonly reference: string;
  /** Today, YYYY-MM-DD: the earliest date the picker offers (or the date a goal being changed has kept). */
  readonly vandaag: string;
  readonly doelen: readonly DoelRegel[];
  /** The leefgebieden to choose from (those the inwoner ranked first), as title and key. */
  readonly leefgebieden: readonly { readonly title: string; readonly value: string }[];
  /** "Huisvesting, Financiën": the inwoner's ranking, or empty. */
  readonly belangrijkst?: string;
  readonly melding?: string;
  readonly ingevuld?: DoelIngevuld;
  /** The form changes this goal; absent: a new one. */
  readonly doelId?: string;
}

/** Deel A's goals: those written (each to change or remove) and a form for one goal, its result and date. */
export function renderDoelCard(data: DoelCardData) {
  const ingevuld = { leefgebied: '', doel: '', tevredenheid: '', resultaat: '', resultaatDatum: '', korteTermijn: '', ...data.ingevuld };
  const minDatum = ingevuld.resultaatDatum && ingevuld.resultaatDatum < data.vandaag && data.doelId ? ingevuld.resultaatDatum : data.vandaag;
  return expandCard(template, {
    caseId: data.caseId,
    reference: data.reference,
    melding: data.melding ?? '',
    belangrijkst: data.belangrijkst ?? '',
    doelen: data.doelen,
    leefgebieden: data.leefgebieden,
    ingevuld,
    minDatum,
    doelId: data.doelId ?? '',
    formKop: data.doelId ? 'Doel wijzigen' : 'Nieuw doel',
    knop: data.doelId ? 'Wijziging opslaan' : 'Doel opslaan',
    verbOpslaan: DOEL_OPSLAAN,
    verbKlaar: DOELEN_KLAAR,
    verbWijzigen: DOEL_WIJZIGEN,
    verbVerwijderen: DOEL_VERWIJDEREN,
  });
}

import template from './casusregie-overdragen.json';
import { expandCard } from './render';
import { REGIE_ANNULEREN, REGIE_VOORSTELLEN } from './verbs';

export interface CasusregieOverdragenCardData {
  readonly caseId: string;
  readonly reference: string;
  /** The active parties who can take over: "Joris Bakker — GGZ-praktijk" and their Teams user id. */
  readonly kandidaten: readonly { readonly title: string; readonly value: string }[];
  /** "Er staat al een voorstel open aan …": a new one replaces it. */
  readonly openVoorstel?: string;
  /** The card again after a refusal: why, and what was chosen and typed. */
  readonly melding?: string;
  readonly gekozen?: string;
  readonly toelichting?: string;
}

/**
 * The casusregisseur proposes another party on the case to take over casusregie, optionally saying why. Submits
 * REGIE_VOORSTELLEN; its payload is CARD_PAYLOADS.regieOverdragen. Names are shown as choices or as plain text runs
 * (no Markdown read into them).
 */
export function renderCasusregieOverdragenCard(data: CasusregieOverdragenCardData) {
  return expandCard(template, {
    caseId: data.caseId,
    reference: data.reference,
    kandidaten: data.kandidaten,
    openVoorstel: data.openVoorstel ?? '',
    melding: data.melding ?? '',
    gekozen: data.gekozen && data.kandidaten.some((k) => k.value === data.gekozen) ? data.gekozen : '',
    toelichting: data.toelichting ?? '',
    verbVoorstellen: REGIE_VOORSTELLEN,
    verbAnnuleren: REGIE_ANNULEREN,
  });
}

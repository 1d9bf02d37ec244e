import template from './escalation.json';
import { expandCard } from './render';
import { ESCALATIE_AFGEROND, ESCALATIE_ONDERBOUWING, ESCALATIE_OPSCHALEN } from './verbs';

export interface EscalationCardData {
  readonly caseId: string;
  readonly reference: string;
  /** "Fase 2: procesregie". */
  readonly fase: string;
  readonly aanleiding: string;
  readonly stap: string;
  readonly regisseur: string;
  /** Who escalated (or last scaled it up), by name: "Fatima El Amrani (Wijkteam Helmond-Noord)". */
  readonly door?: string;
  /** Whom the escalation asks now, by name. */
  readonly gevraagdAan?: string;
  readonly vraag: string;
  readonly verzoek?: string;
  readonly besluit?: string;
  readonly uitkomst?: string;
  readonly melding?: string;
  readonly open: boolean;
  readonly nieuweOnderbouwing: boolean;
  readonly kanOpschalen: boolean;
  readonly volgendeFase: string;
}

/** An escalation for the procesregisseur (AVE-model): the case in brief, the phase, the question, and the answers. */
export function renderEscalationCard(data: EscalationCardData) {
  return expandCard(template, { ...data, verbAfgerond: ESCALATIE_AFGEROND, verbOnderbouwing: ESCALATIE_ONDERBOUWING, verbOpschalen: ESCALATIE_OPSCHALEN });
}

import template from './wat-moet-ik-doen.json';
import { expandCard, type AdaptiveCardJson } from './render';
import { CASUS_OPENEN, DEELB_VERNIEUW } from './verbs';

/** One line of the list, every string already in Dutch. */
export interface WatMoetIkDoenItem {
  readonly caseId: string;
  readonly reference: string;
  readonly title: string;
  /** "sinds 30 november 2026" (late) or "op 7 januari 2027". */
  readonly when: string;
  readonly late: boolean;
  /** The action's words or the escalation's question: shown as typed, never read as Markdown. */
  readonly detail?: string;
  /** A Deel B decision: its button brings the approval card instead of the case. */
  readonly requestId?: string;
}

export interface WatMoetIkDoenCardData {
  readonly items: readonly WatMoetIkDoenItem[];
  /** Shown instead of the list when nothing is due. */
  readonly emptyText: string;
  /** Said under the list when it was cut short. */
  readonly meer?: string;
}

/**
 * "Wat moet ik doen": everything due for the professional across their cases, the earliest first, each with its kenmerk,
 * since or on when (late ones in red), and a button: *Besluiten* (the approval card, Deel B) or *Openen* (the case).
 */
export function renderWatMoetIkDoenCard(data: WatMoetIkDoenCardData): AdaptiveCardJson {
  return expandCard(template, {
    emptyText: data.emptyText,
    intro: 'Het vroegste eerst. Rood is over de datum.',
    meer: data.meer ?? '',
    items: data.items.map((item) => ({
      caseId: item.caseId,
      reference: item.reference,
      title: item.title,
      when: item.when,
      kleur: item.late ? 'Attention' : 'Default',
      detail: item.detail ?? '',
      requestId: item.requestId ?? '',
    })),
    verbOpenen: CASUS_OPENEN,
    verbBesluiten: DEELB_VERNIEUW,
  });
}

import template from './case-view.json';
import type { VoorNaSection } from './voor-na';
import { expandCard, type AdaptiveCardJson } from './render';
import { CASUS_VERDER, REGIE_OVERDRAGEN, REGIE_VERNIEUW } from './verbs';

/** One event of the history, in Dutch: when, by whom, what (a step to the next, a party added), and why if given. */
export interface CaseHistoryEntry {
  readonly when: string;
  readonly who: string;
  readonly what: string;
  readonly why?: string;
}

export interface CaseViewCardData {
  readonly caseId: string;
  readonly reference: string;
  readonly step: string;
  readonly ronde: number;
  readonly hulpvraag?: string;
  readonly household: readonly { role: string; label: string }[];
  /** "Wie kijkt mee": each professional on the case, with what they do and what they may see. */
  readonly professionals: readonly { name: string; role: string; ziet: string }[];
  readonly due: readonly { what: string; when: string }[];
  readonly next: string;
  /** "Voor en na": both ZRM measurements exist and the viewer may see them. */
  readonly voorNa?: VoorNaSection;
  /** Oldest first. */
  readonly history: readonly CaseHistoryEntry[];
  /** "Casusregie voorgesteld aan …; wacht op antwoord." while a proposal is pending. */
  readonly regieVoorstel?: string;
  /** The viewer may propose casusregie to another party: the button "Casusregie overdragen". */
  readonly regieOverdragen?: boolean;
  /** The proposal the viewer is asked to answer: the button that shows its card. */
  readonly regieVoorstelId?: string;
  /** The inwoner's goals (Deel A): the leefgebied, the goal in the inwoner's words, the score and the result. */
  readonly doelen?: readonly { titel: string; doel: string; stand: string }[];
  /** What the casusregisseur spent under the mandaat, oldest first: "€ 25,00", the purpose, by whom, when, why. */
  readonly mandaat?: readonly { bedrag: string; doel: string; wie: string; wanneer: string; waarom: string }[];
  /** The case has a next step (not closed): the button "Verder met deze casus". */
  readonly verder: boolean;
}

/** Up to this many transitions the history shows in full; a longer one shows the newest {@link HISTORY_RECENT}. */
const HISTORY_FULL = 4;
const HISTORY_RECENT = 3;

/**
 * One case: where it stands, who is involved, what is due, what comes next, and its history (who, when, from, to,
 * why). A long history shows its newest transitions; the earlier ones open with a toggle, so the card stays short.
 */
export function renderCaseViewCard(data: CaseViewCardData): AdaptiveCardJson {
  const hidden = data.history.length > HISTORY_FULL ? data.history.length - HISTORY_RECENT : 0;
  const history = data.history.map((entry, i) => ({ ...entry, id: `geschiedenis-${i + 1}`, visible: i >= hidden }));
  const olderIds = history.slice(0, hidden).map((entry) => entry.id);
  return expandCard(template, {
    ...data,
    history,
    olderIds,
    olderTitle: `Eerdere stappen tonen of verbergen (${hidden})`,
    mandaat: data.mandaat ?? [],
    doelen: data.doelen ?? [],
    regieVoorstel: data.regieVoorstel ?? '',
    regieOverdragen: data.regieOverdragen ?? false,
    regieVoorstelId: data.regieVoorstelId ?? '',
    verbVerder: CASUS_VERDER,
    verbRegieOverdragen: REGIE_OVERDRAGEN,
    verbRegieVoorstel: REGIE_VERNIEUW,
  });
}

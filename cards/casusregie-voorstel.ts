import template from './casusregie-voorstel.json';
import { expandCard } from './render';
import { REGIE_AANVAARDEN, REGIE_AFWIJZEN, REGIE_VERNIEUW } from './verbs';

export interface CasusregieVoorstelCardData {
  readonly caseId: string;
  readonly voorstelId: string;
  readonly reference: string;
  /** "Sanne de Vries (Wijkteam Helmond)" and "23 nov 2026, 10:00". */
  readonly voorgesteldDoor: string;
  readonly voorgesteldOp: string;
  /** What accepting means, in Dutch. */
  readonly uitleg: string;
  /** Why, in the casusregisseur's words (only while the proposal is open, and only for the party it asks). */
  readonly toelichting?: string;
  /** Buttons only while this proposal is pending and this viewer is the one it asks. */
  readonly open: boolean;
  /** "Je hebt de casusregie aanvaard op …", "… afgewezen …", "Dit voorstel is vervallen …", once it is no longer open. */
  readonly uitkomst?: string;
  readonly uitkomstGoed?: boolean;
  readonly uitkomstReden?: string;
  /** A Dutch refusal to show above the buttons. */
  readonly melding?: string;
  /** Whose Teams refreshes the card automatically (the party it asks). */
  readonly refreshUserIds: readonly string[];
}

/**
 * The proposal to take over casusregie, for the party it asks: aanvaarden or afwijzen with an optional reason
 * (Action.Execute, so the card updates in place). The professional's words are text runs: no Markdown read into them.
 */
export function renderCasusregieVoorstelCard(data: CasusregieVoorstelCardData) {
  return expandCard(template, {
    caseId: data.caseId,
    voorstelId: data.voorstelId,
    reference: data.reference,
    voorgesteldDoor: data.voorgesteldDoor,
    voorgesteldOp: data.voorgesteldOp,
    uitleg: data.uitleg,
    toelichting: data.toelichting ?? '',
    open: data.open,
    uitkomst: data.uitkomst ?? '',
    uitkomstKleur: data.uitkomstGoed === false ? 'Attention' : 'Good',
    uitkomstReden: data.uitkomstReden ?? '',
    melding: data.melding ?? '',
    refreshUserIds: data.refreshUserIds.slice(0, 60),
    verbAanvaarden: REGIE_AANVAARDEN,
    verbAfwijzen: REGIE_AFWIJZEN,
    verbVernieuw: REGIE_VERNIEUW,
  });
}

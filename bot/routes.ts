import { RESULTATEN_PATTERN } from './resultaten-command';
import {
  CASUS_OPENEN,
  CASUS_VERDER,
  CASUSSEN_MEER,
  COLLEGA_ANNULEREN,
  COLLEGA_TOEVOEGEN,
  COLLEGA_VERWIJDEREN,
  TOESTEMMING_INTREKKEN,
  TOESTEMMING_WIJZIGEN,
  DEELB_AFWIJZEN,
  DEELB_AKKOORD,
  DEELB_MEER_INFO,
  DEELB_REVIEW_KLAAR,
  DEELB_REVIEW_OPSLAAN,
  DEELB_VERNIEUW,
  ESCALATIE_AFGEROND,
  ESCALATIE_ONDERBOUWING,
  ESCALATIE_OPSCHALEN,
  HERINNERING_ESCALEREN,
  HERINNERING_GEDAAN,
  HERINNERING_UITSTELLEN,
  MANDAAT_ANNULEREN,
  MANDAAT_UITGEVEN,
  REGIE_AANVAARDEN,
  REGIE_AFWIJZEN,
  REGIE_ANNULEREN,
  REGIE_OVERDRAGEN,
  REGIE_VERNIEUW,
  REGIE_VOORSTELLEN,
} from '../cards/verbs';

/**
 * Every road a turn can take, as data, in the order the bot tries them (HelmondBot.dispatch):
 *
 * 0. **A group chat or a channel** (HelmondBot.inGroup): no case content is posted there and nothing typed there is
 *    an answer. A command (and `status`, `stop`) runs as a turn in the sender's personal chat, where the roads below
 *    apply; `help` gets the group's help; anything else, card presses included, is told where cases are discussed.
 * 1. **Invokes**: an `adaptiveCard/action` (Action.Execute) goes to the handler of its verb in {@link CARD_ACTIONS};
 *    a verb no handler owns is a 400. Other invokes: see unhandled-invokes.ts.
 * 2. **Action.Submit verbs** with a handler of their own ({@link CARD_ACTIONS}, the fallback of Action.Execute, and
 *    {@link SUBMIT_ACTIONS}), before any waiting dialog: a card button always does what it says.
 * 3. **Commands** ({@link COMMANDS}), matched on the whole message (anchored, never `includes`).
 * 4. **The waiting dialog**: the answer to its question, or a card it sent (ZRM scores, MDO planning, an action).
 * 5. **Interruptions** outside a dialog ({@link INTERRUPTIONS}; inside one the base dialog handles them), a card
 *    verb nothing waits for ("verlopen"), and otherwise the hint with every command.
 */

/** Card actions with their own handler, as Action.Execute invokes and as their Action.Submit fallback. */
export const CARD_ACTIONS = {
  [DEELB_AKKOORD]: 'deelBDecision',
  [DEELB_AFWIJZEN]: 'deelBDecision',
  [DEELB_MEER_INFO]: 'deelBDecision',
  [DEELB_VERNIEUW]: 'deelBDecision',
  [DEELB_REVIEW_OPSLAAN]: 'deelBReview',
  [DEELB_REVIEW_KLAAR]: 'deelBReview',
  [ESCALATIE_AFGEROND]: 'escalation',
  [ESCALATIE_ONDERBOUWING]: 'escalation',
  [ESCALATIE_OPSCHALEN]: 'escalation',
  [REGIE_AANVAARDEN]: 'casusregie',
  [REGIE_AFWIJZEN]: 'casusregie',
  [REGIE_VERNIEUW]: 'casusregie',
  [HERINNERING_GEDAAN]: 'reminder',
  [HERINNERING_UITSTELLEN]: 'reminder',
  [HERINNERING_ESCALEREN]: 'reminder',
} as const;
export type CardActionHandler = (typeof CARD_ACTIONS)[keyof typeof CARD_ACTIONS];

/** Action.Submit buttons of the bot's own cards (case list, case view), handled before any waiting dialog. */
export const SUBMIT_ACTIONS = {
  [CASUS_OPENEN]: 'openCase',
  [CASUSSEN_MEER]: 'moreCases',
  [CASUS_VERDER]: 'continueCase',
  [COLLEGA_TOEVOEGEN]: 'addColleague',
  [COLLEGA_ANNULEREN]: 'cancelColleague',
  [TOESTEMMING_WIJZIGEN]: 'changeConsent',
  [TOESTEMMING_INTREKKEN]: 'withdrawConsent',
  [COLLEGA_VERWIJDEREN]: 'removeColleague',
  [REGIE_OVERDRAGEN]: 'offerCasusregie',
  [REGIE_VOORSTELLEN]: 'proposeCasusregie',
  [REGIE_ANNULEREN]: 'cancelCasusregie',
  [MANDAAT_UITGEVEN]: 'spendMandaat',
  [MANDAAT_ANNULEREN]: 'cancelMandaat',
} as const;
export type SubmitHandler = (typeof SUBMIT_ACTIONS)[keyof typeof SUBMIT_ACTIONS];

/** Commands a professional types. */
export const COMMANDS = [
  { name: 'nieuweCasus', pattern: /^\s*(nieuwe casus|nieuw)\s*$/i },
  { name: 'mijnCasussen', pattern: /^\s*(mijn casussen|casussen)\s*$/i },
  { name: 'watMoetIkDoen', pattern: /^\s*wat\s+moet\s+ik\s+doen\s*\??\s*$/i },
  { name: 'casus', pattern: /^\s*casus\s+(HA-\d{4}-[0-9A-Za-z]{6})\s*$/i },
  { name: 'verder', pattern: /^\s*(verder|doorgaan)\s*$/i },
  { name: 'deelA', pattern: /^\s*deel\s*a\s*$/i },
  { name: 'aanjager', pattern: /^\s*aanjager\s*$/i },
  { name: 'collegaToevoegen', pattern: /^\s*collega('?s)?\s+toevoegen\s*$/i },
  { name: 'toestemming', pattern: /^\s*toestemming(en)?\s*$/i },
  { name: 'casusregieOverdragen', pattern: /^\s*(casus)?regie\s+overdragen\s*$/i },
  /** The casusregisseur's mandaat: spend at once without Deel B (the card). */
  { name: 'mandaat', pattern: /^\s*(mandaat|uitgave|uitgeven)\s*$/i },
  /** "budget" shows the team's doorbraakbudget; "budget 10.000 [2026|2026-Q4]" sets it (a minus sign is read, to be refused in words). */
  { name: 'budget', pattern: /^\s*budget(?:\s+((?:€\s*)?-?\s*€?\s*[\d.,]+))?(?:\s+(\d{4}(?:-Q[1-4])?))?\s*$/i },
  /** "resultaten [periode]": the team's figures as a card; "resultaten export [periode]": as a spreadsheet and CSV. */
  { name: 'resultaten', pattern: RESULTATEN_PATTERN },
] as const;
export type CommandName = (typeof COMMANDS)[number]['name'];

/** Words that interrupt any question: inside a dialog the base dialog answers them, outside it the bot. */
export const INTERRUPTIONS = {
  help: /^\s*(help|hulp|\?)\s*$/i,
  stop: /^\s*(stop|annuleer|annuleren|afbreken)\s*$/i,
  status: /^\s*status\s*$/i,
} as const;

/** The verb of a card action this bot routes itself, or undefined. */
export function ownCardAction(verb: unknown): CardActionHandler | undefined {
  return typeof verb === 'string' && Object.hasOwn(CARD_ACTIONS, verb) ? CARD_ACTIONS[verb as keyof typeof CARD_ACTIONS] : undefined;
}

/** The handler of an Action.Submit button of the bot's own cards, or undefined. */
export function submitAction(verb: unknown): SubmitHandler | undefined {
  return typeof verb === 'string' && Object.hasOwn(SUBMIT_ACTIONS, verb) ? SUBMIT_ACTIONS[verb as keyof typeof SUBMIT_ACTIONS] : undefined;
}

/** The first command the text is, with its match. */
export function commandOf(text: string): { name: CommandName; match: RegExpExecArray } | undefined {
  for (const command of COMMANDS) {
    const match = command.pattern.exec(text);
    if (match) return { name: command.name, match };
  }
  return undefined;
}

import { MessageFactory, type TurnContext } from 'botbuilder';
import { renderResultatenCard, resultatenCardData } from '../cards/resultaten';
import { toAttachment } from '../cards/render';
import { budgetPeriod } from '../services/budget/period';
import { isDomainError } from '../services/domain/errors';
import type { ResultatenRapport } from '../services/domain/resultaten/rapport';
import type { Directory } from '../services/ports/directory';
import type { ResultatenBron } from '../services/resultaten/bron';
import { isGroupConversation } from './conversation-member-state';
import type { FileOffers } from './file-offers';
import { actorOf } from './turn-services';

/**
 * `resultaten [periode]` and `resultaten export [periode]`, anchored, for bot/routes.ts COMMANDS. Any word after it is
 * taken as the period, so that a wrong one ("2026-Q5") is refused in words instead of not being understood.
 */
export const RESULTATEN_PATTERN = /^\s*resultaten(?:\s+(export))?(?:\s+(\S{1,20}))?\s*$/i;

/** The line for bot/texts.ts COMMANDS. */
export const RESULTATEN_HELP: readonly [string, string] = [
  'resultaten',
  'leidinggevende, beheerder, bestuurder: wat de aanpak opleverde en kostte per periode; resultaten export geeft een spreadsheet',
];

const GEEN_PERIODE = 'Dat is geen periode. Typ een jaar of een kwartaal, bijvoorbeeld **resultaten 2026** of **resultaten export 2026-Q1**.';

export interface ResultatenDeps {
  readonly directory: Directory;
  readonly resultaten: ResultatenBron;
  /** The export is offered like Deel A: file consent in Teams, a download link in a local run. */
  readonly files: Pick<FileOffers, 'offerResultaten'>;
}

/**
 * The team's resultaten for a period (without one: the period the bron chooses, the current one): the card, or with
 * `export` the spreadsheet and the CSV. Who may see them is the bron's decision; its refusal is told in its words.
 * Only in the personal chat: in a group the bot forwards commands there (HelmondBot.inGroup), and never posts them.
 */
export async function handleResultatenCommand(turn: TurnContext, deps: ResultatenDeps, teamId: string, match: RegExpExecArray): Promise<void> {
  if (isGroupConversation(turn.activity)) return void (await turn.sendActivity('Resultaten laat ik alleen in je persoonlijke chat met mij zien.'));
  const periode = match[2]?.toUpperCase();
  if (periode !== undefined && !budgetPeriod.safeParse(periode).success) return void (await turn.sendActivity(GEEN_PERIODE));
  const actor = await actorOf(turn, deps.directory);
  let rapport: ResultatenRapport;
  try {
    rapport = await deps.resultaten.rapport(actor, { teamId, ...(periode ? { periode } : {}) });
  } catch (error) {
    // A refusal (role, period) is told in its own sentence; a store failure goes to the turn error handler.
    if (!isDomainError(error) || error.code.startsWith('STORE.')) throw error;
    return void (await turn.sendActivity(error.userMessage));
  }
  if (match[1]) return deps.files.offerResultaten(turn, rapport);
  await turn.sendActivity(MessageFactory.attachment(toAttachment(renderResultatenCard(resultatenCardData(rapport)))));
}

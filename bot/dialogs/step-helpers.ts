import type { TurnContext } from 'botbuilder';
import { isDomainError } from '../../services/domain/errors';
import type { Case, TransitionName } from '../../services/domain/model/case';
import type { CaseCommandInput } from '../../services/domain/stappenplan/commands';
import { stepReachedText } from '../../services/domain/model/steps';
import { actorOf, type BotServices } from '../turn-services';

/**
 * Ask the state machine to move the case; a refusal is shown in Dutch (what is missing) and nothing changes.
 * Returns the moved case, or undefined when refused.
 */
export async function tryTransition(
  turn: TurnContext,
  services: BotServices,
  caseId: string,
  transition: TransitionName,
  extra: Record<string, unknown> = {},
): Promise<Case | undefined> {
  const actor = await actorOf(turn, services.directory);
  try {
    const moved = await services.cases.execute(actor, caseId, { type: 'overgang', transition, ...extra });
    await turn.sendActivity(stepReachedText(moved.reference, moved.step));
    return moved;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await turn.sendActivity(`${error.userMessage}\n\nTyp **verder** als je dit hebt aangevuld.`);
    return undefined;
  }
}

/** The case as the actor may see it now. */
export async function currentCase(turn: TurnContext, services: BotServices, caseId: string): Promise<Case> {
  const actor = await actorOf(turn, services.directory);
  return (await services.cases.get(actor, caseId)).case;
}

/** Execute a command for the turn's actor. */
export async function execute(turn: TurnContext, services: BotServices, caseId: string, command: CaseCommandInput): Promise<Case> {
  const actor = await actorOf(turn, services.directory);
  return services.cases.execute(actor, caseId, command);
}

/** Execute a command; the core's refusal of what was filled in, as its Dutch sentence (else undefined). */
export async function executeOrRefusal(turn: TurnContext, services: BotServices, caseId: string, command: CaseCommandInput): Promise<string | undefined> {
  try {
    await execute(turn, services, caseId, command);
    return undefined;
  } catch (error) {
    if (isDomainError(error, 'CASE.INVALID_INPUT')) return error.userMessage;
    throw error;
  }
}

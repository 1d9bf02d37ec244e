import type { TurnContext } from 'botbuilder';
import type { ApprovalService } from '../services/approvals/approval-service';
import type { CaseService } from '../services/cases/case-service';
import { isDomainError } from '../services/domain/errors';
import type { Case } from '../services/domain/model/case';
import type { Actor } from '../services/domain/model/roles';
import type { Clock } from '../services/ports/clock';
import type { BudgetLedger } from '../services/budget/ledger';
import type { MandaatService } from '../services/budget/mandaat-service';
import type { MdoPlanner } from '../services/calendar/mdo-planner';
import type { ConversationReferences } from '../services/notify/conversation-references';
import type { Directory } from '../services/ports/directory';
import type { People } from '../services/ports/people';
import type { ResultatenBron } from '../services/resultaten/bron';

/** What the bot edge needs from the core; injected into the bot and every dialog. */
export interface BotServices {
  readonly cases: CaseService;
  /** Deel B approvals: who is asked, the decision with its booking, what a viewer sees. */
  readonly approvals: ApprovalService;
  readonly directory: Directory;
  /** The professionals a casusregisseur can put on a case: names and organisations, never logged. */
  readonly people: People;
  readonly clock: Clock;
  /** Where each professional can be reached proactively (approval cards, reminders). */
  readonly references: ConversationReferences;
  /** The doorbraakbudget ledger: grants are booked here when Deel B is approved. */
  readonly ledger: BudgetLedger;
  /** The casusregisseur's mandaat: spent at once without Deel B, booked on the ledger. */
  readonly mandaat: MandaatService;
  /** MDO invites and the evaluation in the professionals' calendars (or as .ics files). */
  readonly planner: MdoPlanner;
  /** The resultaten of a team and period, aggregated and suppressed (leidinggevende, beheerder, bestuurder). */
  readonly resultaten: ResultatenBron;
}

/**
 * The Teams user behind a turn: the AAD object id Teams sends (the channel's user id elsewhere, e.g. the local
 * playground), with the organisation roles the directory gives them. Resolved once per turn and kept in turn state.
 */
export async function actorOf(turn: TurnContext, directory: Directory): Promise<Actor> {
  const known = turn.turnState.get(ACTOR) as Actor | undefined;
  if (known) return known;
  const from = turn.activity.from;
  const userId = from?.aadObjectId ?? from?.id;
  if (!userId) throw new Error('Activity without a sender');
  // The name Teams shows for them: remembered on the cases they write to (services/domain/model/namen.ts).
  const naam = typeof from.name === 'string' ? from.name.trim() : '';
  const actor: Actor = { userId, orgRoles: await directory.rolesOf(userId), ...(naam ? { naam } : {}) };
  turn.turnState.set(ACTOR, actor);
  return actor;
}

/** Where a turn keeps its actor: resolved through the directory once per turn. */
const ACTOR = Symbol('actor');

/** The case as the actor may see it now, or undefined when (to them) it does not exist. */
export async function visibleCase(services: BotServices, actor: Actor, caseId: string): Promise<Case | undefined> {
  try {
    return (await services.cases.get(actor, caseId)).case;
  } catch (error) {
    if (isDomainError(error, 'CASE.NOT_FOUND')) return undefined;
    throw error;
  }
}

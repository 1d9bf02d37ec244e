import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { booked, remaining, type BudgetDocument } from '../services/budget/ledger';
import { ZONE } from '../services/ports/clock';
import { parseSignedEuroCents } from './parse';
import { actorOf, type BotServices } from './services';
import { formatEuro as euro } from '../services/text/format';

/**
 * "budget" shows the team's doorbraakbudget; "budget 10.000 [2026|2026-Q4]" sets it (beheerder only). A minus
 * sign is taken in, so that a negative amount is refused in words rather than not understood.
 */
export const BUDGET_ROUTE = /^\s*budget(?:\s+((?:€\s*)?-?\s*€?\s*[\d.,]+))?(?:\s+(\d{4}(?:-Q[1-4])?))?\s*$/i;


/** One line about a budget, for "budget" and "status". */
export function budgetLine(teamId: string, period: string, budget: BudgetDocument | undefined): string {
  if (!budget) return `Voor ${teamId} is voor ${period} nog geen doorbraakbudget vastgesteld.`;
  return `Doorbraakbudget ${teamId} ${period}: ${euro(budget.amountCents)}, toegekend ${euro(booked(budget))}, over ${euro(remaining(budget))}.`;
}

/** The beheerder's command for the doorbraakbudget of the bot's team. */
export async function handleBudgetCommand(turn: TurnContext, services: BotServices, teamId: string, match: RegExpExecArray): Promise<void> {
  const now = services.clock.now().setZone(ZONE);
  const period = match[2] ?? String(now.year);
  if (!match[1]) {
    await turn.sendActivity(budgetLine(teamId, period, await services.ledger.get(teamId, period)));
    return;
  }
  const actor = await actorOf(turn, services.directory);
  if (!actor.orgRoles.includes('beheerder')) {
    await turn.sendActivity('Alleen een beheerder kan het doorbraakbudget vaststellen.');
    return;
  }
  const amountCents = parseSignedEuroCents(match[1]);
  if (amountCents === undefined) {
    await turn.sendActivity('Dat bedrag kon ik niet lezen. Typ bijvoorbeeld **budget 10.000** of **budget € 10.000,00 2026**.');
    return;
  }
  // Too high or negative: the ledger refuses with the budget's own sentence (it names the highest budget).
  const budget = await services.ledger.setBudget({ teamId, period, amountCents, by: actor.userId, at: now.toUTC().toISO() as string });
  await turn.sendActivity(`Vastgesteld. ${budgetLine(teamId, period, budget)}`);
}

export const currentPeriod = (now: DateTime) => String(now.setZone(ZONE).year);

import type { TurnContext } from 'botbuilder';
import { booked, bookedUnderMandaat, remaining, type PeriodBudget } from '../services/budget/ledger';
import { parseSignedEuroCents } from './parse';
import { actorOf, type BotServices } from './turn-services';
import { formatEuro as euro } from '../services/domain/text/format';



/** One line about a budget, for "budget" and "status". */
export function budgetLine(teamId: string, period: string, budget: PeriodBudget | undefined): string {
  if (!budget) return `Voor ${teamId} is voor ${period} nog geen doorbraakbudget vastgesteld.`;
  const line = `Doorbraakbudget ${teamId} ${period}: ${euro(budget.amountCents)}, toegekend ${euro(booked(budget))}, over ${euro(remaining(budget))}.`;
  const mandaat = budget.bookings.filter((b) => b.mandaat);
  if (mandaat.length === 0) return line;
  // What casusregisseurs spent at once under their mandaat, apart from what was granted with Deel B.
  const uitgaven = mandaat.length === 1 ? '1 uitgave' : `${mandaat.length} uitgaven`;
  return `${line} Daarvan via Deel B ${euro(booked(budget) - bookedUnderMandaat(budget))} en onder het mandaat van casusregisseurs ${euro(bookedUnderMandaat(budget))} (${uitgaven}).`;
}

export const budgetLineOf = (teamId: string, at: { period: string; budget: PeriodBudget | undefined }) => budgetLine(teamId, at.period, at.budget);

/**
 * The beheerder's command for the doorbraakbudget of the bot's team. Without a period it is about the budget a
 * grant now draws on (this quarter's when the year is budgeted by quarter, else this year's).
 */
export async function handleBudgetCommand(turn: TurnContext, services: BotServices, teamId: string, match: RegExpExecArray): Promise<void> {
  const now = services.clock.now().toUTC().toISO() as string;
  const explicit = match[2]?.toUpperCase();
  if (!match[1]) {
    const shown = explicit ? { period: explicit, budget: await services.ledger.get(teamId, explicit) } : await services.ledger.budgetAt(teamId, now);
    await turn.sendActivity(budgetLineOf(teamId, shown));
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
  const period = explicit ?? (await services.ledger.budgetAt(teamId, now)).period;
  // Too high or negative: the ledger refuses with the budget's own sentence (it names the highest budget).
  const budget = await services.ledger.setBudget({ teamId, period, amountCents, by: actor.userId, at: now });
  await turn.sendActivity(`Vastgesteld. ${budgetLine(teamId, period, budget)}`);
}

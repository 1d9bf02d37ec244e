import type { CaseService } from '../cases/case-service';
import { DomainError, isDomainError } from '../domain/errors';
import type { Case } from '../domain/model/case';
import { mandaatGebruikt, type MandaatUitgave } from '../domain/model/mandaat';
import type { Leefgebied } from '../domain/model/leefgebieden';
import type { Actor } from '../domain/model/roles';
import { mandaatOf } from '../domain/stappenplan/mandaat';
import type { Clock } from '../ports/clock';
import type { BudgetLedger, PeriodBudget } from './ledger';

export interface MandaatServiceDeps {
  readonly cases: CaseService;
  readonly ledger: BudgetLedger;
  readonly clock: Clock;
}

/** A spending as asked on the card: its id (made when the card was shown: a second press is the same spending). */
export interface MandaatInput {
  readonly uitgaveId: string;
  readonly amountCents: number;
  readonly doel: string;
  readonly waarom: string;
  /** The leefgebied it serves (the command refuses one missing or not on the list). */
  readonly categorie: Leefgebied;
}

/** Where the case's mandaat stands now: the mandaat, what the period used of it, and the budget it draws on. */
export interface MandaatStand {
  readonly case: Case;
  readonly mandaatCents: number;
  readonly periode: string;
  readonly gebruiktCents: number;
  readonly budget: PeriodBudget | undefined;
}

/**
 * The casusregisseur's mandaat as an application service, beside the ApprovalService and in its pattern: the state
 * machine decides on the case as read (only the active casusregisseur, an open case, within the mandaat for the
 * period), the spending is booked on the team's doorbraakbudget ledger idempotently on its id (never overdrawing it),
 * and then stored on the case with its ETag. When the case write loses (another spending took the rest of the
 * mandaat first), the booking is taken back; a second press of the same spending books nothing and returns it.
 */
export class MandaatService {
  constructor(private readonly deps: MandaatServiceDeps) {}

  /** The case's mandaat now (one case read, one ledger read). */
  async stand(actor: Actor, caseId: string): Promise<MandaatStand> {
    const c = (await this.deps.cases.get(actor, caseId)).case;
    const { period, budget } = await this.deps.ledger.budgetAt(c.teamId, this.now());
    return { case: c, mandaatCents: mandaatOf(this.deps.cases), periode: period, gebruiktCents: mandaatGebruikt(c.mandaatUitgaven ?? [], period), budget };
  }

  /**
   * Spend under the mandaat. Refusals (not the casusregisseur, a closed case, above the mandaat or beyond what is
   * left of it, no or too little doorbraakbudget) throw a DomainError and leave the case and the ledger as they were.
   */
  async spend(actor: Actor, caseId: string, input: MandaatInput): Promise<{ case: Case; uitgave: MandaatUitgave; alreadySpent: boolean }> {
    const stored = await this.deps.cases.get(actor, caseId);
    const earlier = spendingOf(stored.case, input.uitgaveId);
    if (earlier) return { case: stored.case, uitgave: earlier, alreadySpent: true };
    const at = this.now();
    const teamId = stored.case.teamId;
    const { period } = await this.deps.ledger.budgetAt(teamId, at);
    const command = (periode: string) => ({ type: 'spendMandaat' as const, ...input, periode });
    // The machine's refusals first (role, closed case, the mandaat), before anything is booked.
    this.deps.cases.previewOn(actor, stored, command(period));
    const booked = await this.deps.ledger.bookAt(teamId, { requestId: input.uitgaveId, caseId, amountCents: input.amountCents, at, by: actor.userId, mandaat: true, categorie: input.categorie });
    try {
      const written = await this.deps.cases.execute(actor, caseId, command(booked.period), stored);
      // A press of the same spending that lost its case write may have taken the booking back meanwhile: book it again
      // (idempotent: normally this finds the booking and changes nothing).
      await this.deps.ledger.bookAt(teamId, { requestId: input.uitgaveId, caseId, amountCents: input.amountCents, at, by: actor.userId, mandaat: true, categorie: input.categorie });
      return { case: written, uitgave: spendingOf(written, input.uitgaveId) as MandaatUitgave, alreadySpent: false };
    } catch (error) {
      // The same spending was stored by a press that won the race: done, and its booking stands.
      const now = (await this.deps.cases.get(actor, caseId)).case;
      const spent = spendingOf(now, input.uitgaveId);
      if (spent) return { case: now, uitgave: spent, alreadySpent: true };
      if (isDomainError(error, 'MANDAAT.AL_UITGEGEVEN')) throw new DomainError('MANDAAT.AL_UITGEGEVEN');
      // Another spending (or a change to the case) won: the booking of this one is taken back.
      await this.deps.ledger.release(teamId, at, input.uitgaveId);
      throw error;
    }
  }

  private now(): string {
    return this.deps.clock.now().toUTC().toISO() as string;
  }
}

const spendingOf = (c: Case, id: string): MandaatUitgave | undefined => c.mandaatUitgaven?.find((u) => u.id === id);

import { DomainError } from '../domain/errors';
import type { Case } from '../domain/model/case';
import type { Actor, OrgRole } from '../domain/model/roles';
import { aggregeer, periodeGrenzen, type Boeking } from '../domain/resultaten/aggregeer';
import type { ResultatenRapport } from '../domain/resultaten/rapport';
import type { WerkdagKalender } from '../domain/werkdagen';
import type { AuditAction, AuditLog } from '../ports/audit-log';
import { MAX_PAGE_SIZE, type CaseStore } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { BudgetLedger } from '../budget/ledger';
import { budgetPeriod, isQuarter, yearOfPeriod } from '../budget/period';
import type { ResultatenBron } from './bron';

/** The suppression threshold when none is configured (RESULTATEN_DREMPEL). */
export const DEFAULT_RESULTATEN_DREMPEL = 5;

/** Who may see the resultaten: they look at the approach as a whole, never at a case. */
export const RESULTATEN_ROLES: readonly OrgRole[] = ['leidinggevende', 'beheerder', 'bestuurder'];

export interface ResultatenServiceDeps {
  /** The case store itself: the report reads a listing, never a case through the case service's access rule. */
  readonly store: CaseStore;
  readonly ledger: BudgetLedger;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly kalender: WerkdagKalender;
  /** Cells built from fewer cases are suppressed (default {@link DEFAULT_RESULTATEN_DREMPEL}). */
  readonly drempel?: number;
}

const TEAM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The resultaten of a team over a budget period (services/domain/resultaten): for a leidinggevende, beheerder or
 * bestuurder only, aggregated and suppressed so that no case can be recognised. Reads the period's cases through the
 * store's indexed listing (all its pages) and the ledger's bookings, and records in the audit trail who asked for
 * which team and period — also when it is refused.
 *
 * One kind of period per year, so that no figure can be recovered by subtracting reports of overlapping periods
 * (year 2026 minus Q2..Q4 = Q1): a team's reports exist only for its budget periods. A year budgeted as a whole, or
 * with no budget set, has the year only; a year budgeted by quarter has its quarters only. Asking the other kind is
 * refused (RESULTATEN.PERIODE_SOORT, naming the right form) and audited as denied. Without a period typed, the
 * period a grant now would draw on (the ledger's budgetAt) is taken, which is always of the right kind.
 */
export class ResultatenService implements ResultatenBron {
  private readonly drempel: number;

  constructor(private readonly deps: ResultatenServiceDeps) {
    this.drempel = deps.drempel ?? DEFAULT_RESULTATEN_DREMPEL;
  }

  async rapport(actor: Actor, input: { readonly teamId: string; readonly periode?: string }): Promise<ResultatenRapport> {
    const { teamId } = input;
    if (!TEAM_ID.test(teamId)) throw new DomainError('CASE.INVALID_INPUT', 'Dat team bestaat niet.');
    const nu = this.deps.clock.now();
    const asked = input.periode?.trim().toUpperCase();
    const valid = asked === undefined || budgetPeriod.safeParse(asked).success;
    const label = `resultaten:${teamId}:${asked === undefined ? 'huidig' : valid ? asked : 'ongeldig'}`;
    if (!actor.orgRoles.some((role) => RESULTATEN_ROLES.includes(role))) {
      await this.audit(actor, 'denied', label);
      throw new DomainError('RESULTATEN.NOT_ALLOWED');
    }
    if (!valid) {
      await this.audit(actor, 'denied', label);
      throw new DomainError('RESULTATEN.INVALID_PERIOD', `"${String(input.periode).slice(0, 20)}" is geen periode. Geef een jaar (2026) of een kwartaal (2026-Q4).`);
    }
    if (asked !== undefined) {
      const refusal = await this.andereSoort(teamId, asked);
      if (refusal) {
        await this.audit(actor, 'denied', label);
        throw new DomainError('RESULTATEN.PERIODE_SOORT', refusal);
      }
    }
    const periode = asked ?? (await this.deps.ledger.budgetAt(teamId, nu.toUTC().toISO() as string)).period;
    await this.audit(actor, 'report', `resultaten:${teamId}:${periode}`);
    const [casussen, budget] = await Promise.all([this.casussen(teamId, periode), this.budget(teamId, periode)]);
    return aggregeer({ teamId, periode, casussen, budget, nu, drempel: this.drempel, kalender: this.deps.kalender });
  }

  /** Every page of the store's listing for the period. */
  private async casussen(teamId: string, periode: string): Promise<Case[]> {
    const { van, tot } = periodeGrenzen(periode);
    const [from, to] = [van.toUTC().toISO() as string, tot.toUTC().toISO() as string];
    const cases: Case[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.deps.store.listForResults(teamId, from, to, { pageSize: MAX_PAGE_SIZE, ...(continuationToken ? { continuationToken } : {}) });
      for (const stored of page.items) cases.push(stored.case);
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return cases;
  }

  /** Why a period of the other kind than the team's year has is refused, in plain Dutch; undefined when it is the right kind. */
  private async andereSoort(teamId: string, periode: string): Promise<string | undefined> {
    const year = yearOfPeriod(periode);
    const soort = await this.deps.ledger.yearKind(teamId, year);
    if (soort === 'quarters' && !isQuarter(periode)) {
      return `Het team heeft voor ${year} kwartaalbudgetten; vraag de resultaten per kwartaal, bijvoorbeeld resultaten ${year}-Q1.`;
    }
    if (soort !== 'quarters' && isQuarter(periode)) {
      return `Het team heeft voor ${year} ${soort === 'year' ? 'een jaarbudget' : 'geen kwartaalbudgetten'}; vraag de resultaten van het hele jaar: resultaten ${year}.`;
    }
    return undefined;
  }

  /**
   * The ledger's data for the period: its budget and bookings when one is set, else none (a grant needs a set budget,
   * so a period without one has no bookings). Only a period of the year's own kind gets here (see {@link rapport}).
   */
  private async budget(teamId: string, periode: string): Promise<{ vastgesteldCents?: number; boekingen: readonly Boeking[] }> {
    const own = await this.deps.ledger.get(teamId, periode);
    return own ? { vastgesteldCents: own.amountCents, boekingen: own.bookings } : { boekingen: [] };
  }

  private audit(actor: Actor, action: AuditAction, operation: string): Promise<void> {
    return this.deps.audit.record({ at: this.deps.clock.now().toUTC().toISO() as string, actorId: actor.userId, caseId: '*', action, operation });
  }
}

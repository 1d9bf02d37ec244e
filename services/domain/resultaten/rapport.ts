import type { AveFase } from '../model/escalation';
import type { Leefgebied } from '../model/leefgebieden';
import type { Step } from '../model/steps';

/**
 * Resultaten (GLOSSARY): what the approach achieved and cost for one team in one budget period, counted over cases and
 * never per case. This is the contract between the aggregation (services/domain/resultaten/aggregeer.ts), the card
 * (cards/resultaten.ts) and the export (services/resultaten/export.ts).
 *
 * Privacy by aggregation: every figure built from cases carries how many cases it was built from; a figure built
 * from fewer than the threshold (RESULTATEN_DREMPEL, default 5), an amount of which one case holds more than 80 %
 * (dominance: it would be that one household's money) — or one that would let such a figure be derived by
 * subtraction from a total and its siblings — is `onderdrukt` (onderdrukking.ts). No kenmerk, name, free text or
 * per-case figure is ever in a report.
 *
 * No differencing across reports: a team's reports exist only for its budget periods, one kind per year (a year
 * budgeted as a whole or without a budget: the year only; a year budgeted by quarter: its quarters only;
 * services/resultaten/resultaten-service.ts refuses the other kind), so no report's figures are the sum of others'.
 * And `casussen.perStap` (a figure of now, not of the period) is only in the report of the period that holds `nu`.
 */

/**
 * Why a figure is not shown:
 * - `klein`: it is built from fewer than the threshold of cases and stands in no group with a shown total; it reads
 *   "minder dan 5" (a count of cases) or "minder dan 5 casussen" (an amount, a count of other things, a median, mean
 *   or percentile: a suppressed euro figure is not "less than €5").
 * - `afgeschermd`: it is a cell or total of a group whose total is shown or fixed; it may be small, dominated by one
 *   case (an amount of which one case holds more than 80 %), or hidden only so that such a figure cannot be
 *   subtracted out. Every suppressed figure of such a group has this reason, primary and complementary alike, so the
 *   label cannot pin a value. An amount in no group that is hidden for dominance alone (from the threshold of cases
 *   on) has it too: "minder dan 5 casussen" would be false there.
 */
export type OnderdrukReden = 'klein' | 'afgeschermd';

/** A figure and whether it may be shown. `waarde` is absent when suppressed, and then why. */
export type Cel =
  | { readonly onderdrukt: false; readonly waarde: number }
  | { readonly onderdrukt: true; readonly reden: OnderdrukReden };

/**
 * A median and 90th percentile of a duration, in kalenderdagen, with the number of cases it was measured over (one
 * measurement per case). The median is shown from the threshold of cases, the 90th percentile from twice that (by
 * nearest rank it is the maximum of fewer than ten: one case's own figure).
 */
export interface Doorlooptijd {
  readonly aantal: Cel;
  readonly mediaanDagen: Cel;
  readonly p90Dagen: Cel;
}

export interface ResultatenRapport {
  readonly teamId: string;
  /** The budget period: a year (`2026`) or a quarter (`2026-Q4`) (services/budget/period.ts). */
  readonly periode: string;
  /** First and last calendar day of the period, ISO dates, Europe/Amsterdam. */
  readonly van: string;
  readonly tot: string;
  /** When the report was made (ISO instant). */
  readonly gemaaktOp: string;
  /** The suppression threshold used. */
  readonly drempel: number;

  readonly casussen: {
    /**
     * Open cases of the team by the step they are in now (at `gemaaktOp`), all steps in stappenplan order but
     * afgesloten; only in the report of the period that holds `gemaaktOp` (the lopende periode), empty (`[]`) for any
     * other period, so that reports of different periods cannot differ in it.
     */
    readonly perStap: readonly { readonly stap: Step; readonly aantal: Cel }[];
    readonly geopend: Cel;
    readonly afgesloten: Cel;
    /**
     * From the case's start (stap 1, indienen: `createdAt`) to its first entry into uitvoering, over the cases whose
     * first entry into uitvoering is in the period.
     */
    readonly indienenTotUitvoering: Doorlooptijd;
    /** From the first MDO held (`mdoAfgerond`) to the next entry into evaluatie, over the cases entering evaluatie in the period. */
    readonly mdoTotEvaluatie: Doorlooptijd;
  };

  readonly akkoorden: {
    /** Decisions taken in the period, by outcome. */
    readonly akkoord: Cel;
    readonly afgewezen: Cel;
    readonly meerInformatie: Cel;
    /** Per case the median werkdagen of its decisions in the period, then the median over those cases. */
    readonly mediaanWerkdagenTotBesluit: Cel;
    /** Escalations opened in the period by the highest AVE-fase they reached. */
    readonly escalatiesPerFase: readonly { readonly fase: AveFase; readonly aantal: Cel }[];
  };

  readonly budget: {
    /** The team's doorbraakbudget for the period as the beheerder set it (not built from cases: never suppressed); absent when none was set. */
    readonly vastgesteldCents?: number;
    /** Approved grants booked in the period (mandaat apart). */
    readonly toegekendCents: Cel;
    /**
     * Set minus everything booked (grants and mandaat), suppressed with what it is derived from; absent when no budget
     * was set for the period (with `vastgesteldCents`).
     */
    readonly resterendCents?: Cel;
    /**
     * Granted per purpose (the leefgebied the money serves; `onbekend` for grants made before it was asked), mandaat
     * apart; only the categories with a grant in the period, in the order of LEEFGEBIEDEN, `onbekend` last.
     */
    readonly perCategorie: readonly { readonly categorie: Leefgebied | 'onbekend'; readonly cents: Cel }[];
    /** Booked per calendar month of the period (`2026-03`, every month of it, Europe/Amsterdam), mandaat included. */
    readonly perMaand: readonly { readonly maand: string; readonly cents: Cel }[];
    /** Spent under the casusregisseur's mandaat, apart from the grants. */
    readonly mandaat: { readonly cents: Cel; readonly uitgaven: Cel };
  };

  readonly uitkomst: {
    /** Goals evaluated in the period (Deel C), and how many reached their resultaat. */
    readonly doelenGeevalueerd: Cel;
    readonly doelenBereikt: { readonly ja: Cel; readonly deels: Cel; readonly nee: Cel };
    /**
     * The inwoner's own satisfaction on the evaluated goals, before and after (0-10): per case the median over its
     * goals, then the median over cases. Every median and mean here is over cases, one value each, shown only from the
     * threshold of cases.
     */
    readonly tevredenheidVoorMediaan: Cel;
    readonly tevredenheidNaMediaan: Cel;
    /** The inwoner's quality of life before and after (1-10): per case the median over its rounds in the period, then the median over cases. */
    readonly kwaliteitVanLevenVoorMediaan: Cel;
    readonly kwaliteitVanLevenNaMediaan: Cel;
    /**
     * ZRM per leefgebied over cases evaluated in the period with both scores: per case its mean over its rounds, then
     * the mean over cases, before and after (1-5, one decimal); `aantal` is the number of cases.
     */
    readonly zrmPerLeefgebied: readonly {
      readonly leefgebied: Leefgebied;
      readonly aantal: Cel;
      readonly gemiddeldVoor: Cel;
      readonly gemiddeldNa: Cel;
    }[];
    /** Evaluations in the period that ended in afsluiten versus a nieuwe ronde. */
    readonly afgeslotenNaEvaluatie: Cel;
    readonly nieuweRonde: Cel;
  };
}

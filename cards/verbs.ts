/**
 * Card verbs: the one place they are named. Card templates get them bound as data (`${verb…}`), and the bot
 * routes on the same constants, so a template and its handler cannot drift apart.
 */
export const ZRM_OPSLAAN = 'zrm.opslaan';
export const CASUS_OPENEN = 'casus.openen';
export const CASUSSEN_MEER = 'casussen.meer';
export const CASUS_VERDER = 'casus.verder';
export const MDO_CHECKLIST_OPSLAAN = 'mdo.checklist.opslaan';
/** A moment for an MDO (a proposal or one's own), to plan or to move it. */
export const MDO_MOMENT_KIEZEN = 'mdo.moment.kiezen';
/** The planning card again, with moments for the parties chosen on it. */
export const MDO_DEELNEMERS_KIEZEN = 'mdo.deelnemers.kiezen';
export const ACTIE_TOEVOEGEN = 'actie.toevoegen';
export const PLAN_KLAAR = 'plan.klaar';
/** Deel A's plan card: an action (actieId) or an MDO afspraak (afspraakId) into the form, removed, taken over or dropped. */
export const ACTIE_WIJZIGEN = 'actie.wijzigen';
export const ACTIE_VERWIJDEREN = 'actie.verwijderen';
export const AFSPRAAK_OVERNEMEN = 'afspraak.overnemen';
export const AFSPRAAK_NIET_OVERNEMEN = 'afspraak.nietovernemen';
/** Deel A's goals card: a goal saved (new or changed, doelId), into the form, removed; the goals done. */
export const DOEL_OPSLAAN = 'doel.opslaan';
export const DOEL_WIJZIGEN = 'doel.wijzigen';
export const DOEL_VERWIJDEREN = 'doel.verwijderen';
export const DOELEN_KLAAR = 'doelen.klaar';
/** From the plan card back to the goals card. */
export const DOELEN_OPENEN = 'doelen.openen';
/** Stap 2: the leefgebieden that matter most to the inwoner, in order. */
export const RANGORDE_OPSLAAN = 'rangorde.opslaan';
/** Deel B decisions (Action.Execute, with Action.Submit as fallback) and the card's automatic refresh. */
export const DEELB_AKKOORD = 'deelb.akkoord';
export const DEELB_AFWIJZEN = 'deelb.afwijzen';
export const DEELB_MEER_INFO = 'deelb.meerinformatie';
export const DEELB_VERNIEUW = 'deelb.vernieuw';
/** The aanjager's review of Deel B. */
export const DEELB_REVIEW_OPSLAAN = 'deelb.review.opslaan';
export const DEELB_REVIEW_KLAAR = 'deelb.review.klaar';
/** The procesregisseur's answers to an escalation. */
export const ESCALATIE_AFGEROND = 'escalatie.afgerond';
export const ESCALATIE_ONDERBOUWING = 'escalatie.onderbouwing';
export const ESCALATIE_OPSCHALEN = 'escalatie.opschalen';
/** Put a colleague on the case with the inwoner's consent, or leave the card. */
export const COLLEGA_TOEVOEGEN = 'collega.toevoegen';
export const COLLEGA_ANNULEREN = 'collega.annuleren';
/** Change or withdraw the inwoner's consent for a party. */
export const TOESTEMMING_WIJZIGEN = 'toestemming.wijzigen';
export const TOESTEMMING_INTREKKEN = 'toestemming.intrekken';
/** Take a colleague off the case (their work on it is done). */
export const COLLEGA_VERWIJDEREN = 'collega.verwijderen';

/** Casusregie overdragen: open the card (from the case view), propose a party or leave the card (Action.Submit). */
export const REGIE_OVERDRAGEN = 'regie.overdragen';
export const REGIE_VOORSTELLEN = 'regie.voorstellen';
export const REGIE_ANNULEREN = 'regie.annuleren';
/** The proposed party's answer (Action.Execute, with Action.Submit as fallback) and the card's automatic refresh. */
export const REGIE_AANVAARDEN = 'regie.aanvaarden';
export const REGIE_AFWIJZEN = 'regie.afwijzen';
export const REGIE_VERNIEUW = 'regie.vernieuw';

/** A reminder's answers (Action.Execute, with Action.Submit as fallback): the action done, put off once, or escalated. */
export const HERINNERING_GEDAAN = 'herinnering.gedaan';
export const HERINNERING_UITSTELLEN = 'herinnering.uitstellen';
export const HERINNERING_ESCALEREN = 'herinnering.escaleren';

/** The casusregisseur's mandaat: spend at once, or leave the card (Action.Submit). */
export const MANDAAT_UITGEVEN = 'mandaat.uitgeven';
export const MANDAAT_ANNULEREN = 'mandaat.annuleren';

/** A button of a question with choices (cards/keuze.json): the chosen answer is the submit's `keuze`. */
export const KEUZE = 'keuze';

export const VERBS = [
  KEUZE,
  ZRM_OPSLAAN, CASUS_OPENEN, CASUSSEN_MEER, CASUS_VERDER, MDO_CHECKLIST_OPSLAAN, MDO_MOMENT_KIEZEN, MDO_DEELNEMERS_KIEZEN, ACTIE_TOEVOEGEN, PLAN_KLAAR,
  DEELB_AKKOORD, DEELB_AFWIJZEN, DEELB_MEER_INFO, DEELB_VERNIEUW, DEELB_REVIEW_OPSLAAN, DEELB_REVIEW_KLAAR,
  ESCALATIE_AFGEROND, ESCALATIE_ONDERBOUWING, ESCALATIE_OPSCHALEN, COLLEGA_TOEVOEGEN, COLLEGA_ANNULEREN,
  TOESTEMMING_WIJZIGEN, TOESTEMMING_INTREKKEN, COLLEGA_VERWIJDEREN,
  REGIE_OVERDRAGEN, REGIE_VOORSTELLEN, REGIE_ANNULEREN, REGIE_AANVAARDEN, REGIE_AFWIJZEN, REGIE_VERNIEUW,
  HERINNERING_GEDAAN, HERINNERING_UITSTELLEN, HERINNERING_ESCALEREN, MANDAAT_UITGEVEN, MANDAAT_ANNULEREN,
  ACTIE_WIJZIGEN, ACTIE_VERWIJDEREN, AFSPRAAK_OVERNEMEN, AFSPRAAK_NIET_OVERNEMEN,
  DOEL_OPSLAAN, DOEL_WIJZIGEN, DOEL_VERWIJDEREN, DOELEN_KLAAR, DOELEN_OPENEN, RANGORDE_OPSLAAN,
] as const;
export type Verb = (typeof VERBS)[number];

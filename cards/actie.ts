import template from './actie.json';
import { expandCard } from './render';
import { ACTIE_TOEVOEGEN, ACTIE_VERWIJDEREN, ACTIE_WIJZIGEN, AFSPRAAK_NIET_OVERNEMEN, AFSPRAAK_OVERNEMEN, DOELEN_OPENEN, PLAN_KLAAR } from './verbs';

/** One line of the plan or of the MDO's afspraken, pre-formatted ("30 november 2026"). */
export interface ActieRegel {
  /** The action's id (or the afspraak's); empty for a line without buttons. */
  readonly id?: string;
  readonly wie: string;
  readonly wat: string;
  readonly wanneer: string;
  /** The goal the action serves ("Huisvesting: in ons huis blijven wonen"), if linked. */
  readonly doel?: string;
}

/** "Geen doel": the value of the choice that links an action to no goal. */
export const GEEN_DOEL_KEUZE = 'geen';

/** What the form holds: typed before a refusal, or the action or afspraak being changed (wanneer as YYYY-MM-DD). */
export interface ActieIngevuld {
  readonly wie?: string;
  readonly wat?: string;
  readonly wanneer?: string;
  readonly termijn?: string;
  readonly doelId?: string;
}

export interface ActieCardData {
  readonly caseId: string;
  readonly reference: string;
  /** Today, YYYY-MM-DD: the earliest date the picker offers (or the date the action being changed has kept). */
  readonly vandaag: string;
  /** The plan so far. */
  readonly acties: readonly ActieRegel[];
  /** The afspraken of the last MDO not yet in the plan nor dropped: the proposed actions. */
  readonly voorstellen?: readonly ActieRegel[];
  /** Why the last answer was refused, or what happened; shown on the card. */
  readonly melding?: string;
  readonly ingevuld?: ActieIngevuld;
  /** The form changes this action, or takes over this afspraak changed; neither: a new action. */
  readonly actieId?: string;
  readonly afspraakId?: string;
  /** The goals of Deel A an action can serve, as title and id. */
  readonly doelen?: readonly { readonly title: string; readonly value: string }[];
}

/** Deel A's plan: the actions (each to change or remove), the MDO's afspraken to take over, and a form with Input.Date. */
export function renderActieCard(data: ActieCardData) {
  const ingevuld = { wie: '', wat: '', wanneer: '', ...data.ingevuld, termijn: data.ingevuld?.termijn || 'kort', doelId: data.ingevuld?.doelId || GEEN_DOEL_KEUZE };
  // An action whose date has passed may keep it while its other fields change: the picker must let that date stand.
  const minDatum = ingevuld.wanneer && ingevuld.wanneer < data.vandaag && data.actieId ? ingevuld.wanneer : data.vandaag;
  const regels = (lines: readonly ActieRegel[]) => lines.map((l) => ({ ...l, id: l.id ?? '', doel: l.doel ?? '' }));
  const doelen = data.doelen ?? [];
  return expandCard(template, {
    caseId: data.caseId,
    reference: data.reference,
    melding: data.melding ?? '',
    acties: regels(data.acties),
    voorstellen: regels(data.voorstellen ?? []),
    ingevuld,
    minDatum,
    doelen: doelen.length ? [{ title: 'Geen doel', value: GEEN_DOEL_KEUZE }, ...doelen] : [],
    actieId: data.actieId ?? '',
    afspraakId: data.afspraakId ?? '',
    formKop: data.actieId ? 'Actie wijzigen' : data.afspraakId ? 'Afspraak uit het MDO aanpassen en overnemen' : 'Nieuwe actie',
    knop: data.actieId ? 'Wijziging opslaan' : data.afspraakId ? 'Overnemen in het plan' : 'Actie toevoegen',
    verbToevoegen: ACTIE_TOEVOEGEN,
    verbKlaar: PLAN_KLAAR,
    verbDoelen: DOELEN_OPENEN,
    verbWijzigen: ACTIE_WIJZIGEN,
    verbVerwijderen: ACTIE_VERWIJDEREN,
    verbOvernemen: AFSPRAAK_OVERNEMEN,
    verbNietOvernemen: AFSPRAAK_NIET_OVERNEMEN,
  });
}

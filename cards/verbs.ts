/**
 * Card verbs: the one place they are named. Card templates get them bound as data (`${verb…}`), and the bot
 * routes on the same constants, so a template and its handler cannot drift apart.
 */
export const ZRM_OPSLAAN = 'zrm.opslaan';
export const CASUS_OPENEN = 'casus.openen';
export const CASUSSEN_MEER = 'casussen.meer';
export const CASUS_VERDER = 'casus.verder';
export const MDO_CHECKLIST_OPSLAAN = 'mdo.checklist.opslaan';
export const ACTIE_TOEVOEGEN = 'actie.toevoegen';
export const PLAN_KLAAR = 'plan.klaar';

export const VERBS = [ZRM_OPSLAAN, CASUS_OPENEN, CASUSSEN_MEER, CASUS_VERDER, MDO_CHECKLIST_OPSLAAN, ACTIE_TOEVOEGEN, PLAN_KLAAR] as const;
export type Verb = (typeof VERBS)[number];

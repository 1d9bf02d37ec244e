import { MDO_CHECKLIST, CHECKLIST_SECTIONS, type Mdo } from '../services/domain/model/mdo';
import template from './mdo-checklist.json';
import { expandCard } from './render';
import { MDO_CHECKLIST_OPSLAAN } from './verbs';

export interface MdoChecklistCardData {
  readonly caseId: string;
  readonly mdoId: string;
  readonly reference: string;
  readonly nummer: number;
  /** Pre-formatted, e.g. "26 november 2026, bij de inwoner thuis". */
  readonly datum: string;
  readonly sections: readonly { title: string; items: readonly { id: string; label: string; value: 'true' | 'false' }[] }[];
}

const SECTION_TITLES = { voorbereiding: 'Voorbereiding', opening: 'Opening', vragen: 'Vragen stellen' } as const;

/** The toggle id of a checklist item: `<section>__<item>`. */
export const checklistInputId = (section: string, item: string) => `${section}__${item}`;

/** The gespreksformat of seed 000 (stap 4) with what this MDO has ticked so far. */
export function mdoChecklistCardData(caseId: string, reference: string, mdo: Mdo, datum: string): MdoChecklistCardData {
  return {
    caseId,
    mdoId: mdo.id,
    reference,
    nummer: mdo.nummer,
    datum,
    sections: CHECKLIST_SECTIONS.map((section) => ({
      title: SECTION_TITLES[section],
      items: Object.entries(MDO_CHECKLIST[section]).map(([item, label]) => ({
        id: checklistInputId(section, item),
        label,
        value: (mdo.checklist[section] as Record<string, boolean | undefined>)[item] ? 'true' : 'false',
      })),
    })),
  };
}

/** The MDO checklist card: one toggle per item of the gespreksformat, saved with one submit. */
export function renderMdoChecklistCard(data: MdoChecklistCardData) {
  return expandCard(template, { ...data, verb: MDO_CHECKLIST_OPSLAAN });
}

import type { Case } from '../../services/domain/model/case';
import { openMdo } from '../../services/domain/model/mdo';
import type { CaseCommandInput } from '../../services/domain/stappenplan/commands';
import { suggestedDreigendScenario } from '../../services/domain/stappenplan/voorstellen';

/**
 * Free-text questions the dialogs ask, by key (dialog state is persisted, so it holds the key, never a function).
 * Each turns the professional's answer into one command for the state machine, which checks it.
 */
export interface FieldQuestion {
  readonly prompt: string;
  /** The question once the professional has met it (the long one explains; see explain-once.ts). */
  readonly short?: string;
  command(text: string, current: Case): CaseCommandInput;
  /** A text already on the case to start from (the service decides which); "overnemen" takes it as the answer. */
  suggestion?(current: Case): string | undefined;
  /** Where the suggestion comes from, as the question says it. */
  readonly suggestionFrom?: string;
}

const latestMdoId = (c: Case) => openMdo(c.mdos)?.id ?? 'geen-mdo';
type MdoText = 'gezamenlijkBelang' | 'watAlsWeNietsDoen' | 'ondersteuning';
type DeelBText = 'situatiebeschrijving' | 'dreigendScenario' | 'waaromNietRegulier' | 'rendement' | 'legitimiteit' | 'betrokkenheid';
const mdoUitkomst = (key: MdoText) => (text: string, c: Case): CaseCommandInput => ({
  type: 'recordMdoUitkomsten',
  mdoId: latestMdoId(c),
  ...({ [key]: text } as Partial<Record<MdoText, string>>),
});
const deelB = (key: DeelBText) => (text: string): CaseCommandInput => ({ type: 'recordDeelB', ...({ [key]: text } as Partial<Record<DeelBText, string>>) });

export const FIELDS = {
  hulpvraag: {
    prompt: 'Wat is de hulpvraag? Schrijf die zoveel mogelijk in de woorden van de inwoner.',
    short: 'Wat is de hulpvraag?',
    command: (text: string) => ({ type: 'recordHulpvraag', hulpvraag: text }),
  },
  ikWil: {
    prompt: '**Ik wil** … Wat wil de inwoner? Gebruik de woorden van de inwoner zelf.',
    short: '**Ik wil** … Wat wil de inwoner?',
    command: (text: string) => ({ type: 'recordVraagverheldering', ikWil: text }),
  },
  ikKan: {
    prompt: '**Ik kan** … Wat kan de inwoner zelf, en wie in de omgeving helpt al?',
    command: (text: string) => ({ type: 'recordVraagverheldering', ikKan: text }),
  },
  ikHebNodig: {
    prompt: '**Ik heb nodig** … Wat heeft de inwoner nodig?',
    command: (text: string) => ({ type: 'recordVraagverheldering', ikHebNodig: text }),
  },
  watMoetVeranderen: {
    prompt: '**Wat moet er veranderen?** Vraag het de inwoner en schrijf het in de eigen woorden van de inwoner.',
    short: '**Wat moet er veranderen?**',
    command: (text: string) => ({ type: 'recordVraagverheldering', watMoetVeranderen: text }),
  },
  gezamenlijkBelang: {
    prompt: 'Wat is het **gezamenlijk belang**? Kan iedereen achter het perspectief van de inwoner (ik wil) staan?',
    short: 'Wat is het **gezamenlijk belang**?',
    command: mdoUitkomst('gezamenlijkBelang'),
  },
  watAlsWeNietsDoen: { prompt: 'Wat gebeurt er **als we niets doen**?', command: mdoUitkomst('watAlsWeNietsDoen') },
  ondersteuning: { prompt: 'Welke **ondersteuning en behandeling** is verder nodig?', command: mdoUitkomst('ondersteuning') },
  situatiebeschrijving: { prompt: 'Deel B: geef een **beknopte situatiebeschrijving**.', command: deelB('situatiebeschrijving') },
  dreigendScenario: { prompt: 'Wat is het **dreigend scenario**: wat gebeurt er als we niets doen?', command: deelB('dreigendScenario'), suggestion: suggestedDreigendScenario, suggestionFrom: 'Uit het MDO, wat als we niets doen' },
  waaromNietRegulier: { prompt: '**Waarom** kan de oplossing **niet regulier** georganiseerd worden?', command: deelB('waaromNietRegulier') },
  rendement: { prompt: 'Onderbouwing, **rendement**: wat levert het op, ook in geld of in wat het voorkomt?', command: deelB('rendement') },
  legitimiteit: { prompt: 'Onderbouwing, **legitimiteit**: op welke wet, regel of welk beleid rust de uitzondering?', command: deelB('legitimiteit') },
  betrokkenheid: { prompt: 'Onderbouwing, **betrokkenheid**: wie doet mee en wat doet de inwoner zelf?', command: deelB('betrokkenheid') },
  watNogNodig: { prompt: 'Deel C: wat is er **nog nodig** voor de inwoner? (typ "niets" als er niets meer nodig is)', command: (text: string) => ({ type: 'recordDeelC', watNogNodig: text }) },
  vervolg: { prompt: 'Deel C: wat is het **vervolg**?', command: (text: string) => ({ type: 'recordDeelC', vervolg: text }) },
} satisfies Record<string, FieldQuestion>;

export type FieldKey = keyof typeof FIELDS;

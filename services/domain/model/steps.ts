/** The steps of the stappenplan (seed 000), in code as the glossary names them. */
export const STEPS = [
  'indienen',
  'vraagverheldering',
  'wieIsErNodig',
  'mdo',
  'plan',
  'onderbouwing',
  'uitvoering',
  'escaleren',
  'evaluatie',
  'afgesloten',
] as const;
export type Step = (typeof STEPS)[number];

/** How the step is shown to a professional, with its number on the stappenplan. */
export const STEP_LABELS: Readonly<Record<Step, string>> = Object.freeze({
  indienen: '1 Indienen',
  vraagverheldering: '2 Vraagverheldering',
  wieIsErNodig: '3 Wie is er nodig?',
  mdo: '4 MDO',
  plan: '5A Plan (Deel A)',
  onderbouwing: '5B Onderbouwing (Deel B)',
  uitvoering: '6 Uitvoering',
  escaleren: '6B Escaleren',
  evaluatie: '7 Evaluatie (Deel C)',
  afgesloten: 'Afgesloten',
});

const IN_SENTENCE: Readonly<Record<Step, string>> = Object.freeze({
  indienen: 'stap 1 (indienen)',
  vraagverheldering: 'stap 2 (vraagverheldering)',
  wieIsErNodig: 'stap 3 (wie is er nodig)',
  mdo: 'stap 4 (MDO)',
  plan: 'stap 5A (plan, Deel A)',
  onderbouwing: 'stap 5B (onderbouwing, Deel B)',
  uitvoering: 'stap 6 (uitvoering)',
  escaleren: 'stap 6B (escaleren)',
  evaluatie: 'stap 7 (evaluatie, Deel C)',
  afgesloten: 'afgesloten',
});

/**
 * The step as it reads inside a sentence: "stap 3 (wie is er nodig)". The label ("3 Wie is er nodig?") is for a card's
 * field; in a question it gave "…stap 3 Wie is er nodig??". A closed case has no step: say "is afgesloten" instead.
 */
export function stepInSentence(step: Step): string {
  return IN_SENTENCE[step];
}

/** "Casus HA-… staat nu in **stap 4 (MDO)**.", or "Casus HA-… is afgesloten." */
export function stepReachedText(reference: string, step: Step): string {
  return step === 'afgesloten' ? `Casus ${reference} is afgesloten.` : `Casus ${reference} staat nu in **${stepInSentence(step)}**.`;
}

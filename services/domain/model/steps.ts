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

/** Dialog ids, constant across restarts: they are persisted in dialog state. */
export const DIALOG = {
  main: 'hulpMain',
  askField: 'vraagVeld',
  indienen: 'stap1Indienen',
  vraagverheldering: 'stap2Vraagverheldering',
  wieIsErNodig: 'stap3WieIsErNodig',
  mdo: 'stap4Mdo',
  mdoAgenda: 'stap4MdoAgenda',
  plan: 'stap5Plan',
  onderbouwing: 'stap5bOnderbouwing',
  uitvoering: 'stap6Uitvoering',
  escaleren: 'stap6bEscaleren',
  evaluatie: 'stap7Evaluatie',
} as const;

export const PROMPT = {
  text: 'tekstVraag',
  choice: 'keuzeVraag',
  confirm: 'jaNeeVraag',
  card: 'kaartVraag',
  /** Free text checked as it is typed (see checkedTextPrompt). */
  checkedText: 'gecontroleerdeTekstVraag',
} as const;

/** Prompts ask in Dutch: "Ja / Nee", "of" between choices. */
export const LOCALE = 'nl-nl';

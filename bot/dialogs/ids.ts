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

/** Waterfall ids inside the step dialogs: persisted in dialog state too, so never renamed. */
export const WATERFALL = {
  deelBHerzien: 'deelBHerzien',
  deelBVerzoek: 'deelBVerzoek',
  deelBIndienen: 'deelBIndienen',
  escalerenStappen: 'escalerenStappen',
  evaluatieDoelen: 'evaluatieDoelen',
  evaluatieStappen: 'evaluatieStappen',
  hoofdStappen: 'hoofdStappen',
  indienenHuishouden: 'indienenHuishouden',
  indienenHulpvraag: 'indienenHulpvraag',
  indienenStappen: 'indienenStappen',
  mdoAfspraken: 'mdoAfspraken',
  mdoAnnuleren: 'mdoAnnuleren',
  mdoChecklist: 'mdoChecklist',
  mdoHerzien: 'mdoHerzien',
  mdoKiezen: 'mdoKiezen',
  mdoPlannen: 'mdoPlannen',
  mdoStappen: 'mdoStappen',
  onderbouwingStappen: 'onderbouwingStappen',
  planActies: 'planActies',
  planDoelen: 'planDoelen',
  rangorde: 'rangorde',
  planStappen: 'planStappen',
  toelichtingStappen: 'toelichtingStappen',
  uitvoeringActie: 'uitvoeringActie',
  uitvoeringStappen: 'uitvoeringStappen',
  vraagVeldStappen: 'vraagVeldStappen',
  vraagverhelderingStappen: 'vraagverhelderingStappen',
  wieStappen: 'wieStappen',
  zrmKaartStappen: 'zrmKaartStappen',
} as const;

export const PROMPT = {
  text: 'tekstVraag',
  choice: 'keuzeVraag',
  confirm: 'jaNeeVraag',
  card: 'kaartVraag',
  /** Free text checked as it is typed (see checkedTextPrompt). */
  checkedText: 'gecontroleerdeTekstVraag',
  /** An amount in euro, asked again as an amount until it can be read (see amountPrompt). */
  amount: 'bedragVraag',
  /** A part of Deel B held to the argument rule as it is typed (see argumentPrompt). */
  argument: 'argumentVraag',
} as const;

/** Prompts ask in Dutch: "Ja / Nee", "of" between choices. */
export const LOCALE = 'nl-nl';

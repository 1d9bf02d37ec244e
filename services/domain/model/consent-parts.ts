/**
 * The parts of a case the inwoner's consent (toestemming) can open to another professional: the one list of their
 * codes and the Dutch names a professional reads on a card. The consent model and the cards both take them from here.
 */
export const CONSENT_PARTS = ['hulpvraag', 'zrm', 'deelA', 'deelB', 'mdo', 'evaluatie'] as const;
export type ConsentPart = (typeof CONSENT_PARTS)[number];

export const CONSENT_PART_LABELS: Readonly<Record<ConsentPart, string>> = Object.freeze({
  hulpvraag: 'Hulpvraag en vraagverheldering',
  zrm: 'ZRM-scores',
  deelA: 'Samenwerkplan Deel A',
  deelB: 'Samenwerkplan Deel B',
  mdo: 'MDO-uitkomsten',
  evaluatie: 'Evaluatie (Deel C)',
});

/** How the inwoner gave consent. */
export const CONSENT_WAYS = ['mondeling', 'schriftelijk'] as const;
export type ConsentWay = (typeof CONSENT_WAYS)[number];

export const CONSENT_WAY_LABELS: Readonly<Record<ConsentWay, string>> = Object.freeze({
  mondeling: 'Mondeling',
  schriftelijk: 'Schriftelijk',
});

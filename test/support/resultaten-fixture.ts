import type { Cel, ResultatenRapport } from '../../services/domain/resultaten/rapport';

const n = (waarde: number): Cel => ({ onderdrukt: false, waarde });
/** A suppressed cell: built from fewer than the threshold. */
export const ONDERDRUKT: Cel = { onderdrukt: true, reden: 'klein' };
/** A suppressed cell of a group with a shown total. */
export const AFGESCHERMD: Cel = { onderdrukt: true, reden: 'afgeschermd' };

/**
 * A hand-built report for one team and quarter (made in it: the lopende periode, so with the open cases per step),
 * with suppressed cells in every section and both reasons: `klein` (a step, a decision, an AVE fase, a leefgebied, the
 * quality of life after, the nieuwe rondes) and `afgeschermd` in groups with a shown total (a category, a month, the
 * goals not reached): for the card, the export and e2e tests.
 */
export function resultatenFixture(overrides: Partial<ResultatenRapport> = {}): ResultatenRapport {
  return {
    teamId: 'wijkteam-noord',
    periode: '2026-Q1',
    van: '2026-01-01',
    tot: '2026-03-31',
    gemaaktOp: '2026-04-02T08:00:00.000Z',
    drempel: 5,
    casussen: {
      perStap: [
        { stap: 'indienen', aantal: n(6) },
        { stap: 'vraagverheldering', aantal: n(12) },
        { stap: 'wieIsErNodig', aantal: ONDERDRUKT },
        { stap: 'mdo', aantal: n(9) },
        { stap: 'plan', aantal: n(7) },
        { stap: 'onderbouwing', aantal: n(5) },
        { stap: 'uitvoering', aantal: n(21) },
        { stap: 'escaleren', aantal: ONDERDRUKT },
        { stap: 'evaluatie', aantal: n(8) },
      ],
      geopend: n(34),
      afgesloten: n(17),
      indienenTotUitvoering: { aantal: n(19), mediaanDagen: n(23), p90Dagen: n(41.5) },
      mdoTotEvaluatie: { aantal: n(11), mediaanDagen: n(44), p90Dagen: n(58) },
    },
    akkoorden: {
      akkoord: n(14),
      afgewezen: ONDERDRUKT,
      meerInformatie: n(6),
      mediaanWerkdagenTotBesluit: n(3),
      escalatiesPerFase: [
        { fase: 1, aantal: n(0) },
        { fase: 2, aantal: n(7) },
        { fase: 3, aantal: ONDERDRUKT },
        { fase: 4, aantal: n(0) },
      ],
    },
    budget: {
      vastgesteldCents: 5_000_000,
      toegekendCents: n(2_345_678),
      resterendCents: n(2_480_322),
      perCategorie: [
        { categorie: 'huisvesting', cents: n(1_200_000) },
        { categorie: 'financien', cents: n(845_678) },
        { categorie: 'sociaalNetwerk', cents: AFGESCHERMD },
        { categorie: 'onbekend', cents: n(300_000) },
      ],
      perMaand: [
        { maand: '2026-01', cents: n(640_000) },
        { maand: '2026-02', cents: AFGESCHERMD },
        { maand: '2026-03', cents: n(1_150_000) },
      ],
      mandaat: { cents: n(174_000), uitgaven: n(12) },
    },
    uitkomst: {
      doelenGeevalueerd: n(26),
      doelenBereikt: { ja: n(15), deels: n(7), nee: AFGESCHERMD },
      tevredenheidVoorMediaan: n(4),
      tevredenheidNaMediaan: n(7.5),
      kwaliteitVanLevenVoorMediaan: n(5),
      kwaliteitVanLevenNaMediaan: ONDERDRUKT,
      zrmPerLeefgebied: [
        { leefgebied: 'financien', aantal: n(9), gemiddeldVoor: n(2.4), gemiddeldNa: n(3.1) },
        { leefgebied: 'huisvesting', aantal: n(7), gemiddeldVoor: n(2), gemiddeldNa: n(3.6) },
        { leefgebied: 'sociaalNetwerk', aantal: ONDERDRUKT, gemiddeldVoor: ONDERDRUKT, gemiddeldNa: ONDERDRUKT },
        { leefgebied: 'geestelijkeGezondheid', aantal: n(6), gemiddeldVoor: n(2.8), gemiddeldNa: n(3) },
      ],
      afgeslotenNaEvaluatie: n(9),
      nieuweRonde: ONDERDRUKT,
    },
    ...overrides,
  };
}

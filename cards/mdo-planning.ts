import { MDO_LOCATIE_LABELS, MDO_LOCATIES } from '../services/domain/model/mdo';
import template from './mdo-planning.json';
import { expandCard } from './render';
import { MDO_DEELNEMERS_KIEZEN, MDO_MOMENT_KIEZEN } from './verbs';

export interface MdoPlanningCardData {
  readonly caseId: string;
  readonly reference: string;
  /** Empty for a new MDO; the MDO being moved otherwise. */
  readonly mdoId: string;
  readonly nummer: number;
  /** The proposals, pre-formatted ("dinsdag 24 november, 10:00 – 11:30"). */
  readonly slots: readonly { start: string; label: string }[];
  /** Why there are no proposals, or what was wrong with the last answer; empty when nothing to say. */
  readonly melding: string;
  /** Today, YYYY-MM-DD: the earliest date the picker offers. */
  readonly vandaag: string;
  readonly duurMinuten: number;
  /** Where the invite goes: the professionals' calendars, or a file in this chat. */
  readonly uitnodiging: 'mailbox' | 'file';
  /** The parties on the case who can be invited ("Ahmed El Amrani (Schuldhulpverlening)" and their Teams user id). */
  readonly deelnemers?: readonly { readonly title: string; readonly value: string }[];
  /** Who is invited now: the free/busy behind the proposals is theirs. */
  readonly gekozen?: readonly string[];
  /** What the card held when its answer was refused, to show it again (datum YYYY-MM-DD, tijd HH:mm). */
  readonly ingevuld?: { readonly moment?: string; readonly datum?: string; readonly tijd?: string; readonly locatie?: string };
  /** False when no agenda was read (CALENDAR=ics): the moments are only proposals, nobody is known to be free. */
  readonly agendasGelezen?: boolean;
}

/** The heading above the proposed moments: "vrij" only when the agendas were really read. */
function vrijKop(gelezen: boolean, gekozen: boolean): string {
  if (!gelezen) return 'Voorstellen op werkdagen. Ik kan de agenda\u2019s niet inzien: vraag de deelnemers of ze dan kunnen.';
  return gekozen ? 'De gekozen deelnemers zijn dan allemaal vrij:' : 'Iedereen op de casus is dan vrij:';
}

/** The MDO planning card: the best three moments from free/busy, or a date and time of one's own. */
export function renderMdoPlanningCard(data: MdoPlanningCardData) {
  const verplaatsen = data.mdoId !== '';
  const uren = (data.duurMinuten / 60).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  const deelnemers = data.deelnemers ?? [];
  const { ingevuld: _kept, ...rest } = data;
  const kept = data.ingevuld ?? {};
  const known = (moment?: string) => moment === 'eigen' || data.slots.some((s) => s.start === moment);
  return expandCard(template, {
    ...rest,
    deelnemers,
    gekozenMoment: known(kept.moment) ? kept.moment : kept.datum || kept.tijd ? 'eigen' : (data.slots[0]?.start ?? ''),
    ingevuld: {
      datum: kept.datum ?? '',
      tijd: kept.tijd ?? '',
      locatie: (MDO_LOCATIES as readonly string[]).includes(kept.locatie ?? '') ? kept.locatie : 'thuis',
    },
    gekozen: (data.gekozen ?? []).join(','),
    vrijKop: vrijKop(data.agendasGelezen ?? true, deelnemers.length > 0),
    verb: MDO_MOMENT_KIEZEN,
    verbDeelnemers: MDO_DEELNEMERS_KIEZEN,
    verplaatsen,
    titel: verplaatsen ? `MDO ${data.nummer} verplaatsen` : `MDO ${data.nummer} plannen`,
    duur: `${uren} uur`,
    eigenKop: data.slots.length > 0 ? 'Of kies zelf een moment' : 'Kies een moment',
    knop: verplaatsen ? 'Verplaatsen' : 'MDO plannen',
    locaties: MDO_LOCATIES.map((value) => ({ value, label: MDO_LOCATIE_LABELS[value] })),
    uitleg:
      data.uitnodiging === 'mailbox'
        ? 'De uitnodiging met een Teams-vergaderlink gaat naar de gekozen deelnemers. Er staat alleen het kenmerk in, geen gegevens van de inwoner.'
        : 'Je krijgt de uitnodiging als agendabestand (.ics) om door te sturen aan de gekozen deelnemers. Er staat alleen het kenmerk in, geen gegevens van de inwoner.',
  });
}

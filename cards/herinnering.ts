import type { ReminderNews } from '../services/notify/reminder-message';
import { formatDutchDate } from '../services/domain/text/format';
import template from './herinnering.json';
import { expandCard, type AdaptiveCardJson } from './render';
import { CASUS_OPENEN, HERINNERING_ESCALEREN, HERINNERING_GEDAAN, HERINNERING_UITSTELLEN } from './verbs';

/** The reminder card again after a press: what was typed, what was wrong, or what happened. */
export interface HerinneringCardState {
  /** A refusal, said on the card (with what was typed kept in the inputs). */
  readonly melding?: string;
  /** What the press did ("Uitgesteld tot …"); the card then offers only *Openen*. */
  readonly uitkomst?: string;
  readonly ingevuld?: { readonly tot?: string; readonly reden?: string; readonly vraag?: string };
  /** The inputs shown open on the card (after a refusal of that button), not behind it. */
  readonly open?: 'uitstellen' | 'escaleren';
}

/**
 * A reminder as Teams shows it: "Herinnering: <wat>", the kenmerk and since when, what is due (text runs: no Markdown
 * read into an action's words), and what its recipient may do with it, as the core said in the news: *Openen* (the
 * case view), *Gedaan* (the action), *Later herinneren* (a day and a reason, once) and *Escaleren* (a question to the
 * procesregisseur). Gedaan, Later herinneren and Escaleren are Action.Execute (the card updates in place) with an
 * Action.Submit as fallback; their payload is CARD_PAYLOADS.herinnering.
 */
export function renderHerinneringCard(news: ReminderNews, state: HerinneringCardState = {}): AdaptiveCardJson {
  const done = state.uitkomst !== undefined;
  const ingevuld = state.ingevuld ?? {};
  return expandCard(template, {
    caseId: news.caseId,
    reminderId: news.reminderId,
    reference: news.reference,
    title: news.title,
    since: news.since,
    lines: news.lines,
    melding: state.melding ?? '',
    uitkomst: state.uitkomst ?? '',
    openen: news.openen,
    gedaan: !done && news.gedaan !== undefined,
    uitstellen: !done && news.uitstellenTot !== undefined,
    uitstellenVanaf: news.uitstellenVanaf ?? '',
    uitstellenTot: news.uitstellenTot ?? '',
    uitstellenTotTekst: news.uitstellenTot ? formatDutchDate(news.uitstellenTot) : '',
    escaleren: !done && news.escaleren,
    // After a refusal the inputs stand open on the card, with what was typed, instead of behind their button.
    uitstellenOpen: !done && news.uitstellenTot !== undefined && state.open === 'uitstellen',
    escalerenOpen: !done && news.escaleren && state.open === 'escaleren',
    tot: ingevuld.tot ?? '',
    reden: ingevuld.reden ?? '',
    vraag: ingevuld.vraag ?? '',
    verbOpenen: CASUS_OPENEN,
    verbGedaan: HERINNERING_GEDAAN,
    verbUitstellen: HERINNERING_UITSTELLEN,
    verbEscaleren: HERINNERING_ESCALEREN,
  });
}

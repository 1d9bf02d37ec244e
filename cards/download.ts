import template from './download.json';
import { expandCard } from './render';

export interface DownloadCardData {
  readonly naam: string;
  readonly omschrijving: string;
  readonly url: string;
  /** "15 minuten" */
  readonly geldig: string;
  readonly soort: 'agenda' | 'pdf';
}

/** A file to download from the bot itself (local runs, where Teams' file consent is not available). */
export function renderDownloadCard(data: DownloadCardData) {
  return expandCard(template, { ...data, icoon: data.soort === 'agenda' ? '\u{1F4C5}' : '\u{1F4C4}' });
}

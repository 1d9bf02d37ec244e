import template from './download.json';
import { expandCard } from './render';

export interface DownloadCardData {
  readonly naam: string;
  readonly omschrijving: string;
  readonly url: string;
  /** "15 minuten" */
  readonly geldig: string;
  readonly soort: 'agenda' | 'pdf' | 'spreadsheet';
}

const ICOON: Readonly<Record<DownloadCardData['soort'], string>> = { agenda: '\u{1F4C5}', pdf: '\u{1F4C4}', spreadsheet: '\u{1F4CA}' };

/** A file to download from the bot itself (local runs, where Teams' file consent is not available). */
export function renderDownloadCard(data: DownloadCardData) {
  return expandCard(template, { ...data, icoon: ICOON[data.soort] });
}

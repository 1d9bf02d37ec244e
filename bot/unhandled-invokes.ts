import type { InvokeResponse } from 'botbuilder';

/** The invokes the bot handles itself; every other invoke gets the deliberate answer below. */
export const HANDLED_INVOKES: readonly string[] = ['adaptiveCard/action', 'fileConsent/invoke'];

export const NO_SUCH_PART_TEXT = 'Dit onderdeel heeft de Helmond Aanpak-assistent niet. Typ **help** in de chat met de bot voor wat hij wel kan.';

/**
 * The answer to an invoke the bot does not handle, instead of botbuilder's 501. The app declares no task modules,
 * message extensions, configuration or tabs, so Teams should not send these; if a client does, a person sees one
 * Dutch sentence where Teams can show one (a task module, a message extension, bot configuration), an empty
 * search where Teams searches (`application/search`), and any other invoke is acknowledged with an empty 200.
 */
export function unhandledInvoke(name: string): InvokeResponse {
  if (name === 'task/fetch' || name === 'task/submit') {
    return { status: 200, body: { task: { type: 'message', value: NO_SUCH_PART_TEXT } } };
  }
  if (name.startsWith('composeExtension/')) {
    return { status: 200, body: { composeExtension: { type: 'message', text: NO_SUCH_PART_TEXT } } };
  }
  if (name === 'config/fetch' || name === 'config/submit') {
    return { status: 200, body: { responseType: 'config', config: { type: 'message', value: NO_SUCH_PART_TEXT } } };
  }
  if (name === 'application/search') {
    return { status: 200, body: { type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } } };
  }
  return { status: 200 };
}

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

export const INVALID_CARD_ACTION_TEXT = 'Deze kaartactie klopt niet. Typ **mijn casussen** voor een actueel overzicht.';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A handled invoke whose value is not of the shape Teams sends (botbuilder would read a field of null and end the
 * turn in a TypeError, answered 501): a 400, with a Dutch message where Teams shows one. Undefined when well-formed.
 */
export function malformedInvoke(name: string, value: unknown): InvokeResponse | undefined {
  if (name === 'fileConsent/invoke') {
    return isObject(value) && (value.action === 'accept' || value.action === 'decline') ? undefined : { status: 400 };
  }
  if (name === 'adaptiveCard/action') {
    if (isObject(value) && isObject(value.action) && typeof value.action.verb === 'string') return undefined;
    return {
      status: 400,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: INVALID_CARD_ACTION_TEXT } },
    };
  }
  return undefined;
}

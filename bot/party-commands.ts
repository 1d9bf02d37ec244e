import { MessageFactory, type TurnContext } from 'botbuilder';
import { renderCollegaToevoegenCard, type CollegaToevoegenCardData } from '../cards/collega-toevoegen';
import { toAttachment } from '../cards/render';
import { isDomainError } from '../services/domain/errors';
import type { Case } from '../services/domain/model/case';
import { CONSENT_PART_LABELS } from '../services/domain/model/consent';
import { requireRegisseur } from '../services/domain/stappenplan/permissions';
import type { Notifier } from '../services/ports/notifier';
import { ZONE } from '../services/ports/clock';
import { CARD_PAYLOADS, parseCard } from './card-payload';
import { actorOf, type BotServices } from './turn-services';
import { nameOf } from './views';

/**
 * Parties on a case (stap 3, and later with **collega toevoegen**): the card to put a colleague on the case with the
 * inwoner's consent, and what follows a submit: the command to the core, the answer, and a message to the
 * colleague. The rules (who may, consent required, no date in the future) are the core's.
 */
export class PartyCommands {
  constructor(
    private readonly services: BotServices,
    private readonly notifier: Notifier,
  ) {}

  /** The card for a case (refused up front when the actor may not add anyone to it). */
  async offer(turn: TurnContext, caseId: string, again?: Pick<CollegaToevoegenCardData, 'melding' | 'ingevuld' | 'gekozen'>): Promise<void> {
    const actor = await actorOf(turn, this.services.directory);
    const { case: c } = await this.services.cases.get(actor, caseId);
    requireRegisseur(c, actor.userId, 'Alleen de casusregisseur kan een collega aan de casus toevoegen.');
    const mensen = await this.services.people.selectable();
    const card = renderCollegaToevoegenCard({
      caseId,
      reference: c.reference,
      vandaag: this.services.clock.now().setZone(ZONE).toISODate() as string,
      keuze: mensen ? { via: 'lijst', mensen } : { via: 'teams' },
      ...again,
    });
    await turn.sendActivity(MessageFactory.attachment(toAttachment(card)));
  }

  /** "Toevoegen" on the card. A refusal comes back on the card, with what was filled in. */
  async add(turn: TurnContext, value: unknown): Promise<void> {
    const parsed = parseCard(CARD_PAYLOADS.collegaToevoegen, value);
    if (!parsed.ok) {
      const caseId = typeof (value as { caseId?: unknown })?.caseId === 'string' ? (value as { caseId: string }).caseId : undefined;
      if (!caseId || !isDomainError(parsed.error, 'CASE.INVALID_INPUT')) return void (await turn.sendActivity(parsed.error.userMessage));
      return this.offer(turn, caseId, { melding: parsed.error.userMessage, ingevuld: filledIn(value) });
    }
    const { caseId, userId, organisatie, taak, toestemming } = parsed.value;
    const actor = await actorOf(turn, this.services.directory);
    const person = await this.services.people.find(userId);
    let c: Case;
    try {
      c = await this.services.cases.execute(actor, caseId, {
        type: 'addProfessional', userId, role: 'betrokkenProfessional', organisatie, taak, toestemming,
        ...(person ? { displayName: person.displayName } : {}),
      });
    } catch (error) {
      if (!isDomainError(error) || error.code.startsWith('STORE.') || error.code === 'CASE.NOT_FOUND') throw error;
      return this.offer(turn, caseId, { melding: error.userMessage, ingevuld: { organisatie, taak, ...toestemming }, ...(person ? { gekozen: person } : {}) });
    }
    const naam = person?.displayName ?? 'De collega';
    const ziet = toestemming.onderdelen.map((part) => CONSENT_PART_LABELS[part]).join(', ');
    const reached = await this.notifier.send(userId, {
      text: `${nameOf(c, actor.userId)} heeft je toegevoegd aan casus **${c.reference}** (${organisatie}). Met toestemming van de inwoner zie je: ${ziet}. Typ **casus ${c.reference}** om hem te openen.`,
    });
    await turn.sendActivity(
      `${naam} (${organisatie}) staat nu op casus ${c.reference} en ziet: ${ziet}.` +
        (reached ? ` ${naam} heeft er bericht over gekregen.` : ` ${naam} heeft de app nog niet geopend en krijgt nog geen bericht; laat het de collega zelf weten.`),
    );
  }

  async cancel(turn: TurnContext): Promise<void> {
    await turn.sendActivity('Er is niemand toegevoegd.');
  }
}

/** What the card held when it was refused, to fill it in again (only strings the card itself sent). */
function filledIn(value: unknown): CollegaToevoegenCardData['ingevuld'] {
  const v = (value ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof v[key] === 'string' && (v[key] as string).length <= 500 ? (v[key] as string) : undefined);
  const hoe = text('hoe');
  const onderdelen = text('onderdelen')?.split(',').filter((part): part is keyof typeof CONSENT_PART_LABELS => Object.hasOwn(CONSENT_PART_LABELS, part));
  return {
    ...(text('organisatie') ? { organisatie: text('organisatie') } : {}),
    ...(text('taak') ? { taak: text('taak') } : {}),
    ...(hoe === 'mondeling' || hoe === 'schriftelijk' ? { hoe } : {}),
    ...(text('op') ? { op: text('op') } : {}),
    ...(onderdelen?.length ? { onderdelen } : {}),
  };
}


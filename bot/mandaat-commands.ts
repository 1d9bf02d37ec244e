import { randomUUID } from 'node:crypto';
import { MessageFactory, type TurnContext } from 'botbuilder';
import { renderMandaatCard, type MandaatCardData } from '../cards/mandaat';
import { toAttachment } from '../cards/render';
import { remaining } from '../services/budget/ledger';
import { isDomainError, type DomainError } from '../services/domain/errors';
import { requireRegisseur } from '../services/domain/stappenplan/permissions';
import { formatEuro as euro } from '../services/domain/text/format';
import { budgetLine } from './budget-command';
import { categorieKeuzes } from './dialogs/categorie';
import { LEEFGEBIED_LABELS } from '../services/domain/model/leefgebieden';
import { CARD_PAYLOADS, parseCard } from './card-payload';
import { actorOf, type BotServices } from './turn-services';

/** What the card held, to fill it in again after a refusal. */
type Ingevuld = Pick<MandaatCardData, 'melding' | 'bedrag' | 'doel' | 'waarom' | 'categorie'> & { readonly uitgaveId?: string };

/**
 * **mandaat**: the casusregisseur spends at once without Deel B (services/budget/mandaat-service.ts decides and
 * books). The card shows the mandaat and what is left of it; a refusal comes back on the card with what was typed.
 */
export class MandaatCommands {
  constructor(private readonly services: BotServices) {}

  /** The card for a case (refused up front for anyone but the casusregisseur). */
  async offer(turn: TurnContext, caseId: string, again: Ingevuld = {}): Promise<void> {
    const actor = await actorOf(turn, this.services.directory);
    const stand = await this.services.mandaat.stand(actor, caseId);
    requireRegisseur(stand.case, actor.userId, 'Alleen de casusregisseur kan onder het mandaat uitgeven.');
    const { uitgaveId, ...typed } = again;
    const card = renderMandaatCard({
      caseId,
      reference: stand.case.reference,
      // A new card is a new spending; the card again after a refusal keeps its id (a press of it is the same spending).
      uitgaveId: uitgaveId ?? randomUUID(),
      mandaat: euro(stand.mandaatCents),
      periode: stand.periode,
      over: euro(Math.max(0, stand.mandaatCents - stand.gebruiktCents)),
      budget: stand.budget ? `${euro(remaining(stand.budget))} over` : 'nog niet vastgesteld',
      leefgebieden: categorieKeuzes(stand.case),
      ...typed,
    });
    await turn.sendActivity(MessageFactory.attachment(toAttachment(card)));
  }

  /** *Uitgeven* on the card. */
  async spend(turn: TurnContext, value: unknown): Promise<void> {
    const parsed = parseCard(CARD_PAYLOADS.mandaat, value);
    if (!parsed.ok) return this.refused(turn, value, parsed.error);
    const { caseId, uitgaveId, bedrag, doel, waarom, categorie } = parsed.value;
    const input = { uitgaveId, amountCents: bedrag, doel, waarom, categorie };
    const actor = await actorOf(turn, this.services.directory);
    try {
      const { case: c, uitgave, alreadySpent } = await this.services.mandaat.spend(actor, caseId, input);
      const stand = await this.services.mandaat.stand(actor, caseId);
      const over = euro(Math.max(0, stand.mandaatCents - stand.gebruiktCents));
      await turn.sendActivity(
        `${alreadySpent ? 'Dit was al uitgegeven' : 'Uitgegeven onder je mandaat'}: ${euro(uitgave.amountCents)} voor ${uitgave.doel}${uitgave.categorie ? ` (${LEEFGEBIED_LABELS[uitgave.categorie]})` : ''}, casus ${c.reference}. ` +
          `Van je mandaat is voor ${stand.periode} op deze casus nog ${over} over.\n\n${budgetLine(c.teamId, stand.periode, stand.budget)}`,
      );
    } catch (error) {
      if (!isDomainError(error) || error.code.startsWith('STORE.') || error.code === 'CASE.NOT_FOUND') throw error;
      await this.offer(turn, caseId, { ...filledIn(value), melding: error.userMessage });
    }
  }

  async cancel(turn: TurnContext): Promise<void> {
    await turn.sendActivity('Er is niets uitgegeven.');
  }

  /** A card whose inputs were refused comes back with the sentence; a card that is not ours is answered in words. */
  private async refused(turn: TurnContext, value: unknown, error: DomainError): Promise<void> {
    const caseId = (value as { caseId?: unknown })?.caseId;
    if (typeof caseId !== 'string' || !isDomainError(error, 'CASE.INVALID_INPUT')) return void (await turn.sendActivity(error.userMessage));
    await this.offer(turn, caseId, { ...filledIn(value), melding: error.userMessage });
  }
}

/** What the card sent (only strings the card itself sends), to fill it in again. */
function filledIn(value: unknown): Ingevuld {
  const v = (value ?? {}) as Record<string, unknown>;
  const text = (key: string, max: number) => (typeof v[key] === 'string' && (v[key] as string).length <= max ? (v[key] as string) : undefined);
  const id = text('uitgaveId', 64);
  return {
    ...(id && /^[A-Za-z0-9_-]{6,64}$/.test(id) ? { uitgaveId: id } : {}),
    ...(text('bedrag', 20) ? { bedrag: text('bedrag', 20) } : {}),
    ...(text('doel', 120) ? { doel: text('doel', 120) } : {}),
    ...(text('waarom', 300) ? { waarom: text('waarom', 300) } : {}),
    ...(text('categorie', 40) ? { categorie: text('categorie', 40) } : {}),
  };
}

import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { renderHerinneringCard, type HerinneringCardState } from '../../cards/herinnering';
import { renderNoticeCard } from '../../cards/notice';
import type { AdaptiveCardJson } from '../../cards/render';
import { HERINNERING_ESCALEREN, HERINNERING_GEDAAN, HERINNERING_UITSTELLEN } from '../../cards/verbs';
import { DomainError, isDomainError } from '../../services/domain/errors';
import type { Actor } from '../../services/domain/model/roles';
import { ZONE } from '../../services/ports/clock';
import { ReminderActions, type ReminderSeen } from '../../services/reminders/reminder-actions';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import { actorOf, type BotServices } from '../turn-services';

/** Brings a newly opened escalation to whoever it asks: how many were reached of how many asked. */
export type EscalationDelivery = (actor: Actor, caseId: string) => Promise<{ reached: number; asked: number }>;

/** Refusals after which there is no reminder card to show this person. */
const GONE = ['CASE.NOT_FOUND', 'REMINDER.NOT_FOUND'] as const;

const NOT_NEEDED = 'Deze herinnering is niet meer nodig: wat ze vroeg, is al gebeurd.';

/**
 * The reminder card's buttons (Action.Execute, and the Action.Submit fallback): *Gedaan*, *Later herinneren* and
 * *Escaleren*, each one command through ReminderActions (the core decides), answered with the card as it now is: what
 * happened, or the refusal in Dutch with what was typed kept.
 */
export class ReminderCards {
  private readonly actions: ReminderActions;

  constructor(
    private readonly services: BotServices,
    private readonly deliverEscalation: EscalationDelivery,
  ) {
    this.actions = new ReminderActions(services.cases, services.directory);
  }

  async handle(turn: TurnContext, verb: string, data: unknown): Promise<AdaptiveCardJson> {
    const parsed = parseCard(CARD_PAYLOADS.herinnering, data);
    if (!parsed.ok) return renderNoticeCard({ title: 'Deze kaart is niet geldig', text: parsed.error.userMessage });
    const { caseId, reminderId, tot, reden, vraag } = parsed.value;
    const actor = await actorOf(turn, this.services.directory);
    const ingevuld = { ...(tot ? { tot } : {}), ...(reden ? { reden } : {}), ...(vraag ? { vraag } : {}) };
    try {
      const before = await this.actions.seen(actor, caseId, reminderId);
      if (!before.news) return renderNoticeCard({ title: `Herinnering bij casus ${before.case.reference}`, text: NOT_NEEDED });
      const uitkomst = await this.act(actor, verb, caseId, reminderId, ingevuld);
      return renderHerinneringCard(before.news, { uitkomst });
    } catch (error) {
      if (!isDomainError(error) || error.code.startsWith('STORE.')) throw error;
      if (GONE.some((code) => isDomainError(error, code))) return renderNoticeCard({ title: 'Niet beschikbaar', text: error.userMessage });
      const open = verb === HERINNERING_UITSTELLEN ? 'uitstellen' : verb === HERINNERING_ESCALEREN ? 'escaleren' : undefined;
      return this.again(actor, caseId, reminderId, { melding: error.userMessage, ingevuld, ...(open ? { open } : {}) });
    }
  }

  /** The command of the button; what it did, in one Dutch sentence for the card. */
  private async act(actor: Actor, verb: string, caseId: string, reminderId: string, ingevuld: { tot?: string; reden?: string; vraag?: string }): Promise<string> {
    switch (verb) {
      case HERINNERING_GEDAAN:
        await this.actions.done(actor, caseId, reminderId);
        return 'Gedaan: de actie staat nu op gedaan in het plan.';
      case HERINNERING_UITSTELLEN: {
        const after = await this.actions.snooze(actor, caseId, reminderId, ingevuld.tot, ingevuld.reden);
        const until = after.reminders.find((r) => r.id === reminderId)?.snoozedUntil;
        const when = until ? DateTime.fromISO(until).setZone(ZONE).setLocale('nl').toFormat("cccc d LLLL 'om' HH:mm") : ingevuld.tot;
        return `Uitgesteld: je krijgt deze herinnering opnieuw op ${when}. De reden staat in de geschiedenis van de casus.`;
      }
      case HERINNERING_ESCALEREN: {
        await this.actions.escalate(actor, caseId, reminderId, ingevuld.vraag);
        const { reached, asked } = await this.deliverEscalation(actor, caseId);
        if (asked === 0) return 'De escalatie is geopend, maar er is in de rollen geen procesregisseur gevonden; vraag de beheerder de rollen bij te werken.';
        return reached > 0 ? 'De escalatie is geopend: de procesregisseur heeft haar in Teams gekregen.' : 'De escalatie is geopend; de procesregisseur ziet haar zodra die de app opent.';
      }
      default:
        throw new DomainError('CARD.INVALID_PAYLOAD');
    }
  }

  /** The card as it is now, with the refusal and what was typed; a notice when the reminder is no longer true. */
  private async again(actor: Actor, caseId: string, reminderId: string, state: HerinneringCardState): Promise<AdaptiveCardJson> {
    let seen: ReminderSeen;
    try {
      seen = await this.actions.seen(actor, caseId, reminderId);
    } catch (error) {
      if (isDomainError(error) && GONE.some((code) => isDomainError(error, code))) return renderNoticeCard({ title: 'Niet beschikbaar', text: error.userMessage });
      throw error;
    }
    if (!seen.news) return renderNoticeCard({ title: `Herinnering bij casus ${seen.case.reference}`, text: state.melding ?? NOT_NEEDED });
    return renderHerinneringCard(seen.news, state);
  }
}

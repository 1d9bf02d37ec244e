import { MessageFactory, TeamsActivityHandler, TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { DialogContextError, DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, FileConsentCardResponse, InvokeResponse } from 'botbuilder';
import { HANDLED_INVOKES, malformedInvoke, unhandledInvoke } from './unhandled-invokes';
import type { ApprovalCards } from './card-actions/approval-cards';
import type { ApprovalDelivery } from './card-actions/approval-delivery';
import { DeelBDecisions } from './card-actions/deel-b-decisions';
import { DeelBReview } from './card-actions/deel-b-review';
import { Escalations } from './card-actions/escalations';
import { CasusregieCards } from './card-actions/casusregie';
import { ReminderCards } from './card-actions/reminders';
import { sendTodo } from './todo-command';
import type { Notifier } from '../services/ports/notifier';
import { toAttachment, type AdaptiveCardJson } from '../cards/render';
import { inTurn } from '../services/cases/turn-scope';
import { isDomainError } from '../services/domain/errors';
import { handleBudgetCommand } from './budget-command';
import { handleResultatenCommand } from './resultaten-command';
import { CaseCommands } from './case-commands';
import { PartyCommands } from './party-commands';
import { MandaatCommands } from './mandaat-commands';
import { CARD_PAYLOADS, parseCard } from './card-payload';
import { FileOffers } from './file-offers';
import type { Downloads } from './downloads';
import { actorOf, type BotServices } from './turn-services';
import { commandOf, INTERRUPTIONS, ownCardAction, submitAction, type CardActionHandler, type CommandName, type SubmitHandler } from './routes';
import { DIALOG } from './dialogs/ids';
import { MainDialog, type ActiveCase } from './dialogs/main-dialog';
import { UITGELEGD } from './dialogs/explain-once';
import { GROUP_ANSWERED_PERSONALLY, GROUP_HELP_TEXT, GROUP_NO_PERSONAL_CHAT, GROUP_NOT_HERE, GROUP_WELCOME_TEXT, HELP_TEXT, UNKNOWN_TEXT, WELCOME_TEXT } from './texts';
import { isGroupConversation, type ConversationMemberState } from './conversation-member-state';
import type { PersonalChat } from './proactive-notifier';
import { renderNoticeCard } from '../cards/notice';

/**
 * The Teams turn handler: the roads of routes.ts in their order (card actions, commands, the waiting dialog, the
 * hint), one handler per road. Thin: everything it does to a case goes through the core's services, and dialogs
 * ask the state machine.
 */
export class HelmondBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly activeCase: StatePropertyAccessor<ActiveCase | undefined>;
  private readonly files: FileOffers;
  private readonly deelBDecisions: DeelBDecisions;
  private readonly deelBReview: DeelBReview;
  private readonly escalations: Escalations;
  private readonly caseCommands: CaseCommands;
  private readonly parties: PartyCommands;
  private readonly mandaat: MandaatCommands;
  private readonly casusregie: CasusregieCards;
  private readonly reminders: ReminderCards;
  /** What this professional has had explained once (bot/dialogs/explain-once.ts). */
  private readonly uitgelegd: StatePropertyAccessor<string[]>;

  constructor(
    private readonly services: BotServices,
    private readonly conversationState: ConversationMemberState,
    private readonly teamId: string,
    private readonly approvals: { cards: ApprovalCards; delivery: ApprovalDelivery; notifier: Notifier & PersonalChat },
    /** Local runs only: files by link instead of Teams file consent. */
    downloads?: Downloads,
  ) {
    super();
    const dialogState = conversationState.createProperty<DialogState>('dialoogStatus');
    this.activeCase = conversationState.createProperty<ActiveCase | undefined>('actieveCasus');
    this.uitgelegd = conversationState.createProperty<string[]>('uitgelegd');
    this.dialogs = new DialogSet(dialogState);
    this.files = new FileOffers(services, downloads, { bron: services.resultaten, teamId });
    this.deelBDecisions = new DeelBDecisions(services, services.approvals, approvals.cards, approvals.delivery);
    this.deelBReview = new DeelBReview(services, approvals.notifier);
    this.escalations = new Escalations(services, approvals.notifier);
    this.caseCommands = new CaseCommands(services, this.activeCase, this.files, this.deelBReview);
    this.parties = new PartyCommands(services, approvals.notifier);
    this.mandaat = new MandaatCommands(services);
    this.casusregie = new CasusregieCards(services, approvals.notifier);
    this.reminders = new ReminderCards(services, (actor, caseId) => this.escalations.deliver(actor, caseId));
    this.dialogs.add(
      new MainDialog(services, this.activeCase, teamId, {
        reportStatus: (dc) => this.caseCommands.sendStatus(dc.context),
        offerPdf: (step, caseId) => this.files.offerDeelA(step.context, caseId),
        files: this.files,
        deliverApproval: async (turn, caseId, requestId) => {
          const { reached, asked } = await approvals.delivery.deliver(await actorOf(turn, services.directory), caseId, requestId);
          if (asked === 0) return 'Er is in de rollen niemand gevonden die mag beslissen; vraag de beheerder de rollen bij te werken.';
          return reached === asked ? `De kaart staat bij ${asked === 1 ? 'de beoordelaar' : `${asked} beoordelaars`}.` : `${reached} van de ${asked} beoordelaars zijn bereikt; de anderen zien het verzoek zodra ze de app openen.`;
        },
        deliverEscalation: async (turn, caseId) => {
          const { reached, asked } = await this.escalations.deliver(await actorOf(turn, services.directory), caseId);
          if (asked === 0) return 'Er is in de rollen geen procesregisseur gevonden; vraag de beheerder de rollen bij te werken.';
          return reached > 0 ? 'De procesregisseur heeft de escalatie in Teams gekregen.' : 'De procesregisseur heeft de app nog niet geopend; de escalatie staat klaar zodra dat gebeurt.';
        },
      }),
    );

    this.onInstallationUpdateAdd(async (turn, next) => {
      await turn.sendActivity(isGroupConversation(turn.activity) ? GROUP_WELCOME_TEXT : WELCOME_TEXT);
      // In the personal scope this is how the bot first learns where to reach someone it installed itself for
      // (services/notify/proactive-reach.ts waits for it). After the welcome, so that comes first in the chat.
      await this.rememberReference(turn);
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      // Teams also sends installationUpdate, which already greeted: greet here only on channels that do not
      // (Web Chat, the Emulator), and only when the bot itself joined, so new team members are not spammed.
      const botJoined = (turn.activity.membersAdded ?? []).some((member) => member.id === turn.activity.recipient?.id);
      if (botJoined && turn.activity.channelId !== 'msteams') await turn.sendActivity(isGroupConversation(turn.activity) ? GROUP_WELCOME_TEXT : WELCOME_TEXT);
      await next();
    });
    this.onMessage(async (turn, next) => {
      await this.rememberReference(turn);
      await this.route(turn);
      await next();
    });
  }

  /** One turn, in its own scope: each case it touches is read once (services/cases/turn-scope.ts). */
  override run(turn: TurnContext): Promise<void> {
    return inTurn(async () => {
      turn.turnState.set(UITGELEGD, this.uitgelegd);
      await super.run(turn);
      await this.conversationState.saveChanges(turn, false);
    });
  }

  /**
   * Keep how to reach this professional in their personal chat, for approval cards and reminders: on every message
   * and when the app is installed for them.
   */
  private async rememberReference(turn: TurnContext): Promise<void> {
    const { activity } = turn;
    if (activity.conversation?.conversationType !== 'personal' || !activity.from?.id || !activity.recipient?.id) return;
    const actor = await actorOf(turn, this.services.directory);
    const tenantId = activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    await this.services.references.remember(actor.userId, {
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      conversationId: activity.conversation.id,
      ...(tenantId ? { tenantId } : {}),
      userChannelId: activity.from.id,
      botId: activity.recipient.id,
    });
  }

  /**
   * Refusals the professional can act on are answered in Dutch; anything else goes to the turn error handler. What a
   * dialog throws arrives wrapped in botbuilder-dialogs' DialogContextError: the refusal inside is answered the same
   * way (it was the generic error before), and the dialogs are ended, because the step that threw did not finish
   * (typing **verder** starts again where the case is). A store failure goes on unwrapped, so the handler can say it.
   */
  private async route(turn: TurnContext): Promise<void> {
    try {
      await this.dispatch(turn);
    } catch (thrown) {
      const fromDialog = thrown instanceof DialogContextError;
      const error: unknown = fromDialog ? thrown.error : thrown;
      if (!isDomainError(error)) throw thrown;
      if (error.code.startsWith('STORE.')) throw error;
      if (fromDialog) await (await this.dialogs.createContext(turn)).cancelAllDialogs();
      await turn.sendActivity(error.userMessage);
    }
  }

  /** The roads of routes.ts, in their order. */
  private async dispatch(turn: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(turn.activity)?.trim() ?? turn.activity.text?.trim() ?? '';
    const value = turn.activity.value as { verb?: unknown } | undefined;
    const verb = value?.verb;
    if (isGroupConversation(turn.activity)) return this.inGroup(turn, text, verb);
    const dc = await this.dialogs.createContext(turn);

    // Action.Submit buttons with a handler of their own come before any waiting dialog.
    const own = ownCardAction(verb);
    if (own) {
      // Clients without Action.Execute send the fallback Action.Submit: same handler, the card as a new message.
      const card = await this.cardActions[own](turn, verb as string, value);
      return void (await turn.sendActivity(MessageFactory.attachment(toAttachment(card))));
    }
    const submit = submitAction(verb);
    if (submit) return this.submitActions[submit](turn, dc, value as Record<string, unknown>);

    const command = commandOf(text);
    if (command) return this.commands[command.name](turn, dc, command.match);

    if (dc.activeDialog) {
      const result = await dc.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }
    if (typeof verb === 'string') {
      return void (await turn.sendActivity('Deze kaart is verlopen of hoort bij een ander gesprek. Typ **mijn casussen** voor een actueel overzicht.'));
    }
    if (INTERRUPTIONS.help.test(text)) return void (await turn.sendActivity(HELP_TEXT));
    if (INTERRUPTIONS.stop.test(text)) return void (await turn.sendActivity('Er loopt geen gesprek om te stoppen.'));
    if (INTERRUPTIONS.status.test(text)) return this.caseCommands.sendStatus(turn);
    await turn.sendActivity(UNKNOWN_TEXT);
  }

  /**
   * A group chat or a channel: nothing of a case is posted here, and nothing typed here is taken as an answer. A
   * command runs as a turn in the sender's personal chat with the bot (its answer, its dialog, its cards go there);
   * the group reads only where the answer went. `help` answers here; anything else says where cases are discussed.
   */
  private async inGroup(turn: TurnContext, text: string, verb: unknown): Promise<void> {
    const forwarded = typeof verb !== 'string' && (commandOf(text) !== undefined || INTERRUPTIONS.status.test(text) || INTERRUPTIONS.stop.test(text));
    if (!forwarded) return void (await turn.sendActivity(INTERRUPTIONS.help.test(text) && typeof verb !== 'string' ? GROUP_HELP_TEXT : GROUP_NOT_HERE));
    const actor = await actorOf(turn, this.services.directory);
    const sender = turn.activity.from;
    const reached = await this.approvals.notifier.inPersonalChat(actor.userId, async (personal) => {
      Object.assign(personal.activity, {
        type: 'message',
        text,
        textFormat: 'plain',
        locale: turn.activity.locale ?? 'nl-NL',
        timestamp: new Date(),
        from: { ...personal.activity.from, aadObjectId: actor.userId, name: sender?.name ?? '' },
      });
      await this.run(personal);
    });
    await turn.sendActivity(reached ? GROUP_ANSWERED_PERSONALLY : GROUP_NO_PERSONAL_CHAT);
  }

  /** One handler per command of routes.ts. */
  private readonly commands: Record<CommandName, (turn: TurnContext, dc: DialogContext, match: RegExpExecArray) => Promise<void>> = {
    nieuweCasus: async (_turn, dc) => {
      await dc.cancelAllDialogs();
      await dc.beginDialog(DIALOG.main, {});
    },
    mijnCasussen: (turn) => this.caseCommands.sendCaseList(turn),
    watMoetIkDoen: (turn) => sendTodo(turn, this.services),
    casus: (turn, _dc, match) => this.caseCommands.openByReference(turn, match[1] as string),
    verder: (turn, dc) => this.caseCommands.continueActive(turn, dc),
    deelA: (turn) => this.caseCommands.offerDeelA(turn),
    aanjager: (turn) => this.caseCommands.askAanjager(turn),
    budget: (turn, _dc, match) => handleBudgetCommand(turn, this.services, this.teamId, match),
    resultaten: (turn, _dc, match) =>
      handleResultatenCommand(turn, { directory: this.services.directory, resultaten: this.services.resultaten, files: this.files }, this.teamId, match),
    collegaToevoegen: (turn) => this.caseCommands.withActiveCase(turn, (active) => this.parties.offer(turn, active.caseId)),
    toestemming: (turn) => this.caseCommands.withActiveCase(turn, (active) => this.parties.offerConsent(turn, active.caseId)),
    mandaat: (turn) => this.caseCommands.withActiveCase(turn, (active) => this.mandaat.offer(turn, active.caseId)),
    casusregieOverdragen: (turn) => this.caseCommands.withActiveCase(turn, (active) => this.casusregie.offer(turn, active.caseId)),
  };

  /** One handler per Action.Submit button of the bot's own cards. */
  private readonly submitActions: Record<SubmitHandler, (turn: TurnContext, dc: DialogContext, value: Record<string, unknown>) => Promise<void>> = {
    openCase: async (turn, _dc, value) => {
      const card = parseCard(CARD_PAYLOADS.casus, value);
      if (!card.ok) return void (await turn.sendActivity(card.error.userMessage));
      await this.caseCommands.showCase(turn, card.value.caseId);
    },
    continueCase: async (turn, dc, value) => {
      const card = parseCard(CARD_PAYLOADS.casus, value);
      if (!card.ok) return void (await turn.sendActivity(card.error.userMessage));
      await this.caseCommands.continueWith(turn, dc, card.value.caseId);
    },
    addColleague: (turn, _dc, value) => this.parties.add(turn, value),
    cancelColleague: (turn) => this.parties.cancel(turn),
    changeConsent: (turn, _dc, value) => this.parties.changeConsent(turn, value),
    withdrawConsent: (turn, _dc, value) => this.parties.withdrawConsent(turn, value),
    removeColleague: (turn, _dc, value) => this.parties.remove(turn, value),
    offerCasusregie: async (turn, _dc, value) => {
      const card = parseCard(CARD_PAYLOADS.casus, value);
      if (!card.ok) return void (await turn.sendActivity(card.error.userMessage));
      await this.casusregie.offer(turn, card.value.caseId);
    },
    proposeCasusregie: (turn, _dc, value) => this.casusregie.propose(turn, value),
    cancelCasusregie: (turn) => this.casusregie.cancel(turn),
    spendMandaat: (turn, _dc, value) => this.mandaat.spend(turn, value),
    cancelMandaat: (turn) => this.mandaat.cancel(turn),
    moreCases: async (turn, _dc, value) => {
      const card = parseCard(CARD_PAYLOADS.casussenMeer, value);
      if (!card.ok) return void (await turn.sendActivity(card.error.userMessage));
      await this.caseCommands.sendCaseList(turn, card.value.continuationToken);
    },
  };

  /** One handler per group of card actions (Action.Execute and its Action.Submit fallback), answering with the card. */
  private readonly cardActions: Record<CardActionHandler, (turn: TurnContext, verb: string, data: unknown) => Promise<AdaptiveCardJson>> = {
    deelBDecision: (turn, verb, data) => this.deelBDecisions.handle(turn, verb, data),
    deelBReview: (turn, verb, data) => this.deelBReview.handle(turn, verb, data),
    escalation: (turn, verb, data) => this.escalations.handle(turn, verb, data),
    casusregie: (turn, verb, data) => this.casusregie.handle(turn, verb, data),
    reminder: (turn, verb, data) => this.reminders.handle(turn, verb, data),
  };

  /**
   * Card actions (Action.Execute): an invoke route, kept apart from the message routes and answered with the card
   * as it should now look. Unknown verbs are a 400, never a guess.
   */
  protected override async onAdaptiveCardInvoke(turn: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue?.action?.verb;
    if (isGroupConversation(turn.activity)) {
      // The bot posts no case cards in a group; a card pressed here (forwarded from a personal chat) shows nothing of a case.
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: renderNoticeCard({ title: 'Alleen in je persoonlijke chat', text: GROUP_NOT_HERE }) };
    }
    const own = ownCardAction(verb);
    if (own) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: await this.cardActions[own](turn, verb as string, invokeValue.action.data) };
    return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Onbekende kaartactie.' } as never };
  }

  /** Invokes the bot does not handle get a deliberate answer (see unhandled-invokes.ts), never botbuilder's 501. */
  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    const name = turn.activity.name ?? '';
    if (!HANDLED_INVOKES.includes(name)) return unhandledInvoke(name);
    const malformed = malformedInvoke(name, turn.activity.value);
    return malformed ?? super.onInvokeActivity(turn);
  }

  protected override async handleTeamsFileConsentAccept(turn: TurnContext, response: FileConsentCardResponse): Promise<void> {
    await this.files.accept(turn, response);
  }

  protected override async handleTeamsFileConsentDecline(turn: TurnContext, response: FileConsentCardResponse): Promise<void> {
    await this.files.decline(turn, response);
  }
}

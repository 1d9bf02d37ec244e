import { MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { renderCaseListCard } from '../cards/case-list';
import { renderCaseViewCard } from '../cards/case-view';
import { toAttachment } from '../cards/render';
import { DomainError, isDomainError } from '../services/domain/errors';
import { budgetLineOf } from './budget-command';
import type { DeelBReview } from './card-actions/deel-b-review';
import { DIALOG } from './dialogs/ids';
import type { ActiveCase } from './dialogs/main-dialog';
import type { FileOffers } from './file-offers';
import { actorOf, type BotServices } from './turn-services';
import { caseListItem, caseViewData, statusText } from './views';
import { sightOf } from '../services/domain/model/visibility';

const PAGE_SIZE = 10;
const NO_CASE_CHOSEN = 'Er is nog geen casus gekozen. Typ **mijn casussen** of **nieuwe casus**.';

/**
 * The bot's handlers that show or pick a case: the case list, one case, its status, and the commands about the
 * conversation's active case (verder, deel a, aanjager). HelmondBot routes to them (routes.ts).
 */
export class CaseCommands {
  constructor(
    private readonly services: BotServices,
    private readonly activeCase: StatePropertyAccessor<ActiveCase | undefined>,
    private readonly files: FileOffers,
    private readonly deelBReview: DeelBReview,
  ) {}

  /** "mijn casussen", a page at a time. */
  async sendCaseList(turn: TurnContext, continuationToken?: string): Promise<void> {
    const actor = await actorOf(turn, this.services.directory);
    const page = await this.services.cases.listMine(actor, { pageSize: PAGE_SIZE, ...(continuationToken ? { continuationToken } : {}) }).catch((error: unknown) => {
      // The token comes from the card: one that is not ours is a card that is not (or no longer) ours.
      if (continuationToken && isDomainError(error, 'CASE.INVALID_INPUT')) throw new DomainError('CARD.INVALID_PAYLOAD');
      throw error;
    });
    const card = renderCaseListCard({
      title: continuationToken ? 'Mijn casussen (vervolg)' : 'Mijn casussen',
      items: page.items.map((c) => caseListItem(c, actor.userId)),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
      emptyText: 'Je hebt geen open casussen. Typ **nieuwe casus** om te beginnen.',
    });
    await turn.sendActivity(MessageFactory.attachment(toAttachment(card)));
  }

  /** "casus <kenmerk>". */
  async openByReference(turn: TurnContext, reference: string): Promise<void> {
    const actor = await actorOf(turn, this.services.directory);
    const stored = await this.services.cases.getByReference(actor, reference);
    await this.showCase(turn, stored.case.id);
  }

  /** One case as a card; it becomes the conversation's active case. */
  async showCase(turn: TurnContext, caseId: string): Promise<void> {
    const actor = await actorOf(turn, this.services.directory);
    const stored = await this.services.cases.get(actor, caseId);
    await this.activeCase.set(turn, { caseId, reference: stored.case.reference });
    const card = renderCaseViewCard(caseViewData(stored.case, this.services.cases.context(actor)));
    await turn.sendActivity(MessageFactory.attachment(toAttachment(card)));
  }

  /**
   * Start (again) the step the case is in. From a card the case is read first, so one that (to this professional)
   * does not exist is answered before any running dialog is ended.
   */
  async continueWith(turn: TurnContext, dc: DialogContext, caseId: string, options: { readFirst: boolean } = { readFirst: true }): Promise<void> {
    if (options.readFirst) await this.services.cases.get(await actorOf(turn, this.services.directory), caseId);
    await dc.cancelAllDialogs();
    await dc.beginDialog(DIALOG.main, { caseId });
  }

  /** "verder": the active case's step. */
  continueActive(turn: TurnContext, dc: DialogContext): Promise<void> {
    return this.withActiveCase(turn, (active) => this.continueWith(turn, dc, active.caseId, { readFirst: false }));
  }

  /** "deel a": the Deel A PDF of the active case. */
  offerDeelA(turn: TurnContext): Promise<void> {
    return this.withActiveCase(turn, (active) => this.files.offerDeelA(turn, active.caseId));
  }

  /** "aanjager": ask an aanjager to look at the active case's Deel B. */
  askAanjager(turn: TurnContext): Promise<void> {
    return this.withActiveCase(turn, async (active) => void (await turn.sendActivity(await this.deelBReview.ask(turn, active.caseId))));
  }

  /** "status": where the active case stands, and what is left of the budget when it asks for money. */
  sendStatus(turn: TurnContext): Promise<void> {
    return this.withActiveCase(turn, async (active) => {
      const actor = await actorOf(turn, this.services.directory);
      const stored = await this.services.cases.get(actor, active.caseId);
      // The budget line says money was asked: part of Deel B, so only for whom may see it.
      const asksBudget = stored.case.approvals.some((r) => r.amountCents !== undefined) && sightOf(stored.case, actor.userId).parts.has('deelB');
      const budget = asksBudget ? `\n\n${budgetLineOf(stored.case.teamId, await this.services.approvals.budgetNow(stored.case))}` : '';
      await turn.sendActivity(`${statusText(stored.case, this.services.cases.context(actor))}${budget}`);
    });
  }

  /** `work` on the conversation's active case, or the hint that none is chosen. */
  async withActiveCase(turn: TurnContext, work: (active: ActiveCase) => Promise<void>): Promise<void> {
    const active = await this.activeCase.get(turn);
    if (!active) return void (await turn.sendActivity(NO_CASE_CHOSEN));
    await work(active);
  }
}

import { MessageFactory, type Activity } from 'botbuilder';
import { ChoiceFactory, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { renderActieCard } from '../../cards/actie';
import { toAttachment } from '../../cards/render';
import { ACTIE_TOEVOEGEN, PLAN_KLAAR } from '../../cards/verbs';
import { isDomainError } from '../../services/domain/errors';
import { missingDeelAPlan, missingSentence } from '../../services/domain/stappenplan/guards';
import { calendarDate } from '../../services/domain/model/fields';
import { actieTermijn } from '../../services/domain/model/samenwerkplan';
import { parseInput } from '../../services/domain/model/validation';
import { upcomingDate } from '../parse';
import { formatDate } from '../texts';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import type { BotServices } from '../turn-services';
import { BaseDialog, type StatusReporter, type StepOptions } from './base-dialog';
import { CardSubmitPrompt, submittedValue } from './card-submit';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { currentCase, execute, tryTransition } from './step-helpers';


/** What the professional filled in on the action card (its shape is CARD_PAYLOADS.actie). */
export const actieSubmission = z.object({
  wie: z.string({ error: 'Vul in wie het doet.' }),
  wat: z.string({ error: 'Vul in wat er gebeurt.' }),
  wanneer: calendarDate('wanneer'),
  termijn: actieTermijn.default('kort'),
});

const CHOICES = { nee: 'Nee, geen uitzondering nodig', ja: 'Ja, uitzondering of doorbraakbudget nodig' } as const;

/** Something the bot can offer to send as a file (the Deel A PDF); supplied by the bot, which owns the Teams file flow. */
export type DeelAOffer = (step: WaterfallStepContext, caseId: string) => Promise<void>;

/** Stap 5A Plan: Deel A with the inwoner (wie doet wat wanneer), left with the inwoner as a PDF. */
export class PlanDialog extends BaseDialog {
  constructor(private readonly services: BotServices, private readonly offerPdf?: DeelAOffer, reportStatus?: StatusReporter) {
    super(DIALOG.plan, reportStatus);
    this.addDialog(new CardSubmitPrompt(PROMPT.card));
    this.addDialog(new WaterfallDialog(WATERFALL.planActies, [this.sendCardStep.bind(this), this.saveActieStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(WATERFALL.planStappen, [
        this.introStep.bind(this),
        this.pdfQuestionStep.bind(this),
        this.pdfStep.bind(this),
        this.saveExceptionStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL.planStappen;
  }

  private async introStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    await step.context.sendActivity('Stap 5A, **plan**: vul Deel A van het Samenwerkplan in met de inwoner: wie doet wat wanneer.');
    return step.beginDialog(WATERFALL.planActies, { caseId });
  }

  private async sendCardStep(step: WaterfallStepContext) {
    const { caseId, notice } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const card = renderActieCard({
      caseId,
      reference: c.reference,
      vandaag: this.services.clock.now().toISODate() as string,
      acties: c.deelA.acties.filter((a) => a.status !== 'vervallen').map((a) => ({ wie: a.wie, wat: a.wat, wanneer: formatDate(a.wanneer) })),
    });
    return step.prompt(PROMPT.card, {
      prompt: MessageFactory.attachment(toAttachment(card), notice),
      retryPrompt: MessageFactory.text('Voeg een actie toe op de kaart, of kies **Plan is compleet**.'),
      validations: { verbs: [ACTIE_TOEVOEGEN, PLAN_KLAAR], words: ['klaar'] },
    });
  }

  private async saveActieStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const activity = step.result as Activity;
    if (!submittedValue(activity, ACTIE_TOEVOEGEN)) {
      // "Plan is compleet" without one action: the state machine's rule, said here and the card shown again.
      const missing = missingDeelAPlan(await currentCase(step.context, this.services, caseId));
      if (missing.length) return step.replaceDialog(WATERFALL.planActies, { caseId, notice: missingSentence('Deel A is nog niet compleet. Nog niet ingevuld:', missing) });
      return step.endDialog();
    }
    const card = parseCard(CARD_PAYLOADS.actie, activity.value);
    if (!card.ok) return step.replaceDialog(WATERFALL.planActies, { caseId, notice: card.error.userMessage });
    if (card.value.caseId !== caseId) return step.replaceDialog(WATERFALL.planActies, { caseId, notice: 'Deze kaart hoort bij een andere casus; gebruik deze.' });
    const parsed = parseInput(actieSubmission, card.value);
    if (!parsed.ok) return step.replaceDialog(WATERFALL.planActies, { caseId, notice: parsed.error.userMessage });
    const { wie, wat, wanneer, termijn } = parsed.value;
    const datum = upcomingDate(wanneer, this.services.clock.now());
    if ('refusal' in datum) return step.replaceDialog(WATERFALL.planActies, { caseId, notice: datum.refusal });
    try {
      await execute(step.context, this.services, caseId, { type: 'setActie', actie: { wie, wat, wanneer, termijn } });
    } catch (error) {
      if (isDomainError(error, 'CASE.INVALID_INPUT')) return step.replaceDialog(WATERFALL.planActies, { caseId, notice: error.userMessage });
      throw error;
    }
    return step.replaceDialog(WATERFALL.planActies, { caseId, notice: 'Actie toegevoegd.' });
  }

  private async pdfQuestionStep(step: WaterfallStepContext) {
    if (!this.offerPdf) return step.next(false);
    return step.prompt(PROMPT.confirm, { prompt: 'Wil je Deel A als PDF, om af te drukken en bij de inwoner achter te laten?' });
  }

  private async pdfStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    if (step.result === true && this.offerPdf) await this.offerPdf(step, caseId);
    return step.prompt(PROMPT.choice, {
      prompt: 'Is er voor dit plan een **uitzondering** of **doorbraakbudget** nodig?',
      choices: ChoiceFactory.toChoices(Object.values(CHOICES)),
    });
  }

  private async saveExceptionStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const nodig = (step.result as FoundChoice).value === CHOICES.ja;
    const moved = await tryTransition(step.context, this.services, caseId, nodig ? 'uitzonderingNodig' : 'geenUitzonderingNodig');
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { MessageFactory, type Activity } from 'botbuilder';
import { z } from 'zod';
import { toAttachment } from '../../cards/render';
import { ZRM_OPSLAAN } from '../../cards/verbs';
import { renderZrmScoresCard, zrmCardData } from '../../cards/zrm-scores';
import { isDomainError } from '../../services/errors';
import { LEEFGEBIEDEN, unscored } from '../../services/model/leefgebieden';
import { parseInput } from '../../services/model/validation';
import type { BotServices } from '../services';
import { AskFieldDialog } from './ask-field-dialog';
import { BaseDialog, type StatusReporter } from './base-dialog';
import { CardSubmitPrompt, submittedValue } from './card-submit';
import type { FieldKey } from './fields';
import { DIALOG, PROMPT } from './ids';
import { currentCase, execute, tryTransition } from './step-helpers';

interface StepOptions {
  readonly caseId: string;
  readonly notice?: string;
}

/** What the ZRM card submits: one score per leefgebied, as the strings '1'..'5'. */
export const zrmSubmission = z.object({
  verb: z.literal(ZRM_OPSLAAN),
  caseId: z.string(),
  moment: z.enum(['voor', 'na']),
  ...Object.fromEntries(LEEFGEBIEDEN.map((l) => [`zrm_${l}`, z.string().regex(/^[1-5]$/, { error: 'Kies bij elk leefgebied een score van 1 tot en met 5.' }).optional()])),
});

/** Turn a card submission into scores per leefgebied. */
export function scoresFrom(value: Record<string, unknown>): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const l of LEEFGEBIEDEN) {
    const raw = value[`zrm_${l}`];
    if (typeof raw === 'string' && raw !== '') scores[l] = Number(raw);
  }
  return scores;
}

const QUESTIONS: readonly FieldKey[] = ['ikWil', 'ikKan', 'ikHebNodig'];

/** Stap 2 Vraagverheldering: ik wil / ik kan / ik heb nodig in the inwoner's words, and the ZRM on all 13 leefgebieden. */
export class VraagverhelderingDialog extends BaseDialog {
  constructor(private readonly services: BotServices, reportStatus?: StatusReporter) {
    super(DIALOG.vraagverheldering, reportStatus);
    this.addDialog(new AskFieldDialog(services));
    this.addDialog(new CardSubmitPrompt(PROMPT.card));
    this.addDialog(new WaterfallDialog('zrmKaart', [this.sendCardStep.bind(this), this.saveScoresStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog('vraagverhelderingStappen', [
        this.introStep.bind(this),
        ...QUESTIONS.map((field) => this.askUnlessAnswered(field)),
        this.scoresStep.bind(this),
        this.moveOnStep.bind(this),
      ]),
    );
    this.initialDialogId = 'vraagverhelderingStappen';
  }

  private async introStep(step: WaterfallStepContext) {
    await step.context.sendActivity('Stap 2, **vraagverheldering**: wat wil de inwoner, wat kan hij of zij zelf, en wat is er nodig?');
    return step.next();
  }

  /** Ask only what is still open, so "verder" resumes where the professional left off. */
  private askUnlessAnswered(field: FieldKey) {
    return async (step: WaterfallStepContext) => {
      const { caseId } = step.options as StepOptions;
      const current = await currentCase(step.context, this.services, caseId);
      const answered = current.vraagverheldering[field as 'ikWil' | 'ikKan' | 'ikHebNodig'];
      return answered ? step.next() : step.beginDialog(DIALOG.askField, { caseId, field });
    };
  }

  private async scoresStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const current = await currentCase(step.context, this.services, caseId);
    if (unscored(current.vraagverheldering.zrmVoor?.scores ?? {}).length === 0) return step.next();
    return step.beginDialog('zrmKaart', { caseId });
  }

  private async sendCardStep(step: WaterfallStepContext) {
    const { caseId, notice } = step.options as StepOptions;
    const current = await currentCase(step.context, this.services, caseId);
    const card = renderZrmScoresCard(zrmCardData(caseId, current.reference, 'voor', current.vraagverheldering.zrmVoor?.scores ?? {}));
    const prompt = MessageFactory.attachment(toAttachment(card), notice);
    return step.prompt(PROMPT.card, {
      prompt,
      retryPrompt: MessageFactory.text('Vul de scores in op de kaart hierboven en kies **Scores opslaan**. Typ **stop** om later verder te gaan.'),
      validations: ZRM_OPSLAAN,
    });
  }

  private async saveScoresStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const value = submittedValue(step.result as Activity, ZRM_OPSLAAN) ?? {};
    const parsed = parseInput(zrmSubmission, value);
    if (!parsed.ok) return step.replaceDialog('zrmKaart', { caseId, notice: parsed.error.userMessage });
    if (parsed.value.caseId !== caseId) return step.replaceDialog('zrmKaart', { caseId, notice: 'Deze kaart hoort bij een andere casus.' });
    try {
      await execute(step.context, this.services, caseId, { type: 'recordZrm', moment: 'voor', scores: scoresFrom(value) });
      await step.context.sendActivity('De ZRM-scores zijn opgeslagen.');
      return step.endDialog();
    } catch (error) {
      if (isDomainError(error, 'CASE.INVALID_INPUT')) return step.replaceDialog('zrmKaart', { caseId, notice: error.userMessage });
      throw error;
    }
  }

  private async moveOnStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const moved = await tryTransition(step.context, this.services, caseId, 'naarWieIsErNodig');
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

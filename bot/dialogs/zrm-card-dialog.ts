import { MessageFactory, type Activity } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { toAttachment } from '../../cards/render';
import { ZRM_OPSLAAN } from '../../cards/verbs';
import { renderZrmScoresCard, zrmCardData } from '../../cards/zrm-scores';
import { isDomainError } from '../../services/domain/errors';
import { LEEFGEBIEDEN } from '../../services/domain/model/leefgebieden';
import { parseInput } from '../../services/domain/model/validation';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import type { BotServices } from '../turn-services';
import { BaseDialog } from './base-dialog';
import { CardSubmitPrompt, submittedValue } from './card-submit';
import { PROMPT, WATERFALL } from './ids';
import { currentCase, execute } from './step-helpers';

export const ZRM_DIALOG = 'zrmKaart';

interface ZrmOptions {
  readonly caseId: string;
  readonly moment: 'voor' | 'na';
  readonly notice?: string;
}

/** The scores the ZRM card submits (its shape is CARD_PAYLOADS.zrm): per leefgebied, one of the strings '1'..'5'. */
export const zrmSubmission = z.object(
  Object.fromEntries(
    LEEFGEBIEDEN.map((l) => [`zrm_${l}`, z.string().regex(/^[1-5]$/, { error: 'Kies bij elk leefgebied een score van 1 tot en met 5.' }).optional()]),
  ),
);

/** Turn a card submission into scores per leefgebied. */
export function scoresFrom(value: Record<string, unknown>): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const l of LEEFGEBIEDEN) {
    const raw = value[`zrm_${l}`];
    if (typeof raw === 'string' && raw !== '') scores[l] = Number(raw);
  }
  return scores;
}

/** The ZRM card: all 13 leefgebieden scored in one go, before (stap 2) or after (stap 7, Deel C). */
export class ZrmCardDialog extends BaseDialog {
  constructor(private readonly services: BotServices) {
    super(ZRM_DIALOG);
    this.addDialog(new CardSubmitPrompt(PROMPT.card));
    this.addDialog(new WaterfallDialog(WATERFALL.zrmKaartStappen, [this.sendCardStep.bind(this), this.saveScoresStep.bind(this)]));
    this.initialDialogId = WATERFALL.zrmKaartStappen;
  }

  private async sendCardStep(step: WaterfallStepContext) {
    const { caseId, moment, notice } = step.options as ZrmOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const scores = (moment === 'voor' ? c.vraagverheldering.zrmVoor : c.deelC.zrmNa)?.scores ?? {};
    const card = renderZrmScoresCard(zrmCardData(caseId, c.reference, moment, scores));
    return step.prompt(PROMPT.card, {
      prompt: MessageFactory.attachment(toAttachment(card), notice),
      retryPrompt: MessageFactory.text('Vul de scores in op de kaart hierboven en kies **Scores opslaan**. Typ **stop** om later verder te gaan.'),
      validations: { verbs: [ZRM_OPSLAAN] },
    });
  }

  private async saveScoresStep(step: WaterfallStepContext) {
    const options = step.options as ZrmOptions;
    const value = submittedValue(step.result as Activity, ZRM_OPSLAAN) ?? {};
    const card = parseCard(CARD_PAYLOADS.zrm, value);
    if (!card.ok) return step.replaceDialog(this.initialDialogId, { ...options, notice: card.error.userMessage });
    if (card.value.caseId !== options.caseId || card.value.moment !== options.moment) {
      return step.replaceDialog(this.initialDialogId, { ...options, notice: 'Deze kaart hoort bij een andere casus of een ander moment.' });
    }
    const parsed = parseInput(zrmSubmission, card.value);
    if (!parsed.ok) return step.replaceDialog(this.initialDialogId, { ...options, notice: parsed.error.userMessage });
    try {
      await execute(step.context, this.services, options.caseId, { type: 'recordZrm', moment: options.moment, scores: scoresFrom(value) });
      await step.context.sendActivity('De ZRM-scores zijn opgeslagen.');
      return step.endDialog();
    } catch (error) {
      if (isDomainError(error, 'CASE.INVALID_INPUT')) return step.replaceDialog(this.initialDialogId, { ...options, notice: error.userMessage });
      throw error;
    }
  }
}

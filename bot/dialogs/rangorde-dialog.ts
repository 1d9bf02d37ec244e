import { MessageFactory, type Activity } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { RANGEN, rangId, renderRangordeCard } from '../../cards/leefgebieden-rangorde';
import { toAttachment } from '../../cards/render';
import { RANGORDE_OPSLAAN } from '../../cards/verbs';
import type { Leefgebied } from '../../services/domain/model/leefgebieden';
import { CARD_PAYLOADS, parseCardOf } from '../card-payload';
import type { BotServices } from '../turn-services';
import { BaseDialog, type StepOptions } from './base-dialog';
import { CardSubmitPrompt, submittedValue } from './card-submit';
import { PROMPT, WATERFALL } from './ids';
import { currentCase, executeOrRefusal } from './step-helpers';

export const RANGORDE_DIALOG = 'stap2Rangorde';

interface RangordeOptions extends StepOptions {
  /** What was chosen per rank before a refusal, to show it again. */
  readonly gekozen?: readonly string[];
}

/**
 * Stap 2: the inwoner ranks the leefgebieden that matter most (1 to 5 of the 13, most important first). The core
 * refuses an unknown leefgebied or one chosen twice; the card comes back with the refusal and what was chosen.
 */
export class RangordeDialog extends BaseDialog {
  constructor(private readonly services: BotServices) {
    super(RANGORDE_DIALOG);
    this.addDialog(new CardSubmitPrompt(PROMPT.card));
    this.addDialog(new WaterfallDialog(WATERFALL.rangorde, [this.sendCardStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = WATERFALL.rangorde;
  }

  private async sendCardStep(step: WaterfallStepContext) {
    const { caseId, notice, gekozen } = step.options as RangordeOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const card = renderRangordeCard({ caseId, reference: c.reference, gekozen: gekozen ?? c.vraagverheldering.belangrijksteLeefgebieden ?? [], ...(notice ? { melding: notice } : {}) });
    return step.prompt(PROMPT.card, {
      prompt: MessageFactory.attachment(toAttachment(card), notice),
      retryPrompt: MessageFactory.text('Kies op de kaart hierboven wat voor de inwoner het belangrijkst is en kies **Opslaan**. Typ **stop** om later verder te gaan.'),
      validations: { verbs: [RANGORDE_OPSLAAN] },
    });
  }

  private async saveStep(step: WaterfallStepContext) {
    const options = step.options as RangordeOptions;
    const again = (more: Omit<RangordeOptions, 'caseId'>) => step.replaceDialog(this.initialDialogId, { caseId: options.caseId, ...more });
    const card = parseCardOf(CARD_PAYLOADS.rangorde, submittedValue(step.result as Activity, RANGORDE_OPSLAAN) ?? {}, options.caseId, 'Deze kaart hoort bij een andere casus.');
    if (!card.ok) return again({ notice: card.error.userMessage });
    const values = card.value as Record<string, string | undefined>;
    const perRang = RANGEN.map((_, i) => (values[rangId(i)] ?? '').trim().slice(0, 40));
    const gekozen = perRang.filter((v) => v !== '');
    if (gekozen.length === 0) return again({ notice: 'Kies minstens één leefgebied dat voor de inwoner het belangrijkst is.', gekozen: perRang });
    // The leefgebieden as sent: the command refuses an unknown one, or one chosen twice.
    const refused = await executeOrRefusal(step.context, this.services, options.caseId, { type: 'recordVraagverheldering', belangrijksteLeefgebieden: gekozen as Leefgebied[] });
    if (refused) return again({ notice: refused, gekozen: perRang });
    await step.context.sendActivity('Opgeslagen wat voor de inwoner het belangrijkst is.');
    return step.endDialog();
  }
}

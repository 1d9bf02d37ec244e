import { ChoiceFactory, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isDomainError } from '../../services/domain/errors';
import type { BotServices } from '../turn-services';
import { BaseDialog, type StatusReporter } from './base-dialog';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { explainOnce } from './explain-once';
import { execute, tryTransition } from './step-helpers';

interface WieState {
  caseId: string;
  notice?: string;
  partijen?: string[];
}

const CHOICES = { enkelvoudig: 'Eén partij (enkelvoudig)', meervoudig: 'Meerdere partijen (meervoudig)' } as const;

/** "Schuldhulp, Woningcorporatie\nGGZ" → ['Schuldhulp', 'Woningcorporatie', 'GGZ'] (no duplicates, no empties). */
export function splitPartijen(text: string): string[] {
  const names = text.split(/[,;\n]/).map((p) => p.trim()).filter((p) => p.length > 0);
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
}

/** Stap 3 Wie is er nodig: with the inwoner, which parties are needed; one party, or several (then an MDO). */
export class WieIsErNodigDialog extends BaseDialog {
  constructor(private readonly services: BotServices, reportStatus?: StatusReporter) {
    super(DIALOG.wieIsErNodig, reportStatus);
    this.addDialog(
      new WaterfallDialog(WATERFALL.wieStappen, [this.partiesStep.bind(this), this.kindStep.bind(this), this.saveStep.bind(this)]),
    );
    this.initialDialogId = WATERFALL.wieStappen;
  }

  private async partiesStep(step: WaterfallStepContext) {
    const { notice } = step.options as WieState;
    const question = await explainOnce(step.context, {
      key: 'stap3',
      long: 'Stap 3, **wie is er nodig?** Welke partijen zijn nodig om tot een oplossing te komen? Noem ze gescheiden door komma\u2019s, bijvoorbeeld: `Wijkteam, Schuldhulpverlening, Woningcorporatie`.',
      short: 'Stap 3, **wie is er nodig?** Welke partijen (gescheiden door komma\u2019s)?',
    });
    return step.prompt(PROMPT.text, { prompt: notice ? `${notice}\n\n${question}` : question });
  }

  private async kindStep(step: WaterfallStepContext) {
    const partijen = splitPartijen(String(step.result ?? ''));
    if (partijen.length === 0) return step.replaceDialog(this.initialDialogId, { ...(step.options as WieState), notice: 'Noem minstens één partij.' });
    (step.values as WieState).partijen = partijen;
    return step.prompt(PROMPT.choice, {
      prompt: await explainOnce(step.context, {
        key: 'enkelvoudigMeervoudig',
        long: 'Kan één partij de vraag oplossen, of zijn er meerdere partijen nodig? Bij meerdere partijen plannen we een MDO.',
        short: 'Eén partij, of meerdere?',
      }),
      retryPrompt: 'Kies een van de twee mogelijkheden.',
      choices: ChoiceFactory.toChoices(Object.values(CHOICES)),
    });
  }

  private async saveStep(step: WaterfallStepContext) {
    const { caseId } = step.options as WieState;
    const { partijen = [] } = step.values as WieState;
    const vraagType = (step.result as FoundChoice).value === CHOICES.meervoudig ? 'meervoudig' : 'enkelvoudig';
    try {
      await execute(step.context, this.services, caseId, {
        type: 'setPartijen',
        vraagType,
        partijen: partijen.map((organisatie) => ({ organisatie })),
      });
    } catch (error) {
      if (isDomainError(error, 'CASE.INVALID_INPUT')) return step.replaceDialog(this.initialDialogId, { caseId, notice: error.userMessage });
      throw error;
    }
    await step.context.sendActivity(
      'Zet de collega\u2019s van deze partijen op de casus met **collega toevoegen**: ieder ziet dan wat de inwoner goedvindt.',
    );
    const moved = await tryTransition(step.context, this.services, caseId, vraagType === 'meervoudig' ? 'meervoudigeVraag' : 'enkelvoudigeVraag');
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

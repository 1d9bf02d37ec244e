import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isDomainError, type ErrorCode } from '../../services/domain/errors';
import { actorOf, type BotServices } from '../turn-services';
import { BaseDialog } from './base-dialog';
import { explainOnce } from './explain-once';
import { FIELDS, type FieldKey, type FieldQuestion } from './fields';
import { DIALOG, PROMPT, WATERFALL } from './ids';

export interface AskFieldOptions {
  readonly caseId: string;
  readonly field: FieldKey;
  /** The refusal of the previous answer, shown before asking again. */
  readonly refusal?: string;
}

/** Refusals the professional can fix by answering differently; anything else ends the turn with its message. */
const FIXABLE: readonly ErrorCode[] = ['CASE.INVALID_INPUT'];

/**
 * Asks one free-text question and stores the answer through the case service. A refused answer (a BSN, too long,
 * empty) is asked again with the Dutch reason; nothing is stored until an answer is accepted.
 */
export class AskFieldDialog extends BaseDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG.askField);
    this.addDialog(new WaterfallDialog(WATERFALL.vraagVeldStappen, [this.askStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = WATERFALL.vraagVeldStappen;
  }

  private async askStep(step: WaterfallStepContext) {
    const options = step.options as AskFieldOptions;
    const suggestion = await this.suggestion(step, options);
    const field: FieldQuestion = FIELDS[options.field];
    const offer = suggestion ? `\n\n${field.suggestionFrom ?? 'Al vastgelegd'}: \u201c${suggestion}\u201d${/[.!?]$/.test(suggestion) ? '' : '.'} Typ **overnemen** om die tekst te gebruiken, of typ je eigen tekst.` : '';
    const asked = field.short ? await explainOnce(step.context, { key: `veld:${options.field}`, long: field.prompt, short: field.short }) : field.prompt;
    const question = `${asked}${offer}`;
    const prompt = options.refusal ? `${options.refusal}\n\n${question}` : question;
    return step.prompt(PROMPT.text, { prompt });
  }

  /** What the case already says that this question may start from (see FieldQuestion.suggestion). */
  private async suggestion(step: WaterfallStepContext, options: AskFieldOptions): Promise<string | undefined> {
    const field: FieldQuestion = FIELDS[options.field];
    if (!field.suggestion) return undefined;
    const actor = await actorOf(step.context, this.services.directory);
    return field.suggestion((await this.services.cases.get(actor, options.caseId)).case);
  }

  private async saveStep(step: WaterfallStepContext) {
    const options = step.options as AskFieldOptions;
    const actor = await actorOf(step.context, this.services.directory);
    try {
      const current = await this.services.cases.get(actor, options.caseId);
      const answer = String(step.result ?? '');
      const field: FieldQuestion = FIELDS[options.field];
      const suggested = /^\s*overnemen\s*$/i.test(answer) ? field.suggestion?.(current.case) : undefined;
      const command = field.command(suggested ?? answer, current.case);
      const updated = await this.services.cases.execute(actor, options.caseId, command);
      return step.endDialog(updated);
    } catch (error) {
      if (isDomainError(error) && FIXABLE.includes(error.code)) {
        return step.replaceDialog(this.initialDialogId, { ...options, refusal: error.userMessage });
      }
      throw error;
    }
  }
}

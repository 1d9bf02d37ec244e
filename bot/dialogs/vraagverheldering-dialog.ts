import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { unscored } from '../../services/domain/model/leefgebieden';
import type { BotServices } from '../turn-services';
import { AskFieldDialog } from './ask-field-dialog';
import { BaseDialog, type StatusReporter, type StepOptions } from './base-dialog';
import type { FieldKey } from './fields';
import { DIALOG, WATERFALL } from './ids';
import { explainOnce } from './explain-once';
import { currentCase, execute, tryTransition } from './step-helpers';
import { KWALITEIT_PROMPT, kwaliteitPrompt, readKwaliteit } from './kwaliteit-prompt';
import { ZRM_DIALOG, ZrmCardDialog } from './zrm-card-dialog';
import { RANGORDE_DIALOG, RangordeDialog } from './rangorde-dialog';


const QUESTIONS: readonly FieldKey[] = ['ikWil', 'ikKan', 'ikHebNodig', 'watMoetVeranderen'];

/** The quality-of-life question at the start: the inwoner's own score, apart from the professional's ZRM. */
export const KWALITEIT_START =
  'Welk cijfer geeft de inwoner zelf nu aan de **kwaliteit van leven**? Typ een cijfer van 1 tot en met 10 (het cijfer van de inwoner, niet dat van jou). Bij de evaluatie vragen we het opnieuw.';

/**
 * Stap 2 Vraagverheldering: ik wil / ik kan / ik heb nodig and wat moet er veranderen in the inwoner's words, the
 * leefgebieden that matter most to the inwoner (their ranking), and the ZRM on all 13 leefgebieden.
 */
export class VraagverhelderingDialog extends BaseDialog {
  constructor(private readonly services: BotServices, reportStatus?: StatusReporter) {
    super(DIALOG.vraagverheldering, reportStatus);
    this.addDialog(new AskFieldDialog(services));
    this.addDialog(new ZrmCardDialog(services));
    this.addDialog(new RangordeDialog(services));
    this.addDialog(kwaliteitPrompt());
    this.addDialog(
      new WaterfallDialog(WATERFALL.vraagverhelderingStappen, [
        this.introStep.bind(this),
        ...QUESTIONS.map((field) => this.askUnlessAnswered(field)),
        this.rangordeStep.bind(this),
        this.kwaliteitStep.bind(this),
        this.saveKwaliteitStep.bind(this),
        this.scoresStep.bind(this),
        this.moveOnStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL.vraagverhelderingStappen;
  }

  private async introStep(step: WaterfallStepContext) {
    await step.context.sendActivity(
      await explainOnce(step.context, { key: 'stap2', long: 'Stap 2, **vraagverheldering**: wat wil de inwoner, wat kan hij of zij zelf, en wat is er nodig?', short: 'Stap 2, **vraagverheldering**.' }),
    );
    return step.next();
  }

  /** Ask only what is still open, so "verder" resumes where the professional left off. */
  private askUnlessAnswered(field: FieldKey) {
    return async (step: WaterfallStepContext) => {
      const { caseId } = step.options as StepOptions;
      const current = await currentCase(step.context, this.services, caseId);
      const answered = current.vraagverheldering[field as 'ikWil' | 'ikKan' | 'ikHebNodig' | 'watMoetVeranderen'];
      return answered ? step.next() : step.beginDialog(DIALOG.askField, { caseId, field });
    };
  }

  /** The inwoner's own ranking of what matters most, apart from the professional's ZRM on all 13. */
  private async rangordeStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const current = await currentCase(step.context, this.services, caseId);
    if (current.vraagverheldering.belangrijksteLeefgebieden?.length) return step.next();
    return step.beginDialog(RANGORDE_DIALOG, { caseId });
  }

  /** The inwoner's own quality-of-life score now, at the start of the help (the evaluation asks it again). */
  private async kwaliteitStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const current = await currentCase(step.context, this.services, caseId);
    if (current.deelC.kwaliteitVanLevenVoor !== undefined) return step.next();
    return step.prompt(KWALITEIT_PROMPT, { prompt: KWALITEIT_START });
  }

  private async saveKwaliteitStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const read = typeof step.result === 'string' ? readKwaliteit(step.result) : undefined;
    if (read && 'cijfer' in read) await execute(step.context, this.services, caseId, { type: 'recordKwaliteitVanLevenVoor', cijfer: read.cijfer });
    return step.next();
  }

  private async scoresStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const current = await currentCase(step.context, this.services, caseId);
    if (unscored(current.vraagverheldering.zrmVoor?.scores ?? {}).length === 0) return step.next();
    return step.beginDialog(ZRM_DIALOG, { caseId, moment: 'voor' });
  }

  private async moveOnStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const moved = await tryTransition(step.context, this.services, caseId, 'naarWieIsErNodig');
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

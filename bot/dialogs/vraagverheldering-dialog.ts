import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { unscored } from '../../services/domain/model/leefgebieden';
import type { BotServices } from '../turn-services';
import { AskFieldDialog } from './ask-field-dialog';
import { BaseDialog, type StatusReporter, type StepOptions } from './base-dialog';
import type { FieldKey } from './fields';
import { DIALOG, WATERFALL } from './ids';
import { explainOnce } from './explain-once';
import { currentCase, tryTransition } from './step-helpers';
import { ZRM_DIALOG, ZrmCardDialog } from './zrm-card-dialog';
import { RANGORDE_DIALOG, RangordeDialog } from './rangorde-dialog';


const QUESTIONS: readonly FieldKey[] = ['ikWil', 'ikKan', 'ikHebNodig', 'watMoetVeranderen'];

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
    this.addDialog(
      new WaterfallDialog(WATERFALL.vraagverhelderingStappen, [
        this.introStep.bind(this),
        ...QUESTIONS.map((field) => this.askUnlessAnswered(field)),
        this.rangordeStep.bind(this),
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

import type { StatePropertyAccessor } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Step } from '../../services/domain/model/steps';
import { stepInSentence } from '../../services/domain/model/steps';
import type { BotServices } from '../turn-services';
import { BaseDialog, type StatusReporter } from './base-dialog';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { EscalerenDialog } from './escaleren-dialog';
import { EvaluatieDialog } from './evaluatie-dialog';
import { IndienenDialog } from './indienen-dialog';
import { MdoDialog } from './mdo-dialog';
import type { FileOffers } from '../file-offers';
import { OnderbouwingDialog, type ApprovalDeliverer } from './onderbouwing-dialog';
import { PlanDialog, type DeelAOffer } from './plan-dialog';
import type { EscalationDeliverer } from './reason-dialog';
import { UitvoeringDialog } from './uitvoering-dialog';
import { currentCase } from './step-helpers';
import { VraagverhelderingDialog } from './vraagverheldering-dialog';
import { WieIsErNodigDialog } from './wie-is-er-nodig-dialog';

/** What the bot lends its dialogs: status, the Deel A file, and bringing Deel B to its approvers. */
export interface StepHooks {
  readonly reportStatus?: StatusReporter;
  readonly offerPdf?: DeelAOffer;
  /** Files for the professional (agenda files from the MDO step); Teams file consent when absent. */
  readonly files?: FileOffers;
  readonly deliverApproval?: ApprovalDeliverer;
  readonly deliverEscalation?: EscalationDeliverer;
}

/** The conversation's case: what "verder" and "status" are about. */
export interface ActiveCase {
  caseId: string;
  reference: string;
}

export interface MainOptions {
  /** Absent: start a new case (stap 1). */
  readonly caseId?: string;
}

interface StepOutcome {
  caseId: string;
  moved: boolean;
}

/** Which dialog guides each step; steps without one are shown with what the professional can do next. */
const STEP_DIALOGS: Partial<Record<Step, string>> = {
  indienen: DIALOG.indienen,
  vraagverheldering: DIALOG.vraagverheldering,
  wieIsErNodig: DIALOG.wieIsErNodig,
  mdo: DIALOG.mdo,
  plan: DIALOG.plan,
  onderbouwing: DIALOG.onderbouwing,
  uitvoering: DIALOG.uitvoering,
  escaleren: DIALOG.escaleren,
  evaluatie: DIALOG.evaluatie,
};

/**
 * Runs the dialog of the case's current step; when the state machine has moved the case on, offers to continue
 * with the next step. The step itself is always the machine's: this dialog only reads it.
 */
export class MainDialog extends BaseDialog {
  constructor(
    private readonly services: BotServices,
    private readonly activeCase: StatePropertyAccessor<ActiveCase | undefined>,
    teamId: string,
    hooks: StepHooks = {},
  ) {
    super(DIALOG.main, hooks.reportStatus);
    this.addDialog(new IndienenDialog(services, teamId));
    this.addDialog(new VraagverhelderingDialog(services));
    this.addDialog(new WieIsErNodigDialog(services));
    this.addDialog(new MdoDialog(services, undefined, hooks.files));
    this.addDialog(new PlanDialog(services, hooks.offerPdf));
    this.addDialog(new OnderbouwingDialog(services, hooks.deliverApproval, hooks.deliverEscalation));
    this.addDialog(new UitvoeringDialog(services, hooks.deliverEscalation));
    this.addDialog(new EscalerenDialog(services));
    this.addDialog(new EvaluatieDialog(services));
    this.addDialog(new WaterfallDialog(WATERFALL.hoofdStappen, [this.runStep.bind(this), this.offerNextStep.bind(this), this.continueStep.bind(this)]));
    this.initialDialogId = WATERFALL.hoofdStappen;
  }

  private async runStep(step: WaterfallStepContext) {
    const { caseId } = (step.options ?? {}) as MainOptions;
    if (!caseId) return step.beginDialog(DIALOG.indienen, {});
    const current = await currentCase(step.context, this.services, caseId);
    await this.activeCase.set(step.context, { caseId, reference: current.reference });
    const dialogId = STEP_DIALOGS[current.step];
    if (dialogId) return step.beginDialog(dialogId, { caseId });
    await step.context.sendActivity(`Casus ${current.reference} is afgesloten. Bekijk hem met **casus ${current.reference}**, of begin een **nieuwe casus**.`);
    return step.endDialog();
  }

  private async offerNextStep(step: WaterfallStepContext) {
    const outcome = step.result as StepOutcome | undefined;
    if (!outcome) return step.endDialog();
    const current = await currentCase(step.context, this.services, outcome.caseId);
    await this.activeCase.set(step.context, { caseId: current.id, reference: current.reference });
    (step.values as { caseId?: string }).caseId = current.id;
    if (!outcome.moved || !STEP_DIALOGS[current.step]) return step.endDialog();
    return step.prompt(PROMPT.confirm, { prompt: `Wil je nu verder met ${stepInSentence(current.step)}?` });
  }

  private async continueStep(step: WaterfallStepContext) {
    const { caseId } = step.values as { caseId: string };
    if (step.result === true) return step.replaceDialog(this.initialDialogId, { caseId });
    await step.context.sendActivity('Prima. Typ **verder** wanneer je verder wilt met deze casus.');
    return step.endDialog();
  }
}

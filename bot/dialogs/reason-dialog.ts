import type { TurnContext } from 'botbuilder';
import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TransitionName } from '../../services/model/case';
import type { BotServices } from '../services';
import { BaseDialog } from './base-dialog';
import { PROMPT } from './ids';
import { tryTransition } from './step-helpers';

export const REASON_DIALOG = 'overgangMetToelichting';

export interface ReasonOptions {
  readonly caseId: string;
  readonly transition: TransitionName;
}

/** The question each transition that needs a toelichting asks. */
const QUESTIONS: Partial<Record<TransitionName, string>> = {
  vastgelopen: 'Waar loop je op vast? Ik leg het voor aan de procesregisseur (AVE-model). Schrijf zonder namen of BSN.',
  escalerenOnderbouwing: 'Wat is je vraag aan de procesregisseur over Deel B? Schrijf zonder namen of BSN.',
  belemmering: 'Welke belemmering bespreken jullie opnieuw met elkaar in een MDO?',
};

/** Escalations ask the procesregisseur(s) in the directory. */
const ESCALATIONS: readonly TransitionName[] = ['vastgelopen', 'escalerenOnderbouwing'];

/** Asks why, then asks the state machine for the transition with that toelichting; a refusal is shown in Dutch. */
/** Brings a new escalation to whoever it asks; says in Dutch who got it. */
export type EscalationDeliverer = (turn: TurnContext, caseId: string) => Promise<string>;

export class ReasonDialog extends BaseDialog {
  constructor(private readonly services: BotServices, private readonly escalated?: EscalationDeliverer) {
    super(REASON_DIALOG);
    this.addDialog(new TextPrompt(PROMPT.text));
    this.addDialog(new WaterfallDialog('toelichtingStappen', [this.askStep.bind(this), this.moveStep.bind(this)]));
    this.initialDialogId = 'toelichtingStappen';
  }

  private async askStep(step: WaterfallStepContext) {
    const { transition } = step.options as ReasonOptions;
    return step.prompt(PROMPT.text, { prompt: QUESTIONS[transition] ?? 'Geef een korte toelichting.' });
  }

  private async moveStep(step: WaterfallStepContext) {
    const { caseId, transition } = step.options as ReasonOptions;
    const askedUserIds = ESCALATIONS.includes(transition) ? [...(await this.services.directory.usersWithRole('procesregisseur'))] : [];
    const moved = await tryTransition(step.context, this.services, caseId, transition, { toelichting: String(step.result ?? ''), askedUserIds });
    if (moved && this.escalated && ESCALATIONS.includes(transition)) await step.context.sendActivity(await this.escalated(step.context, caseId));
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

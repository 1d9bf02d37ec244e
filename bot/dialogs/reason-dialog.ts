import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TransitionName } from '../../services/domain/model/case';
import type { BotServices } from '../turn-services';
import { BaseDialog } from './base-dialog';
import { PROMPT, WATERFALL } from './ids';
import { explainOnce } from './explain-once';
import { checkedTextPrompt, type TextCheck } from './prompts';
import { tryTransition } from './step-helpers';

export const REASON_DIALOG = 'overgangMetToelichting';

export interface ReasonOptions {
  readonly caseId: string;
  readonly transition: TransitionName;
}

/** The question each transition that needs a toelichting asks, and how a refusal names the answer. */
const QUESTIONS: Partial<Record<TransitionName, { readonly prompt: string; readonly short?: string; readonly label: string }>> = {
  vastgelopen: {
    prompt: 'Waar loop je op vast? Ik leg het voor aan de procesregisseur (AVE-model). Schrijf zonder namen of BSN.',
    short: 'Waar loop je op vast? (zonder namen of BSN)',
    label: 'wat je voorlegt aan de procesregisseur',
  },
  escalerenOnderbouwing: {
    prompt: 'Wat is je vraag aan de procesregisseur over Deel B? Schrijf zonder namen of BSN.',
    short: 'Je vraag aan de procesregisseur over Deel B? (zonder namen of BSN)',
    label: 'je vraag aan de procesregisseur',
  },
  belemmering: { prompt: 'Welke belemmering bespreken jullie opnieuw met elkaar in een MDO?', label: 'de belemmering' },
};

/** Escalations ask the procesregisseur(s) in the directory. */
const ESCALATIONS: readonly TransitionName[] = ['vastgelopen', 'escalerenOnderbouwing'];

/** Asks why, then asks the state machine for the transition with that toelichting; a refusal is shown in Dutch. */
/** Brings a new escalation to whoever it asks; says in Dutch who got it. */
export type EscalationDeliverer = (turn: TurnContext, caseId: string) => Promise<string>;

export class ReasonDialog extends BaseDialog {
  constructor(private readonly services: BotServices, private readonly escalated?: EscalationDeliverer) {
    super(REASON_DIALOG);
    this.addDialog(checkedTextPrompt(PROMPT.checkedText));
    this.addDialog(new WaterfallDialog(WATERFALL.toelichtingStappen, [this.askStep.bind(this), this.moveStep.bind(this)]));
    this.initialDialogId = WATERFALL.toelichtingStappen;
  }

  private async askStep(step: WaterfallStepContext) {
    const { transition } = step.options as ReasonOptions;
    const question = QUESTIONS[transition] ?? { prompt: 'Geef een korte toelichting.', label: 'de toelichting' };
    const check: TextCheck = { label: question.label, max: 1000 };
    const prompt = question.short ? await explainOnce(step.context, { key: `toelichting:${transition}`, long: question.prompt, short: question.short }) : question.prompt;
    return step.prompt(PROMPT.checkedText, { prompt, validations: check });
  }

  private async moveStep(step: WaterfallStepContext) {
    const { caseId, transition } = step.options as ReasonOptions;
    const askedUserIds = ESCALATIONS.includes(transition) ? [...(await this.services.directory.usersWithRole('procesregisseur'))] : [];
    const moved = await tryTransition(step.context, this.services, caseId, transition, { toelichting: String(step.result ?? ''), askedUserIds });
    if (moved && this.escalated && ESCALATIONS.includes(transition)) await step.context.sendActivity(await this.escalated(step.context, caseId));
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

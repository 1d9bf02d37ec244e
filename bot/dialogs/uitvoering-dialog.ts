import { ChoiceFactory, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { ACTIE_STATUSES, ACTIE_STATUS_LABELS, type Actie } from '../../services/domain/model/samenwerkplan';
import { othersWillHear } from '../../services/domain/outbox';
import { formatDate } from '../texts';
import { actorOf, type BotServices } from '../turn-services';
import { BaseDialog, type StatusReporter, type StepOptions } from './base-dialog';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { REASON_DIALOG, ReasonDialog, type EscalationDeliverer } from './reason-dialog';
import { currentCase, execute, tryTransition } from './step-helpers';


const MENU = {
  actie: 'Een actie bijwerken',
  vast: 'Ik loop vast',
  belemmering: 'Belemmering: opnieuw bij elkaar (MDO)',
  lukt: 'Het plan is gelukt',
  later: 'Niets, later verder',
} as const;

const line = (a: Actie) => `${a.wat} (${a.wie}, uiterlijk ${formatDate(a.wanneer)}): ${ACTIE_STATUS_LABELS[a.status].toLowerCase()}`;

/** Stap 6 Uitvoering: keep actions up to date; "ik loop vast" escalates, a belemmering goes back to the MDO. */
export class UitvoeringDialog extends BaseDialog {
  constructor(private readonly services: BotServices, escalated?: EscalationDeliverer, reportStatus?: StatusReporter) {
    super(DIALOG.uitvoering, reportStatus);
    this.addDialog(new WaterfallDialog(WATERFALL.uitvoeringActie, [this.pickActieStep.bind(this), this.pickStatusStep.bind(this), this.saveStatusStep.bind(this)]));
    this.addDialog(new ReasonDialog(services, escalated));
    this.addDialog(new WaterfallDialog(WATERFALL.uitvoeringStappen, [this.menuStep.bind(this), this.choiceStep.bind(this), this.afterStep.bind(this)]));
    this.initialDialogId = WATERFALL.uitvoeringStappen;
  }

  private async menuStep(step: WaterfallStepContext) {
    const { caseId, notice } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const acties = c.deelA.acties.map((a) => `- ${line(a)}`).join('\n');
    const intro = `Stap 6, **uitvoering** van ${c.reference}. Het plan:\n\n${acties || '- (geen acties)'}`;
    return step.prompt(PROMPT.choice, {
      prompt: notice ? `${notice}\n\n${intro}\n\nWat wil je doen?` : `${intro}\n\nWat wil je doen?`,
      choices: ChoiceFactory.toChoices(Object.values(MENU)),
    });
  }

  private async choiceStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    switch ((step.result as FoundChoice).value) {
      case MENU.actie:
        return step.beginDialog(WATERFALL.uitvoeringActie, { caseId });
      case MENU.vast:
        return step.beginDialog(REASON_DIALOG, { caseId, transition: 'vastgelopen' });
      case MENU.belemmering:
        return step.beginDialog(REASON_DIALOG, { caseId, transition: 'belemmering' });
      case MENU.lukt: {
        const moved = await tryTransition(step.context, this.services, caseId, 'planLukt');
        return step.endDialog({ caseId, moved: moved !== undefined });
      }
      default:
        await step.context.sendActivity('Prima. Typ **verder** als er iets verandert.');
        return step.endDialog();
    }
  }

  private async afterStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const outcome = step.result as { moved?: boolean; notice?: string } | undefined;
    if (outcome?.moved) return step.endDialog({ caseId, moved: true });
    return step.replaceDialog(this.initialDialogId, { caseId, notice: outcome?.notice });
  }

  private async pickActieStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    if (c.deelA.acties.length === 0) return step.endDialog({ notice: 'Er zijn geen acties om bij te werken.' });
    return step.prompt(PROMPT.choice, { prompt: 'Welke actie?', choices: ChoiceFactory.toChoices(c.deelA.acties.map((a) => a.wat.slice(0, 60))) });
  }

  private async pickStatusStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    (step.values as { actieId?: string }).actieId = c.deelA.acties[(step.result as FoundChoice).index]?.id;
    return step.prompt(PROMPT.choice, { prompt: 'Wat is de stand?', choices: ChoiceFactory.toChoices(ACTIE_STATUSES.map((s) => ACTIE_STATUS_LABELS[s])) });
  }

  private async saveStatusStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const actieId = (step.values as { actieId?: string }).actieId;
    const status = ACTIE_STATUSES[(step.result as FoundChoice).index];
    if (!actieId || !status) return step.endDialog({ notice: 'Kies eerst een actie en dan wat de stand is.' });
    const c = await execute(step.context, this.services, caseId, { type: 'setActieStatus', actieId, status });
    // The change went into the case's outbox with the write: the dispatcher tells the others, not the professional.
    const told = othersWillHear(c, (await actorOf(step.context, this.services.directory)).userId);
    return step.endDialog({ notice: told ? 'Bijgewerkt. De andere betrokkenen krijgen er bericht van.' : 'Bijgewerkt.' });
  }
}

import { ChoiceFactory, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isDomainError } from '../../services/domain/errors';
import { AVE_FASE_LABELS, AVE_FASE_ROLES, PLAN_CHANGE_REASON_LABELS, type AveFase, type PlanChangeReason } from '../../services/domain/model/escalation';
import { isDeelBApproved } from '../../services/domain/stappenplan/guards';
import { openEscalatie } from '../../services/domain/stappenplan/permissions';
import type { BotServices } from '../turn-services';
import { BaseDialog, type StatusReporter, type StepOptions } from './base-dialog';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { checkedTextPrompt, type TextCheck } from './prompts';
import { currentCase, execute, tryTransition } from './step-helpers';

interface EscalerenValues {
  keuze?: string;
  uitkomst?: string;
  reden?: PlanChangeReason;
  zonderUitzondering?: boolean;
}

const MENU = {
  afgerond: 'Escalatie afgerond: terug naar uitvoering',
  onderbouwing: 'Nieuwe onderbouwing (Deel B)',
  opschalen: 'Verder opschalen (volgende AVE-fase)',
  later: 'Niets, later verder',
} as const;
const REASONS = Object.entries(PLAN_CHANGE_REASON_LABELS) as [PlanChangeReason, string][];

/**
 * Stap 6B Escaleren along the AVE-model: close the escalation with its outcome (changing the plan only for the
 * two reasons seed 000 allows), make a new onderbouwing, or scale up a phase.
 */
export class EscalerenDialog extends BaseDialog {
  constructor(private readonly services: BotServices, reportStatus?: StatusReporter) {
    super(DIALOG.escaleren, reportStatus);
    this.addDialog(checkedTextPrompt(PROMPT.checkedText));
    this.addDialog(new WaterfallDialog(WATERFALL.escalerenStappen, [
      this.menuStep.bind(this), this.outcomeStep.bind(this), this.planChangedStep.bind(this), this.reasonStep.bind(this),
      this.withoutExceptionStep.bind(this), this.finishStep.bind(this),
    ]));
    this.initialDialogId = WATERFALL.escalerenStappen;
  }

  private async menuStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const e = openEscalatie(c);
    const summary = e ? `Vraag: ${e.vraag}\n\n${AVE_FASE_LABELS[e.aveFase]}` : 'Er loopt geen escalatie.';
    return step.prompt(PROMPT.choice, {
      prompt: `Stap 6B, **escaleren** (${c.reference}).\n\n${summary}\n\nWat is de stand?`,
      choices: ChoiceFactory.toChoices(Object.values(MENU).filter((m) => m !== MENU.onderbouwing || c.uitzonderingNodig)),
    });
  }

  private async outcomeStep(step: WaterfallStepContext) {
    const keuze = (step.result as FoundChoice).value;
    (step.values as EscalerenValues).keuze = keuze;
    if (keuze === MENU.later) {
      await step.context.sendActivity('Prima. Typ **verder** als er nieuws is.');
      return step.endDialog();
    }
    const prompt = keuze === MENU.opschalen ? 'Waarom schaal je op, en wat is de vraag?' : 'Wat is de **uitkomst** van de escalatie?';
    const check: TextCheck = { label: keuze === MENU.opschalen ? 'de toelichting' : 'de uitkomst', max: 1000 };
    return step.prompt(PROMPT.checkedText, { prompt, validations: check });
  }

  private async planChangedStep(step: WaterfallStepContext) {
    const values = step.values as EscalerenValues;
    values.uitkomst = String(step.result ?? '');
    if (values.keuze !== MENU.afgerond) return step.next();
    return step.prompt(PROMPT.confirm, { prompt: 'Is het plan aangepast? Dat mag alleen als het beter wordt voor de inwoner of als iets echt niet kan.' });
  }

  private async reasonStep(step: WaterfallStepContext) {
    if ((step.values as EscalerenValues).keuze !== MENU.afgerond || step.result !== true) return step.next();
    return step.prompt(PROMPT.choice, { prompt: 'Waarom is het plan aangepast?', choices: ChoiceFactory.toChoices(REASONS.map(([, label]) => label)) });
  }

  private async withoutExceptionStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const values = step.values as EscalerenValues;
    const choice = step.result as FoundChoice | undefined;
    if (choice && typeof choice === 'object') values.reden = REASONS[choice.index]?.[0];
    const c = await currentCase(step.context, this.services, caseId);
    if (values.keuze !== MENU.afgerond || !values.reden || !c.uitzonderingNodig || isDeelBApproved(c)) return step.next();
    return step.prompt(PROMPT.confirm, { prompt: 'Gaat het plan verder zonder de uitzondering of het doorbraakbudget?' });
  }

  private async finishStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const values = step.values as EscalerenValues;
    if (step.result === true) values.zonderUitzondering = true;
    if (values.keuze === MENU.opschalen) return this.scaleUp(step, caseId, values.uitkomst as string);
    const transition = values.keuze === MENU.onderbouwing ? 'nieuweOnderbouwing' : 'escalatieAfgerond';
    const moved = await tryTransition(step.context, this.services, caseId, transition, {
      toelichting: values.uitkomst,
      ...(values.reden ? { planWijziging: { reden: values.reden, toelichting: values.uitkomst } } : {}),
      ...(values.zonderUitzondering ? { zonderUitzondering: true } : {}),
    });
    return step.endDialog({ caseId, moved: moved !== undefined });
  }

  private async scaleUp(step: WaterfallStepContext, caseId: string, toelichting: string) {
    const c = await currentCase(step.context, this.services, caseId);
    const role = AVE_FASE_ROLES[Math.min(c.aveFase + 1, 4) as AveFase];
    const askedUserIds = role ? [...(await this.services.directory.usersWithRole(role))] : [];
    try {
      const updated = await execute(step.context, this.services, caseId, { type: 'escalateFurther', toelichting, askedUserIds });
      await step.context.sendActivity(`Opgeschaald naar ${AVE_FASE_LABELS[updated.aveFase]}.`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await step.context.sendActivity(error.userMessage);
    }
    return step.endDialog();
  }
}

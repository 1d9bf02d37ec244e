import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isDomainError } from '../../services/domain/errors';
import type { Case } from '../../services/domain/model/case';
import { HOUSEHOLD_ROLES, type HouseholdRole } from '../../services/domain/model/household';
import { actorOf, type BotServices } from '../turn-services';
import { BaseDialog, type StatusReporter } from './base-dialog';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { explainOnce } from './explain-once';
import { execute, tryTransition } from './step-helpers';

interface IndienenState {
  caseId?: string;
  notice?: string;
  /** After the first member: a short follow-up instead of the whole instruction. */
  again?: boolean;
}

const MEMBER_LINE = new RegExp(`^\\s*(${HOUSEHOLD_ROLES.join('|')})\\s+(.+?)(?:\\s+(\\d{1,3}))?\\s*$`, 'i');
const DONE = /^\s*(klaar|gereed|dat is alles)\s*$/i;

/** The household question once it has been explained: one example, no list of roles. */
export const HOUSEHOLD_QUESTION_SHORT = 'Wie horen bij het **huishouden**? Per persoon rol, pseudoniem en eventueel leeftijd, bijvoorbeeld `kind Kind (K1) 9`. Typ **klaar** als iedereen genoemd is.';

export const HOUSEHOLD_QUESTION = [
  'Wie horen bij het **huishouden**? Geef per persoon de rol en een pseudoniem (geen naam, geen BSN), en eventueel de leeftijd.',
  'Bijvoorbeeld: `inwoner Moeder (M1) 38` of `kind Kind (K1) 9`.',
  `Rollen: ${HOUSEHOLD_ROLES.join(', ')}. Typ **klaar** als iedereen genoemd is.`,
].join('\n\n');

/** Parse "kind Kind (K1) 9" into a household member; undefined when the line does not fit. */
export function parseMemberLine(text: string): { role: HouseholdRole; label: string; leeftijd?: number } | undefined {
  const match = MEMBER_LINE.exec(text);
  if (!match) return undefined;
  const [, role, label, age] = match;
  return { role: (role as string).toLowerCase() as HouseholdRole, label: label as string, ...(age ? { leeftijd: Number(age) } : {}) };
}

/** Stap 1 Indienen: the question in the inwoner's words, and the huishouden by role and pseudonym. */
export class IndienenDialog extends BaseDialog {
  constructor(private readonly services: BotServices, private readonly teamId: string, reportStatus?: StatusReporter) {
    super(DIALOG.indienen, reportStatus);
    this.addDialog(new WaterfallDialog(WATERFALL.indienenHulpvraag, [this.askQuestionStep.bind(this), this.openCaseStep.bind(this)]));
    this.addDialog(new WaterfallDialog(WATERFALL.indienenHuishouden, [this.askMemberStep.bind(this), this.saveMemberStep.bind(this)]));
    this.addDialog(new WaterfallDialog(WATERFALL.indienenStappen, [this.questionStep.bind(this), this.householdStep.bind(this), this.moveOnStep.bind(this)]));
    this.initialDialogId = WATERFALL.indienenStappen;
  }

  private async questionStep(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as IndienenState;
    if (options.caseId) return step.next(options.caseId);
    await step.context.sendActivity(await explainOnce(step.context, { key: 'stap1', long: 'Stap 1, **indienen**: we leggen de hulpvraag en het huishouden vast.', short: 'Stap 1, **indienen**.' }));
    return step.beginDialog(WATERFALL.indienenHulpvraag, {});
  }

  private async askQuestionStep(step: WaterfallStepContext) {
    const { notice } = (step.options ?? {}) as IndienenState;
    const question = await explainOnce(step.context, {
      key: 'hulpvraag',
      long: 'Wat is de hulpvraag van de inwoner? Schrijf die zoveel mogelijk in de woorden van de inwoner.',
      short: 'Wat is de hulpvraag van de inwoner?',
    });
    return step.prompt(PROMPT.text, { prompt: notice ? `${notice}\n\n${question}` : question });
  }

  private async openCaseStep(step: WaterfallStepContext) {
    const actor = await actorOf(step.context, this.services.directory);
    try {
      const opened = await this.services.cases.open(actor, { teamId: this.teamId, hulpvraag: String(step.result ?? '') });
      await step.context.sendActivity(`Casus **${opened.reference}** is aangemaakt. Jij bent de casusregisseur.`);
      return step.endDialog(opened.id);
    } catch (error) {
      if (isDomainError(error, 'CASE.INVALID_INPUT')) return step.replaceDialog(WATERFALL.indienenHulpvraag, { notice: error.userMessage });
      throw error;
    }
  }

  private async householdStep(step: WaterfallStepContext) {
    const caseId = step.result as string;
    (step.values as IndienenState).caseId = caseId;
    return step.beginDialog(WATERFALL.indienenHuishouden, { caseId });
  }

  private async askMemberStep(step: WaterfallStepContext) {
    const { notice, again } = step.options as IndienenState;
    const question = again ? 'Nog iemand in het huishouden? Typ **klaar** als iedereen genoemd is.' : await explainOnce(step.context, { key: 'huishouden', long: HOUSEHOLD_QUESTION, short: HOUSEHOLD_QUESTION_SHORT });
    return step.prompt(PROMPT.text, { prompt: notice ? `${notice}\n\n${question}` : question });
  }

  private async saveMemberStep(step: WaterfallStepContext) {
    const { caseId } = step.options as Required<IndienenState>;
    const text = String(step.result ?? '');
    if (DONE.test(text)) return step.endDialog();
    const member = parseMemberLine(text);
    if (!member) {
      return step.replaceDialog(WATERFALL.indienenHuishouden, { caseId, notice: 'Dat kon ik niet lezen als rol en pseudoniem.' });
    }
    try {
      const updated = await execute(step.context, this.services, caseId, { type: 'setHouseholdMember', member });
      const names = updated.household.members.map((m) => `${m.label} (${m.role})`).join(', ');
      return step.replaceDialog(WATERFALL.indienenHuishouden, { caseId, notice: `Genoteerd. Huishouden: ${names}.`, again: true });
    } catch (error) {
      if (isDomainError(error, 'CASE.INVALID_INPUT')) return step.replaceDialog(WATERFALL.indienenHuishouden, { caseId, notice: error.userMessage });
      throw error;
    }
  }

  private async moveOnStep(step: WaterfallStepContext) {
    const { caseId } = step.values as Required<IndienenState>;
    const moved: Case | undefined = await tryTransition(step.context, this.services, caseId, 'startVraagverheldering');
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

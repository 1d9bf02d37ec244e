import type { TurnContext } from 'botbuilder';
import { naamVan } from '../../services/domain/model/namen';
import { ChoiceFactory, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isDomainError } from '../../services/domain/errors';
import { currentRequest, onderbouwingStuck } from '../../services/domain/stappenplan/guards';
import { APPROVAL_OUTCOME_LABELS } from '../../services/domain/model/approval';
import { argumentProblem, type DeelBArgument } from '../../services/domain/model/argument';
import { actorOf, type BotServices } from '../turn-services';
import { AskFieldDialog } from './ask-field-dialog';
import { explainOnce } from './explain-once';
import { BaseDialog, type StatusReporter, type StepOptions } from './base-dialog';
import type { FieldKey } from './fields';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { AMOUNT_QUESTION, amountPrompt, argumentPrompt, readAmount } from './prompts';
import { REASON_DIALOG, ReasonDialog, type EscalationDeliverer } from './reason-dialog';
import { currentCase, execute, tryTransition } from './step-helpers';
import { CATEGORIE_QUESTION, categorieChoices, categorieOf } from './categorie';
import type { Leefgebied } from '../../services/domain/model/leefgebieden';

interface VerzoekValues {
  soort?: string;
  uitzondering?: string;
  cents?: number;
  categorie?: Leefgebied;
}

const DEEL_B_FIELDS: readonly FieldKey[] = ['situatiebeschrijving', 'dreigendScenario', 'waaromNietRegulier', 'rendement', 'legitimiteit', 'betrokkenheid'];
const HERZIEN: Readonly<Record<string, FieldKey>> = {
  Situatiebeschrijving: 'situatiebeschrijving',
  'Dreigend scenario': 'dreigendScenario',
  'Waarom niet regulier': 'waaromNietRegulier',
  Rendement: 'rendement',
  Legitimiteit: 'legitimiteit',
  Betrokkenheid: 'betrokkenheid',
};
/** The verzoek (soort, uitzondering, bedrag, doel) is changed as a whole, until a decision is taken on it. */
const VERZOEK_HERZIEN = 'Wat je aanvraagt (soort en bedrag)';
const KLAAR_MET_HERZIEN = 'Klaar met aanpassen';
/** Before submitting: submit, first change a part (the revision loop, with its Klaar button), or later. */
const INDIENEN = { indienen: 'Ja, nu indienen', aanpassen: 'Eerst iets aanpassen', later: 'Later' } as const;
const BIJ_GEEN_BESLUIT = { wachten: 'Nog even wachten', escaleren: 'Escaleren naar de procesregisseur' } as const;
const NA_AFWIJZING = { aanpassen: 'Deel B aanpassen en opnieuw indienen', escaleren: 'Escaleren naar de procesregisseur' } as const;
const SOORT = { uitzondering: 'Een uitzondering', budget: 'Doorbraakbudget', beide: 'Allebei' } as const;

/**
 * Stap 5B Onderbouwing: Deel B, each of seed 000's parts asked and checked, then submitted for a decision.
 * "Ga pas door naar stap 6 als je een uitzondering kunt legitimeren; het is niet 'u vraagt wij draaien'."
 */
/** Brings a submitted request to its approvers; says in Dutch how many could be reached. */
export type ApprovalDeliverer = (turn: TurnContext, caseId: string, requestId: string) => Promise<string>;

export class OnderbouwingDialog extends BaseDialog {
  constructor(private readonly services: BotServices, private readonly deliver?: ApprovalDeliverer, escalated?: EscalationDeliverer, reportStatus?: StatusReporter) {
    super(DIALOG.onderbouwing, reportStatus);
    this.addDialog(new AskFieldDialog(services));
    this.addDialog(new ReasonDialog(services, escalated));
    this.addDialog(
      new WaterfallDialog(WATERFALL.deelBHerzien, [
        this.pickFieldStep.bind(this),
        this.reviseFieldStep.bind(this),
        async (step) => step.replaceDialog(WATERFALL.deelBHerzien, step.options),
      ]),
    );
    this.addDialog(amountPrompt(PROMPT.amount));
    this.addDialog(argumentPrompt(PROMPT.argument));
    this.addDialog(new WaterfallDialog(WATERFALL.deelBIndienen, [this.submitQuestionStep.bind(this), this.submitStep.bind(this), this.afterRevisionStep.bind(this)]));
    this.addDialog(new WaterfallDialog(WATERFALL.deelBVerzoek, [this.soortStep.bind(this), this.uitzonderingStep.bind(this), this.amountStep.bind(this), this.categorieStep.bind(this), this.doelStep.bind(this), this.saveVerzoekStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(WATERFALL.onderbouwingStappen, [
        this.stateStep.bind(this),
        this.afterRejectionStep.bind(this),
        ...DEEL_B_FIELDS.map((field) => this.askUnlessFilled(field)),
        this.verzoekStep.bind(this),
        async (step) => step.replaceDialog(WATERFALL.deelBIndienen, step.options),
      ]),
    );
    this.initialDialogId = WATERFALL.onderbouwingStappen;
  }

  /** Where Deel B stands: waiting, approved (move on), rejected or more information asked (show the reason). */
  private async stateStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const request = currentRequest(c);
    if (request?.status === 'open') {
      const actor = await actorOf(step.context, this.services.directory);
      const stuck = onderbouwingStuck(c, this.services.cases.context(actor));
      if (!stuck) {
        await step.context.sendActivity(`Deel B ligt ter beoordeling. Je hoort het zodra er een besluit is; na ${this.services.cases.policy.stuckAfterWerkdagen} werkdagen zonder besluit kun je escaleren.`);
        return step.endDialog();
      }
      await step.context.sendActivity(`Deel B wacht al ${this.services.cases.policy.stuckAfterWerkdagen} werkdagen of langer op een besluit.`);
      return step.prompt(PROMPT.choice, { prompt: 'Hoe verder?', choices: ChoiceFactory.toChoices(Object.values(BIJ_GEEN_BESLUIT)) });
    }
    if (request?.status === 'akkoord') {
      const moved = await tryTransition(step.context, this.services, caseId, 'onderbouwingGoedgekeurd');
      return step.endDialog({ caseId, moved: moved !== undefined });
    }
    if (request?.decision) {
      await step.context.sendActivity(`Besluit op Deel B: **${APPROVAL_OUTCOME_LABELS[request.decision.outcome]}**, door ${naamVan(c, request.decision.by)}. Reden: ${request.decision.reason ?? '—'}`);
      if (request.status === 'afgewezen') {
        return step.prompt(PROMPT.choice, { prompt: 'Hoe verder?', choices: ChoiceFactory.toChoices(Object.values(NA_AFWIJZING)) });
      }
    } else {
      await step.context.sendActivity(
        await explainOnce(step.context, {
          key: 'stap:onderbouwing',
          long: 'Stap 5B, **onderbouwing** (Deel B). De inwoner hoeft hier niet bij te zijn. Ga pas door naar uitvoering als je de uitzondering kunt legitimeren: het is niet \u2018u vraagt wij draaien\u2019.',
          short: 'Stap 5B, **onderbouwing** (Deel B).',
        }),
      );
    }
    return step.next();
  }

  private async afterRejectionStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const choice = (step.result as FoundChoice | undefined)?.value;
    if (choice === NA_AFWIJZING.escaleren || choice === BIJ_GEEN_BESLUIT.escaleren) {
      return step.replaceDialog(REASON_DIALOG, { caseId, transition: 'escalerenOnderbouwing' });
    }
    if (choice === BIJ_GEEN_BESLUIT.wachten) {
      await step.context.sendActivity('Prima, we wachten nog even op het besluit.');
      return step.endDialog();
    }
    const c = await currentCase(step.context, this.services, caseId);
    return currentRequest(c)?.decision ? step.beginDialog(WATERFALL.deelBHerzien, { caseId }) : step.next();
  }

  private async pickFieldStep(step: WaterfallStepContext) {
    return step.prompt(PROMPT.choice, {
      prompt: 'Welk onderdeel van Deel B wil je aanpassen?',
      choices: ChoiceFactory.toChoices([...Object.keys(HERZIEN), VERZOEK_HERZIEN, KLAAR_MET_HERZIEN]),
    });
  }

  private async reviseFieldStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const choice = (step.result as FoundChoice).value;
    if (choice === VERZOEK_HERZIEN) return step.beginDialog(WATERFALL.deelBVerzoek, { caseId });
    const field = HERZIEN[choice];
    return field ? step.beginDialog(DIALOG.askField, { caseId, field }) : step.endDialog();
  }

  private askUnlessFilled(field: FieldKey) {
    return async (step: WaterfallStepContext) => {
      const { caseId } = step.options as StepOptions;
      const c = await currentCase(step.context, this.services, caseId);
      // A part already there is asked again when it is no argument (a placeholder written before the rule).
      const text = (c.deelB as Record<string, string | undefined> | undefined)?.[field];
      const refusal = argumentProblem(field as DeelBArgument, text);
      if (text && !refusal) return step.next();
      return step.beginDialog(DIALOG.askField, { caseId, field, ...(refusal ? { refusal } : {}) });
    };
  }

  private async verzoekStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    return c.deelB?.verzoek ? step.next() : step.beginDialog(WATERFALL.deelBVerzoek, { caseId });
  }

  private async soortStep(step: WaterfallStepContext) {
    return step.prompt(PROMPT.choice, { prompt: 'Wat vraag je aan?', choices: ChoiceFactory.toChoices(Object.values(SOORT)) });
  }

  private async uitzonderingStep(step: WaterfallStepContext) {
    const soort = (step.result as FoundChoice).value;
    (step.values as VerzoekValues).soort = soort;
    if (soort === SOORT.budget) return step.next();
    return step.prompt(PROMPT.text, { prompt: 'Welke **uitzondering** op de regels of het aanbod is nodig?' });
  }

  private async amountStep(step: WaterfallStepContext) {
    const values = step.values as VerzoekValues;
    if (typeof step.result === 'string') values.uitzondering = step.result;
    if (values.soort === SOORT.uitzondering) return step.next();
    return step.prompt(PROMPT.amount, { prompt: AMOUNT_QUESTION });
  }

  /** With money asked: for which leefgebied it is (the purpose category the resultaten count by); not for an exception alone. */
  private async categorieStep(step: WaterfallStepContext) {
    const values = step.values as VerzoekValues;
    if (values.soort === SOORT.uitzondering) return step.next();
    // The amount prompt accepted only an amount Deel B's schema takes (too low or too high was said there).
    const read = readAmount(String(step.result ?? ''));
    if ('cents' in read) values.cents = read.cents;
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    return step.prompt(PROMPT.choice, { prompt: CATEGORIE_QUESTION, choices: categorieChoices(c) });
  }

  private async doelStep(step: WaterfallStepContext) {
    const values = step.values as VerzoekValues;
    const categorie = categorieOf(step.result as FoundChoice | undefined);
    if (categorie) values.categorie = categorie;
    return step.prompt(PROMPT.argument, { prompt: 'Wat is het **doel**: wat bereik je ermee voor de inwoner?', validations: { part: 'doel' } });
  }

  private async saveVerzoekStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const { uitzondering, cents, categorie } = step.values as VerzoekValues;
    const verzoek = { ...(uitzondering ? { uitzondering } : {}), ...(cents ? { doorbraakbudgetCents: cents } : {}), ...(cents && categorie ? { categorie } : {}), doel: String(step.result ?? '') };
    try {
      await execute(step.context, this.services, caseId, { type: 'recordDeelB', verzoek });
      return step.endDialog();
    } catch (error) {
      if (!isDomainError(error, 'CASE.INVALID_INPUT')) throw error;
      await step.context.sendActivity(`${error.userMessage} We beginnen het verzoek opnieuw.`);
      return step.replaceDialog(WATERFALL.deelBVerzoek, { caseId });
    }
  }

  private async submitQuestionStep(step: WaterfallStepContext) {
    return step.prompt(PROMPT.choice, {
      prompt: 'Deel B is ingevuld. Wil je het nu **ter beoordeling** indienen?',
      choices: [
        { value: INDIENEN.indienen, synonyms: ['ja'] },
        { value: INDIENEN.aanpassen, synonyms: ['aanpassen'] },
        { value: INDIENEN.later, synonyms: ['nee'] },
      ],
    });
  }

  private async submitStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const choice = (step.result as FoundChoice).value;
    if (choice === INDIENEN.aanpassen) return step.beginDialog(WATERFALL.deelBHerzien, { caseId });
    if (choice !== INDIENEN.indienen) {
      await step.context.sendActivity('Prima. Typ **verder** om Deel B later in te dienen.');
      return step.endDialog();
    }
    const actor = await actorOf(step.context, this.services.directory);
    const c = await currentCase(step.context, this.services, caseId);
    try {
      const askedUserIds = await this.services.approvals.approversFor(c, actor.userId);
      const updated = await execute(step.context, this.services, caseId, { type: 'requestApproval', askedUserIds });
      const requestId = updated.approvals.at(-1)?.id as string;
      const delivered = this.deliver ? ` ${await this.deliver(step.context, caseId, requestId)}` : '';
      await step.context.sendActivity(`Deel B is ingediend ter beoordeling. Je hoort het zodra er een besluit is.${delivered}`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await step.context.sendActivity(error.userMessage);
    }
    return step.endDialog();
  }

  /** After the revision loop's Klaar: the submit question again, on Deel B as it now is. */
  private async afterRevisionStep(step: WaterfallStepContext) {
    return step.replaceDialog(WATERFALL.deelBIndienen, step.options);
  }
}

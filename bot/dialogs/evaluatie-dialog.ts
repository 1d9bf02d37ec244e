import { MessageFactory } from 'botbuilder';
import { ChoiceFactory, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { toAttachment } from '../../cards/render';
import { renderVoorNaCard, voorNaCardData } from '../../cards/voor-na';
import { toonVoorNa, voorNaVan } from '../../services/domain/evaluatie/voor-na';
import type { Case } from '../../services/domain/model/case';
import type { Doel } from '../../services/domain/model/samenwerkplan';
import { actorOf, type BotServices } from '../turn-services';
import { AskFieldDialog } from './ask-field-dialog';
import { BaseDialog, type StatusReporter, type StepOptions } from './base-dialog';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { explainOnce } from './explain-once';
import { KWALITEIT_PROMPT, TEVREDENHEID_PROMPT, kwaliteitPrompt, readKwaliteit, readTevredenheid, tevredenheidPrompt } from './kwaliteit-prompt';
import { currentCase, execute, tryTransition } from './step-helpers';
import { ZRM_DIALOG, ZrmCardDialog } from './zrm-card-dialog';


const GEREALISEERD = { 'Ja, gerealiseerd': 'ja', 'Deels': 'deels', 'Nee': 'nee' } as const;
const BEREIKT = { Ja: 'ja', Deels: 'deels', Nee: 'nee' } as const;
const AFRONDEN = { sluiten: 'Casus afsluiten', ronde: 'Nieuwe ronde vanaf vraagverheldering' } as const;

/** What closing means, asked before it happens: it cannot be undone. */
const CLOSE_CONFIRM =
  'Weet je het zeker? Een afgesloten casus kan niet meer open: je kunt niets meer aanpassen, er komen geen herinneringen meer en ' +
  'iedereen op de casus krijgt bericht dat hij is afgesloten. Is er toch nog iets nodig, kies dan een nieuwe ronde. De casus nu afsluiten?';

/**
 * The inwoner's own quality-of-life score before the help. Asked in stap 2 (vraagverheldering-dialog.ts); asked here
 * at the start of the evaluation only when it is missing (a case from before that question, or one that skipped it).
 */
export const KWALITEIT_VOOR =
  'Welk cijfer gaf de inwoner zelf aan de **kwaliteit van leven** toen de hulp begon? Typ een cijfer van 1 tot en met 10 (het cijfer van de inwoner, niet dat van jou).';
export const KWALITEIT_NA = 'Welk cijfer geeft de inwoner zelf **nu** aan de **kwaliteit van leven**? Typ een cijfer van 1 tot en met 10.';

/** Per doel of Deel A: was its resultaat reached (the doel itself when no resultaat was written), and the inwoner's satisfaction now. */
export const doelBereiktVraag = (d: Doel) => (d.resultaat ? `Is het resultaat bereikt: ${d.resultaat}?` : `Is het doel bereikt: ${d.doel}?`);
export const doelTevredenheidVraag = (d: Doel) => `Hoe tevreden is de inwoner nu over ${d.doel}? (0–10) Typ een cijfer van 0 tot en met 10.`;

/** The first doel of Deel A this round's evaluation has not asked about yet. */
/** What the per-doel waterfall keeps between its steps. */
interface DoelValues { doelId?: string; tevredenheidVraag?: string; bereikt?: 'ja' | 'deels' | 'nee' }

const nogTeEvalueren = (c: Case) => c.deelA.doelen.find((d) => !c.deelC.doelen?.some((e) => e.doelId === d.id));

/**
 * Stap 7 Evaluatie (Deel C): the quality of life before (if not yet known), realised?, per doel whether its resultaat
 * was reached and the inwoner's satisfaction now, the ZRM after and the quality of
 * life after, then before and after side by side (for who may see the ZRM), what else is needed, the follow-up; then
 * close or go round again.
 */
export class EvaluatieDialog extends BaseDialog {
  constructor(private readonly services: BotServices, reportStatus?: StatusReporter) {
    super(DIALOG.evaluatie, reportStatus);
    this.addDialog(new AskFieldDialog(services));
    this.addDialog(new ZrmCardDialog(services));
    this.addDialog(kwaliteitPrompt());
    this.addDialog(tevredenheidPrompt());
    this.addDialog(
      new WaterfallDialog(WATERFALL.evaluatieDoelen, [this.doelBereiktStep.bind(this), this.doelTevredenheidStep.bind(this), this.saveDoelStep.bind(this)]),
    );
    this.addDialog(
      new WaterfallDialog(WATERFALL.evaluatieStappen, [
        this.kwaliteitVoorStep.bind(this),
        this.saveKwaliteitStep('kwaliteitVanLevenVoor'),
        this.realisedStep.bind(this),
        this.saveRealisedStep.bind(this),
        (step) => step.beginDialog(WATERFALL.evaluatieDoelen, step.options),
        this.scoresStep.bind(this),
        this.kwaliteitNaStep.bind(this),
        this.saveKwaliteitStep('kwaliteitVanLevenNa'),
        this.voorNaStep.bind(this),
        this.askStep('watNogNodig'),
        this.askStep('vervolg'),
        this.closeStep.bind(this),
        this.moveOnStep.bind(this),
        this.closeConfirmedStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL.evaluatieStappen;
  }

  private async kwaliteitVoorStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    await step.context.sendActivity(
      await explainOnce(step.context, {
        key: 'stap7',
        long: 'Stap 7, **evaluatie** (Deel C): is het plan gerealiseerd, en is er nog iets nodig? Verbetering van de kwaliteit van leven is wat telt.',
        short: 'Stap 7, **evaluatie** (Deel C).',
      }),
    );
    if (c.deelC.kwaliteitVanLevenVoor !== undefined) return step.next();
    return step.prompt(KWALITEIT_PROMPT, { prompt: KWALITEIT_VOOR });
  }

  /** Stores a quality-of-life score the prompt accepted (the state machine checks it again). */
  private saveKwaliteitStep(field: 'kwaliteitVanLevenVoor' | 'kwaliteitVanLevenNa') {
    return async (step: WaterfallStepContext) => {
      const { caseId } = step.options as StepOptions;
      const read = typeof step.result === 'string' ? readKwaliteit(step.result) : undefined;
      if (read && 'cijfer' in read) await execute(step.context, this.services, caseId, { type: 'recordDeelC', [field]: read.cijfer });
      return step.next();
    };
  }

  private async realisedStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    if (c.deelC.gerealiseerd) return step.next();
    return step.prompt(PROMPT.choice, { prompt: 'Is het plan gerealiseerd?', choices: ChoiceFactory.toChoices(Object.keys(GEREALISEERD)) });
  }

  private async saveRealisedStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const choice = step.result as FoundChoice | undefined;
    if (choice) await execute(step.context, this.services, caseId, { type: 'recordDeelC', gerealiseerd: GEREALISEERD[choice.value as keyof typeof GEREALISEERD] });
    return step.next();
  }

  /** One doel at a time, in Deel A's order, skipping those already evaluated; none (cases from before doelen): nothing asked. */
  private async doelBereiktStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const doel = nogTeEvalueren(await currentCase(step.context, this.services, caseId));
    if (!doel) return step.endDialog();
    Object.assign(step.values, { doelId: doel.id, tevredenheidVraag: doelTevredenheidVraag(doel) } satisfies DoelValues);
    return step.prompt(PROMPT.choice, { prompt: doelBereiktVraag(doel), choices: ChoiceFactory.toChoices(Object.keys(BEREIKT)) });
  }

  private async doelTevredenheidStep(step: WaterfallStepContext) {
    const values = step.values as DoelValues;
    values.bereikt = BEREIKT[(step.result as FoundChoice).value as keyof typeof BEREIKT];
    return step.prompt(TEVREDENHEID_PROMPT, { prompt: values.tevredenheidVraag });
  }

  /** Records the doel's evaluation (the state machine checks it again), then asks about the next doel. */
  private async saveDoelStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const read = readTevredenheid(String(step.result ?? ''));
    const { doelId, bereikt } = step.values as DoelValues;
    if (!('cijfer' in read) || !doelId || !bereikt) return step.endDialog();
    await execute(step.context, this.services, caseId, { type: 'recordDoelEvaluatie', doelId, bereikt, tevredenheidNa: read.cijfer });
    return step.replaceDialog(WATERFALL.evaluatieDoelen, step.options);
  }

  private async scoresStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    if (c.deelC.zrmNa && Object.keys(c.deelC.zrmNa.scores).length > 0) return step.next();
    return step.beginDialog(ZRM_DIALOG, { caseId, moment: 'na' });
  }

  private async kwaliteitNaStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    if (c.deelC.kwaliteitVanLevenNa !== undefined) return step.next();
    return step.prompt(KWALITEIT_PROMPT, { prompt: KWALITEIT_NA });
  }

  /** Before and after side by side, once the ZRM after is recorded: only for who may see the ZRM part. */
  private async voorNaStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const actor = await actorOf(step.context, this.services.directory);
    if (toonVoorNa(c, actor.userId)) {
      await step.context.sendActivity(MessageFactory.attachment(toAttachment(renderVoorNaCard(voorNaCardData(c.reference, voorNaVan(c))))));
    }
    return step.next();
  }

  private askStep(field: 'watNogNodig' | 'vervolg') {
    return async (step: WaterfallStepContext) => {
      const { caseId } = step.options as StepOptions;
      const c = await currentCase(step.context, this.services, caseId);
      return c.deelC[field] ? step.next() : step.beginDialog(DIALOG.askField, { caseId, field });
    };
  }

  private async closeStep(step: WaterfallStepContext) {
    return step.prompt(PROMPT.choice, { prompt: 'Hoe verder met deze casus?', choices: ChoiceFactory.toChoices(Object.values(AFRONDEN)) });
  }

  private async moveOnStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    if ((step.result as FoundChoice).value === AFRONDEN.sluiten) return step.prompt(PROMPT.confirm, { prompt: CLOSE_CONFIRM });
    const moved = await tryTransition(step.context, this.services, caseId, 'nieuweRonde');
    return step.endDialog({ caseId, moved: moved !== undefined });
  }

  /** Closing cannot be undone: only after a "ja" to what it means. */
  private async closeConfirmedStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    if (step.result !== true) {
      await step.context.sendActivity('De casus blijft open. Typ **verder** om later af te sluiten of een nieuwe ronde te beginnen.');
      return step.endDialog({ caseId, moved: false });
    }
    const moved = await tryTransition(step.context, this.services, caseId, 'afsluiten');
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

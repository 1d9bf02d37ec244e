import { MessageFactory, type Activity } from 'botbuilder';
import { ChoiceFactory, TextPrompt, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { checklistInputId, mdoChecklistCardData, renderMdoChecklistCard } from '../../cards/mdo-checklist';
import { toAttachment } from '../../cards/render';
import { MDO_CHECKLIST_OPSLAAN } from '../../cards/verbs';
import { isDomainError } from '../../services/errors';
import type { Case } from '../../services/model/case';
import { CHECKLIST_SECTIONS, MDO_CHECKLIST, MDO_LOCATIE_LABELS, type Mdo } from '../../services/model/mdo';
import { parseDutchDate } from '../parse';
import type { BotServices } from '../services';
import { formatDate } from '../texts';
import { nameOf } from '../views';
import { AskFieldDialog } from './ask-field-dialog';
import { BaseDialog, type StatusReporter } from './base-dialog';
import { CardSubmitPrompt, submittedValue } from './card-submit';
import type { FieldKey } from './fields';
import { DIALOG, PROMPT } from './ids';
import { dutchChoicePrompt, dutchConfirmPrompt } from './prompts';
import { currentCase, execute, tryTransition } from './step-helpers';

interface MdoOptions {
  readonly caseId: string;
  readonly notice?: string;
}
interface MdoValues {
  datum?: string;
}

const openMdo = (c: Case): Mdo | undefined => c.mdos.find((m) => !m.afgerondAt);
const LOCATIES = Object.entries(MDO_LOCATIE_LABELS) as [Mdo['locatie'], string][];
const AFSPRAAK = /^\s*([^;]+?)\s*;\s*([^;]+?)\s*;\s*([^;]+?)\s*$/;

/** Stap 4 MDO: plan it, walk the gespreksformat, and record the outcomes it must end with. */
export class MdoDialog extends BaseDialog {
  constructor(private readonly services: BotServices, reportStatus?: StatusReporter) {
    super(DIALOG.mdo, reportStatus);
    this.addDialog(new TextPrompt(PROMPT.text));
    this.addDialog(dutchChoicePrompt(PROMPT.choice));
    this.addDialog(dutchConfirmPrompt(PROMPT.confirm));
    this.addDialog(new CardSubmitPrompt(PROMPT.card));
    this.addDialog(new AskFieldDialog(services));
    this.addDialog(new WaterfallDialog('mdoPlannen', [this.askDateStep.bind(this), this.askPlaceStep.bind(this), this.savePlanStep.bind(this)]));
    this.addDialog(new WaterfallDialog('mdoChecklist', [this.sendChecklistStep.bind(this), this.saveChecklistStep.bind(this)]));
    this.addDialog(new WaterfallDialog('mdoHerzien', (['ikWil', 'ikKan', 'ikHebNodig'] as FieldKey[]).map((f) => this.askAgain(f))));
    this.addDialog(new WaterfallDialog('mdoAfspraken', [this.askAfspraakStep.bind(this), this.saveAfspraakStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog('mdoStappen', [
        this.planStep.bind(this),
        this.readyStep.bind(this),
        this.checklistStep.bind(this),
        this.vastgesteldStep.bind(this),
        this.confirmVastgesteldStep.bind(this),
        this.markVastgesteldStep.bind(this),
        ...(['gezamenlijkBelang', 'watAlsWeNietsDoen', 'ondersteuning'] as FieldKey[]).map((f) => this.askUnlessRecorded(f)),
        this.casusregieStep.bind(this),
        this.saveCasusregieStep.bind(this),
        this.moveOnStep.bind(this),
      ]),
    );
    this.initialDialogId = 'mdoStappen';
  }

  private async planStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    const mdo = openMdo(await currentCase(step.context, this.services, caseId));
    if (mdo) return step.next();
    await step.context.sendActivity('Stap 4, **MDO**: plan een multidisciplinair overleg, bij voorkeur bij de inwoner thuis, met alle partijen die nodig zijn.');
    return step.beginDialog('mdoPlannen', { caseId });
  }

  private async askDateStep(step: WaterfallStepContext) {
    const { notice } = step.options as MdoOptions;
    const question = 'Op welke datum is het MDO? Typ bijvoorbeeld `26-11-2026`.';
    return step.prompt(PROMPT.text, { prompt: notice ? `${notice}\n\n${question}` : question });
  }

  private async askPlaceStep(step: WaterfallStepContext) {
    const now = this.services.clock.now();
    const datum = parseDutchDate(String(step.result ?? ''), now);
    if (!datum) return step.replaceDialog('mdoPlannen', { ...(step.options as MdoOptions), notice: 'Dat is geen datum die ik ken.' });
    if (datum < (now.toISODate() as string)) return step.replaceDialog('mdoPlannen', { ...(step.options as MdoOptions), notice: 'Die datum is al voorbij.' });
    (step.values as MdoValues).datum = datum;
    return step.prompt(PROMPT.choice, { prompt: 'Waar is het MDO?', choices: ChoiceFactory.toChoices(LOCATIES.map(([, label]) => label)) });
  }

  private async savePlanStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    const locatie = LOCATIES.find(([, label]) => label === (step.result as FoundChoice).value)?.[0] ?? 'thuis';
    const datum = (step.values as MdoValues).datum as string;
    const updated = await execute(step.context, this.services, caseId, { type: 'planMdo', datum, locatie });
    await step.context.sendActivity(`MDO ${updated.mdos.length} staat gepland op ${formatDate(datum)} (${MDO_LOCATIE_LABELS[locatie].toLowerCase()}).`);
    return step.endDialog();
  }

  private async readyStep(step: WaterfallStepContext) {
    return step.prompt(PROMPT.confirm, { prompt: 'Is het MDO bezig of net geweest? Dan lopen we het gespreksformat en de uitkomsten samen door.' });
  }

  private async checklistStep(step: WaterfallStepContext) {
    if (step.result !== true) {
      await step.context.sendActivity('Goed. Typ **verder** als het MDO begint; dan lopen we het gespreksformat samen door.');
      return step.endDialog();
    }
    const { caseId } = step.options as MdoOptions;
    return step.beginDialog('mdoChecklist', { caseId });
  }

  private async sendChecklistStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const mdo = openMdo(c) as Mdo;
    const datum = `${formatDate(mdo.datum)}, ${MDO_LOCATIE_LABELS[mdo.locatie].toLowerCase()}`;
    const card = renderMdoChecklistCard(mdoChecklistCardData(caseId, c.reference, mdo, datum));
    return step.prompt(PROMPT.card, {
      prompt: MessageFactory.attachment(toAttachment(card)),
      retryPrompt: MessageFactory.text('Vink op de kaart aan wat je hebt gedaan en kies **Checklist opslaan**.'),
      validations: { verbs: [MDO_CHECKLIST_OPSLAAN] },
    });
  }

  private async saveChecklistStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    const value = submittedValue(step.result as Activity, MDO_CHECKLIST_OPSLAAN) ?? {};
    const mdo = openMdo(await currentCase(step.context, this.services, caseId));
    if (!mdo || value.mdoId !== mdo.id || value.caseId !== caseId) {
      await step.context.sendActivity('Deze checklist hoort bij een ander MDO en is niet opgeslagen. Gebruik deze kaart:');
      return step.replaceDialog('mdoChecklist', { caseId });
    }
    for (const section of CHECKLIST_SECTIONS) {
      const items = Object.fromEntries(Object.keys(MDO_CHECKLIST[section]).map((item) => [item, value[checklistInputId(section, item)] === 'true']));
      await execute(step.context, this.services, caseId, { type: 'recordMdoChecklist', mdoId: mdo.id, section, items });
    }
    await step.context.sendActivity('Checklist opgeslagen. Nu de uitkomsten van het MDO.');
    return step.endDialog();
  }

  private async vastgesteldStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const v = c.vraagverheldering;
    await step.context.sendActivity(`**Ik wil**: ${v.ikWil ?? '—'}\n\n**Ik kan**: ${v.ikKan ?? '—'}\n\n**Ik heb nodig**: ${v.ikHebNodig ?? '—'}`);
    return step.prompt(PROMPT.confirm, { prompt: 'Zijn ik wil, ik kan en ik heb nodig in het MDO zo samen vastgesteld?' });
  }

  private async confirmVastgesteldStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    if (step.result !== true) {
      await step.context.sendActivity('Leg dan vast hoe ze in het MDO zijn vastgesteld.');
      return step.beginDialog('mdoHerzien', { caseId });
    }
    return step.next();
  }

  private askAgain(field: FieldKey) {
    return async (step: WaterfallStepContext) => step.beginDialog(DIALOG.askField, { caseId: (step.options as MdoOptions).caseId, field });
  }

  private async markVastgesteldStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    const mdo = openMdo(await currentCase(step.context, this.services, caseId)) as Mdo;
    await execute(step.context, this.services, caseId, { type: 'recordMdoUitkomsten', mdoId: mdo.id, ikWilIkKanIkHebNodigVastgesteld: true });
    return step.next();
  }

  private askUnlessRecorded(field: FieldKey) {
    return async (step: WaterfallStepContext) => {
      const { caseId } = step.options as MdoOptions;
      const mdo = openMdo(await currentCase(step.context, this.services, caseId)) as Mdo;
      const recorded = (mdo.uitkomsten as Record<string, unknown>)[field];
      return recorded ? step.next() : step.beginDialog(DIALOG.askField, { caseId, field });
    };
  }

  private async casusregieStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const professionals = c.professionals.filter((p) => p.active && (p.role === 'casusregisseur' || p.role === 'betrokkenProfessional'));
    return step.prompt(PROMPT.choice, {
      prompt: 'Wie voert vanaf nu de **casusregie** (AVE-model)?',
      choices: ChoiceFactory.toChoices(professionals.map((p) => `${nameOf(c, p.userId)} (${p.role === 'casusregisseur' ? 'huidige casusregisseur' : 'betrokken'})`)),
    });
  }

  private async saveCasusregieStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const professionals = c.professionals.filter((p) => p.active && (p.role === 'casusregisseur' || p.role === 'betrokkenProfessional'));
    const chosen = professionals[(step.result as FoundChoice).index] ?? professionals[0];
    await execute(step.context, this.services, caseId, { type: 'recordMdoUitkomsten', mdoId: (openMdo(c) as Mdo).id, casusregie: chosen?.userId });
    return step.beginDialog('mdoAfspraken', { caseId, afspraken: [] });
  }

  private async askAfspraakStep(step: WaterfallStepContext) {
    const { notice } = step.options as MdoOptions;
    const question = 'Welke **afspraken** zijn gemaakt? Typ per afspraak `wie; wat; wanneer`, bijvoorbeeld `Schuldhulp; huurachterstand in kaart; 30-11-2026`. Typ **klaar** als alle afspraken er zijn.';
    return step.prompt(PROMPT.text, { prompt: notice ? `${notice}\n\n${question}` : question });
  }

  private async saveAfspraakStep(step: WaterfallStepContext) {
    const options = step.options as MdoOptions & { afspraken: { wie: string; wat: string; wanneer: string }[] };
    const text = String(step.result ?? '');
    if (/^\s*klaar\s*$/i.test(text)) return step.endDialog();
    const match = AFSPRAAK.exec(text);
    const wanneer = match ? parseDutchDate(match[3] as string, this.services.clock.now()) : undefined;
    if (!match || !wanneer) return step.replaceDialog('mdoAfspraken', { ...options, notice: 'Dat kon ik niet lezen als `wie; wat; wanneer`.' });
    const afspraken = [...options.afspraken, { wie: match[1] as string, wat: match[2] as string, wanneer }];
    const mdo = openMdo(await currentCase(step.context, this.services, options.caseId)) as Mdo;
    try {
      await execute(step.context, this.services, options.caseId, { type: 'recordMdoUitkomsten', mdoId: mdo.id, afspraken });
    } catch (error) {
      if (isDomainError(error, 'CASE.INVALID_INPUT')) return step.replaceDialog('mdoAfspraken', { ...options, notice: error.userMessage });
      throw error;
    }
    return step.replaceDialog('mdoAfspraken', { caseId: options.caseId, afspraken, notice: `Genoteerd (${afspraken.length}).` });
  }

  private async moveOnStep(step: WaterfallStepContext) {
    const { caseId } = step.options as MdoOptions;
    const mdo = openMdo(await currentCase(step.context, this.services, caseId));
    const moved = await tryTransition(step.context, this.services, caseId, 'mdoAfgerond');
    if (moved && mdo?.uitkomsten.evaluatieDatum) {
      await step.context.sendActivity(`De evaluatie staat op ${formatDate(mdo.uitkomsten.evaluatieDatum)}, 6 weken na het MDO. Ik herinner je eraan.`);
    }
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { ChoiceFactory, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { checklistInputId, mdoChecklistCardData, renderMdoChecklistCard } from '../../cards/mdo-checklist';
import { toAttachment } from '../../cards/render';
import { MDO_CHECKLIST_OPSLAAN } from '../../cards/verbs';
import { isDomainError } from '../../services/domain/errors';
import { type Case, activeWorkers } from '../../services/domain/model/case';
import { CHECKLIST_SECTIONS, MDO_CHECKLIST, MDO_LOCATIE_LABELS, openMdo as openOf, type Mdo } from '../../services/domain/model/mdo';
import { FileOffers } from '../file-offers';
import { upcomingDate } from '../parse';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import { actorOf, type BotServices } from '../turn-services';
import { formatAppointment, formatDate } from '../texts';
import { evaluatieRemindersText } from '../views';
import { naamDelen, naamVan } from '../../services/domain/model/namen';
import { AskFieldDialog } from './ask-field-dialog';
import { MdoAgendaDialog } from './mdo-agenda-dialog';
import { explainOnce } from './explain-once';
import { BaseDialog, type StatusReporter, type StepOptions } from './base-dialog';
import { CardSubmitPrompt, submittedValue } from './card-submit';
import type { FieldKey } from './fields';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { currentCase, execute, tryTransition } from './step-helpers';

const openMdo = (c: Case): Mdo | undefined => openOf(c.mdos);

const READY_CHOICES = [
  { value: 'Ja', synonyms: ['ja', 'begint', 'geweest', 'bezig'] },
  { value: 'Verplaatsen', synonyms: ['verplaats', 'ander moment'] },
  // Not "annuleren" alone: that word stops any dialog (base-dialog.ts).
  { value: 'MDO annuleren', synonyms: ['gaat niet door', 'afzeggen'] },
  { value: 'Nog niet', synonyms: ['nee', 'later'] },
];

const AFSPRAAK = /^\s*([^;]+?)\s*;\s*([^;]+?)\s*;\s*([^;]+?)\s*$/;

/**
 * Every active party on the case, by name and organisation, the current casusregisseur marked: "Ahmed El Amrani
 * (Schuldhulpverlening)", "Sanne de Vries (Wijkteam Helmond), huidige casusregisseur". A name that occurs twice gets
 * a number, so each choice points at one person.
 */
function casusregieKeuzes(c: Case): string[] {
  const labels = activeWorkers(c).map((p) => {
    if (p.role !== 'casusregisseur') return naamVan(c, p.userId, { capital: true });
    // Without a name the role alone ("De casusregisseur, huidige casusregisseur" says it twice).
    return naamDelen(c, p.userId).naam ? `${naamVan(c, p.userId, { capital: true })}, huidige casusregisseur` : 'De huidige casusregisseur';
  });
  return labels.map((label, i) => (labels.indexOf(label) === i ? label : `${label} (${labels.slice(0, i + 1).filter((l) => l === label).length})`));
}

/** Stap 4 MDO: plan it, walk the gespreksformat, and record the outcomes it must end with. */
export class MdoDialog extends BaseDialog {
  constructor(
    private readonly services: BotServices,
    reportStatus?: StatusReporter,
    private readonly files = new FileOffers(services),
  ) {
    super(DIALOG.mdo, reportStatus);
    this.addDialog(new CardSubmitPrompt(PROMPT.card));
    this.addDialog(new AskFieldDialog(services));
    this.addDialog(new MdoAgendaDialog(services, files));
    this.addDialog(new WaterfallDialog(WATERFALL.mdoChecklist, [this.sendChecklistStep.bind(this), this.saveChecklistStep.bind(this)]));
    this.addDialog(new WaterfallDialog(WATERFALL.mdoHerzien, (['ikWil', 'ikKan', 'ikHebNodig'] as FieldKey[]).map((f) => this.askAgain(f))));
    this.addDialog(new WaterfallDialog(WATERFALL.mdoAfspraken, [this.askAfspraakStep.bind(this), this.saveAfspraakStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(WATERFALL.mdoStappen, [
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
    this.initialDialogId = WATERFALL.mdoStappen;
  }

  private async planStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const mdo = openMdo(await currentCase(step.context, this.services, caseId));
    if (mdo) return step.next();
    await step.context.sendActivity(
      await explainOnce(step.context, {
        key: 'stap:mdo',
        long: 'Stap 4, **MDO**: plan een multidisciplinair overleg, bij voorkeur bij de inwoner thuis, met alle partijen die nodig zijn.',
        short: 'Stap 4, **MDO**.',
      }),
    );
    return step.beginDialog(DIALOG.mdoAgenda, { caseId });
  }

  private async readyStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const mdo = openMdo(await currentCase(step.context, this.services, caseId));
    if (!mdo) return step.endDialog();
    return step.prompt(PROMPT.choice, {
      prompt: 'Is het MDO bezig of net geweest? Kies **Ja** om het gespreksformat en de uitkomsten samen door te lopen. Je kunt het MDO ook verplaatsen of annuleren.',
      choices: READY_CHOICES,
    });
  }

  private async checklistStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const choice = (step.result as FoundChoice | undefined)?.value;
    const mdo = openMdo(await currentCase(step.context, this.services, caseId));
    if ((choice === 'Verplaatsen' || choice === 'MDO annuleren') && mdo) {
      (step.values as { stop?: boolean }).stop = true;
      return step.beginDialog(DIALOG.mdoAgenda, { caseId, mdoId: mdo.id, annuleren: choice === 'MDO annuleren' });
    }
    if (choice !== 'Ja') {
      await step.context.sendActivity('Goed. Typ **verder** als het MDO begint; dan lopen we het gespreksformat samen door.');
      return step.endDialog();
    }
    return step.beginDialog(WATERFALL.mdoChecklist, { caseId });
  }

  private async sendChecklistStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
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
    const { caseId } = step.options as StepOptions;
    const card = parseCard(CARD_PAYLOADS.mdoChecklist, submittedValue(step.result as Activity, MDO_CHECKLIST_OPSLAAN));
    if (!card.ok) {
      await step.context.sendActivity(`${card.error.userMessage} Gebruik deze kaart:`);
      return step.replaceDialog(WATERFALL.mdoChecklist, { caseId });
    }
    const value: Record<string, string | undefined> = card.value;
    const mdo = openMdo(await currentCase(step.context, this.services, caseId));
    if (!mdo || value.mdoId !== mdo.id || value.caseId !== caseId) {
      await step.context.sendActivity('Deze checklist hoort bij een ander MDO en is niet opgeslagen. Gebruik deze kaart:');
      return step.replaceDialog(WATERFALL.mdoChecklist, { caseId });
    }
    for (const section of CHECKLIST_SECTIONS) {
      const items = Object.fromEntries(Object.keys(MDO_CHECKLIST[section]).map((item) => [item, value[checklistInputId(section, item)] === 'true']));
      await execute(step.context, this.services, caseId, { type: 'recordMdoChecklist', mdoId: mdo.id, section, items });
    }
    await step.context.sendActivity('Checklist opgeslagen. Nu de uitkomsten van het MDO.');
    return step.endDialog();
  }

  private async vastgesteldStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    if ((step.values as { stop?: boolean }).stop) {
      // Moved or cancelled instead of held: the outcomes come when it takes place.
      if (openMdo(c)) await step.context.sendActivity('Typ **verder** als het MDO begint; dan lopen we het gespreksformat samen door.');
      return step.endDialog();
    }
    const v = c.vraagverheldering;
    await step.context.sendActivity(`**Ik wil**: ${v.ikWil ?? '—'}\n\n**Ik kan**: ${v.ikKan ?? '—'}\n\n**Ik heb nodig**: ${v.ikHebNodig ?? '—'}`);
    return step.prompt(PROMPT.confirm, { prompt: 'Zijn ik wil, ik kan en ik heb nodig in het MDO zo samen vastgesteld?' });
  }

  private async confirmVastgesteldStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    if (step.result !== true) {
      await step.context.sendActivity('Leg dan vast hoe ze in het MDO zijn vastgesteld.');
      return step.beginDialog(WATERFALL.mdoHerzien, { caseId });
    }
    return step.next();
  }

  private askAgain(field: FieldKey) {
    return async (step: WaterfallStepContext) => step.beginDialog(DIALOG.askField, { caseId: (step.options as StepOptions).caseId, field });
  }

  private async markVastgesteldStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const mdo = openMdo(await currentCase(step.context, this.services, caseId)) as Mdo;
    await execute(step.context, this.services, caseId, { type: 'recordMdoUitkomsten', mdoId: mdo.id, ikWilIkKanIkHebNodigVastgesteld: true });
    return step.next();
  }

  private askUnlessRecorded(field: FieldKey) {
    return async (step: WaterfallStepContext) => {
      const { caseId } = step.options as StepOptions;
      const mdo = openMdo(await currentCase(step.context, this.services, caseId)) as Mdo;
      const recorded = (mdo.uitkomsten as Record<string, unknown>)[field];
      return recorded ? step.next() : step.beginDialog(DIALOG.askField, { caseId, field });
    };
  }

  private async casusregieStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    return step.prompt(PROMPT.choice, {
      prompt: 'Wie voert vanaf nu de **casusregie** (AVE-model)? Kies uit de professionals op de casus.',
      choices: ChoiceFactory.toChoices(casusregieKeuzes(c)),
    });
  }

  private async saveCasusregieStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const professionals = activeWorkers(c);
    const chosen = professionals[(step.result as FoundChoice).index] ?? professionals[0];
    await execute(step.context, this.services, caseId, { type: 'recordMdoUitkomsten', mdoId: (openMdo(c) as Mdo).id, casusregie: chosen?.userId });
    return step.beginDialog(WATERFALL.mdoAfspraken, { caseId, afspraken: [] });
  }

  private async askAfspraakStep(step: WaterfallStepContext) {
    const { notice } = step.options as StepOptions;
    const question = 'Welke **afspraken** zijn gemaakt? Typ per afspraak `wie; wat; wanneer`, bijvoorbeeld `Schuldhulp; huurachterstand in kaart; 30-11-2026`. Typ **klaar** als alle afspraken er zijn.';
    return step.prompt(PROMPT.text, { prompt: notice ? `${notice}\n\n${question}` : question });
  }

  private async saveAfspraakStep(step: WaterfallStepContext) {
    const options = step.options as StepOptions & { afspraken: { wie: string; wat: string; wanneer: string }[] };
    const text = String(step.result ?? '');
    if (/^\s*klaar\s*$/i.test(text)) return step.endDialog();
    const match = AFSPRAAK.exec(text);
    if (!match) return step.replaceDialog(WATERFALL.mdoAfspraken, { ...options, notice: 'Dat kon ik niet lezen als `wie; wat; wanneer`.' });
    const wanneer = upcomingDate(match[3] as string, this.services.clock.now());
    if ('refusal' in wanneer) return step.replaceDialog(WATERFALL.mdoAfspraken, { ...options, notice: wanneer.refusal });
    const afspraken = [...options.afspraken, { wie: match[1] as string, wat: match[2] as string, wanneer: wanneer.date }];
    const mdo = openMdo(await currentCase(step.context, this.services, options.caseId)) as Mdo;
    try {
      await execute(step.context, this.services, options.caseId, { type: 'recordMdoUitkomsten', mdoId: mdo.id, afspraken });
    } catch (error) {
      if (isDomainError(error, 'CASE.INVALID_INPUT')) return step.replaceDialog(WATERFALL.mdoAfspraken, { ...options, notice: error.userMessage });
      throw error;
    }
    return step.replaceDialog(WATERFALL.mdoAfspraken, { caseId: options.caseId, afspraken, notice: `Genoteerd (${afspraken.length}).` });
  }

  private async moveOnStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const mdo = openMdo(await currentCase(step.context, this.services, caseId));
    const moved = await tryTransition(step.context, this.services, caseId, 'mdoAfgerond');
    if (moved && mdo) await this.planEvaluatie(step.context, caseId, mdo.id);
    return step.endDialog({ caseId, moved: moved !== undefined });
  }

  /**
   * Seed 000: an evaluation six weeks after the MDO. The due date is on the case already (the reminders use it);
   * here it also goes into the casusregisseur's calendar. If the calendar cannot be reached, the date stands.
   */
  private async planEvaluatie(turn: TurnContext, caseId: string, mdoId: string) {
    const actor = await actorOf(turn, this.services.directory);
    const c = await currentCase(turn, this.services, caseId);
    const datum = c.mdos.find((m) => m.id === mdoId)?.uitkomsten.evaluatieDatum;
    if (!datum) return;
    const base = `De evaluatie staat op ${formatDate(datum)}, 6 weken na het MDO. ${evaluatieRemindersText(c, mdoId)}`;
    try {
      const planned = await this.services.planner.planEvaluatie(actor, caseId, mdoId);
      const agenda = planned.mdo.evaluatieAgenda;
      if (!agenda) return void (await turn.sendActivity(base));
      const wanneer = formatAppointment(agenda.start, agenda.eind);
      if (this.services.planner.delivery === 'file') {
        await turn.sendActivity(`${base} Hieronder de afspraak (${wanneer}) als agendabestand voor de casusregisseur.`);
        if (planned.file) await this.files.offerCalendarFile(turn, { caseId, mdoId, soort: 'evaluatie' }, planned.file);
        return;
      }
      const wie = agenda.organizerId === actor.userId ? 'je agenda' : `de agenda van ${naamVan(planned.case, agenda.organizerId)} (casusregisseur)`;
      await turn.sendActivity(`${base} De afspraak staat in ${wie}: ${wanneer}.`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await turn.sendActivity(`${base} In de agenda zetten lukte niet: ${error.userMessage}`);
    }
  }
}

import { MessageFactory, type Activity } from 'botbuilder';
import { ChoiceFactory, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { GEEN_DOEL_KEUZE, renderActieCard, type ActieIngevuld } from '../../cards/actie';
import { toAttachment } from '../../cards/render';
import { ACTIE_TOEVOEGEN, ACTIE_VERWIJDEREN, ACTIE_WIJZIGEN, AFSPRAAK_NIET_OVERNEMEN, AFSPRAAK_OVERNEMEN, DOELEN_OPENEN, PLAN_KLAAR } from '../../cards/verbs';
import { missingDeelAPlan, missingDoel, missingSentence } from '../../services/domain/stappenplan/guards';
import { LEEFGEBIED_LABELS } from '../../services/domain/model/leefgebieden';
import type { Case } from '../../services/domain/model/case';
import { calendarDate } from '../../services/domain/model/fields';
import { actieTermijn } from '../../services/domain/model/samenwerkplan';
import { parseInput } from '../../services/domain/model/validation';
import type { CaseCommandInput } from '../../services/domain/stappenplan/commands';
import { actieVanAfspraak, voorgesteldeActies } from '../../services/domain/stappenplan/voorstellen';
import { ZONE } from '../../services/ports/clock';
import { formatDate } from '../texts';
import { CARD_PAYLOADS, parseCardOf } from '../card-payload';
import type { BotServices } from '../turn-services';
import { explainOnce } from './explain-once';
import { BaseDialog, type StatusReporter, type StepOptions } from './base-dialog';
import { CardSubmitPrompt, submittedValue } from './card-submit';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { currentCase, executeOrRefusal, tryTransition } from './step-helpers';
import { DOELEN_DIALOG, DoelenDialog } from './doelen-dialog';


/** What the professional filled in on the action card (its shape is CARD_PAYLOADS.actie). */
export const actieSubmission = z.object({
  wie: z.string({ error: 'Vul in wie het doet.' }),
  wat: z.string({ error: 'Vul in wat er gebeurt.' }),
  wanneer: calendarDate('wanneer'),
  termijn: actieTermijn.default('kort'),
  /** The goal chosen on the form; "geen" (or nothing) links the action to no goal. */
  doelId: z.string().optional().transform((v) => (v && v !== GEEN_DOEL_KEUZE ? v : undefined)),
});

/** "Huisvesting: met de kinderen in ons huis blijven wonen", the goal as the plan card names it. */
const doelTitel = (c: Case, doelId: string | undefined): string | undefined => {
  const doel = c.deelA.doelen.find((d) => d.id === doelId);
  return doel ? `${LEEFGEBIED_LABELS[doel.leefgebied]}: ${doel.doel}` : undefined;
};

/** The buttons beside an action or an afspraak on the plan card (Wijzigen is one verb, with an actieId or an afspraakId). */
const KAART_KEUZES = [ACTIE_WIJZIGEN, ACTIE_VERWIJDEREN, AFSPRAAK_OVERNEMEN, AFSPRAAK_NIET_OVERNEMEN] as const;

/** The plan card again: with a sentence on it, and the form filled in (for this action or afspraak). */
interface PlanCardOptions extends StepOptions {
  readonly ingevuld?: ActieIngevuld;
  readonly actieId?: string;
  readonly afspraakId?: string;
}

/** What the form sent (strings of a sensible length only), to show it again after a refusal. */
function keptInputs(value: Record<string, unknown>): ActieIngevuld {
  const text = (key: string, max: number) => (typeof value[key] === 'string' && (value[key] as string).length <= max ? { [key]: value[key] as string } : {});
  return { ...text('wie', 120), ...text('wat', 500), ...text('wanneer', 20), ...text('termijn', 10), ...text('doelId', 64) };
}

const CHOICES = { nee: 'Nee, geen uitzondering nodig', ja: 'Ja, uitzondering of doorbraakbudget nodig' } as const;

/** Something the bot can offer to send as a file (the Deel A PDF); supplied by the bot, which owns the Teams file flow. */
export type DeelAOffer = (step: WaterfallStepContext, caseId: string) => Promise<void>;

/** Stap 5A Plan: Deel A with the inwoner (wie doet wat wanneer), left with the inwoner as a PDF. */
export class PlanDialog extends BaseDialog {
  constructor(private readonly services: BotServices, private readonly offerPdf?: DeelAOffer, reportStatus?: StatusReporter) {
    super(DIALOG.plan, reportStatus);
    this.addDialog(new CardSubmitPrompt(PROMPT.card));
    this.addDialog(new DoelenDialog(services));
    this.addDialog(new WaterfallDialog(WATERFALL.planActies, [this.sendCardStep.bind(this), this.saveActieStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(WATERFALL.planStappen, [
        this.introStep.bind(this),
        this.actiesStep.bind(this),
        this.pdfQuestionStep.bind(this),
        this.pdfStep.bind(this),
        this.saveExceptionStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL.planStappen;
  }

  private async introStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const uitMdo = voorgesteldeActies(c).length > 0 ? ' De afspraken uit het MDO staan al op de kaart: neem ze over, pas ze aan of laat ze weg.' : '';
    const intro = await explainOnce(step.context, { key: 'stap:plan', long: 'Stap 5A, **plan**: vul Deel A van het Samenwerkplan in met de inwoner: wie doet wat wanneer.', short: 'Stap 5A, **plan** (Deel A).' });
    if (!(step.options as { doelenEerst?: boolean }).doelenEerst) await step.context.sendActivity(`${intro}${uitMdo}`);
    // The goals first, as long as none has its result and date (or when asked from the plan card), then the actions.
    if (missingDoel(c).length || (step.options as { doelenEerst?: boolean }).doelenEerst) return step.beginDialog(DOELEN_DIALOG, { caseId });
    return step.next();
  }

  private async actiesStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    return step.beginDialog(WATERFALL.planActies, { caseId });
  }

  private async sendCardStep(step: WaterfallStepContext) {
    const { caseId, notice, ingevuld, actieId, afspraakId } = step.options as PlanCardOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const regel = (a: { id: string; wie: string; wat: string; wanneer: string; doelId?: string }) => {
      const doel = doelTitel(c, a.doelId);
      return { id: a.id, wie: a.wie, wat: a.wat, wanneer: formatDate(a.wanneer), ...(doel ? { doel } : {}) };
    };
    const card = renderActieCard({
      caseId,
      reference: c.reference,
      vandaag: this.services.clock.now().setZone(ZONE).toISODate() as string,
      acties: c.deelA.acties.filter((a) => a.status !== 'vervallen').map(regel),
      voorstellen: voorgesteldeActies(c).map(regel),
      doelen: c.deelA.doelen.map((d) => ({ title: doelTitel(c, d.id) as string, value: d.id })),
      ...(notice ? { melding: notice } : {}),
      ...(ingevuld ? { ingevuld } : {}),
      ...(actieId ? { actieId } : {}),
      ...(afspraakId ? { afspraakId } : {}),
    });
    return step.prompt(PROMPT.card, {
      prompt: MessageFactory.attachment(toAttachment(card), notice),
      retryPrompt: MessageFactory.text('Voeg een actie toe op de kaart, of kies **Plan is compleet**.'),
      validations: { verbs: [ACTIE_TOEVOEGEN, PLAN_KLAAR, DOELEN_OPENEN, ...KAART_KEUZES], words: ['klaar'] },
    });
  }

  private async saveActieStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const activity = step.result as Activity;
    const again = (options: Omit<PlanCardOptions, 'caseId'>) => step.replaceDialog(WATERFALL.planActies, { caseId, ...options });
    const keuze = KAART_KEUZES.map((verb) => [verb, submittedValue(activity, verb)] as const).find(([, value]) => value !== undefined);
    if (keuze) return this.choiceOnCard(step, keuze[0], keuze[1]);
    if (submittedValue(activity, DOELEN_OPENEN)) return step.endDialog({ doelenEerst: true });
    if (!submittedValue(activity, ACTIE_TOEVOEGEN)) {
      // "Plan is compleet" without one action: the state machine's rule, said here and the card shown again.
      const missing = missingDeelAPlan(await currentCase(step.context, this.services, caseId));
      if (missing.length) return again({ notice: missingSentence('Deel A is nog niet compleet. Nog niet ingevuld:', missing) });
      return step.endDialog();
    }
    const card = parseCardOf(CARD_PAYLOADS.actie, activity.value, caseId);
    if (!card.ok) return again({ notice: card.error.userMessage });
    // Whatever is refused below comes back on the card with what was typed, for the same action or afspraak.
    const actieId = card.value.actieId || undefined;
    const afspraakId = card.value.afspraakId || undefined;
    const kept = { ingevuld: keptInputs(card.value), ...(actieId ? { actieId } : {}), ...(afspraakId ? { afspraakId } : {}) };
    const parsed = parseInput(actieSubmission, card.value);
    if (!parsed.ok) return again({ ...kept, notice: parsed.error.userMessage });
    const { wie, wat, wanneer, termijn, doelId } = parsed.value;
    // Changing an action may unlink it (null); a new one simply has no goal.
    const doel = doelId ? { doelId } : actieId ? { doelId: null } : {};
    const refused = await this.onPlan(step, caseId, { type: 'setActie', actie: { wie, wat, wanneer, termijn, ...doel, ...(actieId ? { id: actieId } : {}), ...(afspraakId ? { afspraakId } : {}) } });
    if (refused) return again({ ...kept, notice: refused });
    return again({ notice: actieId ? 'Actie gewijzigd.' : afspraakId ? 'Afspraak overgenomen in het plan.' : 'Actie toegevoegd.' });
  }

  /** A button beside an action or an afspraak: into the form, removed, taken over as it stands, or dropped. */
  private async choiceOnCard(step: WaterfallStepContext, verb: (typeof KAART_KEUZES)[number], value: unknown) {
    const { caseId } = step.options as StepOptions;
    const again = (options: Omit<PlanCardOptions, 'caseId'>) => step.replaceDialog(WATERFALL.planActies, { caseId, ...options });
    const card = parseCardOf(CARD_PAYLOADS.actieKeuze, value, caseId);
    if (!card.ok) return again({ notice: card.error.userMessage });
    const c = await currentCase(step.context, this.services, caseId);
    const actie = c.deelA.acties.find((a) => a.id === card.value.actieId);
    const afspraak = voorgesteldeActies(c).find((a) => a.id === card.value.afspraakId);
    if (card.value.actieId || verb === ACTIE_VERWIJDEREN) {
      if (!actie || (verb !== ACTIE_WIJZIGEN && verb !== ACTIE_VERWIJDEREN)) return again({ notice: 'Deze actie staat niet (meer) in het plan.' });
      if (verb === ACTIE_WIJZIGEN) return again({ actieId: actie.id, ingevuld: { wie: actie.wie, wat: actie.wat, wanneer: actie.wanneer, termijn: actie.termijn, ...(actie.doelId ? { doelId: actie.doelId } : {}) } });
      const refused = await this.onPlan(step, caseId, { type: 'removeActie', actieId: actie.id });
      return again({ notice: refused ?? `Actie verwijderd: ${actie.wat}` });
    }
    if (!afspraak) return again({ notice: 'Deze afspraak uit het MDO staat al in het plan, of is niet overgenomen.' });
    const voorstel = actieVanAfspraak(afspraak, this.services.clock.now());
    const inForm = { afspraakId: afspraak.id, ingevuld: { wie: voorstel.wie, wat: voorstel.wat, wanneer: voorstel.wanneer, termijn: voorstel.termijn } };
    if (verb === ACTIE_WIJZIGEN) return again(inForm);
    if (verb === AFSPRAAK_NIET_OVERNEMEN) {
      const refused = await this.onPlan(step, caseId, { type: 'afspraakNietOvernemen', afspraakId: afspraak.id });
      return again({ notice: refused ?? `Niet overgenomen: ${afspraak.wat}` });
    }
    // As it stands; a date that has passed since the MDO is refused, and the afspraak comes into the form to change it.
    const refused = await this.onPlan(step, caseId, { type: 'setActie', actie: voorstel });
    return refused ? again({ ...inForm, notice: refused }) : again({ notice: `Overgenomen in het plan: ${afspraak.wat}` });
  }

  /** A change to the plan; the core's refusal of what was filled in, as its Dutch sentence (else undefined). */
  private onPlan(step: WaterfallStepContext, caseId: string, command: CaseCommandInput): Promise<string | undefined> {
    return executeOrRefusal(step.context, this.services, caseId, command);
  }

  private async pdfQuestionStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    // "Doelen aanpassen" on the plan card: the goals card, then the plan card again.
    if ((step.result as { doelenEerst?: boolean } | undefined)?.doelenEerst) return step.replaceDialog(WATERFALL.planStappen, { caseId, doelenEerst: true });
    if (!this.offerPdf) return step.next(false);
    return step.prompt(PROMPT.confirm, { prompt: 'Wil je Deel A als PDF, om af te drukken en bij de inwoner achter te laten?' });
  }

  private async pdfStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    if (step.result === true && this.offerPdf) await this.offerPdf(step, caseId);
    return step.prompt(PROMPT.choice, {
      prompt: 'Is er voor dit plan een **uitzondering** of **doorbraakbudget** nodig?',
      choices: ChoiceFactory.toChoices(Object.values(CHOICES)),
    });
  }

  private async saveExceptionStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const nodig = (step.result as FoundChoice).value === CHOICES.ja;
    const moved = await tryTransition(step.context, this.services, caseId, nodig ? 'uitzonderingNodig' : 'geenUitzonderingNodig');
    return step.endDialog({ caseId, moved: moved !== undefined });
  }
}

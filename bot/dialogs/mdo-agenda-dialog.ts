import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { renderMdoPlanningCard, type MdoPlanningCardData } from '../../cards/mdo-planning';
import { toAttachment } from '../../cards/render';
import { MDO_DEELNEMERS_KIEZEN, MDO_MOMENT_KIEZEN } from '../../cards/verbs';
import { MDO_MINUTEN, mdoAttendees, type Planned } from '../../services/calendar/mdo-planner';
import { isDomainError } from '../../services/domain/errors';
import { activeWorkers, type Case } from '../../services/domain/model/case';
import { MDO_LOCATIE_LABELS, MDO_LOCATIES, openMdo, type Mdo } from '../../services/domain/model/mdo';
import { ZONE } from '../../services/ports/clock';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import type { FileOffers } from '../file-offers';
import { actorOf, type BotServices } from '../turn-services';
import { formatAppointment, formatDate } from '../texts';
import { naamDelen, naamVan } from '../../services/domain/model/namen';
import { CardSubmitPrompt, submittedValue } from './card-submit';
import { DIALOG, PROMPT, WATERFALL } from './ids';
import { dutchConfirmPrompt } from './prompts';
import { currentCase } from './step-helpers';

interface MdoOptions {
  readonly caseId: string;
  readonly notice?: string;
}

/** Planning: a new MDO, or (with mdoId) moving the open one. */
export interface PlanOptions extends MdoOptions {
  readonly mdoId?: string;
  readonly annuleren?: boolean;
  /** Whom the professional chose on the card to invite (absent: as before, or everyone on the case). */
  readonly genodigden?: readonly string[];
  /** What the card held when its answer was refused: it comes back filled in, with the refusal on it. */
  readonly ingevuld?: MdoPlanningCardData['ingevuld'];
}
interface PlanValues {
  start?: string;
  locatie?: Mdo['locatie'];
  genodigden?: readonly string[];
}

/** "Ahmed El Amrani en Fatima Yilmaz", or undefined when a name is not known. */
function namesOf(c: Case, userIds: readonly string[]): string | undefined {
  const names = userIds.map((id) => naamDelen(c, id).naam);
  if (userIds.length === 0 || !names.every(Boolean)) return undefined;
  return (names as string[]).reduce((all, name, i) => (i === 0 ? name : i === names.length - 1 ? `${all} en ${name}` : `${all}, ${name}`), '');
}

/** " Ahmed Bakker en Lisa de Wit hebben bericht gekregen." (names as Teams shows them; a count when unknown). */
function othersInformed(c: Case, userIds: readonly string[]): string {
  if (userIds.length === 0) return '';
  const wie = namesOf(c, userIds) ?? `${userIds.length} ${userIds.length === 1 ? 'collega' : 'collega\u2019s'}`;
  return ` ${wie} ${userIds.length === 1 ? 'heeft' : 'hebben'} bericht gekregen.`;
}

/**
 * Whom the card invites: the parties ticked on it (each a Teams user id; the core checks they are on the case), or
 * undefined when the card sent no choice (then the choice made before stands). Nothing ticked is refused.
 */
function readDeelnemers(value: Record<string, unknown> | undefined): { genodigden?: string[] } | { notice: string } {
  const raw = value?.deelnemers;
  if (raw === undefined) return {};
  const ids = typeof raw === 'string' ? raw.split(',').map((id) => id.trim()).filter(Boolean) : [];
  return ids.length > 0 ? { genodigden: ids } : { notice: 'Kies wie je uitnodigt voor het MDO.' };
}

/** The moment, date, time and place the card sent (strings of a sensible length only), to fill it in again. */
function keptOnCard(activity: Activity): MdoPlanningCardData['ingevuld'] {
  const value = (submittedValue(activity, MDO_MOMENT_KIEZEN) ?? submittedValue(activity, MDO_DEELNEMERS_KIEZEN) ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' && (value[key] as string).length <= 100 ? { [key]: value[key] as string } : {});
  return { ...text('moment'), ...text('datum'), ...text('tijd'), ...text('locatie') };
}

/**
 * The chosen moment from the planning card: a date and time typed on the card win over the proposal the
 * radio buttons still point at (the professional took the trouble to type them).
 */
function readMoment(activity: Activity, options: PlanOptions): { start: string; locatie: Mdo['locatie'] } | { notice: string } {
  const parsed = parseCard(CARD_PAYLOADS.mdoMoment, submittedValue(activity, MDO_MOMENT_KIEZEN));
  if (!parsed.ok) return { notice: parsed.error.userMessage };
  if (parsed.value.caseId !== options.caseId || (parsed.value.mdoId || undefined) !== options.mdoId) {
    return { notice: 'Die kaart hoort bij een ander MDO; gebruik deze.' };
  }
  const { moment, datum, tijd, locatie } = parsed.value;
  const locaties = MDO_LOCATIES as readonly string[];
  if (locatie !== undefined && locatie !== '' && !locaties.includes(locatie)) return { notice: 'Kies waar het MDO is: thuis, online of elders.' };
  const waar = (locatie || 'thuis') as Mdo['locatie'];
  if (datum || tijd) {
    if (!datum || !/^\d{4}-\d{2}-\d{2}$/.test(datum)) return { notice: 'Vul bij een eigen moment ook een geldige datum in.' };
    if (!tijd || !/^\d{2}:\d{2}$/.test(tijd)) return { notice: 'Vul bij een eigen moment ook een begintijd in, bijvoorbeeld 10:00.' };
    const start = DateTime.fromISO(`${datum}T${tijd}`, { zone: ZONE });
    if (!start.isValid) return { notice: 'Die datum of tijd bestaat niet.' };
    return { start: start.toUTC().toISO() as string, locatie: waar };
  }
  if (!moment || moment === 'eigen') return { notice: 'Kies een van de voorgestelde momenten, of vul zelf een datum en begintijd in.' };
  const start = DateTime.fromISO(moment, { setZone: true });
  if (!start.isValid) return { notice: 'Kies een van de voorgestelde momenten, of vul zelf een datum en begintijd in.' };
  return { start: start.toUTC().toISO() as string, locatie: waar };
}
/**
 * Stap 4 in the calendar: plan an MDO at a moment from the planning card, move it, or cancel it. Begin with
 * `{ caseId }` to plan a new MDO, `{ caseId, mdoId }` to move one, `{ caseId, mdoId, annuleren: true }` to cancel.
 */
export class MdoAgendaDialog extends ComponentDialog {
  constructor(
    private readonly services: BotServices,
    private readonly files: FileOffers,
  ) {
    super(DIALOG.mdoAgenda);
    this.addDialog(new TextPrompt(PROMPT.text));
    this.addDialog(dutchConfirmPrompt(PROMPT.confirm));
    this.addDialog(new CardSubmitPrompt(PROMPT.card));
    this.addDialog(new WaterfallDialog(WATERFALL.mdoKiezen, [async (step) => step.replaceDialog((step.options as { annuleren?: boolean }).annuleren ? WATERFALL.mdoAnnuleren : WATERFALL.mdoPlannen, step.options)]));
    this.addDialog(new WaterfallDialog(WATERFALL.mdoPlannen, [this.momentCardStep.bind(this), this.saveMomentStep.bind(this), this.withoutInviteStep.bind(this)]));
    this.addDialog(new WaterfallDialog(WATERFALL.mdoAnnuleren, [this.confirmCancelStep.bind(this), this.cancelStep.bind(this)]));
    this.initialDialogId = WATERFALL.mdoKiezen;
  }

  /**
   * The planning card: whom to invite of the parties on the case (all by default; as before when moving), the best
   * three moments from their free/busy, and a date and time of one's own.
   */
  private async momentCardStep(step: WaterfallStepContext) {
    const { caseId, mdoId, notice, genodigden, ingevuld } = step.options as PlanOptions;
    const actor = await actorOf(step.context, this.services.directory);
    const c = await currentCase(step.context, this.services, caseId);
    const parties = activeWorkers(c);
    const gekozen = genodigden ?? mdoAttendees(c, c.mdos.find((m) => m.id === mdoId));
    const proposals = await this.services.planner.proposals(actor, caseId, gekozen);
    const card = renderMdoPlanningCard({
      caseId,
      reference: c.reference,
      mdoId: mdoId ?? '',
      nummer: c.mdos.find((m) => m.id === mdoId)?.nummer ?? c.mdos.length + 1,
      slots: proposals.slots.map((slot) => ({ start: slot.start, label: formatAppointment(slot.start, slot.end) })),
      melding: [notice, proposals.notice].filter(Boolean).join(' '),
      vandaag: this.services.clock.now().setZone(ZONE).toISODate() as string,
      duurMinuten: MDO_MINUTEN,
      uitnodiging: this.services.planner.delivery,
      agendasGelezen: proposals.agendasGelezen,
      deelnemers: parties.map((p) => ({ title: `${naamVan(c, p.userId, { capital: true })}${p.userId === actor.userId ? ', jij' : ''}`, value: p.userId })),
      gekozen,
      ...(ingevuld ? { ingevuld } : {}),
    });
    return step.prompt(PROMPT.card, {
      prompt: MessageFactory.attachment(toAttachment(card)),
      retryPrompt: MessageFactory.text(`Kies op de kaart een moment en druk op **${mdoId ? 'Verplaatsen' : 'MDO plannen'}**.`),
      validations: { verbs: [MDO_MOMENT_KIEZEN, MDO_DEELNEMERS_KIEZEN] },
    });
  }

  private async saveMomentStep(step: WaterfallStepContext) {
    const options = step.options as PlanOptions;
    const activity = step.result as Activity;
    const zoeken = submittedValue(activity, MDO_DEELNEMERS_KIEZEN);
    const ingevuld = keptOnCard(activity);
    const wie = readDeelnemers(zoeken ?? submittedValue(activity, MDO_MOMENT_KIEZEN));
    if ('notice' in wie) return step.replaceDialog(WATERFALL.mdoPlannen, { ...options, notice: wie.notice, ingevuld });
    const genodigden = wie.genodigden ?? options.genodigden;
    // "Momenten zoeken": the card again, with moments for the parties now ticked (a date and time typed stay).
    if (zoeken) return step.replaceDialog(WATERFALL.mdoPlannen, { caseId: options.caseId, ...(options.mdoId ? { mdoId: options.mdoId } : {}), ...(genodigden ? { genodigden } : {}), ingevuld });
    const chosen = readMoment(activity, options);
    if ('notice' in chosen) return step.replaceDialog(WATERFALL.mdoPlannen, { ...options, ...(genodigden ? { genodigden } : {}), notice: chosen.notice, ingevuld });
    const actor = await actorOf(step.context, this.services.directory);
    const { planner } = this.services;
    const invited = genodigden ? { genodigden } : {};
    try {
      const planned = options.mdoId
        ? await planner.move(actor, options.caseId, options.mdoId, { start: chosen.start, ...invited })
        : await planner.plan(actor, options.caseId, { start: chosen.start, locatie: chosen.locatie, ...invited });
      await this.reportPlanned(step.context, planned, options.mdoId ? 'verplaatst' : 'gepland');
      return step.endDialog();
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'CASE.INVALID_INPUT' || error.code === 'CASE.NOT_A_MEMBER') {
        return step.replaceDialog(WATERFALL.mdoPlannen, { caseId: options.caseId, ...(options.mdoId ? { mdoId: options.mdoId } : {}), ...(error.code === 'CASE.INVALID_INPUT' && genodigden ? { genodigden } : {}), notice: error.userMessage, ingevuld });
      }
      if (!error.code.startsWith('GRAPH.') || options.mdoId) {
        await step.context.sendActivity(`${options.mdoId ? 'Het MDO is niet verplaatst' : 'Het MDO is niet gepland'}: ${error.userMessage}`);
        return step.endDialog();
      }
      Object.assign(step.values as PlanValues, chosen, invited);
      await step.context.sendActivity(`Het MDO is niet gepland: ${error.userMessage}`);
      return step.prompt(PROMPT.confirm, { prompt: `Wil je het MDO op ${formatAppointment(chosen.start)} toch in de casus zetten, zonder uitnodiging? Dan nodig je de deelnemers zelf uit.` });
    }
  }

  /** The calendar could not be reached: the professional may still plan the MDO and invite people themselves. */
  private async withoutInviteStep(step: WaterfallStepContext) {
    const { caseId } = step.options as PlanOptions;
    const { start, locatie, genodigden } = step.values as PlanValues;
    if (step.result !== true || !start || !locatie) {
      await step.context.sendActivity('Er is niets gepland. Typ **verder** om het opnieuw te proberen.');
      return step.endDialog();
    }
    const actor = await actorOf(step.context, this.services.directory);
    const planned = await this.services.planner.planWithoutInvite(actor, caseId, { start, locatie, ...(genodigden ? { genodigden } : {}) });
    await step.context.sendActivity(
      `MDO ${planned.mdo.nummer} staat gepland op ${formatAppointment(planned.mdo.start as string, planned.mdo.eind)} (${MDO_LOCATIE_LABELS[planned.mdo.locatie].toLowerCase()}), zonder uitnodiging. Verplaats het later om alsnog een uitnodiging te sturen.`,
    );
    return step.endDialog();
  }

  /** Tell what was planned, moved or cancelled, and hand over the .ics file when the calendar is a file. */
  private async reportPlanned(turn: TurnContext, planned: Planned, wat: 'gepland' | 'verplaatst' | 'geannuleerd') {
    const { mdo, case: c } = planned;
    const waar = MDO_LOCATIE_LABELS[mdo.locatie].toLowerCase();
    const wanneer = mdo.start ? formatAppointment(mdo.start, mdo.eind) : formatDate(mdo.datum);
    const headline = wat === 'geannuleerd' ? `MDO ${mdo.nummer} van ${wanneer} is geannuleerd.` : `MDO ${mdo.nummer} staat ${wat === 'verplaatst' ? 'nu ' : ''}gepland op ${wanneer} (${waar}).`;
    const actor = await actorOf(turn, this.services.directory);
    const anderen = mdoAttendees(c, mdo).filter((id) => id !== actor.userId);
    if (this.services.planner.delivery === 'file') {
      // Without Graph the bot knows no mail addresses: the file names no attendees, the professional forwards it.
      const aan = namesOf(c, anderen);
      const hint = wat === 'geannuleerd' ? `Hieronder de annulering als agendabestand: open het om het MDO uit je agenda te halen, en stuur het door aan ${aan ?? 'wie je had uitgenodigd'}.` : `Hieronder de uitnodiging als agendabestand: open het om het MDO in je agenda te zetten, en stuur het door aan ${aan ?? 'de andere deelnemers'}.`;
      await turn.sendActivity(`${headline} ${hint}`);
      if (planned.file) await this.files.offerCalendarFile(turn, { caseId: c.id, mdoId: mdo.id, soort: 'mdo' }, planned.file);
      return;
    }
    const wie = othersInformed(c, anderen);
    if (wat === 'geannuleerd') return void (await turn.sendActivity(`${headline} De afspraak is uit de agenda\u2019s gehaald.${wie}`));
    await turn.sendActivity(`${headline} De uitnodiging met een Teams-vergaderlink staat in je agenda.${wie}`);
  }

  private async confirmCancelStep(step: WaterfallStepContext) {
    const { caseId } = step.options as PlanOptions;
    const mdo = openMdo((await currentCase(step.context, this.services, caseId)).mdos) as Mdo;
    const wanneer = mdo.start ? formatAppointment(mdo.start, mdo.eind) : formatDate(mdo.datum);
    return step.prompt(PROMPT.confirm, { prompt: `MDO ${mdo.nummer} van ${wanneer} annuleren? De deelnemers krijgen bericht dat het niet doorgaat.` });
  }

  private async cancelStep(step: WaterfallStepContext) {
    const { caseId, mdoId } = step.options as PlanOptions;
    if (step.result !== true) {
      await step.context.sendActivity('Het MDO blijft staan.');
      return step.endDialog();
    }
    const actor = await actorOf(step.context, this.services.directory);
    try {
      await this.reportPlanned(step.context, await this.services.planner.cancel(actor, caseId, mdoId as string), 'geannuleerd');
      await step.context.sendActivity('Typ **verder** om een nieuw MDO te plannen.');
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await step.context.sendActivity(`Het MDO is niet geannuleerd: ${error.userMessage}`);
    }
    return step.endDialog();
  }

}

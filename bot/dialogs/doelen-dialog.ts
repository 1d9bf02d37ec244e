import { MessageFactory, type Activity } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { renderDoelCard, type DoelIngevuld } from '../../cards/doel';
import { toAttachment } from '../../cards/render';
import { DOEL_OPSLAAN, DOEL_VERWIJDEREN, DOEL_WIJZIGEN, DOELEN_KLAAR } from '../../cards/verbs';
import type { Case } from '../../services/domain/model/case';
import { LEEFGEBIED_LABELS, type Leefgebied } from '../../services/domain/model/leefgebieden';
import { leefgebiedenVoor } from './categorie';
import { parseInput } from '../../services/domain/model/validation';
import { missingDoel, missingSentence } from '../../services/domain/stappenplan/guards';
import { ZONE } from '../../services/ports/clock';
import { CARD_PAYLOADS, parseCardOf } from '../card-payload';
import { formatDate } from '../texts';
import type { BotServices } from '../turn-services';
import { BaseDialog, type StepOptions } from './base-dialog';
import { CardSubmitPrompt, submittedValue } from './card-submit';
import { PROMPT, WATERFALL } from './ids';
import { currentCase, executeOrRefusal } from './step-helpers';

export const DOELEN_DIALOG = 'stap5Doelen';

const TEVREDENHEID = 'Geef de tevredenheid van de inwoner als heel cijfer van 0 tot en met 10.';
/** An optional text on the card: empty is absent. */
const optioneel = z.string().optional().transform((v) => (v?.trim() ? v : undefined));

/**
 * What the goal form sent (its shape is CARD_PAYLOADS.doel). The score is the inwoner's own, 0 to 10; the
 * leefgebied, the texts and the date are checked by the command (unknown leefgebied, a past date, a result without one).
 */
export const doelSubmission = z.object({
  leefgebied: z.string({ error: 'Kies een leefgebied.' }).min(1, { error: 'Kies een leefgebied.' }),
  doel: z.string({ error: 'Vul het doel in, in de woorden van de inwoner.' }),
  tevredenheid: z.string({ error: TEVREDENHEID }).trim().regex(/^(10|[0-9])$/, { error: TEVREDENHEID }).transform(Number),
  resultaat: optioneel,
  resultaatDatum: optioneel,
  korteTermijn: optioneel,
});

interface DoelCardOptions extends StepOptions {
  readonly ingevuld?: DoelIngevuld;
  readonly doelId?: string;
}

/** What the form sent (strings of a sensible length only), to show it again after a refusal. */
function keptInputs(value: Record<string, unknown>): DoelIngevuld {
  const text = (key: string, max: number) => (typeof value[key] === 'string' && (value[key] as string).length <= max ? { [key]: value[key] as string } : {});
  return { ...text('leefgebied', 40), ...text('doel', 500), ...text('tevredenheid', 10), ...text('resultaat', 500), ...text('resultaatDatum', 20), ...text('korteTermijn', 500) };
}

/** The leefgebieden to choose from: those the inwoner ranked first, in that order, then the others. */
const keuzes = (c: Case) => leefgebiedenVoor(c, { doelen: false }).map((l) => ({ title: LEEFGEBIED_LABELS[l], value: l }));

const KEUZES = [DOEL_WIJZIGEN, DOEL_VERWIJDEREN] as const;

/**
 * Deel A's goals (stap 5A, before the actions): per leefgebied that matters to the inwoner the goal in their words,
 * their own satisfaction now (0-10, apart from the ZRM), and "wanneer is het opgelost?": what will be true and by when.
 */
export class DoelenDialog extends BaseDialog {
  constructor(private readonly services: BotServices) {
    super(DOELEN_DIALOG);
    this.addDialog(new CardSubmitPrompt(PROMPT.card));
    this.addDialog(new WaterfallDialog(WATERFALL.planDoelen, [this.sendCardStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = WATERFALL.planDoelen;
  }

  private async sendCardStep(step: WaterfallStepContext) {
    const { caseId, notice, ingevuld, doelId } = step.options as DoelCardOptions;
    const c = await currentCase(step.context, this.services, caseId);
    const card = renderDoelCard({
      caseId,
      reference: c.reference,
      vandaag: this.services.clock.now().setZone(ZONE).toISODate() as string,
      doelen: c.deelA.doelen.map((d) => ({
        id: d.id,
        leefgebied: LEEFGEBIED_LABELS[d.leefgebied],
        doel: d.doel,
        tevredenheid: String(d.tevredenheidVoor),
        opgelost: d.resultaat && d.resultaatDatum ? `opgelost: ${d.resultaat} (uiterlijk ${formatDate(d.resultaatDatum)})` : 'nog geen resultaat met datum',
      })),
      leefgebieden: keuzes(c),
      belangrijkst: (c.vraagverheldering.belangrijksteLeefgebieden ?? []).map((l) => LEEFGEBIED_LABELS[l]).join(', '),
      ...(notice ? { melding: notice } : {}),
      ...(ingevuld ? { ingevuld } : {}),
      ...(doelId ? { doelId } : {}),
    });
    return step.prompt(PROMPT.card, {
      prompt: MessageFactory.attachment(toAttachment(card), notice),
      retryPrompt: MessageFactory.text('Leg een doel vast op de kaart, of kies **Doelen zijn klaar**.'),
      validations: { verbs: [DOEL_OPSLAAN, DOELEN_KLAAR, ...KEUZES] },
    });
  }

  private async saveStep(step: WaterfallStepContext) {
    const { caseId } = step.options as StepOptions;
    const activity = step.result as Activity;
    const again = (options: Omit<DoelCardOptions, 'caseId'>) => step.replaceDialog(WATERFALL.planDoelen, { caseId, ...options });
    const keuze = KEUZES.map((verb) => [verb, submittedValue(activity, verb)] as const).find(([, value]) => value !== undefined);
    if (keuze) return this.choiceOnCard(step, keuze[0], keuze[1]);
    if (!submittedValue(activity, DOEL_OPSLAAN)) {
      const missing = missingDoel(await currentCase(step.context, this.services, caseId));
      if (missing.length) return again({ notice: missingSentence('De doelen zijn nog niet compleet. Nog niet ingevuld:', missing) });
      return step.endDialog();
    }
    const card = parseCardOf(CARD_PAYLOADS.doel, activity.value, caseId);
    if (!card.ok) return again({ notice: card.error.userMessage });
    const doelId = card.value.doelId || undefined;
    const kept = { ingevuld: keptInputs(card.value), ...(doelId ? { doelId } : {}) };
    const parsed = parseInput(doelSubmission, card.value);
    if (!parsed.ok) return again({ ...kept, notice: parsed.error.userMessage });
    const { tevredenheid, resultaat, resultaatDatum, korteTermijn, ...rest } = parsed.value;
    // The leefgebied as sent; the command refuses one that is not on the list.
    const doel = { ...rest, leefgebied: rest.leefgebied as Leefgebied, tevredenheidVoor: tevredenheid, ...(doelId ? { id: doelId } : {}), ...(resultaat ? { resultaat } : {}), ...(resultaatDatum ? { resultaatDatum } : {}), ...(korteTermijn ? { korteTermijn } : {}) };
    const refused = await executeOrRefusal(step.context, this.services, caseId, { type: 'setDoel', doel });
    if (refused) return again({ ...kept, notice: refused });
    return again({ notice: doelId ? 'Doel gewijzigd.' : 'Doel opgeslagen.' });
  }

  /** A button beside a goal: into the form, or removed. */
  private async choiceOnCard(step: WaterfallStepContext, verb: (typeof KEUZES)[number], value: unknown) {
    const { caseId } = step.options as StepOptions;
    const again = (options: Omit<DoelCardOptions, 'caseId'>) => step.replaceDialog(WATERFALL.planDoelen, { caseId, ...options });
    const card = parseCardOf(CARD_PAYLOADS.doelKeuze, value, caseId);
    if (!card.ok) return again({ notice: card.error.userMessage });
    const doel = (await currentCase(step.context, this.services, caseId)).deelA.doelen.find((d) => d.id === card.value.doelId);
    if (!doel) return again({ notice: 'Dit doel staat niet (meer) in het plan.' });
    if (verb === DOEL_WIJZIGEN) {
      const { leefgebied, tevredenheidVoor, resultaat, resultaatDatum, korteTermijn } = doel;
      return again({ doelId: doel.id, ingevuld: { leefgebied, doel: doel.doel, tevredenheid: String(tevredenheidVoor), resultaat: resultaat ?? '', resultaatDatum: resultaatDatum ?? '', korteTermijn: korteTermijn ?? '' } });
    }
    const refused = await executeOrRefusal(step.context, this.services, caseId, { type: 'removeDoel', doelId: doel.id });
    return again({ notice: refused ?? `Doel verwijderd: ${doel.doel}` });
  }
}

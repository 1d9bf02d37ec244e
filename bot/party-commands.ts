import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Professional } from '../services/ports/people';
import { renderCollegaToevoegenCard, type CollegaToevoegenCardData } from '../cards/collega-toevoegen';
import { toAttachment } from '../cards/render';
import { isDomainError, type DomainError } from '../services/domain/errors';
import { renderToestemmingCard, type ToestemmingCardData } from '../cards/toestemming';
import type { CaseCommandInput } from '../services/domain/stappenplan/commands';
import type { Case } from '../services/domain/model/case';
import { CONSENT_PART_LABELS } from '../services/domain/model/consent';
import { requireRegisseur } from '../services/domain/stappenplan/permissions';
import type { Notifier } from '../services/ports/notifier';
import { ZONE } from '../services/ports/clock';
import { CARD_PAYLOADS, parseCard } from './card-payload';
import { actorOf, type BotServices } from './turn-services';
import { sightText } from './views';
import { naamDelen, naamVan } from '../services/domain/model/namen';

/**
 * Parties on a case (stap 3, and later with **collega toevoegen**): the card to put a colleague on the case with the
 * inwoner's consent, and what follows a submit: the command to the core, the answer, and a message to the
 * colleague. The rules (who may, consent required, no date in the future) are the core's.
 */
export class PartyCommands {
  constructor(
    private readonly services: BotServices,
    private readonly notifier: Notifier,
  ) {}

  /** The card for a case (refused up front when the actor may not add anyone to it). */
  async offer(turn: TurnContext, caseId: string, again?: Pick<CollegaToevoegenCardData, 'melding' | 'ingevuld' | 'gekozen'>): Promise<void> {
    const actor = await actorOf(turn, this.services.directory);
    const { case: c } = await this.services.cases.get(actor, caseId);
    requireRegisseur(c, actor.userId, 'Alleen de casusregisseur kan een collega aan de casus toevoegen.');
    const mensen = await this.services.people.selectable();
    const card = renderCollegaToevoegenCard({
      caseId,
      reference: c.reference,
      vandaag: this.today(),
      keuze: mensen ? { via: 'lijst', mensen } : { via: 'teams' },
      ...again,
    });
    await turn.sendActivity(MessageFactory.attachment(toAttachment(card)));
  }

  /** "Toevoegen" on the card. A refusal comes back on the card, with what was filled in. */
  async add(turn: TurnContext, value: unknown): Promise<void> {
    const parsed = parseCard(CARD_PAYLOADS.collegaToevoegen, value);
    if (!parsed.ok) return this.refused(turn, value, parsed.error, this.collegaCardAgain(turn, value));
    const { caseId, userId, organisatie, taak, toestemming } = parsed.value;
    const actor = await actorOf(turn, this.services.directory);
    const person = await this.services.people.find(userId);
    const c = await this.onCase(turn, caseId, {
      type: 'addProfessional', userId, role: 'betrokkenProfessional', organisatie, taak, toestemming,
      ...(person ? { displayName: person.displayName } : {}),
    }, this.collegaCardAgain(turn, value, person));
    if (!c) return;
    const naam = person?.displayName ?? 'De collega';
    const ziet = toestemming.onderdelen.map((part) => CONSENT_PART_LABELS[part]).join(', ');
    const door = naamVan(c, actor.userId, { capital: true });
    const reached = await this.notifier.send(userId, {
      text: `${door} heeft je toegevoegd aan casus **${c.reference}** (${organisatie}). Met toestemming van de inwoner zie je: ${ziet}. Typ **casus ${c.reference}** om hem te openen.`,
    });
    await turn.sendActivity(
      `${naam} (${organisatie}) staat nu op casus ${c.reference} en ziet: ${ziet}.` +
        (reached ? ` ${naam} heeft er bericht over gekregen.` : ` ${naam} heeft de app nog niet geopend en krijgt nog geen bericht; laat het de collega zelf weten.`),
    );
  }

  /** "toestemming": the parties of the case with what each sees now, and the inputs to change or withdraw it. */
  async offerConsent(turn: TurnContext, caseId: string, again?: Pick<ToestemmingCardData, 'melding' | 'ingevuld'>): Promise<void> {
    const actor = await actorOf(turn, this.services.directory);
    const { case: c } = await this.services.cases.get(actor, caseId);
    requireRegisseur(c, actor.userId, 'Alleen de casusregisseur legt de toestemming van de inwoner vast.');
    const partijen = c.professionals
      .filter((p) => p.active && p.role === 'betrokkenProfessional')
      .map((p) => ({ userId: p.userId, titel: [naamDelen(c, p.userId).naam ?? 'Collega', p.organisatie].filter(Boolean).join(' · '), ziet: sightText(c, p) }));
    if (partijen.length === 0) return void (await turn.sendActivity('Er staat nog geen collega van een andere organisatie op de casus. Typ **collega toevoegen**.'));
    const card = renderToestemmingCard({ caseId, reference: c.reference, vandaag: this.today(), partijen, ...again });
    await turn.sendActivity(MessageFactory.attachment(toAttachment(card)));
  }

  /** "Toestemming wijzigen": the party sees what the new consent names from now on, and is told so. */
  async changeConsent(turn: TurnContext, value: unknown): Promise<void> {
    const parsed = parseCard(CARD_PAYLOADS.toestemmingWijzigen, value);
    if (!parsed.ok) return this.refused(turn, value, parsed.error, this.consentCardAgain(turn, value));
    const { caseId, userId, toestemming } = parsed.value;
    const c = await this.onCase(turn, caseId, { type: 'changeConsent', userId, toestemming }, this.consentCardAgain(turn, value));
    if (!c) return;
    // The colleague (and the others) hear of it through the case's outbox, written with the change.
    const naam = naamVan(c, userId, { kort: true });
    const ziet = toestemming.onderdelen.map((part) => CONSENT_PART_LABELS[part]).join(', ');
    await turn.sendActivity(`De toestemming is gewijzigd: ${naam} ziet nu ${ziet}. ${naamVan(c, userId, { capital: true, kort: true })} krijgt er bericht van.`);
  }

  /** "Toestemming intrekken": the party leaves the case and is told (by the outbox) that its access ended, nothing more. */
  async withdrawConsent(turn: TurnContext, value: unknown): Promise<void> {
    const parsed = parseCard(CARD_PAYLOADS.toestemmingIntrekken, value);
    if (!parsed.ok) return this.refused(turn, value, parsed.error, this.consentCardAgain(turn, value));
    const { caseId, userId, op } = parsed.value;
    const c = await this.onCase(turn, caseId, { type: 'withdrawConsent', userId, op }, this.consentCardAgain(turn, value));
    if (!c) return;
    const naam = naamVan(c, userId, { kort: true });
    await turn.sendActivity(`De toestemming is ingetrokken: ${naam} staat niet meer op de casus en ziet er niets meer van. ${naamVan(c, userId, { capital: true, kort: true })} krijgt bericht dat de toegang is beëindigd.`);
  }

  /** "Van de casus halen": the colleague's work on the case is done; they are told (by the outbox) they are off it. */
  async remove(turn: TurnContext, value: unknown): Promise<void> {
    const parsed = parseCard(CARD_PAYLOADS.collegaVerwijderen, value);
    if (!parsed.ok) return this.refused(turn, value, parsed.error, this.consentCardAgain(turn, value));
    const { caseId, userId } = parsed.value;
    const c = await this.onCase(turn, caseId, { type: 'deactivateProfessional', userId }, this.consentCardAgain(turn, value));
    if (!c) return;
    const naam = naamVan(c, userId, { capital: true, kort: true });
    await turn.sendActivity(`${naam} staat niet meer op de casus. ${naam} krijgt bericht dat de toegang is beëindigd.`);
  }

  /** A command on the case from a card; a refusal the professional can fix comes back on the card (`again`). */
  private async onCase(turn: TurnContext, caseId: string, command: CaseCommandInput, again: CardAgain): Promise<Case | undefined> {
    const actor = await actorOf(turn, this.services.directory);
    try {
      return await this.services.cases.execute(actor, caseId, command);
    } catch (error) {
      if (!isDomainError(error) || error.code.startsWith('STORE.') || error.code === 'CASE.NOT_FOUND') throw error;
      await again(caseId, error.userMessage);
      return undefined;
    }
  }

  /** A card whose inputs were refused comes back with the sentence; a card that is not ours is answered in words. */
  private async refused(turn: TurnContext, value: unknown, error: DomainError, again: CardAgain): Promise<void> {
    const caseId = caseIdOf(value);
    if (!caseId || !isDomainError(error, 'CASE.INVALID_INPUT')) return void (await turn.sendActivity(error.userMessage));
    await again(caseId, error.userMessage);
  }

  private collegaCardAgain(turn: TurnContext, value: unknown, gekozen?: Professional): CardAgain {
    return (caseId, melding) => this.offer(turn, caseId, { melding, ingevuld: filledIn(value), ...(gekozen ? { gekozen } : {}) });
  }

  private consentCardAgain(turn: TurnContext, value: unknown): CardAgain {
    return (caseId, melding) => this.offerConsent(turn, caseId, { melding, ingevuld: filledIn(value) });
  }

  private today(): string {
    return this.services.clock.now().setZone(ZONE).toISODate() as string;
  }

  async cancel(turn: TurnContext): Promise<void> {
    await turn.sendActivity('Er is niemand toegevoegd.');
  }
}

/** Send the card again for this case, with what was wrong. */
type CardAgain = (caseId: string, melding: string) => Promise<void>;

const caseIdOf = (value: unknown) => (typeof (value as { caseId?: unknown })?.caseId === 'string' ? (value as { caseId: string }).caseId : undefined);

/** What the card held when it was refused, to fill it in again (only strings the card itself sent). */
function filledIn(value: unknown): CollegaToevoegenCardData['ingevuld'] & ToestemmingCardData['ingevuld'] {
  const v = (value ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof v[key] === 'string' && (v[key] as string).length <= 500 ? (v[key] as string) : undefined);
  const hoe = text('hoe');
  const onderdelen = text('onderdelen')?.split(',').filter((part): part is keyof typeof CONSENT_PART_LABELS => Object.hasOwn(CONSENT_PART_LABELS, part));
  return {
    ...(text('userId') ? { userId: text('userId') } : {}),
    ...(text('organisatie') ? { organisatie: text('organisatie') } : {}),
    ...(text('taak') ? { taak: text('taak') } : {}),
    ...(hoe === 'mondeling' || hoe === 'schriftelijk' ? { hoe } : {}),
    ...(text('op') ? { op: text('op') } : {}),
    ...(onderdelen?.length ? { onderdelen } : {}),
  };
}


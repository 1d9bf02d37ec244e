import { MessageFactory, type TurnContext } from 'botbuilder';
import { renderCasusregieOverdragenCard, type CasusregieOverdragenCardData } from '../../cards/casusregie-overdragen';
import { renderCasusregieVoorstelCard } from '../../cards/casusregie-voorstel';
import { collegaTitel } from '../../cards/collega-toevoegen';
import { renderNoticeCard } from '../../cards/notice';
import { toAttachment, type AdaptiveCardJson } from '../../cards/render';
import { REGIE_AANVAARDEN, REGIE_VERNIEUW } from '../../cards/verbs';
import { ERROR_MESSAGES, isDomainError } from '../../services/domain/errors';
import { isRegieEntry, type Case } from '../../services/domain/model/case';
import type { RegieEntry } from '../../services/domain/model/regie';
import type { Actor } from '../../services/domain/model/roles';
import { openRegieVoorstelVoor, regieKandidaten } from '../../services/domain/stappenplan/casusregie';
import { requireRegisseur } from '../../services/domain/stappenplan/permissions';
import type { Notifier } from '../../services/ports/notifier';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import { formatMoment } from '../texts';
import { actorOf, visibleCase, type BotServices } from '../turn-services';
import { naamDelen, naamVan } from '../../services/domain/model/namen';


/**
 * Casusregie overdragen: the casusregisseur's card to propose a party (typed `casusregie overdragen` or from the case
 * view), the proposed party's card to accept or decline (Action.Execute, updated in place), and a word to the
 * casusregisseur about the answer. Who may propose and answer, and what accepting does, is the core's.
 */
export class CasusregieCards {
  constructor(
    private readonly services: BotServices,
    private readonly notifier: Notifier,
  ) {}

  /** The casusregisseur's card for a case (refused up front when the actor may not propose). */
  async offer(turn: TurnContext, caseId: string, again?: Pick<CasusregieOverdragenCardData, 'melding' | 'gekozen' | 'toelichting'>): Promise<void> {
    const actor = await actorOf(turn, this.services.directory);
    const { case: c } = await this.services.cases.get(actor, caseId);
    requireRegisseur(c, actor.userId, 'Alleen de casusregisseur kan de casusregie overdragen.');
    const kandidaten = regieKandidaten(c);
    if (kandidaten.length === 0) {
      return void (await turn.sendActivity(`Er staat nog geen andere betrokken professional op casus ${c.reference}. Voeg eerst een collega toe met **collega toevoegen**; daarna kun je de casusregie aan die collega overdragen.`));
    }
    const pending = c.regieOverdragen;
    const card = renderCasusregieOverdragenCard({
      caseId,
      reference: c.reference,
      // "Joris Bakker — GGZ-praktijk", as the colleague was chosen when put on the case.
      kandidaten: kandidaten.map((p) => {
        const { naam, organisatie } = naamDelen(c, p.userId);
        return { title: collegaTitel({ id: p.userId, displayName: naam ?? 'Collega', ...(organisatie ? { organisatie } : {}) }), value: p.userId };
      }),
      ...(pending ? { openVoorstel: `Er staat al een voorstel open aan ${naamVan(c, pending.aan)}. Een nieuw voorstel vervangt dat.` } : {}),
      ...again,
    });
    await turn.sendActivity(MessageFactory.attachment(toAttachment(card)));
  }

  /** "Voorstel versturen": the proposal to the core, its card to the party, and the answer. A refusal comes back on the card. */
  async propose(turn: TurnContext, value: unknown): Promise<void> {
    const parsed = parseCard(CARD_PAYLOADS.regieOverdragen, value);
    if (!parsed.ok) return void (await turn.sendActivity(parsed.error.userMessage));
    const { caseId, userId } = parsed.value;
    const toelichting = parsed.value.toelichting?.trim() || undefined;
    const again = { ...(userId ? { gekozen: userId } : {}), ...(toelichting ? { toelichting } : {}) };
    if (!userId) return this.offer(turn, caseId, { ...again, melding: 'Kies de collega die de casusregie overneemt.' });
    const actor = await actorOf(turn, this.services.directory);
    let c: Case;
    try {
      c = await this.services.cases.execute(actor, caseId, { type: 'proposeCasusregie', userId, ...(toelichting ? { toelichting } : {}) });
    } catch (error) {
      if (!isDomainError(error) || error.code.startsWith('STORE.') || error.code === 'CASE.NOT_FOUND') throw error;
      return this.offer(turn, caseId, { ...again, melding: error.userMessage });
    }
    const voorstel = c.regieOverdragen;
    if (!voorstel) return;
    const naam = naamVan(c, voorstel.aan);
    const viewer = { userId: voorstel.aan, orgRoles: await this.services.directory.rolesOf(voorstel.aan) };
    const reached = await this.notifier.send(voorstel.aan, { attachments: [toAttachment(this.card(c, voorstel.id, viewer))] });
    await turn.sendActivity(
      reached
        ? `Voorstel verstuurd: ${naam} krijgt een kaart om de casusregie van casus ${c.reference} te aanvaarden of af te wijzen. Tot dan blijf jij casusregisseur.`
        : `Het voorstel staat klaar, maar ${naam} heeft de app nog niet geopend en kreeg de kaart nog niet. Laat het de collega zelf weten: die vindt het voorstel bij casus ${c.reference}. Tot dan blijf jij casusregisseur.`,
    );
  }

  async cancel(turn: TurnContext): Promise<void> {
    await turn.sendActivity('Er is niets voorgesteld; de casusregie blijft bij jou.');
  }

  /** The proposed party's card: aanvaarden, afwijzen, or the refresh (also the case view's "Voorstel bekijken"). */
  async handle(turn: TurnContext, verb: string, data: unknown): Promise<AdaptiveCardJson> {
    const parsed = parseCard(CARD_PAYLOADS.regieVoorstel, data);
    if (!parsed.ok) return renderNoticeCard({ title: 'Deze kaart is niet geldig', text: parsed.error.userMessage });
    const { caseId, voorstelId } = parsed.value;
    const reden = parsed.value.reden?.trim() || undefined;
    const actor = await actorOf(turn, this.services.directory);
    try {
      if (verb === REGIE_VERNIEUW) return this.card((await this.services.cases.get(actor, caseId)).case, voorstelId, actor);
      const antwoord = verb === REGIE_AANVAARDEN ? 'aanvaard' : 'afgewezen';
      const after = await this.services.cases.execute(actor, caseId, { type: 'answerCasusregie', voorstelId, antwoord, ...(reden ? { toelichting: reden } : {}) });
      await this.tellProposer(after, voorstelId, reden !== undefined);
      return this.card(after, voorstelId, actor, undefined, reden);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'CASE.NOT_FOUND') return renderNoticeCard({ title: 'Niet beschikbaar', text: error.userMessage });
      // The refusal (someone else's card, already answered, lapsed) on the card as it now stands; nothing was stored.
      const c = await visibleCase(this.services, actor, caseId);
      return c ? this.card(c, voorstelId, actor, error.userMessage) : renderNoticeCard({ title: 'Niet beschikbaar', text: ERROR_MESSAGES['CASE.NOT_FOUND'] });
    }
  }

  /** The proposal's card as `viewer` should see it now: open with buttons for the party it asks, else its outcome. */
  private card(c: Case, voorstelId: string, viewer: Actor, melding?: string, eigenReden?: string): AdaptiveCardJson {
    const entries = c.history.filter(isRegieEntry).filter((e) => e.voorstel === voorstelId);
    const voorgesteld = entries.find((e) => e.regie === 'voorgesteld');
    if (!voorgesteld) return renderNoticeCard({ title: 'Niet beschikbaar', text: ERROR_MESSAGES['CASE.REGIE_VOORSTEL_VERVALLEN'] });
    const open = openRegieVoorstelVoor(c, viewer.userId)?.id === voorstelId;
    const door = naamVan(c, voorgesteld.van, { capital: true });
    const einde = open ? undefined : entries.at(-1);
    return renderCasusregieVoorstelCard({
      caseId: c.id,
      voorstelId,
      reference: c.reference,
      voorgesteldDoor: door,
      voorgesteldOp: formatMoment(voorgesteld.at),
      uitleg: `Als je aanvaardt, word jij casusregisseur: je ziet de hele casus en houdt de regie over het plan. ${door} blijft betrokken en blijft alles zien.`,
      ...(open && c.regieOverdragen?.toelichting ? { toelichting: c.regieOverdragen.toelichting } : {}),
      open,
      ...(einde ? uitkomst(c, einde, viewer, eigenReden) : {}),
      ...(melding ? { melding } : {}),
      refreshUserIds: [voorgesteld.aan],
    });
  }

  /** The casusregisseur who proposed hears a refusal (without the reason: that is in the case's history). */
  private async tellProposer(c: Case, voorstelId: string, metReden: boolean): Promise<void> {
    const antwoord = c.history.filter(isRegieEntry).filter((e) => e.voorstel === voorstelId).at(-1);
    const voorgesteld = c.history.filter(isRegieEntry).find((e) => e.voorstel === voorstelId && e.regie === 'voorgesteld');
    // An acceptance changes casusregie: the case's outbox tells every other party, the proposer among them.
    if (!antwoord || !voorgesteld || antwoord.regie === 'aanvaard') return;
    const naam = naamVan(c, antwoord.aan, { capital: true });
    const text =
      `${naam} heeft het voorstel om de casusregie van casus **${c.reference}** over te nemen afgewezen. Je blijft casusregisseur.` +
      (metReden ? ` De toelichting staat in de geschiedenis: typ **casus ${c.reference}**.` : '');
    await this.notifier.send(voorgesteld.by, { text });
  }
}

/** How the card ends: accepted, declined or lapsed, by whom and when; a reason only as this viewer may see it. */
function uitkomst(c: Case, e: RegieEntry, viewer: Actor, eigenReden?: string) {
  const jij = e.by === viewer.userId;
  const wie = jij ? 'Je hebt' : `${naamVan(c, e.by, { capital: true })} heeft`;
  const op = formatMoment(e.at);
  const reden = eigenReden ?? e.why;
  const metReden = reden ? { uitkomstReden: reden } : {};
  switch (e.regie) {
    case 'aanvaard':
      return { uitkomst: `${wie} de casusregie aanvaard op ${op}.${jij ? ' Je bent nu casusregisseur van deze casus.' : ''}`, uitkomstGoed: true, ...metReden };
    case 'afgewezen':
      return { uitkomst: `${wie} dit voorstel afgewezen op ${op}.`, uitkomstGoed: false, ...metReden };
    default:
      return { uitkomst: `Dit voorstel is vervallen op ${op}: er is een nieuw voorstel gedaan, de casus is afgesloten, de collega staat niet meer op de casus, of het MDO heeft de casusregie geregeld.`, uitkomstGoed: false };
  }
}

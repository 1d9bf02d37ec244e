import { mayBeShown } from '../../services/domain/model/visibility';
import type { TurnContext } from 'botbuilder';
import { renderDeelBReviewCard } from '../../cards/deel-b-review';
import { renderNoticeCard } from '../../cards/notice';
import { toAttachment, type AdaptiveCardJson } from '../../cards/render';
import { DEELB_REVIEW_KLAAR } from '../../cards/verbs';
import { ERROR_MESSAGES, isDomainError } from '../../services/domain/errors';
import { LEEFGEBIED_LABELS } from '../../services/domain/model/leefgebieden';
import { type Case, activeCasusregisseur } from '../../services/domain/model/case';
import type { Actor } from '../../services/domain/model/roles';
import type { Notifier } from '../../services/ports/notifier';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import { actorOf, visibleCase, type BotServices } from '../turn-services';
import { naamVan } from '../../services/domain/model/namen';
import { formatEuro as euro } from '../../services/domain/text/format';


const FIELDS = [
  ['situatiebeschrijving', 'Beknopte situatiebeschrijving'],
  ['dreigendScenario', 'Dreigend scenario: wat als we niets doen?'],
  ['waaromNietRegulier', 'Waarom kan het niet regulier?'],
  ['rendement', 'Onderbouwing: rendement'],
  ['legitimiteit', 'Onderbouwing: legitimiteit'],
  ['betrokkenheid', 'Onderbouwing: betrokkenheid'],
] as const;
type Field = (typeof FIELDS)[number][0];

/** How the professional's notification names a changed field. */
const SHORT: Readonly<Record<Field, string>> = {
  situatiebeschrijving: 'situatiebeschrijving',
  dreigendScenario: 'dreigend scenario',
  waaromNietRegulier: 'waarom niet regulier',
  rendement: 'rendement',
  legitimiteit: 'legitimiteit',
  betrokkenheid: 'betrokkenheid',
};


/**
 * The aanjager's side of Deel B: the professional asks (`aanjager`), the aanjager gets the draft in a card, edits
 * it, comments or marks it ready; the professional hears what changed. Everything goes through the case service,
 * so the aanjager's role, the step and the BSN check apply as anywhere.
 */
export class DeelBReview {
  constructor(
    private readonly services: BotServices,
    private readonly notifier: Notifier,
  ) {}

  private card(c: Case, melding?: { text: string; good: boolean }): AdaptiveCardJson {
    const b = c.deelB;
    const v = b?.verzoek;
    const verzoek = [v?.uitzondering ? `Uitzondering: ${v.uitzondering}` : '', v?.doorbraakbudgetCents ? `Doorbraakbudget ${euro(v.doorbraakbudgetCents)}` : '', v?.categorie ? `Waarvoor: ${LEEFGEBIED_LABELS[v.categorie]}` : '', v?.doel ? `Doel: ${v.doel}` : '']
      .filter(Boolean)
      .join(' · ');
    return renderDeelBReviewCard({
      caseId: c.id,
      reference: c.reference,
      requestedBy: naamVan(c, activeCasusregisseur(c)?.userId),
      verzoek: verzoek || 'Nog niet ingevuld',
      velden: FIELDS.map(([id, label]) => ({ id, label, value: (b?.[id] as string | undefined) ?? '' })),
      ...(melding ? { melding: melding.text, meldingKleur: melding.good ? 'Good' : 'Attention' } : {}),
    });
  }

  /** The professional asks an aanjager from the roles to look at Deel B of the active case. */
  async ask(turn: TurnContext, caseId: string): Promise<string> {
    const actor = await actorOf(turn, this.services.directory);
    const { case: current } = await this.services.cases.get(actor, caseId);
    // A party of the case without the inwoner's consent for Deel B is not asked to look at it.
    const aanjagers = (await this.services.directory.usersWithRole('aanjager')).filter((u) => u !== actor.userId && mayBeShown(current, u, 'deelB'));
    const aanjager = aanjagers[0];
    if (!aanjager) return 'Er is in de rollen geen aanjager bekend; vraag de beheerder de rollen bij te werken.';
    const c = await this.services.cases.execute(actor, caseId, { type: 'recordDeelB', aanjagerUserId: aanjager });
    const sent = await this.notifier.send(aanjager, { attachments: [toAttachment(this.card(c))] });
    return sent
      ? 'De aanjager heeft Deel B in Teams gekregen. Je hoort het als er iets is aangepast.'
      : 'De aanjager staat nu op de casus, maar heeft de app nog niet geopend; zodra dat gebeurt kan hij of zij meekijken met **casus ' + c.reference + '**.';
  }

  async handle(turn: TurnContext, verb: string, data: unknown): Promise<AdaptiveCardJson> {
    const parsed = parseCard(CARD_PAYLOADS.deelBReview, data);
    if (!parsed.ok) return renderNoticeCard({ title: 'Deze kaart is niet geldig', text: parsed.error.userMessage });
    const actor = await actorOf(turn, this.services.directory);
    const { caseId, opmerking } = parsed.value;
    try {
      const current = (await this.services.cases.get(actor, caseId)).case;
      const edits = this.changes(current, parsed.value);
      const klaar = verb === DEELB_REVIEW_KLAAR;
      const note = opmerking?.trim();
      if (Object.keys(edits).length === 0 && !note && !klaar) return this.card(current, { text: 'Er was niets veranderd.', good: true });
      const updated = await this.services.cases.execute(actor, caseId, { type: 'recordDeelB', ...edits, ...(note ? { opmerking: note } : {}), ...(klaar ? { klaarVoorAkkoord: true } : {}) });
      await this.tellProfessional(actor, updated, Object.keys(edits) as Field[], note, klaar);
      return this.card(updated, { text: klaar ? 'Opgeslagen en gemeld: klaar voor akkoord.' : 'Opgeslagen en gemeld aan de professional.', good: true });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'CASE.NOT_FOUND') return renderNoticeCard({ title: 'Niet beschikbaar', text: error.userMessage });
      // The refusal (what the aanjager typed: too long, a BSN) on the card as it now stands; nothing was stored.
      const c = await visibleCase(this.services, actor, caseId);
      return c ? this.card(c, { text: error.userMessage, good: false }) : renderNoticeCard({ title: 'Niet beschikbaar', text: ERROR_MESSAGES['CASE.NOT_FOUND'] });
    }
  }

  /** Only the fields the aanjager actually changed. */
  private changes(c: Case, input: Record<string, string | undefined>): Record<string, string> {
    const edits: Record<string, string> = {};
    for (const [field] of FIELDS) {
      const value = input[field]?.trim();
      if (value && value !== (c.deelB?.[field] ?? '')) edits[field] = value;
    }
    return edits;
  }

  private async tellProfessional(actor: Actor, c: Case, fields: Field[], note: string | undefined, klaar: boolean): Promise<void> {
    const regisseur = activeCasusregisseur(c);
    if (!regisseur || regisseur.userId === actor.userId) return;
    const labels = fields.map((f) => SHORT[f]);
    const parts = [
      `De aanjager heeft Deel B van casus ${c.reference} bekeken.`,
      labels.length ? `Aangepast: ${labels.join(', ')}.` : '',
      note ? `Opmerking: ${note}` : '',
      klaar ? 'Volgens de aanjager is Deel B **klaar voor akkoord**: typ **casus ' + c.reference + '** en dan **verder** om het in te dienen.' : '',
    ];
    await this.notifier.send(regisseur.userId, { text: parts.filter(Boolean).join(' ') });
  }
}


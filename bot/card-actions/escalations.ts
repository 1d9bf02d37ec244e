import { mayBeShown } from '../../services/domain/model/visibility';
import type { TurnContext } from 'botbuilder';
import { renderEscalationCard } from '../../cards/escalation';
import { renderNoticeCard } from '../../cards/notice';
import { toAttachment, type AdaptiveCardJson } from '../../cards/render';
import { ESCALATIE_AFGEROND, ESCALATIE_OPSCHALEN } from '../../cards/verbs';
import { ERROR_MESSAGES, isDomainError } from '../../services/domain/errors';
import { APPROVAL_OUTCOME_LABELS } from '../../services/domain/model/approval';
import { type Case, activeCasusregisseur } from '../../services/domain/model/case';
import { AVE_FASE_LABELS, AVE_FASE_ROLES, type AveFase } from '../../services/domain/model/escalation';
import type { Actor } from '../../services/domain/model/roles';
import { STEP_LABELS } from '../../services/domain/model/steps';
import type { Notifier } from '../../services/ports/notifier';
import { currentRequest } from '../../services/domain/stappenplan/guards';
import { CARD_PAYLOADS, parseCard } from '../card-payload';
import { actorOf, visibleCase, type BotServices } from '../turn-services';
import { naamVan } from '../../services/domain/model/namen';
import { formatEuro as euro } from '../../services/domain/text/format';


const AANLEIDING = { vastgelopen: 'De casusregisseur loopt vast in de uitvoering', afgewezen: 'Deel B is afgewezen', geenBesluit: 'Geen besluit op Deel B binnen de termijn' } as const;

/**
 * Escalations along the AVE-model as cards: the procesregisseur (and whoever a phase up) gets the case in brief,
 * the phase and the question, and answers on the card; the casusregisseur hears the outcome. The state machine
 * decides every step, as in the Escaleren dialog.
 */
export class Escalations {
  constructor(
    private readonly services: BotServices,
    private readonly notifier: Notifier,
  ) {}

  private card(c: Case, viewer: Actor, melding?: string): AdaptiveCardJson {
    const e = c.escalaties.at(-1);
    const open = !!e && !e.afgerondAt && (e.askedUserIds.includes(viewer.userId) || activeCasusregisseur(c)?.userId === viewer.userId);
    const request = currentRequest(c);
    const verzoek = c.deelB?.verzoek;
    const next = Math.min(c.aveFase + 1, 4) as AveFase;
    return renderEscalationCard({
      caseId: c.id,
      reference: c.reference,
      fase: AVE_FASE_LABELS[c.aveFase],
      aanleiding: e ? AANLEIDING[e.aanleiding] : '—',
      stap: STEP_LABELS[c.step],
      regisseur: naamVan(c, activeCasusregisseur(c)?.userId),
      ...(e ? { door: naamVan(c, e.opschalingen.at(-1)?.door ?? e.openedBy) } : {}),
      ...(e?.askedUserIds.length ? { gevraagdAan: e.askedUserIds.map((id) => naamVan(c, id)).join(', ') } : {}),
      vraag: e?.vraag ?? '—',
      ...(verzoek ? { verzoek: [verzoek.uitzondering, verzoek.doorbraakbudgetCents ? euro(verzoek.doorbraakbudgetCents) : '', verzoek.doel].filter(Boolean).join(' · ') } : {}),
      ...(request?.decision ? { besluit: `${APPROVAL_OUTCOME_LABELS[request.decision.outcome]}, door ${naamVan(c, request.decision.by)}${request.decision.reason ? `: ${request.decision.reason}` : ''}` } : {}),
      ...(e?.afgerondAt ? { uitkomst: `Afgerond: ${e.uitkomst ?? ''}` } : {}),
      ...(melding ? { melding } : {}),
      open,
      nieuweOnderbouwing: c.uitzonderingNodig,
      kanOpschalen: c.aveFase < 4,
      volgendeFase: AVE_FASE_LABELS[next],
    });
  }

  /** Send the open escalation's card to whoever it asks. */
  async deliver(actor: Actor, caseId: string): Promise<{ reached: number; asked: number }> {
    const c = (await this.services.cases.get(actor, caseId)).case;
    // The card holds the request and its decision (Deel B): not for a party without the inwoner's consent for it.
    const asked = (c.escalaties.at(-1)?.askedUserIds ?? []).filter((userId) => mayBeShown(c, userId, 'deelB'));
    let reached = 0;
    for (const userId of asked) {
      const card = this.card(c, { userId, orgRoles: await this.services.directory.rolesOf(userId) });
      if (await this.notifier.send(userId, { attachments: [toAttachment(card)] })) reached++;
    }
    return { reached, asked: asked.length };
  }

  async handle(turn: TurnContext, verb: string, data: unknown): Promise<AdaptiveCardJson> {
    const parsed = parseCard(CARD_PAYLOADS.escalation, data);
    if (!parsed.ok) return renderNoticeCard({ title: 'Deze kaart is niet geldig', text: parsed.error.userMessage });
    const actor = await actorOf(turn, this.services.directory);
    const { caseId } = parsed.value;
    const toelichting = parsed.value.toelichting?.trim() || undefined;
    try {
      const before = (await this.services.cases.get(actor, caseId)).case;
      const command =
        verb === ESCALATIE_OPSCHALEN
          ? ({ type: 'escalateFurther', toelichting: toelichting ?? '', askedUserIds: await this.nextAsked(before) } as const)
          : ({ type: 'overgang', transition: verb === ESCALATIE_AFGEROND ? 'escalatieAfgerond' : 'nieuweOnderbouwing', toelichting } as const);
      const after = await this.services.cases.execute(actor, caseId, command);
      if (verb === ESCALATIE_OPSCHALEN) await this.deliver(actor, caseId);
      await this.tellRegisseur(actor, after, verb, toelichting);
      return this.card(after, actor);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'CASE.NOT_FOUND') return renderNoticeCard({ title: 'Niet beschikbaar', text: error.userMessage });
      const c = await visibleCase(this.services, actor, caseId);
      return c ? this.card(c, actor, error.userMessage) : renderNoticeCard({ title: 'Niet beschikbaar', text: ERROR_MESSAGES['CASE.NOT_FOUND'] });
    }
  }

  private async nextAsked(c: Case): Promise<string[]> {
    const role = AVE_FASE_ROLES[Math.min(c.aveFase + 1, 4) as AveFase];
    return role ? [...(await this.services.directory.usersWithRole(role))] : [];
  }

  private async tellRegisseur(actor: Actor, c: Case, verb: string, toelichting: string | undefined): Promise<void> {
    const regisseur = activeCasusregisseur(c);
    if (!regisseur || regisseur.userId === actor.userId) return;
    const what =
      verb === ESCALATIE_OPSCHALEN ? `opgeschaald naar ${AVE_FASE_LABELS[c.aveFase]}` : verb === ESCALATIE_AFGEROND ? 'afgerond; de casus is terug in uitvoering' : 'afgerond met de vraag om een nieuwe onderbouwing (Deel B)';
    await this.notifier.send(regisseur.userId, { text: `De escalatie van casus ${c.reference} is ${what}. ${toelichting ?? ''}`.trim() });
  }
}

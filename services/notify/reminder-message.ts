import { DateTime } from 'luxon';
import { activeCasusregisseur, type Case } from '../domain/model/case';
import { AVE_FASE_LABELS } from '../domain/model/escalation';
import { MDO_LOCATIE_LABELS } from '../domain/model/mdo';
import { naamVan } from '../domain/model/namen';
import { REMINDER_LABELS, type Reminder, type ReminderKind } from '../domain/model/reminder';
import { sightOf } from '../domain/model/visibility';
import { caseRoleOf } from '../domain/stappenplan/permissions';
import { ZONE } from '../ports/clock';
import { formatDutchDate } from '../domain/text/format';
import type { WerkdagKalender } from '../domain/werkdagen';
import type { OutgoingMessage } from '../ports/notifier';

/** What a reminder says and offers, before it is put in words for a channel (a card in Teams, text elsewhere). */
export interface ReminderNews {
  readonly caseId: string;
  readonly reference: string;
  readonly reminderId: string;
  readonly kind: ReminderKind;
  /** "Evaluatie van het plan". */
  readonly title: string;
  /** What is due, in one or two sentences. */
  readonly lines: readonly string[];
  /** "sinds 7 januari 2027": since when it is due ("op …" for what lies ahead: an MDO, the evaluation day). */
  readonly since: string;
  /** The recipient may open the case (is on it). */
  readonly openen: boolean;
  /** The action the recipient may mark done. */
  readonly gedaan?: string;
  /** The recipient may put it off once (Later herinneren): the last day it can be put off to. */
  readonly uitstellenTot?: string;
  /** With `uitstellenTot`: the first day it can be put off to (tomorrow). */
  readonly uitstellenVanaf?: string;
  /** The recipient may escalate (a request stuck for twice the werkdagen). */
  readonly escaleren: boolean;
}

export type RenderReminder = (news: ReminderNews) => OutgoingMessage;

const longDate = (iso: string) => DateTime.fromISO(iso).setZone(ZONE).setLocale('nl').toFormat('cccc d LLLL yyyy');
const appointment = (iso: string) => DateTime.fromISO(iso).setZone(ZONE).setLocale('nl').toFormat("cccc d LLLL 'om' HH:mm");


/**
 * The reminder as its recipient may read it now, from the case as it is at sending; undefined when it is no longer
 * true (the action was done, the request decided) or no longer for them. Nothing of the inwoner: the kenmerk, what is
 * due and since when, and an action's text only for who may see Deel A.
 */
export function reminderNews(c: Case, r: Reminder, kalender: WerkdagKalender, now: DateTime, maxSnoozeDays: number): ReminderNews | undefined {
  const to = r.to;
  if (!to) return undefined;
  const sight = sightOf(c, to);
  const onCase = c.memberIds.includes(to);
  const role = caseRoleOf(c, to);
  const uitvoerend = role === 'casusregisseur' || role === 'betrokkenProfessional';
  const werkdagen = kalender.werkdagenTussen(DateTime.fromISO(r.sinds, { zone: ZONE }), now);
  const lines: string[] = [];
  let gedaan: string | undefined;
  let escaleren = false;
  switch (r.kind) {
    case 'evaluatieVooraf':
      lines.push(`De evaluatie van het plan is ${longDate(r.sinds)}, zes weken na het MDO. Spreek met de inwoner en de betrokkenen af hoe jullie terugkijken.`);
      break;
    case 'evaluatie':
      lines.push(`De evaluatie van het plan staat voor ${longDate(r.sinds)}: kijk met de inwoner of de afspraken zijn gelukt en of er nog iets nodig is.`);
      break;
    case 'actie': {
      const actie = c.deelA.acties.find((a) => a.id === r.ref);
      if (!actie || (actie.status !== 'open' && actie.status !== 'bezig')) return undefined;
      lines.push(
        sight.parts.has('deelA')
          ? `De actie "${actie.wat}" (${actie.wie}) stond voor ${formatDutchDate(actie.wanneer)} en is nog niet gedaan.`
          : `Een actie van het plan stond voor ${formatDutchDate(actie.wanneer)} en is nog niet gedaan.`,
      );
      if (uitvoerend && sight.parts.has('deelA')) gedaan = actie.id;
      break;
    }
    case 'uitvoering':
      if (c.uitvoeringSinds) return undefined;
      lines.push(`Het plan is op ${formatDutchDate(r.sinds)} gemaakt en de uitvoering is nog niet gestart. Het stappenplan vraagt de uitvoering binnen zes weken te beginnen.`);
      break;
    case 'akkoord':
    case 'akkoordEscaleren': {
      const request = c.approvals.find((a) => a.id === r.ref);
      if (request?.status !== 'open') return undefined;
      const asker = naamVan(c, request.requestedBy);
      if (r.kind === 'akkoord') {
        lines.push(`Deel B wacht sinds ${formatDutchDate(r.sinds)} (${werkdagen} werkdagen) op jouw besluit. Gevraagd door ${asker}.`);
      } else {
        lines.push(`Deel B wacht sinds ${formatDutchDate(r.sinds)} (${werkdagen} werkdagen) op een besluit van de leidinggevende.`);
        escaleren = c.step === 'onderbouwing' && role === 'casusregisseur';
        if (escaleren) lines.push('Je kunt nu escaleren naar de procesregisseur (AVE, fase 2).');
      }
      break;
    }
    case 'escalatie':
    case 'escalatieOpschalen': {
      const id = r.ref.split('.')[0];
      const e = c.escalaties.find((x) => x.id === id);
      if (!e || e.afgerondAt) return undefined;
      if (r.kind === 'escalatie') {
        lines.push(`De escalatie (${AVE_FASE_LABELS[e.aveFase].toLowerCase()}) wacht sinds ${formatDutchDate(r.sinds)} (${werkdagen} werkdagen) op een uitkomst.`);
      } else {
        const asked = [...new Set(e.askedUserIds.map((u) => naamVan(c, u)))];
        const regisseur = naamVan(c, activeCasusregisseur(c)?.userId, { otherwise: 'de casusregisseur' });
        lines.push(`Een escalatie in ${AVE_FASE_LABELS[e.aveFase].toLowerCase()} wacht sinds ${formatDutchDate(r.sinds)} (${werkdagen} werkdagen) op een uitkomst.`);
        lines.push(`Neem contact op met ${asked.length ? `${asked.join(', ')} of ` : ''}${regisseur} om de escalatie verder te brengen.`);
      }
      break;
    }
    case 'evaluatieNaRealisatie':
      if (c.step !== 'evaluatie' || c.deelC.gerealiseerd !== undefined) return undefined;
      lines.push(`Het plan is op ${formatDutchDate(r.sinds)} gerealiseerd. Evalueer nu met de inwoner (Deel C): is het gelukt, blijft het goed gaan, en is er nog iets nodig?`);
      break;
    case 'mdoMorgen': {
      const mdo = c.mdos.find((m) => m.id === r.ref);
      if (!mdo || mdo.afgerondAt || mdo.geannuleerdAt) return undefined;
      const when = mdo.start ? appointment(mdo.start) : longDate(r.sinds);
      lines.push(`MDO ${mdo.nummer} is ${when}, ${MDO_LOCATIE_LABELS[mdo.locatie].toLowerCase()}.`);
      break;
    }
  }
  const uitstellen = onCase && !r.uitgesteld && r.kind !== 'mdoMorgen' && r.kind !== 'evaluatieVooraf' && r.kind !== 'escalatieOpschalen';
  return {
    caseId: c.id,
    reference: c.reference,
    reminderId: r.id,
    kind: r.kind,
    title: REMINDER_LABELS[r.kind],
    lines,
    since: r.kind === 'mdoMorgen' || r.kind === 'evaluatieVooraf' ? `op ${formatDutchDate(r.sinds)}` : `sinds ${formatDutchDate(r.sinds)}`,
    openen: onCase,
    ...(gedaan ? { gedaan } : {}),
    ...(uitstellen
      ? { uitstellenVanaf: now.setZone(ZONE).plus({ days: 1 }).toISODate() as string, uitstellenTot: now.setZone(ZONE).plus({ days: maxSnoozeDays }).toISODate() as string }
      : {}),
    escaleren,
  };
}

/** The reminder as one plain text message (channels without cards, and tests that read text). */
export function reminderAsText(news: ReminderNews): OutgoingMessage {
  const open = news.openen ? [`Typ **casus ${news.reference}** om de casus te openen.`] : [];
  return { text: [`Herinnering bij casus **${news.reference}**: ${news.title.toLowerCase()}.`, ...news.lines, ...open].join('\n\n') };
}

import { APPROVAL_OUTCOME_LABELS } from '../domain/model/approval';
import type { Case } from '../domain/model/case';
import { CONSENT_PART_LABELS } from '../domain/model/consent';
import type { OutboxChange, OutboxItem } from '../domain/model/outbox';
import { stepInSentence } from '../domain/model/steps';
import { deliverableChanges } from '../domain/outbox';
import { naamVan } from '../domain/model/namen';
import { LEEFGEBIED_LABELS } from '../domain/model/leefgebieden';
import { formatEuro } from '../domain/text/format';
import type { OutgoingMessage } from '../ports/notifier';

/**
 * The one short Dutch message a recipient gets for the items of one case in one delivery: the kenmerk, what changed
 * and by whom (the professional's name and organisation as recorded on the case; never anything of the inwoner), and
 * how to open the case. Made on the case as it is at delivery, through what the recipient may see now
 * (services/domain/outbox.ts): a change of a part its consent no longer covers is left out; undefined when nothing
 * is left (the items are then dropped).
 */
export function outboxMessage(c: Case, to: string, items: readonly OutboxItem[], render: RenderChanges = changesAsText): OutgoingMessage | undefined {
  const news = outboxNews(c, to, items);
  return news && render(news);
}

/** What one recipient is told about one case, before it is put in words for a channel (text, or a card in Teams). */
export interface CaseNews {
  readonly caseId: string;
  readonly reference: string;
  /** The access ended: nothing of the case, only that. */
  readonly ended: boolean;
  /** One sentence per change (empty when `ended`). */
  readonly lines: readonly string[];
}

export type RenderChanges = (news: CaseNews) => OutgoingMessage;

/** The news for `to` from these items, as the recipient may see the case now; undefined when nothing is left. */
export function outboxNews(c: Case, to: string, items: readonly OutboxItem[]): CaseNews | undefined {
  const changes: OutboxChange[] = [];
  for (const item of items) {
    for (const change of deliverableChanges(c, item)) {
      if (!changes.some((known) => JSON.stringify(known) === JSON.stringify(change))) changes.push(change);
    }
  }
  if (changes.length === 0) return undefined;
  if (changes.every((change) => change.kind === 'toegangBeeindigd')) return { caseId: c.id, reference: c.reference, ended: true, lines: [] };
  const lines = changes.filter((change) => change.kind !== 'toegangBeeindigd').map((change) => sentence(c, to, change));
  if (items.some((item) => item.more)) lines.push('En eerdere wijzigingen.');
  return { caseId: c.id, reference: c.reference, ended: false, lines };
}

/** The news as one plain text message (channels without cards, and tests that read text). */
export function changesAsText(news: CaseNews): OutgoingMessage {
  if (news.ended) return { text: accessEndedText(news.reference) };
  return { text: [`Casus **${news.reference}** is gewijzigd:`, ...news.lines.map((line) => `- ${line}`), `Typ **casus ${news.reference}** om de casus te openen.`].join('\n\n') };
}

/** The one sentence someone whose access ended is told: the kenmerk, nothing of the case. */
export const accessEndedText = (reference: string) => `Je toegang tot casus **${reference}** is beëindigd. Je ziet de casus niet meer.`;

/** A professional as others read them (services/domain/model/namen.ts). */
const who = (c: Case, userId: string | undefined, capital: boolean): string => naamVan(c, userId, { capital });

const ACTIONS: Readonly<Partial<Record<OutboxChange['kind'], string>>> = {
  mdoGepland: 'heeft een MDO gepland.',
  mdoVerplaatst: 'heeft het MDO verplaatst.',
  mdoGeannuleerd: 'heeft het MDO geannuleerd.',
  mdoAfgerond: 'heeft het MDO afgerond en de afspraken vastgelegd.',
  actieToegevoegd: 'heeft een actie aan het plan toegevoegd.',
  actieGewijzigd: 'heeft een actie in het plan gewijzigd.',
  actieGedaan: 'heeft een actie afgerond.',
  actieVerwijderd: 'heeft een actie uit het plan gehaald.',
  belemmering: 'heeft een belemmering gemeld; er komt een nieuw MDO.',
  escalatieGeopend: 'heeft de casus geëscaleerd.',
  escalatieOpgeschaald: 'heeft de escalatie verder opgeschaald.',
  escalatieAfgerond: 'heeft de escalatie afgerond.',
  besluitDeelB: 'heeft besloten over Deel B.',
  evaluatie: 'heeft de evaluatie bijgewerkt.',
  nieuweRonde: 'heeft een nieuwe ronde gestart.',
  casusAfgesloten: 'heeft de casus afgesloten.',
};

function sentence(c: Case, to: string, change: OutboxChange): string {
  const by = who(c, change.by, true);
  const subject = who(c, change.subject, false);
  switch (change.kind) {
    case 'partijToegevoegd':
      return `${by} heeft ${subject} aan de casus toegevoegd.`;
    case 'partijVerwijderd':
      return `${by} heeft ${subject} van de casus gehaald.`;
    case 'toestemmingGewijzigd': {
      if (change.subject !== to) return `${by} heeft vastgelegd dat de inwoner de toestemming van ${subject} heeft gewijzigd.`;
      const own = c.professionals.find((p) => p.active && p.userId === to)?.toestemming?.onderdelen ?? [];
      return `${by} heeft vastgelegd dat de inwoner heeft gewijzigd wat je mag zien. Je ziet nu: ${own.map((part) => CONSENT_PART_LABELS[part]).join(', ')}.`;
    }
    case 'toestemmingIngetrokken':
      return `${by} heeft vastgelegd dat de inwoner de toestemming van ${subject} heeft ingetrokken; die staat niet meer op de casus.`;
    case 'casusregieOvergedragen':
      return change.subject === to ? 'Jij bent nu de casusregisseur.' : `${who(c, change.subject, true)} is nu de casusregisseur.`;
    case 'stap':
      return c.step === 'afgesloten' ? `${by} heeft de casus afgesloten.` : `${by} heeft de casus een stap verder gezet; hij staat nu in ${stepInSentence(c.step)}.`;
    case 'besluitDeelB': {
      // The decision itself, for who may see Deel B (the change is of that part): the outcome and the reason given.
      const decided = c.approvals.filter((r) => r.decision && r.decision.by === change.by).at(-1)?.decision;
      if (!decided) return `${by} heeft besloten over Deel B.`;
      return `${by} heeft besloten over Deel B: ${APPROVAL_OUTCOME_LABELS[decided.outcome]}.${decided.reason ? ` Reden: ${decided.reason}` : ''}`;
    }
    case 'mandaatUitgave': {
      // Amount and purpose, for who may see Deel B (the change is of that part; checked again at delivery).
      const uitgave = c.mandaatUitgaven?.find((u) => u.id === change.uitgave);
      if (!uitgave) return `${by} heeft geld uitgegeven onder het mandaat van de casusregisseur.`;
      const waarvoor = uitgave.categorie ? ` (${LEEFGEBIED_LABELS[uitgave.categorie]})` : '';
      return `${by} heeft ${formatEuro(uitgave.amountCents)} uitgegeven onder het mandaat van de casusregisseur: ${uitgave.doel}${waarvoor}.`;
    }
    case 'onbereikbaar':
      return `De bot kan ${subject} geen berichten meer sturen (de app is geblokkeerd of verwijderd). Laat het de collega zelf weten.`;
    default:
      return `${by} ${ACTIONS[change.kind] ?? 'heeft de casus gewijzigd.'}`;
  }
}

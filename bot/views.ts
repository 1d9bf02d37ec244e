import { type Case, type DueItem, type HistoryEntry, type PartyEntry, activeCasusregisseur, isHerinneringEntry, isMandaatEntry, isRegieEntry, isTransitionEntry } from '../services/domain/model/case';
import { formatEuro } from '../services/domain/text/format';
import { REMINDER_LABELS } from '../services/domain/model/reminder';
import { APPROVAL_OUTCOME_LABELS } from '../services/domain/model/approval';
import type { RegieEntry } from '../services/domain/model/regie';
import { CONSENT_PART_LABELS, CONSENT_WAY_LABELS } from '../services/domain/model/consent';
import type { CaseProfessional } from '../services/domain/model/roles';
import { sightOf } from '../services/domain/model/visibility';
import { CASE_ROLE_LABELS } from '../services/domain/model/roles';
import { HOUSEHOLD_ROLE_LABELS } from '../services/domain/model/household';
import { LEEFGEBIED_LABELS } from '../services/domain/model/leefgebieden';
import { STEP_LABELS, stepInSentence } from '../services/domain/model/steps';
import type { MachineContext } from '../services/domain/stappenplan/context';
import { availableTransitions } from '../services/domain/stappenplan/machine';
import { mayProposeCasusregie, openRegieVoorstelVoor } from '../services/domain/stappenplan/casusregie';
import type { CaseListItem } from '../cards/case-list';
import { voorNaSection } from '../cards/voor-na';
import { toonVoorNa, voorNaVan } from '../services/domain/evaluatie/voor-na';
import { formatAppointment, formatDate, formatMoment } from './texts';
import { MDO_LOCATIE_LABELS, openMdo } from '../services/domain/model/mdo';
import { DateTime } from 'luxon';
import { ZONE } from '../services/ports/clock';
import { naamDelen, naamVan } from '../services/domain/model/namen';

/**
 * Case → the pre-formatted Dutch data the cards show. Only what the professional needs to see; the cards never
 * receive raw case documents.
 */

const DUE_LABELS: Readonly<Record<DueItem['kind'], string>> = {
  evaluatie: 'evaluatie',
  actie: 'actie',
  akkoord: 'besluit over Deel B',
  uitvoering: 'uitvoering',
  escalatie: 'reactie op escalatie',
};

function dueWhat(c: Case, item: DueItem): string {
  if (item.kind === 'actie') {
    // Without consent for Deel A the case comes without its actions: "actie" only.
    const actie = c.deelA.acties.find((a) => a.id === item.ref);
    return actie ? `actie: ${actie.wat} (${actie.wie})` : 'actie';
  }
  return DUE_LABELS[item.kind];
}

/** "evaluatie op 7 januari 2027", or a dash when nothing is due. */
export function nextDueText(c: Case): string {
  const first = c.due[0];
  return first ? `${dueWhat(c, first)} op ${formatDate(first.dueAt)}` : '—';
}

/** On whom the case waits now: by name where the case knows it ("Akkoord van Sanne Jansen (Wijkteam)"). */
export function waitingOn(c: Case): string {
  const request = c.approvals.find((r) => r.status === 'open');
  if (request) return `Akkoord van ${request.askedUserIds.length ? request.askedUserIds.map((id) => naamVan(c, id)).join(' of ') : 'de leidinggevende'}`;
  const escalatie = c.escalaties.find((e) => !e.afgerondAt);
  if (escalatie) return `${escalatie.askedUserIds.length ? escalatie.askedUserIds.map((id) => naamVan(c, id, { capital: true })).join(' of ') : 'De procesregisseur'} (escalatie)`;
  if (c.step === 'afgesloten') return 'Niemand: afgesloten';
  const { naam } = naamDelen(c, activeCasusregisseur(c)?.userId);
  return naam ? `Casusregisseur (${naam})` : 'Casusregisseur';
}

/**
 * One row of "mijn casussen" for `viewerId`: enough to tell cases apart. The step and since when (the last step change,
 * else the day the case was opened), what is due first, on whom it waits, and the household's pseudonyms ("Moeder (M1)")
 * only for a professional on the case who may see the hulpvraag (services/domain/model/visibility.ts).
 */
export function caseListItem(c: Case, viewerId: string): CaseListItem {
  const lastStep = c.history.filter(isTransitionEntry).at(-1)?.at ?? c.createdAt;
  const onCase = c.professionals.some((p) => p.active && p.userId === viewerId);
  const huishouden = onCase && sightOf(c, viewerId).parts.has('hulpvraag') ? c.household.members.map((m) => m.label).join(', ') : '';
  return {
    caseId: c.id,
    reference: c.reference,
    step: STEP_LABELS[c.step],
    sinds: `sinds ${formatDate(lastStep)}`,
    nextDue: nextDueText(c),
    waitingOn: waitingOn(c),
    ...(huishouden ? { huishouden } : {}),
  };
}

/** What the professional can do next, with what is still missing for it. */
export function nextStepText(c: Case, ctx: MachineContext): string {
  if (c.step === 'afgesloten') return 'De casus is afgesloten.';
  const options = availableTransitions(c, ctx);
  const ready = options.filter((o) => !o.refusal).map((o) => (o.def.to === 'afgesloten' ? 'de casus af te sluiten' : `door te gaan naar ${stepInSentence(o.def.to)}`));
  if (ready.length > 0) return `Klaar om ${[...new Set(ready)].join(' of ')}. Typ **verder**.`;
  const first = options[0]?.refusal;
  return first ? `Nog nodig: ${first.userMessage}` : 'Typ **verder** om deze stap te doorlopen.';
}

export function caseViewData(c: Case, ctx: MachineContext) {
  const voorstel = c.regieOverdragen;
  return {
    caseId: c.id,
    reference: c.reference,
    step: STEP_LABELS[c.step],
    ronde: c.ronde,
    verder: c.step !== 'afgesloten',
    ...(c.hulpvraag ? { hulpvraag: c.hulpvraag } : {}),
    household: c.household.members.map((m) => ({ role: HOUSEHOLD_ROLE_LABELS[m.role], label: m.leeftijd !== undefined ? `${m.label}, ${m.leeftijd} jaar` : m.label })),
    professionals: c.professionals.filter((p) => p.active).map((p) => ({ name: naamDelen(c, p.userId).naam ?? 'Collega', role: roleText(p), ziet: sightText(c, p) })),
    due: c.due.map((d) => ({ what: dueWhat(c, d), when: formatDate(d.dueAt) })),
    next: nextStepText(c, ctx),
    history: historyRows(c, ctx.actor.userId).map((h) => ({
      when: formatMoment(h.at),
      who: naamVan(c, h.by, { capital: true }),
      what: h.what,
      ...(h.why ? { why: h.why } : {}),
    })),
    // Before and after only when both ZRM measurements exist, and only for who may see the ZRM part.
    ...(toonVoorNa(c, ctx.actor.userId) ? { voorNa: voorNaSection(voorNaVan(c)) } : {}),
    // Empty for who may not see Deel A (the case comes redacted).
    doelen: c.deelA.doelen.map((g) => ({
      titel: LEEFGEBIED_LABELS[g.leefgebied],
      doel: g.doel,
      stand: [
        `Tevredenheid bij de start: ${g.tevredenheidVoor} van 10`,
        g.resultaat ? `opgelost als: ${g.resultaat}${g.resultaatDatum ? ` (uiterlijk ${formatDate(g.resultaatDatum)})` : ''}` : undefined,
      ].filter(Boolean).join(' · '),
    })),
    mandaat: (c.mandaatUitgaven ?? []).map((u) => ({
      bedrag: formatEuro(u.amountCents),
      doel: `${u.categorie ? `${LEEFGEBIED_LABELS[u.categorie]}: ` : ''}${u.doel} (${u.periode})`,
      wie: naamVan(c, u.by, { capital: true }),
      wanneer: formatMoment(u.at),
      waarom: u.waarom,
    })),
    ...(voorstel ? { regieVoorstel: `Casusregie voorgesteld aan ${naamVan(c, voorstel.aan)} op ${formatMoment(voorstel.at)}; wacht op antwoord.` } : {}),
    regieOverdragen: mayProposeCasusregie(c, ctx.actor.userId),
    ...(openRegieVoorstelVoor(c, ctx.actor.userId) ? { regieVoorstelId: voorstel?.id } : {}),
  };
}

/** "Schuldhulpverlening: de schulden op een rij", or the case role when no organisation is known. */
function roleText(p: CaseProfessional): string {
  if (p.role !== 'betrokkenProfessional' || !p.organisatie) return CASE_ROLE_LABELS[p.role];
  return p.taak ? `${p.organisatie}: ${p.taak}` : p.organisatie;
}

/** What a professional may see of the case, and on what consent: "Wie kijkt mee". */
export function sightText(c: Case, p: CaseProfessional): string {
  const sight = sightOf(c, p.userId);
  if (sight.all) return p.role === 'casusregisseur' ? 'Ziet de hele casus.' : 'Ziet wat de rol in de Helmond Aanpak vraagt.';
  if (!p.toestemming) return 'Ziet niets: er is nog geen toestemming van de inwoner vastgelegd.';
  const parts = p.toestemming.onderdelen.map((part) => CONSENT_PART_LABELS[part]).join(', ');
  return `Ziet: ${parts}. Toestemming ${CONSENT_WAY_LABELS[p.toestemming.hoe].toLowerCase()} op ${formatDate(p.toestemming.op)}.`;
}

const PARTY_EVENT_LABELS: Readonly<Record<PartyEntry['gebeurtenis'], string>> = {
  toegevoegd: 'toegevoegd aan de casus',
  verwijderd: 'van de casus gehaald',
  toestemmingGewijzigd: 'toestemming gewijzigd',
  toestemmingIngetrokken: 'toestemming ingetrokken; geen toegang meer',
};

function partyEventText(c: Case, h: PartyEntry): string {
  return `${naamVan(c, h.partij, { capital: true })}: ${PARTY_EVENT_LABELS[h.gebeurtenis]}`;
}

function regieEventText(c: Case, h: RegieEntry): string {
  const aan = naamVan(c, h.aan);
  switch (h.regie) {
    case 'voorgesteld':
      return `casusregie voorgesteld aan ${aan}`;
    case 'aanvaard':
      return `casusregie overgenomen van ${naamVan(c, h.van)}, die betrokken blijft en alles blijft zien`;
    case 'afgewezen':
      return `voorstel om de casusregie over te nemen afgewezen`;
    case 'vervallen':
      return `voorstel om de casusregie over te dragen aan ${aan} vervallen`;
    case 'overgedragenInMdo':
      return `casusregie in het MDO overgedragen aan ${aan}`;
  }
}

/**
 * The case's history with the Deel B requests and decisions among it (they live on the requests, not in the history),
 * oldest first; those only for a viewer who may see Deel B.
 */
function historyRows(c: Case, viewer: string): { at: string; by: string; what: string; why?: string }[] {
  const sight = sightOf(c, viewer);
  const deelB = sight.all || sight.parts.has('deelB');
  const rows = c.history.map((h) => ({ at: h.at, by: h.by, what: historyText(c, h, deelB), ...('why' in h && h.why ? { why: h.why } : {}) }));
  const besluiten = deelB
    ? c.approvals.flatMap((r) => [
        { at: r.requestedAt, by: r.requestedBy, what: `Deel B (versie ${r.deelBVersie}) ter beoordeling aangeboden` },
        ...(r.decision ? [{ at: r.decision.at, by: r.decision.by, what: `besluit over Deel B: ${APPROVAL_OUTCOME_LABELS[r.decision.outcome]}`, ...(r.decision.reason ? { why: r.decision.reason } : {}) }] : []),
      ])
    : [];
  return [...rows, ...besluiten].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * One event of the history in Dutch: a step, a party's change, or casusregie. A spending under the mandaat is money
 * for the household, of Deel B: its amount only for a viewer who may see Deel B (`deelB`), the others read that it happened.
 */
function historyText(c: Case, h: HistoryEntry, deelB: boolean): string {
  if (isTransitionEntry(h)) return `${STEP_LABELS[h.from]} → ${STEP_LABELS[h.to]}`;
  if (isMandaatEntry(h)) return deelB ? `${formatEuro(h.amountCents)} uitgegeven onder het mandaat van de casusregisseur` : 'uitgave onder het mandaat van de casusregisseur';
  if (isHerinneringEntry(h)) return `herinnering "${REMINDER_LABELS[h.herinnering].toLowerCase()}" uitgesteld tot ${formatDate(h.uitgesteldTot)}`;
  return isRegieEntry(h) ? regieEventText(c, h) : partyEventText(c, h);
}

/** "MDO 1: dinsdag 24 november 2026, 12:00 – 13:30, bij de inwoner thuis. [Deelnemen via Teams](…)" when one is planned. */
export function plannedMdoText(c: Case): string | undefined {
  const mdo = openMdo(c.mdos);
  if (!mdo) return undefined;
  const wanneer = mdo.start ? formatAppointment(mdo.start, mdo.eind) : formatDate(mdo.datum);
  const link = mdo.agenda?.joinUrl ? ` [Deelnemen via Teams](${mdo.agenda.joinUrl})` : '';
  return `MDO ${mdo.nummer}: ${wanneer}, ${MDO_LOCATIE_LABELS[mdo.locatie].toLowerCase()}.${link}`;
}

/** The short status text for "status". */
export function statusText(c: Case, ctx: MachineContext): string {
  const mdo = plannedMdoText(c);
  return [
    c.step === 'afgesloten' ? `**${c.reference}** is afgesloten (ronde ${c.ronde}).` : `**${c.reference}**: ${stepInSentence(c.step)}, ronde ${c.ronde}.`,
    `Wacht op: ${waitingOn(c)}. Eerstvolgende: ${nextDueText(c)}.`,
    ...(mdo ? [mdo] : []),
    nextStepText(c, ctx),
  ].join('\n\n');
}

/**
 * When the casusregisseur hears of the evaluation after this MDO, from the reminders the core put on the case (the
 * werkdag before and the day, 09:00): "De casusregisseur krijgt er een herinnering van op woensdag 6 januari en
 * donderdag 7 januari, om 09:00."
 */
export function evaluatieRemindersText(c: Case, mdoId: string): string {
  const moments = c.reminders
    .filter((r) => r.ref === mdoId && (r.kind === 'evaluatieVooraf' || r.kind === 'evaluatie') && r.state !== 'done')
    .map((r) => DateTime.fromISO(r.dueAt).setZone(ZONE).setLocale('nl'))
    .sort((a, b) => a.toMillis() - b.toMillis());
  if (moments.length === 0) return 'De casusregisseur krijgt er een herinnering van.';
  const days = moments.map((m) => m.toFormat('cccc d LLLL')).join(' en ');
  const times = [...new Set(moments.map((m) => m.toFormat('HH:mm')))];
  return times.length === 1 ? `De casusregisseur krijgt er een herinnering van op ${days}, om ${times[0]}.` : `De casusregisseur krijgt er een herinnering van op ${moments.map((m) => m.toFormat("cccc d LLLL 'om' HH:mm")).join(' en ')}.`;
}

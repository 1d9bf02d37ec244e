import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { activeWorkers, type Case, type PartyEntry } from '../model/case';
import { CONSENT_PARTS, type ConsentInput, type ConsentPart, type Toestemming } from '../model/consent';
import { requireSight } from '../model/visibility';
import type { CaseProfessional } from '../model/roles';
import { ZRM_VERSION } from '../model/leefgebieden';
import { MDO_CHECKLIST, openMdo, type ChecklistSection } from '../model/mdo';
import type { Step } from '../model/steps';
import { STEP_LABELS } from '../model/steps';
import { ZONE } from '../../ports/clock';
import { decideApproval, escalateFurther, requestApproval, withdrawApproval } from './approvals';
import type { CaseCommand, CommandOf } from './commands';
import type { MachineContext } from './context';
import { nowIso } from './context';
import { currentRequest } from './guards';
import { lapseRegieVoorstel, newDeelBVersion } from './effects';
import { answerCasusregie, proposeCasusregie } from './casusregie';
import { caseRoleOf, requirePermission, type Permission } from './permissions';

type DataCommand = Exclude<CaseCommand, { type: 'overgang' }>;
type Handler<T extends DataCommand['type']> = (c: Case, cmd: CommandOf<T>, ctx: MachineContext) => void;

const OPEN_STEPS: readonly Step[] = ['indienen', 'vraagverheldering', 'wieIsErNodig', 'mdo', 'plan', 'onderbouwing', 'uitvoering', 'escaleren', 'evaluatie'];

/** Where each edit is allowed, and who may make it. Approvals check their own rights (four-eyes, policy). */
interface EditRule<T extends DataCommand['type']> {
  readonly steps: readonly Step[];
  readonly permission?: Permission;
  readonly apply: Handler<T>;
}
type EditTable = { readonly [T in DataCommand['type']]: EditRule<T> };

const findMdo = (c: Case, id: string) => {
  const m = c.mdos.find((x) => x.id === id);
  if (!m) throw new DomainError('CASE.INVALID_INPUT', 'Dit MDO hoort niet bij deze casus.');
  if (m.afgerondAt) throw new DomainError('CASE.STEP_NOT_EDITABLE', `MDO ${m.nummer} is al afgerond; plan een vervolg-MDO.`);
  if (m.geannuleerdAt) throw new DomainError('CASE.STEP_NOT_EDITABLE', `MDO ${m.nummer} is geannuleerd; plan een nieuw MDO.`);
  return m;
};

const findActie = (c: Case, id: string) => {
  const a = c.deelA.acties.find((x) => x.id === id);
  if (!a) throw new DomainError('CASE.INVALID_INPUT', 'Deze actie hoort niet bij het plan van deze casus.');
  return a;
};

/** Copy only the keys that were given, so an edit never erases what it did not mention. */
function assignGiven<T extends object>(target: T, source: Partial<T>): void {
  for (const [key, value] of Object.entries(source)) if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}

export const EDITS: EditTable = {
  recordHulpvraag: { steps: ['indienen', 'vraagverheldering'], permission: 'uitvoerend', apply: (c, cmd) => { c.hulpvraag = cmd.hulpvraag; } },
  setHouseholdMember: {
    steps: OPEN_STEPS, permission: 'uitvoerend',
    apply: (c, { member }, ctx) => {
      const existing = member.id ? c.household.members.find((m) => m.id === member.id) : undefined;
      if (member.id && !existing) throw new DomainError('CASE.INVALID_INPUT', 'Dit lid hoort niet bij het huishouden van deze casus.');
      if (existing) assignGiven(existing, member);
      else c.household.members.push({ ...member, id: ctx.newId() });
    },
  },
  removeHouseholdMember: {
    steps: OPEN_STEPS, permission: 'uitvoerend',
    apply: (c, cmd) => { c.household.members = c.household.members.filter((m) => m.id !== cmd.memberId); },
  },
  recordVraagverheldering: {
    steps: ['vraagverheldering', 'mdo'], permission: 'uitvoerend',
    apply: (c, { type: _t, ...answers }) => assignGiven(c.vraagverheldering, answers),
  },
  recordZrm: {
    steps: ['vraagverheldering', 'evaluatie'], permission: 'uitvoerend',
    apply: (c, cmd) => {
      const expected: Step = cmd.moment === 'voor' ? 'vraagverheldering' : 'evaluatie';
      if (c.step !== expected) {
        throw new DomainError('CASE.STEP_NOT_EDITABLE', `De ZRM-scores ${cmd.moment} leg je vast in stap ${STEP_LABELS[expected]}.`);
      }
      const previous = cmd.moment === 'voor' ? c.vraagverheldering.zrmVoor : c.deelC.zrmNa;
      const meting = { version: ZRM_VERSION, scores: { ...(previous?.scores ?? {}), ...cmd.scores } };
      if (cmd.moment === 'voor') c.vraagverheldering.zrmVoor = meting;
      else c.deelC.zrmNa = meting;
    },
  },
  setPartijen: {
    steps: ['wieIsErNodig'], permission: 'uitvoerend',
    apply: (c, cmd, ctx) => {
      c.partijen = cmd.partijen.map((p) => ({ ...p, id: ctx.newId() }));
      c.vraagType = cmd.vraagType;
    },
  },
  planMdo: {
    steps: ['mdo'], permission: 'uitvoerend',
    apply: (c, { type: _t, mdoId, ...planning }, ctx) => {
      if (planning.genodigden) planning.genodigden = invitable(c, planning.genodigden);
      if (mdoId) return assignGiven(findMdo(c, mdoId), planning);
      const open = openMdo(c.mdos);
      if (open && open.datum >= (ctx.now.setZone(ZONE).toISODate() as string)) throw new DomainError('CASE.STEP_NOT_EDITABLE', `MDO ${open.nummer} staat al gepland; verplaats dat MDO in plaats van een nieuw te plannen.`);
      const belemmeringSindsLaatste = c.belemmeringen.some((b) => !c.mdos.some((m) => m.afgerondAt && m.afgerondAt > b.at));
      c.mdos.push({
        id: ctx.newId(), nummer: c.mdos.length + 1, ...planning,
        aanleiding: c.mdos.length === 0 ? 'eerste' : belemmeringSindsLaatste ? 'belemmering' : 'vervolg',
        checklist: { voorbereiding: {}, opening: {}, vragen: {} }, uitkomsten: { afspraken: [] },
      });
    },
  },
  cancelMdo: {
    steps: ['mdo'], permission: 'uitvoerend',
    apply: (c, cmd, ctx) => { findMdo(c, cmd.mdoId).geannuleerdAt = nowIso(ctx); },
  },
  setEvaluatieAgenda: {
    steps: ['plan', 'onderbouwing', 'uitvoering', 'escaleren', 'evaluatie'], permission: 'uitvoerend',
    apply: (c, cmd) => {
      const m = c.mdos.find((x) => x.id === cmd.mdoId);
      if (!m?.afgerondAt || !m.uitkomsten.evaluatieDatum) throw new DomainError('CASE.INVALID_INPUT', 'Dit MDO heeft (nog) geen evaluatiedatum.');
      m.evaluatieAgenda = cmd.agenda;
    },
  },
  recordMdoChecklist: {
    steps: ['mdo'], permission: 'uitvoerend',
    apply: (c, cmd) => {
      const section = cmd.section as ChecklistSection;
      const known = Object.keys(MDO_CHECKLIST[section]);
      const unknown = Object.keys(cmd.items).filter((k) => !known.includes(k));
      if (unknown.length) throw new DomainError('CASE.INVALID_INPUT', 'Dit punt staat niet op de checklist van het MDO.');
      Object.assign(findMdo(c, cmd.mdoId).checklist[section], cmd.items);
    },
  },
  recordMdoUitkomsten: {
    steps: ['mdo'], permission: 'uitvoerend',
    apply: (c, { type: _t, mdoId, afspraken, ...uitkomsten }, ctx) => {
      const m = findMdo(c, mdoId);
      assignGiven(m.uitkomsten, uitkomsten);
      if (afspraken) m.uitkomsten.afspraken = afspraken.map((a) => ({ ...a, id: ctx.newId() }));
      // Seed 000: plan an evaluation six weeks after the MDO.
      m.uitkomsten.evaluatieDatum ??= DateTime.fromISO(m.datum, { zone: ZONE }).plus({ weeks: 6 }).toISODate() as string;
    },
  },
  setActie: {
    steps: ['plan', 'onderbouwing', 'uitvoering'], permission: 'uitvoerend',
    apply: (c, { actie }, ctx) => {
      if (actie.id) {
        const a = findActie(c, actie.id);
        assignGiven(a, actie);
      } else {
        c.deelA.acties.push({ ...actie, id: ctx.newId(), status: actie.status ?? 'open' });
      }
    },
  },
  setActieStatus: {
    steps: ['plan', 'onderbouwing', 'uitvoering', 'escaleren', 'evaluatie'], permission: 'uitvoerend',
    apply: (c, cmd) => { findActie(c, cmd.actieId).status = cmd.status; },
  },
  removeActie: {
    steps: ['plan'], permission: 'uitvoerend',
    apply: (c, cmd) => {
      findActie(c, cmd.actieId);
      c.deelA.acties = c.deelA.acties.filter((a) => a.id !== cmd.actieId);
    },
  },
  setDeelAFoto: {
    steps: ['plan', 'uitvoering'], permission: 'uitvoerend',
    apply: (c, cmd) => { c.deelA.foto = { fileId: cmd.fileId, naam: cmd.naam }; },
  },
  recordDeelB: {
    steps: ['onderbouwing'], permission: 'onderbouwing',
    apply: (c, { type: _t, opmerking, klaarVoorAkkoord, ...fields }, ctx) => {
      const current = currentRequest(c);
      if (current?.status === 'open') {
        throw new DomainError('APPROVAL.ALREADY_OPEN', 'Deel B ligt ter beoordeling. Trek het verzoek in om Deel B te wijzigen.');
      }
      if (current) newDeelBVersion(c, ctx);
      c.deelB ??= { versie: 1, gewijzigdAt: nowIso(ctx), gewijzigdDoor: ctx.actor.userId };
      const changed = Object.values(fields).some((v) => v !== undefined);
      assignGiven(c.deelB, fields);
      if (opmerking) c.deelB.opmerkingen = [...(c.deelB.opmerkingen ?? []), { by: ctx.actor.userId, at: nowIso(ctx), tekst: opmerking }];
      if (klaarVoorAkkoord) c.deelB.klaarVoorAkkoord = { by: ctx.actor.userId, at: nowIso(ctx) };
      else if (changed) delete c.deelB.klaarVoorAkkoord; // a changed text needs a new look
      c.deelB.gewijzigdAt = nowIso(ctx);
      c.deelB.gewijzigdDoor = ctx.actor.userId;
      if (fields.aanjagerUserId && !caseRoleOf(c, fields.aanjagerUserId)) {
        c.professionals.push({ userId: fields.aanjagerUserId, role: 'aanjager', addedAt: nowIso(ctx), addedBy: ctx.actor.userId, active: true });
      }
    },
  },
  requestApproval: { steps: ['onderbouwing'], apply: requestApproval },
  decideApproval: { steps: ['onderbouwing', 'escaleren'], apply: decideApproval },
  withdrawApproval: { steps: ['onderbouwing', 'escaleren'], apply: withdrawApproval },
  escalateFurther: { steps: ['escaleren'], apply: escalateFurther },
  recordDeelC: { steps: ['evaluatie'], permission: 'uitvoerend', apply: (c, { type: _t, ...d }) => assignGiven(c.deelC, d) },
  addProfessional: {
    steps: OPEN_STEPS, permission: 'regisseur',
    apply: (c, cmd, ctx) => {
      const existing = c.professionals.find((p) => p.userId === cmd.userId);
      if (existing?.active) throw new DomainError('CASE.PROFESSIONAL_EXISTS');
      if (cmd.role === 'casusregisseur') {
        throw new DomainError('CASE.FORBIDDEN_ROLE', 'De casusregie gaat over via de afspraken van het MDO.');
      }
      if (cmd.role === 'betrokkenProfessional' && !cmd.toestemming) {
        throw new DomainError('CASE.CONSENT_REQUIRED', 'Leg eerst de toestemming van de inwoner vast: hoe en wanneer die gegeven is, en welke onderdelen de collega mag zien.');
      }
      const toestemming = cmd.toestemming && recordedConsent(cmd.toestemming, ctx);
      const entry = {
        userId: cmd.userId, role: cmd.role, addedAt: nowIso(ctx), addedBy: ctx.actor.userId, active: true,
        ...(cmd.displayName ? { displayName: cmd.displayName } : {}),
        ...(cmd.organisatie ? { organisatie: cmd.organisatie } : {}),
        ...(cmd.taak ? { taak: cmd.taak } : {}),
        ...(toestemming ? { toestemming } : {}),
      };
      if (existing) {
        // Back on the case: what was recorded before (consent, the end) is replaced, not merged.
        for (const key of ['displayName', 'organisatie', 'taak', 'toestemming', 'einde'] as const) delete existing[key];
        Object.assign(existing, entry);
      } else c.professionals.push(entry);
      partyEvent(c, ctx, cmd.userId, 'toegevoegd');
    },
  },
  changeConsent: {
    steps: OPEN_STEPS, permission: 'regisseur',
    apply: (c, cmd, ctx) => {
      const p = activeParty(c, cmd.userId);
      p.toestemming = recordedConsent(cmd.toestemming, ctx);
      partyEvent(c, ctx, cmd.userId, 'toestemmingGewijzigd');
    },
  },
  withdrawConsent: {
    steps: OPEN_STEPS, permission: 'regisseur',
    apply: (c, cmd, ctx) => {
      const p = activeParty(c, cmd.userId);
      notInTheFuture(cmd.op, ctx, 'De datum waarop de toestemming is ingetrokken ligt in de toekomst.');
      delete p.toestemming;
      p.active = false;
      p.einde = { op: nowIso(ctx), door: ctx.actor.userId, reden: 'toestemmingIngetrokken', ingetrokkenOp: cmd.op };
      partyEvent(c, ctx, cmd.userId, 'toestemmingIngetrokken');
      if (c.regieOverdragen?.aan === cmd.userId) lapseRegieVoorstel(c, ctx);
    },
  },
  deactivateProfessional: {
    steps: OPEN_STEPS, permission: 'regisseur',
    apply: (c, cmd, ctx) => {
      const p = c.professionals.find((x) => x.userId === cmd.userId && x.active);
      if (!p) throw new DomainError('CASE.NOT_A_MEMBER');
      if (p.role === 'casusregisseur') throw new DomainError('CASE.FORBIDDEN_ROLE', 'Draag eerst de casusregie over.');
      p.active = false;
      p.einde = { op: nowIso(ctx), door: ctx.actor.userId, reden: 'verwijderd' };
      partyEvent(c, ctx, cmd.userId, 'verwijderd');
      if (c.regieOverdragen?.aan === cmd.userId) lapseRegieVoorstel(c, ctx);
    },
  },
  proposeCasusregie: { steps: OPEN_STEPS, permission: 'regisseur', apply: proposeCasusregie },
  // Only the proposed party may answer: the handler's own check, as approvals check their own rights.
  answerCasusregie: { steps: OPEN_STEPS, apply: answerCasusregie },
};

/** The chosen MDO attendees, each once: every one an active party on the case (casusregisseur or betrokken professional). */
function invitable(c: Case, userIds: readonly string[]): string[] {
  const parties = new Set(activeWorkers(c).map((p) => p.userId));
  if (userIds.some((id) => !parties.has(id))) throw new DomainError('CASE.NOT_A_MEMBER', 'Een van de gekozen deelnemers staat niet (meer) op de casus; kies opnieuw wie je uitnodigt.');
  return [...new Set(userIds)];
}

/** An active betrokken professional (a party whose consent can change), or CASE.NOT_A_MEMBER. */
function activeParty(c: Case, userId: string): CaseProfessional {
  const p = c.professionals.find((x) => x.userId === userId && x.active);
  if (!p) throw new DomainError('CASE.NOT_A_MEMBER');
  if (p.role !== 'betrokkenProfessional') {
    throw new DomainError('CASE.FORBIDDEN_ROLE', p.role === 'casusregisseur' ? 'De casusregisseur ziet de hele casus; draag eerst de casusregie over.' : 'Deze collega kijkt mee vanuit een rol in de Helmond Aanpak, niet met toestemming per onderdeel.');
  }
  return p;
}

function notInTheFuture(date: string, ctx: MachineContext, refusal: string): void {
  if (date > (ctx.now.setZone(ZONE).toISODate() as string)) throw new DomainError('CASE.INVALID_INPUT', refusal);
}

/** The consent as recorded now by the actor; a date in the future is refused. */
function recordedConsent(input: ConsentInput, ctx: MachineContext): Toestemming {
  notInTheFuture(input.op, ctx, 'De datum van de toestemming ligt in de toekomst; vul de dag in waarop de inwoner toestemming gaf.');
  return { ...input, onderdelen: CONSENT_PARTS.filter((part) => input.onderdelen.includes(part)), vastgelegdDoor: ctx.actor.userId, vastgelegdOp: nowIso(ctx) };
}

function partyEvent(c: Case, ctx: MachineContext, partij: string, gebeurtenis: PartyEntry['gebeurtenis']): void {
  c.history.push({ at: nowIso(ctx), by: ctx.actor.userId, partij, gebeurtenis });
}

/**
 * The part of the case an edit changes: someone who may not see that part (a betrokken professional without the
 * inwoner's consent for it) may not change it either. Edits not listed touch no part (MDO dates, parties).
 */
const PART_OF: Partial<Record<DataCommand['type'], ConsentPart>> = {
  recordHulpvraag: 'hulpvraag', setHouseholdMember: 'hulpvraag', removeHouseholdMember: 'hulpvraag', recordVraagverheldering: 'hulpvraag',
  recordZrm: 'zrm',
  recordMdoChecklist: 'mdo', recordMdoUitkomsten: 'mdo',
  setActie: 'deelA', setActieStatus: 'deelA', removeActie: 'deelA', setDeelAFoto: 'deelA',
  recordDeelB: 'deelB', requestApproval: 'deelB', decideApproval: 'deelB', withdrawApproval: 'deelB', escalateFurther: 'deelB',
  recordDeelC: 'evaluatie',
};

/** Apply one data edit to the machine's copy of a case, after checking step and permission. */
export function applyEdit(c: Case, cmd: DataCommand, ctx: MachineContext): void {
  const rule = EDITS[cmd.type] as EditRule<DataCommand['type']>;
  if (!rule.steps.includes(c.step)) {
    throw new DomainError('CASE.STEP_NOT_EDITABLE', `Dit kun je niet doen in stap ${STEP_LABELS[c.step]}.`);
  }
  if (rule.permission) requirePermission(c, ctx, rule.permission);
  // Only a party's consent limits it; everyone else's rights are the rules above and in each edit (approvals).
  const part = PART_OF[cmd.type];
  if (part && caseRoleOf(c, ctx.actor.userId) === 'betrokkenProfessional') requireSight(c, ctx.actor.userId, [part], 'dit deel van de casus');
  (rule.apply as Handler<DataCommand['type']>)(c, cmd as never, ctx);
}

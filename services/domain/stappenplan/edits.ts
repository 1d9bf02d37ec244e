import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { activeWorkers, type Case } from '../model/case';
import type { Actie } from '../model/samenwerkplan';
import type { ConsentPart } from '../model/consent';
import { requireSight } from '../model/visibility';
import { LEEFGEBIED_LABELS, ZRM_VERSION } from '../model/leefgebieden';
import { MDO_CHECKLIST, openMdo, type ChecklistSection } from '../model/mdo';
import type { Step } from '../model/steps';
import { stepInSentence } from '../model/steps';
import { ZONE } from '../../ports/clock';
import { decideApproval, escalateFurther, requestApproval, withdrawApproval } from './approvals';
import type { CaseCommand, CommandOf } from './commands';
import type { MachineContext } from './context';
import { nowIso } from './context';
import { currentRequest } from './guards';
import { newDeelBVersion } from './effects';
import { answerCasusregie, proposeCasusregie } from './casusregie';
import { addProfessional, changeConsent, deactivateProfessional, withdrawConsent } from './parties';
import { caseRoleOf, requirePermission, type Permission } from './permissions';
import { snoozeReminder } from './reminders';
import { spendMandaat } from './mandaat';
import { voorgesteldeActies } from './voorstellen';

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

/** Why a date that should lie ahead (an action's or an afspraak's wanneer) is refused. */
export const DATUM_VOORBIJ = 'Die datum is al voorbij; kies vandaag of een latere datum.';

/** Refuse a date before today in Helmond: what is planned cannot be due already, whichever road it comes by. */
function requireNotPast(date: string, ctx: MachineContext, message = DATUM_VOORBIJ): void {
  if (date < (ctx.now.setZone(ZONE).toISODate() as string)) throw new DomainError('CASE.INVALID_INPUT', message);
}

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
        throw new DomainError('CASE.STEP_NOT_EDITABLE', `De ZRM-scores ${cmd.moment} leg je vast in ${stepInSentence(expected)}.`);
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
      const moved = mdoId ? findMdo(c, mdoId) : undefined;
      if (planning.datum !== undefined && planning.datum !== moved?.datum) requireNotPast(planning.datum, ctx, 'Die datum is al voorbij; kies voor het MDO vandaag of een latere datum.');
      if (moved) return assignGiven(moved, planning);
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
      if (afspraken) {
        // An afspraak recorded before may keep its date; a new or changed one may not lie in the past.
        const known = new Set(m.uitkomsten.afspraken.map((a) => `${a.wie}\u0000${a.wat}\u0000${a.wanneer}`));
        for (const a of afspraken) {
          if (!known.has(`${a.wie}\u0000${a.wat}\u0000${a.wanneer}`)) requireNotPast(a.wanneer, ctx, `De datum van de afspraak \u201c${a.wat}\u201d is al voorbij; kies vandaag of een latere datum.`);
        }
        m.uitkomsten.afspraken = afspraken.map((a) => ({ ...a, id: ctx.newId() }));
      }
      // Seed 000: plan an evaluation six weeks after the MDO.
      m.uitkomsten.evaluatieDatum ??= DateTime.fromISO(m.datum, { zone: ZONE }).plus({ weeks: 6 }).toISODate() as string;
    },
  },
  setDoel: {
    steps: ['plan', 'onderbouwing', 'uitvoering'], permission: 'uitvoerend',
    apply: (c, { doel }, ctx) => {
      const existing = doel.id ? c.deelA.doelen.find((d) => d.id === doel.id) : undefined;
      if (doel.id && !existing) throw new DomainError('CASE.INVALID_INPUT', 'Dit doel hoort niet bij het plan van deze casus.');
      if (c.deelA.doelen.some((d) => d.leefgebied === doel.leefgebied && d.id !== existing?.id)) {
        throw new DomainError('CASE.INVALID_INPUT', `Voor ${LEEFGEBIED_LABELS[doel.leefgebied]} staat al een doel; wijzig dat doel.`);
      }
      if (doel.resultaat !== undefined && doel.resultaatDatum === undefined) throw new DomainError('CASE.INVALID_INPUT', 'Wanneer is het opgelost? Kies bij het resultaat ook een datum.');
      if (doel.resultaatDatum !== undefined && doel.resultaat === undefined) throw new DomainError('CASE.INVALID_INPUT', 'Schrijf bij de datum ook het resultaat: wat is er dan waar?');
      // A date that has passed may stay on a goal written before; a new or changed one may not lie in the past.
      if (doel.resultaatDatum !== undefined && doel.resultaatDatum !== existing?.resultaatDatum) {
        requireNotPast(doel.resultaatDatum, ctx, 'Die datum is al voorbij; kies voor het resultaat vandaag of een latere datum.');
      }
      const { id: _id, ...fields } = doel;
      if (existing) Object.assign(existing, { korteTermijn: undefined, resultaat: undefined, resultaatDatum: undefined }, fields);
      else c.deelA.doelen.push({ ...fields, id: ctx.newId() });
      if (existing) for (const key of ['korteTermijn', 'resultaat', 'resultaatDatum'] as const) if (existing[key] === undefined) delete existing[key];
    },
  },
  removeDoel: {
    steps: ['plan'], permission: 'uitvoerend',
    apply: (c, cmd) => {
      if (!c.deelA.doelen.some((d) => d.id === cmd.doelId)) throw new DomainError('CASE.INVALID_INPUT', 'Dit doel hoort niet bij het plan van deze casus.');
      c.deelA.doelen = c.deelA.doelen.filter((d) => d.id !== cmd.doelId);
      for (const a of c.deelA.acties) if (a.doelId === cmd.doelId) delete a.doelId;
    },
  },
  setActie: {
    steps: ['plan', 'onderbouwing', 'uitvoering'], permission: 'uitvoerend',
    apply: (c, { actie: { doelId, ...actie } }, ctx) => {
      if (doelId && !c.deelA.doelen.some((d) => d.id === doelId)) throw new DomainError('CASE.INVALID_INPUT', 'Dit doel staat niet (meer) in het plan; kies een ander doel.');
      const link = (a: { doelId?: string }) => {
        if (doelId) a.doelId = doelId;
        else if (doelId === null) delete a.doelId;
      };
      if (actie.id) {
        const a = findActie(c, actie.id);
        if (actie.afspraakId !== undefined && actie.afspraakId !== a.afspraakId) throw new DomainError('CASE.INVALID_INPUT', 'Een bestaande actie kan niet aan een andere afspraak worden gekoppeld.');
        // A date that has passed may stay; a changed one may not lie in the past.
        if (actie.wanneer !== a.wanneer) requireNotPast(actie.wanneer, ctx);
        assignGiven(a, actie);
        link(a);
      } else {
        if (actie.afspraakId !== undefined && !voorgesteldeActies(c).some((v) => v.id === actie.afspraakId)) {
          throw new DomainError('CASE.INVALID_INPUT', 'Deze afspraak uit het MDO staat al in het plan, of is niet overgenomen.');
        }
        requireNotPast(actie.wanneer, ctx);
        const nieuw: Actie = { ...actie, id: ctx.newId(), status: actie.status ?? 'open' };
        link(nieuw);
        c.deelA.acties.push(nieuw);
      }
    },
  },
  afspraakNietOvernemen: {
    steps: ['plan'], permission: 'uitvoerend',
    apply: (c, cmd) => {
      if (!voorgesteldeActies(c).some((v) => v.id === cmd.afspraakId)) throw new DomainError('CASE.INVALID_INPUT', 'Deze afspraak uit het MDO staat al in het plan, of is niet overgenomen.');
      c.deelA.nietOvergenomen = [...(c.deelA.nietOvergenomen ?? []), cmd.afspraakId];
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
  // Asked when the help begins; a new round (an empty Deel C) asks it again.
  recordKwaliteitVanLevenVoor: {
    steps: OPEN_STEPS.filter((s) => s !== 'indienen'), permission: 'uitvoerend',
    apply: (c, cmd) => { c.deelC.kwaliteitVanLevenVoor = cmd.cijfer; },
  },
  recordDoelEvaluatie: {
    steps: ['evaluatie'], permission: 'uitvoerend',
    apply: (c, { type: _t, ...evaluatie }) => {
      if (!c.deelA.doelen.some((d) => d.id === evaluatie.doelId)) throw new DomainError('CASE.INVALID_INPUT', 'Dit doel hoort niet bij het plan van deze casus.');
      c.deelC.doelen = [...(c.deelC.doelen ?? []).filter((e) => e.doelId !== evaluatie.doelId), evaluatie];
    },
  },
  addProfessional: { steps: OPEN_STEPS, permission: 'regisseur', apply: addProfessional },
  changeConsent: { steps: OPEN_STEPS, permission: 'regisseur', apply: changeConsent },
  withdrawConsent: { steps: OPEN_STEPS, permission: 'regisseur', apply: withdrawConsent },
  deactivateProfessional: { steps: OPEN_STEPS, permission: 'regisseur', apply: deactivateProfessional },
  proposeCasusregie: { steps: OPEN_STEPS, permission: 'regisseur', apply: proposeCasusregie },
  // Only the proposed party may answer: the handler's own check, as approvals check their own rights.
  answerCasusregie: { steps: OPEN_STEPS, apply: answerCasusregie },
  spendMandaat: { steps: OPEN_STEPS, permission: 'regisseur', apply: spendMandaat },
  // Only the reminder's own party: the handler's own check.
  snoozeReminder: { steps: OPEN_STEPS, apply: snoozeReminder },
};

/** The chosen MDO attendees, each once: every one an active party on the case (casusregisseur or betrokken professional). */
function invitable(c: Case, userIds: readonly string[]): string[] {
  const parties = new Set(activeWorkers(c).map((p) => p.userId));
  if (userIds.some((id) => !parties.has(id))) throw new DomainError('CASE.NOT_A_MEMBER', 'Een van de gekozen deelnemers staat niet (meer) op de casus; kies opnieuw wie je uitnodigt.');
  return [...new Set(userIds)];
}

/**
 * The part of the case an edit changes: someone who may not see that part (a betrokken professional without the
 * inwoner's consent for it) may not change it either. Edits not listed touch no part (MDO dates, parties).
 */
const PART_OF: Partial<Record<DataCommand['type'], ConsentPart>> = {
  recordHulpvraag: 'hulpvraag', setHouseholdMember: 'hulpvraag', removeHouseholdMember: 'hulpvraag', recordVraagverheldering: 'hulpvraag',
  recordZrm: 'zrm',
  recordMdoChecklist: 'mdo', recordMdoUitkomsten: 'mdo',
  setDoel: 'deelA', removeDoel: 'deelA', setActie: 'deelA', setActieStatus: 'deelA', removeActie: 'deelA', afspraakNietOvernemen: 'deelA', setDeelAFoto: 'deelA',
  recordDeelB: 'deelB', requestApproval: 'deelB', decideApproval: 'deelB', withdrawApproval: 'deelB', escalateFurther: 'deelB',
  recordDeelC: 'evaluatie', recordDoelEvaluatie: 'evaluatie', recordKwaliteitVanLevenVoor: 'evaluatie',
};

/** Apply one data edit to the machine's copy of a case, after checking step and permission. */
export function applyEdit(c: Case, cmd: DataCommand, ctx: MachineContext): void {
  const rule = EDITS[cmd.type] as EditRule<DataCommand['type']>;
  if (!rule.steps.includes(c.step)) {
    throw new DomainError('CASE.STEP_NOT_EDITABLE', `Dit kun je niet doen in ${stepInSentence(c.step)}.`);
  }
  if (rule.permission) requirePermission(c, ctx, rule.permission);
  // Only a party's consent limits it; everyone else's rights are the rules above and in each edit (approvals).
  const part = PART_OF[cmd.type];
  if (part && caseRoleOf(c, ctx.actor.userId) === 'betrokkenProfessional') requireSight(c, ctx.actor.userId, [part], 'dit deel van de casus');
  (rule.apply as Handler<DataCommand['type']>)(c, cmd as never, ctx);
}

import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { activeCasusregisseur, activeWorkers, isTransitionEntry, type Case, type TransitionName } from '../model/case';
import { AVE_FASE_ROLES, type AveFase } from '../model/escalation';
import { openMdo } from '../model/mdo';
import { DEFAULT_REMINDER_POLICY, MAX_REMINDERS, MAX_SNOOZE_DAYS, type Reminder, type ReminderKind, type ReminderPolicy } from '../model/reminder';
import type { OrgRole } from '../model/roles';
import { ZONE } from '../../ports/clock';
import { formatDutchDate } from '../text/format';
import { SEND_HOUR, sendMoment, type WerkdagKalender } from '../werkdagen';
import type { CommandOf } from './commands';
import type { MachineContext } from './context';
import { nowIso } from './context';

/** What the case asks to be reminded of now, before it meets the reminders already on it. */
interface Wanted {
  readonly id: string;
  readonly kind: ReminderKind;
  readonly ref: string;
  readonly to?: string;
  readonly rol?: OrgRole;
  readonly sinds: string;
  readonly dueAt: string;
}

export type ReminderContext = Pick<MachineContext, 'policy' | 'kalender' | 'now'> & { readonly reminders?: ReminderPolicy };

const iso = (d: DateTime): string => d.toUTC().toISO() as string;

/**
 * Moments computed before, per calendar: the same dates come back on every write of a case (its actions, its
 * requests), and luxon's zone arithmetic costs tens of microseconds each. Bounded: it starts over when full.
 */
const remembered = new WeakMap<WerkdagKalender, Map<string, string>>();
const MAX_REMEMBERED = 50_000;
function momentOf(k: WerkdagKalender, key: string, compute: () => DateTime): string {
  let known = remembered.get(k);
  if (!known) remembered.set(k, (known = new Map()));
  let at = known.get(key);
  if (at === undefined) {
    at = iso(compute());
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.set(key, at);
  }
  return at;
}
/** 09:00 Amsterdam time on a calendar date. */
const nineOn = (date: string): DateTime => DateTime.fromISO(date, { zone: ZONE }).set({ hour: SEND_HOUR });

/** The transition's last moment in this round (after the last `nieuweRonde`), if it happened. */
function lastInRound(c: Case, name: TransitionName): string | undefined {
  let found: string | undefined;
  for (const h of c.history) {
    if (!isTransitionEntry(h)) continue;
    if (h.transition === 'nieuweRonde') found = undefined;
    if (h.transition === name) found = h.at;
  }
  return found;
}

/** When this round began: the last new round, else the case's creation. */
function roundStart(c: Case): string {
  let at = c.createdAt;
  for (const h of c.history) if (isTransitionEntry(h) && h.transition === 'nieuweRonde') at = h.at;
  return at;
}

/**
 * Who does an action: the party on the case whose name or organisation is its *wie*, else the casusregisseur (when
 * the inwoner or the network does it, someone on the case keeps an eye on it).
 */
export function actionOwner(c: Case, wie: string): string | undefined {
  const w = wie.trim().toLowerCase();
  const match = activeWorkers(c).find((p) => [p.displayName, p.organisatie].some((name) => name !== undefined && name.trim().toLowerCase() === w));
  return match?.userId ?? activeCasusregisseur(c)?.userId;
}

/** Every reminder the case asks for now, with its moment already moved out of the night, weekend and holidays. */
export function wantedReminders(c: Case, ctx: ReminderContext): Wanted[] {
  if (c.step === 'afgesloten') return [];
  const k = ctx.kalender;
  const policy = ctx.reminders ?? DEFAULT_REMINDER_POLICY;
  /** The send moment for a computed moment, remembered under `key` (what it is computed from). */
  const send = (key: string, d: () => DateTime) => momentOf(k, key, () => sendMoment(d(), k));
  const wanted: Wanted[] = [];
  const add = (kind: ReminderKind, ref: string, who: { to?: string; rol?: OrgRole }, sinds: string, dueAt: string) => {
    const target = who.to ?? `rol.${who.rol}`;
    wanted.push({ id: `${kind}:${ref}:${target}`, kind, ref, ...who, sinds, dueAt });
  };
  const regisseur = activeCasusregisseur(c)?.userId;

  // The evaluation six weeks after the MDO (its agreed date), one werkdag before and on the day.
  if (regisseur && c.deelC.gerealiseerd === undefined) {
    const start = roundStart(c);
    const mdo = [...c.mdos].reverse().find((m) => m.afgerondAt !== undefined && m.afgerondAt >= start && m.uitkomsten.evaluatieDatum);
    const datum = mdo?.uitkomsten.evaluatieDatum;
    const day = datum
      ? momentOf(k, `9:${datum}`, () => nineOn(datum))
      : !mdo && c.uitvoeringSinds
        ? momentOf(k, `6w:${c.uitvoeringSinds}`, () => DateTime.fromISO(c.uitvoeringSinds as string, { zone: ZONE }).plus({ weeks: 6 }).set({ hour: SEND_HOUR, minute: 0, second: 0, millisecond: 0 }))
        : undefined;
    if (day) {
      const ref = mdo?.id ?? `ronde${c.ronde}`;
      add('evaluatieVooraf', ref, { to: regisseur }, day, send(`vw:${day}`, () => k.vorigeWerkdag(DateTime.fromISO(day, { zone: ZONE }))));
      add('evaluatie', ref, { to: regisseur }, day, send(`s:${day}`, () => DateTime.fromISO(day, { zone: ZONE })));
    }
  }

  // Actions whose date has passed and that are not done: the next werkdag after their date.
  if (['plan', 'onderbouwing', 'uitvoering', 'escaleren', 'evaluatie'].includes(c.step)) {
    for (const a of c.deelA.acties) {
      if (a.status !== 'open' && a.status !== 'bezig') continue;
      const to = actionOwner(c, a.wie);
      if (to) add('actie', a.id, { to }, momentOf(k, `9:${a.wanneer}`, () => nineOn(a.wanneer)), send(`na:${a.wanneer}`, () => DateTime.fromISO(a.wanneer, { zone: ZONE }).plus({ days: 1 })));
    }
  }

  // Uitvoering within six weeks after the plan (stap 6).
  const planAt = lastInRound(c, 'mdoAfgerond');
  if (regisseur && planAt && !c.uitvoeringSinds && ['plan', 'onderbouwing', 'escaleren'].includes(c.step)) {
    add('uitvoering', `ronde${c.ronde}`, { to: regisseur }, planAt, send(`6w:${planAt}`, () => DateTime.fromISO(planAt, { zone: ZONE }).plus({ weeks: 6 })));
  }

  // A request without a decision: the approvers, then the casusregisseur with the offer to escalate.
  const stuck = ctx.policy.stuckAfterWerkdagen;
  for (const r of c.approvals) {
    if (r.status !== 'open') continue;
    const asked = () => DateTime.fromISO(r.requestedAt, { zone: ZONE });
    const first = send(`+${stuck}:${r.requestedAt}`, () => k.plusWerkdagen(asked(), stuck));
    if (r.askedUserIds.length) for (const to of r.askedUserIds) add('akkoord', r.id, { to }, r.requestedAt, first);
    else for (const rol of r.approverRoles) add('akkoord', r.id, { rol }, r.requestedAt, first);
    if (regisseur && c.step === 'onderbouwing') add('akkoordEscaleren', r.id, { to: regisseur }, r.requestedAt, send(`+${2 * stuck}:${r.requestedAt}`, () => k.plusWerkdagen(asked(), 2 * stuck)));
  }

  // An escalation without an outcome: whoever it asked (the procesregisseur), then the next AVE phase's role.
  for (const e of c.escalaties) {
    if (e.afgerondAt) continue;
    const since = e.opschalingen.at(-1)?.at ?? e.openedAt;
    const from = () => DateTime.fromISO(since, { zone: ZONE });
    const ref = `${e.id}.f${e.aveFase}`;
    const days = policy.escalatieWerkdagen;
    const first = send(`+${days}:${since}`, () => k.plusWerkdagen(from(), days));
    const rol = AVE_FASE_ROLES[e.aveFase];
    if (e.askedUserIds.length) for (const to of e.askedUserIds) add('escalatie', ref, { to }, since, first);
    else if (rol) add('escalatie', ref, { rol }, since, first);
    const next = e.aveFase < 4 ? AVE_FASE_ROLES[(e.aveFase + 1) as AveFase] : undefined;
    if (next) add('escalatieOpschalen', ref, { rol: next }, since, send(`+${2 * days}:${since}`, () => k.plusWerkdagen(from(), 2 * days)));
  }

  // Deel C some months after the plan is realised (seed 000 stap 7).
  const realised = lastInRound(c, 'planLukt');
  if (regisseur && realised && c.step === 'evaluatie' && c.deelC.gerealiseerd === undefined) {
    const months = policy.evaluatieNaMaanden;
    const at = () => DateTime.fromISO(realised, { zone: ZONE }).plus({ months }).set({ hour: SEND_HOUR, minute: 0, second: 0, millisecond: 0 });
    add('evaluatieNaRealisatie', `ronde${c.ronde}`, { to: regisseur }, realised, send(`${months}m:${realised}`, at));
  }

  // An MDO on the next werkdag: everyone invited who is still on the case.
  const mdo = openMdo(c.mdos);
  if (mdo) {
    const parties = activeWorkers(c).map((p) => p.userId);
    const invited = mdo.genodigden ? parties.filter((u) => mdo.genodigden?.includes(u)) : parties;
    const sinds = mdo.start ?? momentOf(k, `9:${mdo.datum}`, () => nineOn(mdo.datum));
    const dueAt = send(`vw9:${mdo.datum}`, () => k.vorigeWerkdag(nineOn(mdo.datum)));
    for (const to of invited) add('mdoMorgen', mdo.id, { to }, sinds, dueAt);
  }
  return wanted;
}

/** Kinds that announce something ahead: once its moment has come, such a reminder is no use any more. */
const AHEAD: ReadonlySet<ReminderKind> = new Set(['evaluatieVooraf', 'mdoMorgen']);
export const tooLate = (r: Reminder, now: string): boolean => AHEAD.has(r.kind) && now >= r.sinds;

/**
 * The case's reminders after a change: what it asks for now met with what is on it. A reminder still asked for at the
 * same moment keeps its state (sent, snoozed, claimed, done); one at another moment starts again (the action's date moved);
 * one no longer asked for is done when it was sent, else simply gone; reminders made for the people of a role stay
 * with their role reminder, and end with it (done when sent, else gone) when it is no longer asked for.
 */
export function mergeReminders(stored: readonly Reminder[], wanted: readonly Wanted[], at: string): Reminder[] {
  const old = new Map(stored.map((r) => [r.id, r]));
  const next = new Map<string, Reminder>();
  for (const w of wanted) {
    const s = old.get(w.id);
    // Done stays done at the same moment (dropped as too late, or its party unreachable): never sent again by a write.
    if (s && s.dueAt === w.dueAt) next.set(w.id, s.sinds === w.sinds ? s : { ...s, sinds: w.sinds });
    else next.set(w.id, { ...w, state: 'open', uitgesteld: false, attempts: 0 });
  }
  for (const s of stored) {
    if (next.has(s.id)) continue;
    const parent = s.parent === undefined ? undefined : next.get(s.parent);
    // Kept while their role reminder stands as it was (sent); once it is done, they end with it.
    if (parent?.state === 'sent' && old.get(s.parent as string)?.dueAt === parent.dueAt) next.set(s.id, s);
    else if (s.state === 'done') next.set(s.id, s);
    else if (s.state !== 'open' || s.claimedBy) next.set(s.id, finished(s, at));
  }
  let all = [...next.values()];
  if (all.length > MAX_REMINDERS) {
    const done = all.filter((r) => r.state === 'done').sort((a, b) => (a.doneAt ?? '').localeCompare(b.doneAt ?? ''));
    const drop = new Set(done.slice(0, all.length - MAX_REMINDERS).map((r) => r.id));
    all = all.filter((r) => !drop.has(r.id));
  }
  return all.sort((a, b) => compare(a.dueAt, b.dueAt) || compare(a.id, b.id));
}

/** Plain code-unit order (ISO instants and ids), without the cost of a locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A reminder that is no longer needed. */
export function finished(r: Reminder, at: string): Reminder {
  const { claimedBy: _c, claimedUntil: _u, notBefore: _n, ...rest } = r;
  return { ...rest, state: 'done', doneAt: at };
}

/** The reminders of a case after any change, from the case itself. */
export const derivedReminders = (c: Case, ctx: ReminderContext): Reminder[] => mergeReminders(c.reminders, wantedReminders(c, ctx), nowIso(ctx as MachineContext));

/**
 * Later herinneren: the reminder's own party moves it to a day within two weeks, once, with a reason that goes into
 * the history. It goes out at 09:00 that day (or the next werkdag).
 */
export function snoozeReminder(c: Case, cmd: CommandOf<'snoozeReminder'>, ctx: MachineContext): void {
  const r = c.reminders.find((x) => x.id === cmd.reminderId && x.to === ctx.actor.userId);
  if (!r) throw new DomainError('REMINDER.NOT_FOUND', 'Deze herinnering is niet (meer) voor jou.');
  if (r.state === 'done') throw new DomainError('REMINDER.DONE', 'Deze herinnering is niet meer nodig: wat ze vroeg, is al gebeurd.');
  if (r.uitgesteld) throw new DomainError('REMINDER.ALREADY_SNOOZED', 'Je hebt deze herinnering al een keer uitgesteld; dat kan één keer.');
  const today = ctx.now.setZone(ZONE).startOf('day');
  const day = DateTime.fromISO(cmd.tot, { zone: ZONE });
  const last = today.plus({ days: MAX_SNOOZE_DAYS });
  if (day <= today) throw new DomainError('REMINDER.SNOOZE_RANGE', 'Kies een dag na vandaag.');
  if (day > last) throw new DomainError('REMINDER.SNOOZE_RANGE', `Stel hooguit ${MAX_SNOOZE_DAYS} dagen uit: uiterlijk ${formatDutchDate(last)}.`);
  r.state = 'snoozed';
  r.snoozedUntil = iso(sendMoment(day.set({ hour: SEND_HOUR }), ctx.kalender as WerkdagKalender));
  r.uitgesteld = true;
  r.attempts = 0;
  delete r.notBefore;
  c.history.push({ at: nowIso(ctx), by: ctx.actor.userId, herinnering: r.kind, uitgesteldTot: cmd.tot, why: cmd.reden });
}

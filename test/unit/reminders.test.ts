/**
 * Herinneringen (issue #14): when each reminder is due, derived from the case on every write (`withDerived`), moved
 * out of the night, the weekend and Dutch public holidays (`sendMoment`), across the change to summer time; how a
 * write meets the reminders already on the case; Later herinneren through the state machine; and the dispatcher's
 * claim and settle decisions. Moments are written as the Amsterdam wall clock and compared in UTC.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { DEFAULT_APPROVAL_POLICY } from '../../services/domain/model/approval';
import type { Case } from '../../services/domain/model/case';
import type { Reminder, ReminderKind } from '../../services/domain/model/reminder';
import { claimReminders, settleReminders } from '../../services/domain/reminders';
import { withDerived } from '../../services/domain/stappenplan/derive';
import { createWerkdagKalender, isQuietTime, sendMoment } from '../../services/domain/werkdagen';
import { ZONE } from '../../services/ports/clock';
import { makeCase, PROFESSIONAL } from '../support/case-fixtures';
import { caseAt, CaseDriver, PEOPLE, VOORBEELD } from '../support/stappenplan-driver';

const kalender = createWerkdagKalender();
/** An Amsterdam wall-clock moment ("2027-04-12T09:00"). */
const local = (at: string) => DateTime.fromISO(at, { zone: ZONE });
/** The same moment in UTC, as reminders store it. */
const utc = (at: string) => local(at).toUTC().toISO() as string;
const ctxAt = (now: string) => ({ policy: DEFAULT_APPROVAL_POLICY, kalender, now: local(now) });

/** The reminders of a kind on the derived case: for whom (user or role) and when. */
function dueOf(c: Case, kind: ReminderKind): [string | undefined, string][] {
  return c.reminders.filter((r) => r.kind === kind).map((r) => [r.to ?? r.rol, r.dueAt]);
}
const reminderOf = (c: Case, kind: ReminderKind, ref?: string): Reminder => {
  const r = c.reminders.find((x) => x.kind === kind && (ref === undefined || x.ref === ref));
  if (!r) expect.fail(`no ${kind} reminder${ref ? ` for ${ref}` : ''} in ${JSON.stringify(c.reminders.map((x) => x.id))}`);
  return r;
};

/** The voorbeeldcasus from a given moment (its MDO three days later), through the state machine, up to stap 5 (plan). */
function planFrom(start: string): CaseDriver {
  const d = new CaseDriver();
  d.now = local(start);
  d.start();
  VOORBEELD.indienen(d).go('regisseur', 'startVraagverheldering');
  VOORBEELD.vraagverheldering(d).go('regisseur', 'naarWieIsErNodig');
  VOORBEELD.meervoudig(d).go('regisseur', 'meervoudigeVraag');
  return VOORBEELD.mdo(d).go('regisseur', 'mdoAfgerond');
}

describe('herinneringen: sendMoment (werkdagen, daytime 08:00–18:00, Europe/Amsterdam)', () => {
  const rows: [what: string, at: string, goesOut: string][] = [
    ['daytime on a werkdag: as it is', '2027-01-12T14:37', '2027-01-12T14:37'],
    ['08:00 on a werkdag: as it is', '2027-01-12T08:00', '2027-01-12T08:00'],
    ['early morning on a werkdag: 09:00 the same day', '2027-01-12T06:30', '2027-01-12T09:00'],
    ['18:00 on a werkdag: 09:00 the next werkdag', '2027-01-12T18:00', '2027-01-13T09:00'],
    ['Friday evening: Monday 09:00', '2027-01-08T19:00', '2027-01-11T09:00'],
    ['Saturday: Monday 09:00', '2027-01-09T11:00', '2027-01-11T09:00'],
    ['Sunday night: Monday 09:00', '2027-01-10T23:59', '2027-01-11T09:00'],
    ['Christmas Eve evening: past both Kerstdagen and the weekend', '2026-12-24T20:00', '2026-12-28T09:00'],
    ['Eerste Kerstdag in daytime', '2026-12-25T10:00', '2026-12-28T09:00'],
    ['Oudejaarsavond: past Nieuwjaarsdag (a Friday) and the weekend', '2026-12-31T21:00', '2027-01-04T09:00'],
    ['Koningsdag 2027 (a Tuesday)', '2027-04-27T10:00', '2027-04-28T09:00'],
    ['Friday evening before Pasen, across the change to summer time: Tuesday after Tweede Paasdag', '2027-03-26T19:00', '2027-03-30T09:00'],
    ['Friday evening before the change back to winter time', '2026-10-23T19:00', '2026-10-26T09:00'],
    ['Bevrijdingsdag is worked (not a holiday here)', '2027-05-05T10:00', '2027-05-05T10:00'],
  ];
  for (const [what, at, goesOut] of rows) {
    it(`${what}: ${at} → ${goesOut}`, () => {
      expect(sendMoment(local(at), kalender).toUTC().toISO()).to.equal(utc(goesOut));
    });
  }

  it('09:00 in summer time is 07:00Z, in winter time 08:00Z', () => {
    expect(sendMoment(local('2027-04-12T06:00'), kalender).toUTC().toISO()).to.equal('2027-04-12T07:00:00.000Z');
    expect(sendMoment(local('2027-01-12T06:00'), kalender).toUTC().toISO()).to.equal('2027-01-12T08:00:00.000Z');
  });

  it('is quiet at night, at the weekend and on holidays, not in daytime on a werkdag', () => {
    const quiet = (at: string) => isQuietTime(local(at), kalender);
    expect([quiet('2027-01-12T22:00'), quiet('2027-01-12T07:59'), quiet('2027-01-09T12:00'), quiet('2027-04-27T12:00')]).to.deep.equal([true, true, true, true]);
    expect([quiet('2027-01-12T09:05'), quiet('2027-01-12T17:59')]).to.deep.equal([false, false]);
  });

  it('Koningsdag moves to Saturday 26 April when the 27th is a Sunday (2025)', () => {
    expect(kalender.feestdag(local('2025-04-26T12:00'))).to.equal('Koningsdag');
    expect(kalender.feestdag(local('2025-04-27T12:00'))).to.equal(undefined);
    expect(kalender.isWerkdag(local('2025-04-28T12:00'))).to.equal(true);
  });
});

describe('herinneringen: due moments derived from the case', () => {
  describe('the evaluation, six weeks after the MDO', () => {
    it('across the change to summer time: uitvoering from 1 March 2027 → 12 April 09:00 Amsterdam (07:00Z), the werkdag before too', () => {
      const c = withDerived(makeCase({ step: 'uitvoering', uitvoeringSinds: utc('2027-03-01T10:00') }), ctxAt('2027-03-01T10:00'));
      expect(dueOf(c, 'evaluatie')).to.deep.equal([[PROFESSIONAL, '2027-04-12T07:00:00.000Z']]);
      expect(dueOf(c, 'evaluatieVooraf')).to.deep.equal([[PROFESSIONAL, '2027-04-09T07:00:00.000Z']]);
      expect(reminderOf(c, 'evaluatie').sinds).to.equal('2027-04-12T07:00:00.000Z');
    });

    /** The voorbeeldcasus's MDO three days after `start`; its evaluatieDatum six weeks on, and when both reminders go out (in UTC). */
    const held: [what: string, start: string, evaluatieDatum: string, evaluatie: string, vooraf: string][] = [
      ['MDO on Monday 1 March 2027: 12 April, 09:00 summer time (07:00Z)', '2027-02-26T10:00', '2027-04-12', '2027-04-12T07:00:00.000Z', '2027-04-09T07:00:00.000Z'],
      ['on Koningsdag (Tuesday 27 April 2027): the day after at 09:00, the werkdag before on Monday 26 April', '2027-03-13T10:00', '2027-04-27', '2027-04-28T07:00:00.000Z', '2027-04-26T07:00:00.000Z'],
      ['Wednesday after Kerst 2028 (Monday and Tuesday): the werkdag before is the Friday before', '2028-11-12T10:00', '2028-12-27', '2028-12-27T08:00:00.000Z', '2028-12-22T08:00:00.000Z'],
      ['on Nieuwjaarsdag 2029 (a Monday): Tuesday 2 January, the werkdag before on Friday 29 December', '2028-11-17T10:00', '2029-01-01', '2029-01-02T08:00:00.000Z', '2028-12-29T08:00:00.000Z'],
    ];
    for (const [what, start, evaluatieDatum, evaluatie, vooraf] of held) {
      it(what, () => {
        const d = planFrom(start);
        expect(d.case.mdos[0]?.uitkomsten.evaluatieDatum).to.equal(evaluatieDatum);
        expect(dueOf(d.case, 'evaluatie')).to.deep.equal([[PEOPLE.regisseur.userId, evaluatie]]);
        expect(dueOf(d.case, 'evaluatieVooraf')).to.deep.equal([[PEOPLE.regisseur.userId, vooraf]]);
      });
    }

    it('none once Deel C says what was realised, none on a closed case', () => {
      const c = makeCase({ step: 'evaluatie', uitvoeringSinds: utc('2027-03-01T10:00'), deelC: { gerealiseerd: 'ja' } });
      expect(dueOf(withDerived(c, ctxAt('2027-03-02T10:00')), 'evaluatie')).to.deep.equal([]);
      expect(withDerived(makeCase({ step: 'afgesloten', uitvoeringSinds: utc('2027-03-01T10:00') }), ctxAt('2027-03-02T10:00')).reminders).to.deep.equal([]);
    });
  });

  describe('an open action: 09:00 on the first werkdag after its date', () => {
    const rows: [wanneer: string, goesOut: string][] = [
      ['2027-01-07', '2027-01-08T09:00'], // Thursday → Friday
      ['2027-01-08', '2027-01-11T09:00'], // Friday → Monday
      ['2027-01-09', '2027-01-11T09:00'], // Saturday → Monday
      ['2027-01-10', '2027-01-11T09:00'], // Sunday → Monday
      ['2026-12-24', '2026-12-28T09:00'], // Kerstavond → past Kerst and the weekend
      ['2026-12-31', '2027-01-04T09:00'], // Oudejaarsdag → past Nieuwjaarsdag and the weekend
      ['2027-04-26', '2027-04-28T09:00'], // the day before Koningsdag
      ['2027-03-26', '2027-03-30T09:00'], // Friday before Pasen, in summer time after
    ];
    for (const [wanneer, goesOut] of rows) {
      it(`due ${wanneer} → ${goesOut}`, () => {
        const c = makeCase({ step: 'plan', deelA: { doelen: [], acties: [{ id: 'actie-1', wie: 'Inwoner', wat: 'Brief openen', wanneer, status: 'open', termijn: 'kort' }] } });
        const derived = withDerived(c, ctxAt('2026-11-23T10:00'));
        expect(dueOf(derived, 'actie')).to.deep.equal([[PROFESSIONAL, utc(goesOut)]]);
        expect(reminderOf(derived, 'actie').sinds).to.equal(utc(`${wanneer}T09:00`));
      });
    }

    it('goes to the party whose name or organisation is its wie, else the casusregisseur; none for done or vervallen', () => {
      const schuldhulp = { userId: 'aad-schuldhulp-1', role: 'betrokkenProfessional' as const, addedAt: '2026-11-23T09:00:00.000Z', addedBy: PROFESSIONAL, active: true, displayName: 'Ahmed El Amrani', organisatie: 'Schuldhulpverlening' };
      const regisseur = { userId: PROFESSIONAL, role: 'casusregisseur' as const, addedAt: '2026-11-23T09:00:00.000Z', addedBy: PROFESSIONAL, active: true };
      const acties = [
        { id: 'actie-1', wie: ' schuldhulpverlening ', wat: 'Huurachterstand in kaart', wanneer: '2027-01-07', status: 'open' as const, termijn: 'kort' as const },
        { id: 'actie-2', wie: 'Ahmed El Amrani', wat: 'Bellen', wanneer: '2027-01-07', status: 'bezig' as const, termijn: 'kort' as const },
        { id: 'actie-3', wie: 'Zus van moeder', wat: 'Oppassen', wanneer: '2027-01-07', status: 'open' as const, termijn: 'kort' as const },
        { id: 'actie-4', wie: 'Schuldhulpverlening', wat: 'Gedaan', wanneer: '2027-01-07', status: 'gedaan' as const, termijn: 'kort' as const },
        { id: 'actie-5', wie: 'Schuldhulpverlening', wat: 'Vervallen', wanneer: '2027-01-07', status: 'vervallen' as const, termijn: 'kort' as const },
      ];
      const c = withDerived(makeCase({ step: 'uitvoering', professionals: [regisseur, schuldhulp], deelA: { doelen: [], acties } }), ctxAt('2026-11-23T10:00'));
      expect(c.reminders.filter((r) => r.kind === 'actie').map((r) => [r.ref, r.to])).to.deep.equal([
        ['actie-1', 'aad-schuldhulp-1'],
        ['actie-2', 'aad-schuldhulp-1'],
        ['actie-3', PROFESSIONAL],
      ]);
    });

    it('none before the plan (stap 4) even when the date has passed', () => {
      const c = makeCase({ step: 'mdo', deelA: { doelen: [], acties: [{ id: 'actie-1', wie: 'Inwoner', wat: 'Brief openen', wanneer: '2026-11-20', status: 'open', termijn: 'kort' }] } });
      expect(dueOf(withDerived(c, ctxAt('2026-11-23T10:00')), 'actie')).to.deep.equal([]);
    });
  });

  describe('an approval request without a decision', () => {
    const rows: [what: string, asked: string, akkoord: string, escaleren: string][] = [
      ['asked Monday 10:00: 5 werkdagen later at the same time, then 10', '2026-11-23T10:00', '2026-11-30T10:00', '2026-12-07T10:00'],
      ['asked Friday 17:30 before Christmas: the werkdagen skip Kerst and Nieuwjaarsdag', '2026-12-18T17:30', '2026-12-28T17:30', '2027-01-05T17:30'],
      ['asked Wednesday 20:00: the evening moment moves to 09:00 the next werkdag', '2026-11-25T20:00', '2026-12-03T09:00', '2026-12-10T09:00'],
      ['asked Tuesday 07:00: the early moment moves to 09:00 that day', '2026-11-24T07:00', '2026-12-01T09:00', '2026-12-08T09:00'],
    ];
    for (const [what, asked, akkoord, escaleren] of rows) {
      it(what, () => {
        const d = VOORBEELD.deelB(caseAt('onderbouwing'));
        d.now = local(asked);
        d.run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
        expect(dueOf(d.case, 'akkoord')).to.deep.equal([[PEOPLE.leidinggevende.userId, utc(akkoord)]]);
        expect(dueOf(d.case, 'akkoordEscaleren')).to.deep.equal([[PEOPLE.regisseur.userId, utc(escaleren)]]);
      });
    }

    it('a request to the role (nobody named) is a reminder for the role; a decision ends both', () => {
      const d = VOORBEELD.deelB(caseAt('onderbouwing')).run('regisseur', { type: 'requestApproval', askedUserIds: [] });
      expect(dueOf(d.case, 'akkoord')).to.deep.equal([['leidinggevende', utc('2026-11-30T10:00')]]);
      const e = VOORBEELD.deelB(caseAt('onderbouwing')).run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
      e.run('leidinggevende', { type: 'decideApproval', requestId: e.latestRequestId, outcome: 'akkoord' });
      expect(e.case.reminders.filter((r) => r.kind.startsWith('akkoord'))).to.deep.equal([]);
    });
  });

  it('an escalation: the procesregisseur after 5 werkdagen, the next AVE phase\'s role after 10', () => {
    const d = caseAt('escaleren');
    expect(dueOf(d.case, 'escalatie')).to.deep.equal([[PEOPLE.procesregisseur.userId, utc('2026-11-30T10:00')]]);
    const [[rol, at]] = dueOf(d.case, 'escalatieOpschalen') as [[string, string]];
    expect(at).to.equal(utc('2026-12-07T10:00'));
    expect(rol).to.be.oneOf(['leidinggevende', 'bestuurder']);
  });

  it('uitvoering not started six weeks after the plan: Monday 4 January 10:00 (the plan\'s time of day)', () => {
    expect(dueOf(caseAt('plan').case, 'uitvoering')).to.deep.equal([[PEOPLE.regisseur.userId, utc('2027-01-04T10:00')]]);
    expect(dueOf(caseAt('uitvoering').case, 'uitvoering')).to.deep.equal([]);
  });

  it('Deel C three months after planLukt, 09:00', () => {
    expect(dueOf(caseAt('evaluatie').case, 'evaluatieNaRealisatie')).to.deep.equal([[PEOPLE.regisseur.userId, utc('2027-02-23T09:00')]]);
  });

  it('an MDO on Monday: every invitee on the Friday before at 09:00; only the invited when some are chosen', () => {
    const d = caseAt('mdo').run('regisseur', { type: 'planMdo', datum: '2026-11-30', locatie: 'thuis' });
    expect(dueOf(d.case, 'mdoMorgen').sort()).to.deep.equal([
      [PEOPLE.schuldhulp.userId, utc('2026-11-27T09:00')],
      [PEOPLE.regisseur.userId, utc('2026-11-27T09:00')],
    ].sort());
    const only = caseAt('mdo').run('regisseur', { type: 'planMdo', datum: '2026-11-30', locatie: 'thuis', genodigden: [PEOPLE.regisseur.userId] });
    expect(dueOf(only.case, 'mdoMorgen')).to.deep.equal([[PEOPLE.regisseur.userId, utc('2026-11-27T09:00')]]);
  });
});

/** A reminder sent as the dispatcher would: claimed at its moment and settled delivered. */
function sent(c: Case, id: string): Case {
  const r = c.reminders.find((x) => x.id === id) as Reminder;
  const at = new Date(Date.parse(r.dueAt) + 60_000);
  const claim = claimReminders(c, 'bot-1', at, 60_000, 50);
  expect(claim?.claimed.map((x) => x.id)).to.include(id);
  return settleReminders(claim?.next as Case, 'bot-1', [{ id, result: 'delivered' }], at);
}

describe('herinneringen: a write meets the reminders on the case', () => {
  /** The voorbeeldcasus in stap 5 with its three actions, and the reminder of the first. */
  function planned() {
    const d = caseAt('plan');
    const [first, second, third] = d.actieIds() as [string, string, string];
    const idOf = (actieId: string) => reminderOf(d.case, 'actie', actieId).id;
    /** Change an action as the plan dialog does: the whole action with what changed. */
    const edit = (actieId: string, change: Record<string, string>) => {
      const { status: _s, ...actie } = d.case.deelA.acties.find((a) => a.id === actieId) as Case['deelA']['acties'][number];
      return d.run('regisseur', { type: 'setActie', actie: { ...actie, ...change } });
    };
    return { d, first, second, third, idOf, edit };
  }

  it('a sent reminder stays sent across unrelated writes', () => {
    const { d, first, second, idOf, edit } = planned();
    d.case = sent(d.case, idOf(first));
    const before = reminderOf(d.case, 'actie', first);
    expect(before.state).to.equal('sent');
    d.advance(10);
    edit(second, { wat: 'Gesprek woningcorporatie, met de inwoner erbij' });
    d.run('regisseur', { type: 'setDeelAFoto', fileId: 'file-1', naam: 'plan.jpg' });
    expect(reminderOf(d.case, 'actie', first)).to.deep.equal(before);
  });

  it('moving an action\'s date makes a new open reminder at the new moment', () => {
    const { d, first, idOf, edit } = planned();
    d.case = sent(d.case, idOf(first));
    edit(first, { wanneer: '2026-12-18' });
    const moved = reminderOf(d.case, 'actie', first);
    expect(moved).to.deep.include({ state: 'open', dueAt: utc('2026-12-21T09:00'), attempts: 0, uitgesteld: false });
    expect(moved.sentAt).to.equal(undefined);
  });

  it('a done action: its sent reminder becomes done, one never sent is gone', () => {
    const { d, first, second, idOf } = planned();
    d.case = sent(d.case, idOf(first));
    d.advance(8).run('regisseur', { type: 'setActieStatus', actieId: first, status: 'gedaan' }).run('regisseur', { type: 'setActieStatus', actieId: second, status: 'gedaan' });
    expect(reminderOf(d.case, 'actie', first)).to.deep.include({ state: 'done', doneAt: d.now.toUTC().toISO() });
    expect(d.case.reminders.some((r) => r.ref === second)).to.equal(false);
  });

  it('a snoozed reminder survives writes, with its day', () => {
    const { d, first, second, idOf, edit } = planned();
    d.run('regisseur', { type: 'snoozeReminder', reminderId: idOf(first), tot: '2026-12-04', reden: 'Schuldhulp is met vakantie.' });
    const snoozed = reminderOf(d.case, 'actie', first);
    expect(snoozed).to.deep.include({ state: 'snoozed', snoozedUntil: utc('2026-12-04T09:00'), uitgesteld: true });
    edit(second, { wat: 'Iets anders' }).run('regisseur', { type: 'setActieStatus', actieId: second, status: 'bezig' });
    expect(reminderOf(d.case, 'actie', first)).to.deep.equal(snoozed);
    expect(d.case.nextDueAt).to.equal(d.case.reminders.map((r) => (r.state === 'snoozed' ? r.snoozedUntil : r.dueAt)).sort()[0]);
  });
});

describe('herinneringen: Later herinneren (snoozeReminder through the state machine)', () => {
  /** The voorbeeldcasus in stap 5 at `now`; the casusregisseur's reminder of its first action. */
  function planned(now = '2026-11-23T10:00') {
    const d = caseAt('plan');
    d.now = local(now);
    const id = reminderOf(d.case, 'actie', d.actieIds()[0]).id;
    const snooze = (tot: string) => ({ type: 'snoozeReminder', reminderId: id, tot, reden: 'Wacht op de brief van de corporatie.' });
    return { d, id, snooze };
  }
  const refusal = (now: string, tot: string) => {
    const { d, snooze } = planned(now);
    return d.refuse('regisseur', snooze(tot)).code;
  };

  const rows: [what: string, now: string, tot: string, result: string][] = [
    ['tomorrow', '2026-11-23T10:00', '2026-11-24', utc('2026-11-24T09:00')],
    ['day 14', '2026-11-23T10:00', '2026-12-07', utc('2026-12-07T09:00')],
    ['a Saturday: 09:00 the Monday after', '2026-11-23T10:00', '2026-11-28', utc('2026-11-30T09:00')],
    ['Eerste Kerstdag: 09:00 the next werkdag', '2026-12-15T10:00', '2026-12-25', utc('2026-12-28T09:00')],
    ['late in the evening, tomorrow is the Amsterdam tomorrow', '2026-11-23T23:30', '2026-11-24', utc('2026-11-24T09:00')],
    ['today', '2026-11-23T10:00', '2026-11-23', 'REMINDER.SNOOZE_RANGE'],
    ['yesterday', '2026-11-23T10:00', '2026-11-22', 'REMINDER.SNOOZE_RANGE'],
    ['day 15', '2026-11-23T10:00', '2026-12-08', 'REMINDER.SNOOZE_RANGE'],
    ['just after midnight (still the 23rd in UTC), the 24th is today', '2026-11-24T00:30', '2026-11-24', 'REMINDER.SNOOZE_RANGE'],
  ];
  for (const [what, now, tot, result] of rows) {
    it(`${what}: ${tot} at ${now} → ${result}`, () => {
      if (result.startsWith('REMINDER.')) return void expect(refusal(now, tot)).to.equal(result);
      const { d, id, snooze } = planned(now);
      d.run('regisseur', snooze(tot));
      expect(d.case.reminders.find((r) => r.id === id)).to.deep.include({ state: 'snoozed', snoozedUntil: result, uitgesteld: true });
      expect(d.case.history.at(-1)).to.deep.include({ by: PEOPLE.regisseur.userId, herinnering: 'actie', uitgesteldTot: tot, why: 'Wacht op de brief van de corporatie.' });
    });
  }

  it('once: a second snooze is refused, also after it went out again', () => {
    const { d, id, snooze } = planned();
    d.run('regisseur', snooze('2026-11-25'));
    expect(d.refuse('regisseur', snooze('2026-11-26')).code).to.equal('REMINDER.ALREADY_SNOOZED');
    d.case = sent(d.case, id);
    expect(reminderOf(d.case, 'actie', d.actieIds()[0]).state).to.equal('sent');
    expect(d.refuse('regisseur', snooze('2026-11-30')).code).to.equal('REMINDER.ALREADY_SNOOZED');
  });

  it('only by whom it is for: someone else on the case, or a stranger, is refused', () => {
    const { d, snooze } = planned();
    expect(d.refuse('schuldhulp', snooze('2026-11-24')).code).to.equal('REMINDER.NOT_FOUND');
    expect(d.refuse('onbekend', snooze('2026-11-24')).code).to.be.oneOf(['REMINDER.NOT_FOUND', 'CASE.NOT_A_MEMBER', 'CASE.FORBIDDEN']);
  });

  it('not a reminder that is done', () => {
    const { d, id, snooze } = planned();
    d.case = sent(d.case, id);
    d.run('regisseur', { type: 'setActieStatus', actieId: d.actieIds()[0], status: 'gedaan' });
    expect(d.refuse('regisseur', snooze('2026-11-24')).code).to.equal('REMINDER.DONE');
  });
});

describe('herinneringen: claim and settle (the dispatcher\'s decisions)', () => {
  const LEASE = 60_000;
  /** The voorbeeldcasus in stap 5; its first action's reminder is due on Tuesday 1 December 09:00. */
  function planned() {
    const d = caseAt('plan');
    const r = reminderOf(d.case, 'actie', d.actieIds()[0]);
    return { c: d.case, id: r.id, due: new Date(r.dueAt) };
  }
  const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);
  const find = (c: Case, id: string) => c.reminders.find((r) => r.id === id) as Reminder;

  it('nothing is claimed before its moment', () => {
    const { c, due } = planned();
    expect(due.toISOString()).to.equal(utc('2026-12-01T09:00'));
    expect(claimReminders(c, 'bot-1', plus(due, -1), LEASE, 50)).to.equal(undefined);
  });

  it('claims with a lease; a second instance cannot while it holds, and can once it ran out', () => {
    const { c, id, due } = planned();
    const claim = claimReminders(c, 'bot-1', due, LEASE, 50);
    expect(claim?.claimed.map((r) => r.id)).to.deep.equal([id]);
    const held = claim?.next as Case;
    expect(find(held, id)).to.deep.include({ claimedBy: 'bot-1', claimedUntil: plus(due, LEASE).toISOString(), state: 'open' });
    expect(held.nextDueAt).to.equal(plus(due, LEASE).toISOString());
    expect(claimReminders(held, 'bot-2', plus(due, LEASE - 1), LEASE, 50)).to.equal(undefined);
    const taken = claimReminders(held, 'bot-2', plus(due, LEASE), LEASE, 50);
    expect(taken?.claimed.map((r) => [r.id, r.claimedBy])).to.deep.equal([[id, 'bot-2']]);
  });

  it('delivered: sent, the claim released, and not claimed again', () => {
    const { c, id, due } = planned();
    const claim = claimReminders(c, 'bot-1', due, LEASE, 50);
    const settled = settleReminders(claim?.next as Case, 'bot-1', [{ id, result: 'delivered' }], plus(due, 1000));
    const r = find(settled, id);
    expect(r).to.deep.include({ state: 'sent', sentAt: plus(due, 1000).toISOString(), attempts: 0 });
    expect(r.claimedBy).to.equal(undefined);
    const later = claimReminders(settled, 'bot-1', plus(due, 7 * 86_400_000), LEASE, 50);
    expect(later?.claimed.map((x) => x.id)).not.to.include(id);
  });

  it('retry: an attempt counted, waiting for notBefore, then claimed again', () => {
    const { c, id, due } = planned();
    const claim = claimReminders(c, 'bot-1', due, LEASE, 50);
    const notBefore = plus(due, 30_000).toISOString();
    const settled = settleReminders(claim?.next as Case, 'bot-1', [{ id, result: 'retry', notBefore }], plus(due, 1000));
    expect(find(settled, id)).to.deep.include({ state: 'open', attempts: 1, notBefore });
    expect(find(settled, id).claimedBy).to.equal(undefined);
    expect(settled.nextDueAt).to.equal(notBefore);
    expect(claimReminders(settled, 'bot-1', plus(due, 29_999), LEASE, 50)).to.equal(undefined);
    expect(claimReminders(settled, 'bot-1', plus(due, 30_000), LEASE, 50)?.claimed.map((r) => [r.id, r.attempts])).to.deep.equal([[id, 1]]);
  });

  it('a settle by another instance leaves this instance\'s claim alone', () => {
    const { c, id, due } = planned();
    const claim = claimReminders(c, 'bot-1', due, LEASE, 50);
    const settled = settleReminders(claim?.next as Case, 'bot-2', [], plus(due, 1000));
    expect(find(settled, id).claimedBy).to.equal('bot-1');
  });

  it('an MDO that has begun: its "MDO morgen" is done without a send; before, it is claimed', () => {
    const d = caseAt('mdo').run('regisseur', { type: 'planMdo', datum: '2026-11-30', start: utc('2026-11-30T10:00'), eind: utc('2026-11-30T11:30'), locatie: 'thuis' });
    const late = claimReminders(d.case, 'bot-1', new Date(utc('2026-11-30T10:00')), LEASE, 50);
    expect(late?.claimed).to.deep.equal([]);
    expect(late?.next.reminders.filter((r) => r.kind === 'mdoMorgen').map((r) => r.state)).to.deep.equal(['done', 'done']);
    const inTime = claimReminders(d.case, 'bot-1', new Date(utc('2026-11-27T09:01')), LEASE, 50);
    expect(inTime?.claimed.map((r) => r.kind)).to.deep.equal(['mdoMorgen', 'mdoMorgen']);
  });

  it('a role reminder becomes one per holder, and is done when nobody holds the role', () => {
    const d = VOORBEELD.deelB(caseAt('onderbouwing')).run('regisseur', { type: 'requestApproval', askedUserIds: [] });
    const at = new Date(utc('2026-11-30T10:01'));
    const claim = claimReminders(d.case, 'bot-1', at, LEASE, 50, new Map([['leidinggevende', [PEOPLE.leidinggevende.userId, PEOPLE.teamleider.userId]]]));
    expect(claim?.claimed.map((r) => r.to).sort()).to.deep.equal([PEOPLE.leidinggevende.userId, PEOPLE.teamleider.userId].sort());
    expect(claim?.next.reminders.find((r) => r.rol === 'leidinggevende')?.state).to.equal('sent');
    const nobody = claimReminders(d.case, 'bot-1', at, LEASE, 50, new Map([['leidinggevende', []]]));
    expect(nobody?.claimed).to.deep.equal([]);
    expect(nobody?.next.reminders.find((r) => r.rol === 'leidinggevende')?.state).to.equal('done');
  });
});

describe('herinneringen: reminders for the people of a role', () => {
  /** A request to the leidinggevende role, its reminder sent to two people of the role (one delivered, one to retry). */
  function expanded() {
    const d = VOORBEELD.deelB(caseAt('onderbouwing')).run('regisseur', { type: 'requestApproval', askedUserIds: [] });
    const at = new Date(utc('2026-11-30T10:01'));
    const claim = claimReminders(d.case, 'bot-1', at, 60_000, 50, new Map([['leidinggevende', [PEOPLE.leidinggevende.userId, PEOPLE.teamleider.userId]]]));
    const [first, second] = claim?.claimed.map((r) => r.id) as [string, string];
    d.case = settleReminders(claim?.next as Case, 'bot-1', [{ id: first, result: 'delivered' }, { id: second, result: 'retry', notBefore: utc('2026-11-30T10:31') }], at);
    d.now = local('2026-11-30T11:00');
    return d;
  }
  const akkoord = (c: Case) => c.reminders.filter((r) => r.kind === 'akkoord').map((r) => [r.to ?? r.rol, r.state]);

  it('stay with their role reminder across unrelated writes', () => {
    const d = expanded();
    const before = akkoord(d.case);
    d.run('regisseur', { type: 'setActieStatus', actieId: d.actieIds()[0], status: 'bezig' });
    expect(akkoord(d.case)).to.deep.equal(before);
  });

  it('end with it once the request is decided: the sent one done, the one never delivered gone', () => {
    const d = expanded();
    d.run('leidinggevende', { type: 'decideApproval', requestId: d.latestRequestId, outcome: 'akkoord' });
    expect(akkoord(d.case).sort()).to.deep.equal([
      [PEOPLE.leidinggevende.userId, 'done'],
      ['leidinggevende', 'done'],
    ].sort());
    expect(d.refuse('leidinggevende', { type: 'snoozeReminder', reminderId: d.case.reminders.find((r) => r.to === PEOPLE.leidinggevende.userId)?.id, tot: '2026-12-01', reden: 'Later.' }).code).to.equal('REMINDER.DONE');
    expect(claimReminders(d.case, 'bot-1', new Date(utc('2026-11-30T10:31')), 60_000, 50)).to.equal(undefined);
  });
});

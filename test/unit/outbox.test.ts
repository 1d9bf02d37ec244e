import { expect } from 'chai';
import type { Case } from '../../services/domain/model/case';
import { claimOutbox, deliverableChanges, settleOutbox } from '../../services/domain/outbox';
import { outboxMessage } from '../../services/notify/outbox-message';
import { caseAt, PEOPLE, type CaseDriver } from '../support/stappenplan-driver';

const GGZ = 'aad-ggz-1';
const REGISSEUR = PEOPLE.regisseur.userId;
const SCHULDHULP = PEOPLE.schuldhulp.userId;
const consent = (onderdelen: string[]) => ({ hoe: 'schriftelijk', op: '2026-11-23', onderdelen });

/** The voorbeeldcasus in uitvoering, with a GGZ colleague who may see only the MDO outcomes, and an empty outbox. */
function uitvoering(): CaseDriver {
  const d = caseAt('uitvoering');
  d.run('regisseur', { type: 'addProfessional', userId: GGZ, role: 'betrokkenProfessional', displayName: 'Gea de Groot', organisatie: 'GGZ Oost', toestemming: consent(['mdo']) });
  d.case = { ...d.case, outbox: [] };
  delete d.case.outboxDueAt;
  return d;
}

const itemsFor = (c: Case, to: string) => c.outbox.filter((item) => item.to === to);
const kinds = (c: Case, to: string) => itemsFor(c, to).flatMap((item) => item.changes.map((change) => change.kind));

describe('the outbox: every change shared, written with the change', () => {
  it('two spendings under the mandaat before delivery: two lines with amount and purpose, only for who may see Deel B', () => {
    const d = uitvoering();
    const spend = (id: string, amountCents: number, doel: string) => ({ type: 'spendMandaat', uitgaveId: id, amountCents, doel, waarom: 'Het is morgen nodig.', categorie: 'justitie', periode: '2026' });
    d.run('regisseur', spend('uitgave-000001', 4_250, 'treinkaartje naar de rechtbank')).run('regisseur', spend('uitgave-000002', 1_000, 'pasfoto'));
    expect(itemsFor(d.case, SCHULDHULP)[0]?.changes).to.deep.equal([
      { kind: 'mandaatUitgave', by: REGISSEUR, part: 'deelB', uitgave: 'uitgave-000001' },
      { kind: 'mandaatUitgave', by: REGISSEUR, part: 'deelB', uitgave: 'uitgave-000002' },
    ]);
    expect(itemsFor(d.case, GGZ)).to.deep.equal([]);
    const text = outboxMessage(d.case, SCHULDHULP, itemsFor(d.case, SCHULDHULP))?.text ?? '';
    expect(text).to.match(/heeft €\u00a042,50 uitgegeven onder het mandaat van de casusregisseur: treinkaartje naar de rechtbank \(Justitie\)\./);
    expect(text).to.match(/heeft €\u00a010,00 uitgegeven onder het mandaat van de casusregisseur: pasfoto \(Justitie\)\./);
  });

  it('a change reaches every other active party that may see its part; never the actor', () => {
    const d = uitvoering();
    const actie = d.actieIds()[0] as string;
    d.run('regisseur', { type: 'setActieStatus', actieId: actie, status: 'gedaan' });
    expect(kinds(d.case, SCHULDHULP)).to.deep.equal(['actieGedaan']);
    expect(itemsFor(d.case, SCHULDHULP)[0]).to.deep.include({ to: SCHULDHULP, at: d.now.toUTC().toISO(), attempts: 0 });
    expect(itemsFor(d.case, REGISSEUR)).to.deep.equal([]);
    // GGZ has no consent for Deel A: it does not hear of the plan's actions at all.
    expect(itemsFor(d.case, GGZ)).to.deep.equal([]);
    expect(d.case.outboxDueAt).to.equal(d.now.toUTC().toISO());

    d.run('schuldhulp', { type: 'setActie', actie: { id: actie, wie: 'Schuldhulp', wat: 'Aflossingsplan opstellen', wanneer: '2026-12-10' } });
    expect(kinds(d.case, REGISSEUR)).to.deep.equal(['actieGewijzigd']);
    expect(itemsFor(d.case, REGISSEUR)[0]?.changes[0]).to.deep.equal({ kind: 'actieGewijzigd', by: SCHULDHULP, part: 'deelA' });
  });

  it('several changes before delivery are one item per recipient; a repeated change is not repeated', () => {
    const d = uitvoering();
    const [a, b] = d.actieIds() as [string, string];
    d.run('regisseur', { type: 'setActieStatus', actieId: a, status: 'bezig' });
    d.run('regisseur', { type: 'setActieStatus', actieId: b, status: 'gedaan' });
    d.run('regisseur', { type: 'setActieStatus', actieId: a, status: 'open' });
    d.go('regisseur', 'belemmering', { toelichting: 'De corporatie wil niet meer.' });
    expect(itemsFor(d.case, SCHULDHULP)).to.have.length(1);
    expect(kinds(d.case, SCHULDHULP)).to.deep.equal(['actieGewijzigd', 'actieGedaan', 'belemmering']);
    expect(itemsFor(d.case, GGZ)).to.deep.equal([]);
    // A transition everyone may know of (the step) reaches GGZ too.
    d.run('regisseur', { type: 'planMdo', datum: '2026-12-01', locatie: 'thuis' });
    expect(kinds(d.case, GGZ)).to.deep.equal(['mdoGepland']);
  });

  it('a party added hears of it from the edge, the others from the outbox; consent withdrawn ends access with a message without content', () => {
    const d = uitvoering();
    d.run('regisseur', { type: 'addProfessional', userId: 'aad-school-1', role: 'betrokkenProfessional', toestemming: consent(['deelA']) });
    expect(kinds(d.case, 'aad-school-1')).to.deep.equal([]);
    expect(itemsFor(d.case, GGZ)[0]?.changes).to.deep.equal([{ kind: 'partijToegevoegd', by: REGISSEUR, subject: 'aad-school-1' }]);

    d.run('regisseur', { type: 'withdrawConsent', userId: GGZ, op: '2026-11-23' });
    expect(kinds(d.case, GGZ)).to.deep.equal(['partijToegevoegd', 'toegangBeeindigd']);
    expect(kinds(d.case, SCHULDHULP)).to.include('toestemmingIngetrokken');
    // At delivery GGZ is no longer on the case: only that its access ended.
    const [ggzItem] = itemsFor(d.case, GGZ);
    expect(deliverableChanges(d.case, ggzItem!).map((c) => c.kind)).to.deep.equal(['toegangBeeindigd']);
    const message = outboxMessage(d.case, GGZ, itemsFor(d.case, GGZ));
    expect(message?.text).to.equal(`Je toegang tot casus **${d.case.reference}** is beëindigd. Je ziet de casus niet meer.`);
  });

  it('an item whose part the recipient may no longer see is dropped at delivery', () => {
    const d = uitvoering();
    d.run('regisseur', { type: 'setActieStatus', actieId: d.actieIds()[0], status: 'bezig' });
    expect(outboxMessage(d.case, SCHULDHULP, itemsFor(d.case, SCHULDHULP))?.text).to.match(/actie in het plan gewijzigd/);
    d.run('regisseur', { type: 'changeConsent', userId: SCHULDHULP, toestemming: consent(['mdo']) });
    const text = outboxMessage(d.case, SCHULDHULP, itemsFor(d.case, SCHULDHULP))?.text ?? '';
    expect(text).not.to.match(/actie/);
    expect(text).to.match(/heeft gewijzigd wat je mag zien\. Je ziet nu: MDO-uitkomsten\./);
  });

  it('the message: kenmerk, what changed, by whom (name and organisation from the case), how to open it; nothing of the inwoner', () => {
    const d = uitvoering();
    d.run('regisseur', { type: 'setActieStatus', actieId: d.actieIds()[0], status: 'bezig' });
    d.go('regisseur', 'belemmering', { toelichting: 'De corporatie wil niet meer.' });
    d.case.professionals = d.case.professionals.map((p) => (p.userId === REGISSEUR ? { ...p, displayName: 'Ria Regisseur', organisatie: 'Wijkteam Noord' } : p));
    const text = outboxMessage(d.case, SCHULDHULP, itemsFor(d.case, SCHULDHULP))?.text as string;
    expect(text).to.equal(
      [
        `Casus **${d.case.reference}** is gewijzigd:`,
        '- Ria Regisseur (Wijkteam Noord) heeft een actie in het plan gewijzigd.',
        '- Ria Regisseur (Wijkteam Noord) heeft een belemmering gemeld; er komt een nieuw MDO.',
        `Typ **casus ${d.case.reference}** om de casus te openen.`,
      ].join('\n\n'),
    );
    for (const member of d.case.household.members) expect(text).not.to.include(member.label);
  });

  it('claims: one instance at a time, taken over after the lease; delivered items leave, retries wait, unreachable is told once', () => {
    const d = uitvoering();
    d.go('regisseur', 'belemmering', { toelichting: 'De corporatie wil niet meer.' });
    d.run('regisseur', { type: 'planMdo', datum: '2026-12-01', locatie: 'thuis' });
    const t = new Date(d.now.toMillis());
    const a = claimOutbox(d.case, 'bot-a', t, 60_000, 50);
    expect(a?.claimed.map((item) => item.to).sort()).to.deep.equal([GGZ, SCHULDHULP].sort());
    expect(a?.next.outboxDueAt).to.equal(new Date(t.getTime() + 60_000).toISOString());
    expect(claimOutbox(a!.next, 'bot-b', new Date(t.getTime() + 59_000), 60_000, 50)).to.equal(undefined);
    const b = claimOutbox(a!.next, 'bot-b', new Date(t.getTime() + 60_000), 60_000, 50);
    expect(b?.next.outbox.every((item) => item.claimedBy === 'bot-b')).to.equal(true);

    const [ggz, schuldhulp] = [GGZ, SCHULDHULP].map((to) => b!.next.outbox.find((item) => item.to === to)!.id);
    const retryAt = new Date(t.getTime() + 120_000).toISOString();
    const settled = settleOutbox(b!.next, 'bot-b', [{ id: ggz!, result: 'delivered' }, { id: schuldhulp!, result: 'retry', notBefore: retryAt }], t);
    expect(settled.outbox).to.have.length(1);
    expect(settled.outbox[0]).to.deep.include({ to: SCHULDHULP, attempts: 1, notBefore: retryAt });
    expect(settled.outbox[0]?.claimedBy).to.equal(undefined);
    expect(settled.outboxDueAt).to.equal(retryAt);

    const claimedAgain = claimOutbox(settled, 'bot-a', new Date(retryAt), 60_000, 50)!;
    const gone = settleOutbox(claimedAgain.next, 'bot-a', [{ id: claimedAgain.claimed[0]!.id, result: 'unreachable' }], t);
    expect(gone.professionals.find((p) => p.userId === SCHULDHULP)?.onbereikbaarSinds).to.equal(t.toISOString());
    expect(gone.outbox.map((item) => [item.to, item.changes])).to.deep.equal([[REGISSEUR, [{ kind: 'onbereikbaar', subject: SCHULDHULP }]]]);
    expect(outboxMessage(gone, REGISSEUR, gone.outbox)?.text).to.match(/De bot kan een collega geen berichten meer sturen/);
    // Unreachable again: the casusregisseur is not told a second time.
    const again = { ...gone, outbox: [...gone.outbox, { id: 'ob000099', at: t.toISOString(), to: SCHULDHULP, changes: [{ kind: 'mdoGepland' as const }], attempts: 0, claimedBy: 'bot-a', claimedUntil: retryAt }] };
    const twice = settleOutbox(again, 'bot-a', [{ id: 'ob000099', result: 'unreachable' }], t);
    expect(twice.outbox.filter((item) => item.to === REGISSEUR)[0]?.changes).to.have.length(1);
    // A delivery clears the mark.
    const back = { ...twice, outbox: [...twice.outbox, { id: 'ob000100', at: t.toISOString(), to: SCHULDHULP, changes: [{ kind: 'mdoGepland' as const }], attempts: 0 }] };
    expect(settleOutbox(back, 'bot-a', [{ id: 'ob000100', result: 'delivered' }], t).professionals.find((p) => p.userId === SCHULDHULP)?.onbereikbaarSinds).to.equal(undefined);
  });
});

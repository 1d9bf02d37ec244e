import { expect } from 'chai';
import { renderHerinneringCard } from '../../cards/herinnering';
import { renderWatMoetIkDoenCard } from '../../cards/wat-moet-ik-doen';
import { CASUS_OPENEN, DEELB_VERNIEUW, HERINNERING_ESCALEREN, HERINNERING_GEDAAN, HERINNERING_UITSTELLEN, VERBS } from '../../cards/verbs';
import { reminderAsCard } from '../../bot/reminder-card';
import type { ReminderNews } from '../../services/notify/reminder-message';
import { todoFor } from '../../services/reminders/todo';
import { elementsOf, expectValidCard, verbsOf } from '../support/adaptivecards';
import { caseAt, PEOPLE, VOORBEELD } from '../support/stappenplan-driver';

type Json = Record<string, unknown>;
/** The buttons a professional sees at the bottom of the card. */
const buttons = (card: unknown) => ((card as { actions?: Json[] }).actions ?? []).map((a) => a.title);
/** The card's body alone (what stands open, not behind a button). */
const bodyOf = (card: unknown) => ({ body: (card as { body: unknown[] }).body });
const showCard = (card: unknown, title: string) => ((card as { actions: Json[] }).actions.find((a) => a.title === title)?.card ?? {}) as Json;

const NEWS: ReminderNews = {
  caseId: 'case-000001',
  reference: 'HA-2026-7K3FQ9',
  reminderId: 'actie:id-000020:aad-wijkteam-1',
  kind: 'actie',
  title: 'Actie over de datum',
  lines: ['De actie "Huurachterstand **in kaart**" (Schuldhulp) stond voor 30 november 2026 en is nog niet gedaan.'],
  since: 'sinds 30 november 2026',
  openen: true,
  gedaan: 'id-000020',
  uitstellenVanaf: '2026-12-02',
  uitstellenTot: '2026-12-15',
  escaleren: false,
};

describe('cards: the reminder card', () => {
  it('is a valid 1.5 card with the title, kenmerk, since when and the lines as text runs (no Markdown read)', () => {
    const card = renderHerinneringCard(NEWS);
    expectValidCard(card);
    for (const verb of verbsOf(card)) expect(VERBS as readonly string[]).to.include(verb);
    expect(elementsOf(card, 'TextBlock')[0]?.text).to.equal('Herinnering: Actie over de datum');
    const runs = elementsOf(card, 'TextRun').map((r) => r.text);
    expect(runs).to.include('Kenmerk HA-2026-7K3FQ9 · sinds 30 november 2026').and.include(NEWS.lines[0]);
    expect(elementsOf(card, 'TextBlock').map((t) => t.text)).not.to.include(NEWS.lines[0]);
  });

  it('offers Openen, Gedaan and Later herinneren when the news allows them, each with its verb', () => {
    const card = renderHerinneringCard(NEWS);
    expect(buttons(card)).to.deep.equal(['Openen', 'Gedaan', 'Later herinneren']);
    expect(elementsOf(card, 'Action.Submit').map((a) => (a.data as Json).verb)).to.include(CASUS_OPENEN);
    expect(elementsOf(card, 'Action.Execute').map((a) => a.verb)).to.deep.equal([HERINNERING_GEDAAN, HERINNERING_UITSTELLEN]);
    expect(elementsOf(card, 'Action.Execute')[0]?.data).to.deep.equal({ caseId: NEWS.caseId, reminderId: NEWS.reminderId });
  });

  it('Later herinneren asks a day from tomorrow up to the last day allowed, and a reason, both required, in Dutch', () => {
    const later = showCard(renderHerinneringCard(NEWS), 'Later herinneren');
    const [date] = elementsOf(later, 'Input.Date');
    const [reden] = elementsOf(later, 'Input.Text');
    expect(date).to.deep.include({ id: 'tot', min: '2026-12-02', max: '2026-12-15', isRequired: true, placeholder: 'Kies een dag' });
    expect(String(date?.label)).to.match(/^Op welke dag/);
    expect(String(date?.errorMessage)).to.include('15 december 2026');
    expect(reden).to.deep.include({ id: 'reden', isRequired: true, maxLength: 500 });
    expect(String(reden?.label)).to.include('geschiedenis');
  });

  it('shows no button the news does not allow', () => {
    const { gedaan: _g, uitstellenTot: _t, uitstellenVanaf: _v, ...rest } = NEWS;
    const card = renderHerinneringCard({ ...rest, openen: false });
    expectValidCard(card);
    expect(buttons(card)).to.deep.equal([]);
  });

  it('Escaleren asks the question to the procesregisseur and submits it with its verb', () => {
    const { gedaan: _g, ...rest } = NEWS;
    const card = renderHerinneringCard({ ...rest, kind: 'akkoordEscaleren', reminderId: 'akkoordEscaleren:id-1:aad-wijkteam-1', escaleren: true });
    expectValidCard(card);
    expect(buttons(card)).to.deep.equal(['Openen', 'Later herinneren', 'Escaleren']);
    const escaleren = showCard(card, 'Escaleren');
    expect(elementsOf(escaleren, 'Input.Text')[0]).to.deep.include({ id: 'vraag', isRequired: true });
    expect(elementsOf(escaleren, 'Action.Execute')[0]?.verb).to.equal(HERINNERING_ESCALEREN);
  });

  it('after a refusal shows why on the card and keeps what was typed, with the inputs standing open', () => {
    const card = renderHerinneringCard(NEWS, { melding: 'Stel hooguit 14 dagen uit: uiterlijk 15 december 2026.', ingevuld: { tot: '2026-12-31', reden: 'Vakantie' }, open: 'uitstellen' });
    expectValidCard(card);
    expect(elementsOf(card, 'TextRun').map((r) => r.text)).to.include('Stel hooguit 14 dagen uit: uiterlijk 15 december 2026.');
    expect(buttons(card)).to.deep.equal(['Openen', 'Gedaan']);
    const body = bodyOf(card);
    expect(elementsOf(body, 'Input.Date')[0]).to.deep.include({ id: 'tot', value: '2026-12-31', max: '2026-12-15' });
    expect(elementsOf(body, 'Input.Text')[0]).to.deep.include({ id: 'reden', value: 'Vakantie' });
    expect(elementsOf(body, 'Action.Execute')[0]?.verb).to.equal(HERINNERING_UITSTELLEN);
    const collapsed = renderHerinneringCard(NEWS, { ingevuld: { tot: '2026-12-03', reden: 'Later' } });
    expect(elementsOf(showCard(collapsed, 'Later herinneren'), 'Input.Date')[0]?.value).to.equal('2026-12-03');
  });

  it('a refused escalation keeps the question open on the card', () => {
    const { gedaan: _g, ...rest } = NEWS;
    const card = renderHerinneringCard({ ...rest, escaleren: true }, { melding: 'Vul de toelichting in.', ingevuld: { vraag: 'Wie besluit?' }, open: 'escaleren' });
    expectValidCard(card);
    expect(buttons(card)).to.deep.equal(['Openen', 'Later herinneren']);
    expect(elementsOf(bodyOf(card), 'Input.Text')[0]).to.deep.include({ id: 'vraag', value: 'Wie besluit?' });
  });

  it('after a press shows what happened and only Openen', () => {
    const card = renderHerinneringCard({ ...NEWS, escaleren: true }, { uitkomst: 'Gedaan: de actie staat nu op gedaan in het plan.' });
    expectValidCard(card);
    expect(buttons(card)).to.deep.equal(['Openen']);
    expect(elementsOf(card, 'TextRun').map((r) => r.text)).to.include('Gedaan: de actie staat nu op gedaan in het plan.');
  });

  it('is what the dispatcher sends in Teams: one Adaptive Card attachment', () => {
    const message = reminderAsCard(NEWS);
    expect(message.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(message.text).to.equal(undefined);
  });
});

describe('cards: wat moet ik doen', () => {
  const items = [
    { caseId: 'case-1', reference: 'HA-2026-7K3FQ9', title: 'Actie van het plan', when: 'sinds 30 november 2026', late: true, detail: 'Huurachterstand *in kaart* (Schuldhulp)' },
    { caseId: 'case-2', reference: 'HA-2026-AB12CD', title: 'Besluit over Deel B', when: 'op 7 december 2026', late: false, requestId: 'id-9' },
  ];

  it('lists each item with when, kenmerk and what, late ones in red, and a button: Besluiten for a decision, Openen otherwise', () => {
    const card = renderWatMoetIkDoenCard({ items, emptyText: 'Niets.' });
    expectValidCard(card);
    for (const verb of verbsOf(card)) expect(VERBS as readonly string[]).to.include(verb);
    const runs = elementsOf(card, 'TextRun');
    expect(runs.find((r) => r.text === 'sinds 30 november 2026')?.color).to.equal('Attention');
    expect(runs.find((r) => r.text === 'op 7 december 2026')?.color).to.equal('Default');
    expect(runs.map((r) => r.text)).to.include('Huurachterstand *in kaart* (Schuldhulp)');
    expect(elementsOf(card, 'Action.Submit').map((a) => [a.title, a.data])).to.deep.equal([
      ['Openen', { verb: CASUS_OPENEN, caseId: 'case-1' }],
      ['Besluiten', { verb: DEELB_VERNIEUW, caseId: 'case-2', requestId: 'id-9' }],
    ]);
    expect(elementsOf(card, 'TextBlock').map((t) => t.text)).not.to.include('Niets.');
  });

  it('says so, kindly, when nothing is due', () => {
    const card = renderWatMoetIkDoenCard({ items: [], emptyText: 'Er wacht nu niets op jou.' });
    expectValidCard(card);
    expect(elementsOf(card, 'TextBlock').map((t) => t.text)).to.include('Er wacht nu niets op jou.');
    expect(elementsOf(card, 'Action.Submit')).to.have.length(0);
  });
});

describe('wat moet ik doen: what is due for whom, in order', () => {
  const withRequest = () => {
    const d = caseAt('onderbouwing');
    VOORBEELD.deelB(d).run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] });
    return d;
  };

  it('the leidinggevende asked to decide sees the decision once (not also its reminder), with the request', () => {
    const d = withRequest();
    const items = todoFor([d.case], PEOPLE.leidinggevende.userId);
    expect(items.map((i) => [i.kind, i.title, i.requestId])).to.deep.equal([['besluit', 'Besluit over Deel B', d.latestRequestId]]);
  });

  it('the casusregisseur sees the actions that are theirs, each once, and their reminders, sorted by when they are due', () => {
    const d = withRequest();
    const items = todoFor([d.case], PEOPLE.regisseur.userId);
    expect(items.filter((i) => i.kind === 'actie').map((i) => i.detail)).to.deep.equal([
      'Huurachterstand in kaart (Schuldhulp)',
      'Gesprek woningcorporatie over betalingsregeling (Casusregisseur)',
      'Intake GGZ (Praktijkondersteuner)',
    ]);
    expect(items.map((i) => i.title)).to.include('Deel B wacht op een besluit');
    expect(items.some((i) => i.kind === 'herinnering' && i.title === 'Actie van het plan')).to.equal(false);
    expect(items.map((i) => i.at)).to.deep.equal(items.map((i) => i.at).sort());
  });

  it('nothing for a closed case, nor for someone nothing waits on', () => {
    expect(todoFor([caseAt('afgesloten').case], PEOPLE.regisseur.userId)).to.deep.equal([]);
    expect(todoFor([withRequest().case], PEOPLE.aanjager.userId)).to.deep.equal([]);
  });
});

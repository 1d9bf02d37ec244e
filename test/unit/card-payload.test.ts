import { expect } from 'chai';
import { CARD_PAYLOADS, parseCard } from '../../bot/card-payload';
import { CONSENT_PARTS } from '../../services/domain/model/consent';
import { assertPlainDutch } from '../support/plain-dutch';

describe('card payloads: a colleague on the case (collega-toevoegen.json)', () => {
  /** What Teams sends for a filled-in card: every input as a string, the multi-select comma-separated. */
  const SENT = {
    verb: 'collega.toevoegen',
    caseId: 'case-000001',
    userId: '00000000-0000-0000-0000-0000000000021',
    organisatie: ' GGZ Oost Brabant ',
    taak: 'Begeleidt de inwoner bij de schuldregeling.',
    hoe: 'schriftelijk',
    op: '2026-11-20',
    onderdelen: 'deelA,hulpvraag,mdo',
  };
  const parse = (value: unknown) => parseCard(CARD_PAYLOADS.collegaToevoegen, value);

  it('gives who, organisation, task and the consent: how, on which day, which parts (each once, in the fixed order)', () => {
    expect(parse(SENT)).to.deep.equal({
      ok: true,
      value: {
        caseId: 'case-000001',
        userId: '00000000-0000-0000-0000-0000000000021',
        organisatie: 'GGZ Oost Brabant',
        taak: 'Begeleidt de inwoner bij de schuldregeling.',
        toestemming: { hoe: 'schriftelijk', op: '2026-11-20', onderdelen: ['hulpvraag', 'deelA', 'mdo'] },
      },
    });
    const all = parse({ ...SENT, onderdelen: [...CONSENT_PARTS].reverse().join(', ') + ',zrm,' });
    expect(all.ok && all.value.toestemming.onderdelen).to.deep.equal([...CONSENT_PARTS]);
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ['no colleague chosen', { userId: '' }, 'Kies de collega die je wilt toevoegen.'],
    ['no colleague at all', { userId: undefined }, 'Kies de collega die je wilt toevoegen.'],
    ['a colleague id that is no id', { userId: 'Megan Bowen <megan@contoso.nl>' }, 'Deze collega kan ik niet vinden; kies iemand op de kaart.'],
    ['no organisation', { organisatie: '  ' }, 'Vul de organisatie van de collega in.'],
    ['an organisation too long', { organisatie: 'O'.repeat(81) }, 'De organisatie van de collega is te lang (maximaal 80 tekens).'],
    ['an organisation on two lines', { organisatie: 'GGZ\nOost Brabant' }, 'De organisatie van de collega moet op één regel passen.'],
    ['no task', { taak: undefined }, 'Vul de taak van de collega in.'],
    ['a task too long', { taak: 'x'.repeat(501) }, 'De taak van de collega is te lang (maximaal 500 tekens).'],
    ['a BSN in the task', { taak: 'Zoekt BSN 111222333 na.' }, 'Laat het burgerservicenummer (BSN) weg uit de taak van de collega: dat slaan we nooit op.'],
    ['no way of consent', { hoe: '' }, 'Kies hoe de inwoner toestemming gaf: mondeling of schriftelijk.'],
    ['an unknown way of consent', { hoe: 'per sms' }, 'Kies hoe de inwoner toestemming gaf: mondeling of schriftelijk.'],
    ['no date', { op: '' }, 'Kies de datum waarop de inwoner toestemming gaf.'],
    ['a date in Dutch order', { op: '20-11-2026' }, 'Die datum van de toestemming kan ik niet lezen; kies hem op de kaart.'],
    ['a date that does not exist', { op: '2026-02-30' }, 'Die datum van de toestemming kan ik niet lezen; kies hem op de kaart.'],
    ['no part chosen', { onderdelen: '' }, 'Kies minstens één onderdeel dat de collega mag zien.'],
    ['only commas', { onderdelen: ' , ,' }, 'Kies minstens één onderdeel dat de collega mag zien.'],
    ['no parts at all', { onderdelen: undefined }, 'Kies minstens één onderdeel dat de collega mag zien.'],
    ['an unknown part', { onderdelen: 'hulpvraag,dossier' }, 'Kies alleen onderdelen uit de lijst op de kaart.'],
  ];
  for (const [what, change, sentence] of refused) {
    it(`refuses ${what} with a plain Dutch sentence`, () => {
      const result = parse({ ...SENT, ...change });
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.error.code).to.equal('CASE.INVALID_INPUT');
      expect(result.error.userMessage).to.equal(sentence);
      assertPlainDutch(result.error.userMessage);
    });
  }

  const notOurs: [string, unknown][] = [
    ['no case', { ...SENT, caseId: undefined }],
    ['an input the card does not have', { ...SENT, rol: 'casusregisseur' }],
    ['a part sent as a list instead of text', { ...SENT, onderdelen: ['hulpvraag'] }],
    ['no object', 'collega.toevoegen'],
  ];
  for (const [what, value] of notOurs) {
    it(`a card that is not ours (${what}) is refused as expired or invalid, before its inputs are read`, () => {
      const result = parse(value);
      expect(result.ok || result.error.code).to.equal('CARD.INVALID_PAYLOAD');
    });
  }

  it('the other cards are refused as before: the whole card, never an input sentence', () => {
    const result = parseCard(CARD_PAYLOADS.actie, { caseId: 'c1', wie: 3 });
    expect(result.ok || [result.error.code, result.error.userMessage]).to.deep.equal(['CARD.INVALID_PAYLOAD', 'Deze kaart is verlopen of niet geldig; er is niets veranderd.']);
  });
});

describe('card payloads: the inwoner\'s consent for a party (toestemming.json)', () => {
  /** Both buttons send the same inputs; withdrawing needs who and when only. */
  const SENT = { verb: 'toestemming.wijzigen', caseId: 'case-000001', userId: 'aad-ggz-1', op: '2026-11-20', hoe: 'mondeling', onderdelen: 'mdo,deelA' };

  it('changing gives who and the new consent; withdrawing gives who and from when, whatever else was ticked', () => {
    const changed = parseCard(CARD_PAYLOADS.toestemmingWijzigen, SENT);
    expect(changed.ok && changed.value).to.deep.equal({ caseId: 'case-000001', userId: 'aad-ggz-1', toestemming: { hoe: 'mondeling', op: '2026-11-20', onderdelen: ['deelA', 'mdo'] } });
    const withdrawn = parseCard(CARD_PAYLOADS.toestemmingIntrekken, { ...SENT, verb: 'toestemming.intrekken', hoe: '', onderdelen: '' });
    expect(withdrawn.ok && withdrawn.value).to.deep.equal({ caseId: 'case-000001', userId: 'aad-ggz-1', op: '2026-11-20' });
  });

  const refused: [string, typeof CARD_PAYLOADS.toestemmingWijzigen | typeof CARD_PAYLOADS.toestemmingIntrekken, Record<string, unknown>, string][] = [
    ['a change without parts', CARD_PAYLOADS.toestemmingWijzigen, { onderdelen: '' }, 'Kies minstens één onderdeel dat de collega mag zien.'],
    ['a change without how', CARD_PAYLOADS.toestemmingWijzigen, { hoe: '' }, 'Kies hoe de inwoner de nieuwe toestemming gaf: mondeling of schriftelijk.'],
    ['no colleague chosen', CARD_PAYLOADS.toestemmingIntrekken, { userId: '' }, 'Kies de collega van wie de toestemming verandert.'],
    ['a date that is no date', CARD_PAYLOADS.toestemmingIntrekken, { op: '31-02' }, 'Die datum kan ik niet lezen; kies hem op de kaart.'],
  ];
  for (const [what, schema, change, sentence] of refused) {
    it(`refuses ${what} with a plain Dutch sentence`, () => {
      const result = parseCard(schema as typeof CARD_PAYLOADS.toestemmingIntrekken, { ...SENT, ...change });
      expect(result.ok || [result.error.code, result.error.userMessage]).to.deep.equal(['CASE.INVALID_INPUT', sentence]);
      if (!result.ok) assertPlainDutch(result.error.userMessage);
    });
  }
});

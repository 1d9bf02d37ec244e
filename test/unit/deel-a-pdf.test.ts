import { expect } from 'chai';
import { renderDeelAPdf } from '../../services/documents/deel-a-pdf';
import { caseAt, PEOPLE, T0, type CaseDriver } from '../support/stappenplan-driver';
import { pdfText } from '../support/pdf-text';

/** The casusregisseur as Teams names them, with their organisation (as the bot records them on the case). */
function named(d: CaseDriver): CaseDriver {
  d.case = { ...d.case, professionals: d.case.professionals.map((p) => (p.userId === PEOPLE.regisseur.userId ? { ...p, displayName: 'Sanne de Vries', organisatie: 'Wijkteam Helmond-Noord' } : p)) };
  return d;
}

describe('Deel A as a PDF for the inwoner', () => {
  it('says ik wil / ik kan / ik heb nodig in her words and who does what when, in plain Dutch', async () => {
    const d = named(caseAt('uitvoering'));
    d.run('regisseur', { type: 'setActieStatus', actieId: d.actieIds()[0] as string, status: 'bezig' });
    d.run('regisseur', { type: 'setActieStatus', actieId: d.actieIds()[1] as string, status: 'gedaan' });
    const pdf = await renderDeelAPdf(d.case, { generatedAt: T0, compress: false });
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'Ons plan',
      'Met de kinderen in ons huis blijven wonen en weer rust in mijn hoofd.',
      'Iemand die met mij de schulden op een rij zet en met de woningcorporatie praat.',
      'Huurachterstand in kaart',
      'Gesprek woningcorporatie over betalingsregeling',
      'uiterlijk 30 november 2026',
      'Op of rond 7 januari 2027 kijken we samen',
      'HA-2026-7K3FQ9',
      'Dit plan is van u.',
    ]) expect(text).to.contain(expected);
  });

  it('names the contact person and organisation, avoids jargon, and ends with a place to sign', async () => {
    const d = named(caseAt('uitvoering'));
    d.run('regisseur', { type: 'setActieStatus', actieId: d.actieIds()[0] as string, status: 'bezig' });
    d.run('regisseur', { type: 'setActieStatus', actieId: d.actieIds()[1] as string, status: 'gedaan' });
    const pdf = await renderDeelAPdf(d.case, { generatedAt: T0, compress: false });
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).to.contain('Uw contactpersoon Sanne de Vries, Wijkteam Helmond-Noord');
    // "Casusregisseur" as the professionals wrote it in an action is the contact person's name here.
    expect(text).to.contain('Wie: Sanne de Vries Wanneer: uiterlijk 7 december 2026 Hoe staat het: klaar');
    // The voorbeeldcasus with its goal takes two A4 pages at most; the goals are on the first (docs/deel-a-pdf.png).
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).to.have.length.at.most(2);
    expect(text).to.contain('Neem contact op met Sanne de Vries van Wijkteam Helmond-Noord en noem het kenmerk HA-2026-7K3FQ9.');
    expect(text).to.contain('Sanne de Vries (Wijkteam Helmond-Noord), uw contactpersoon: ziet uw hele plan.');
    for (const plain of ['Hoe staat het: bezig', 'Hoe staat het: klaar', 'Hoe staat het: nog te doen']) expect(text).to.contain(plain);
    for (const jargon of ['asusregisseur', 'Stand:', 'open', 'Gedaan']) expect(text).to.not.contain(jargon);
    // The signature block comes last.
    expect(text).to.match(/Mee eens\? Als u het eens bent met dit plan, zet dan hier uw handtekening\. ?Handtekening ?Datum\s*$/);
  });

  it("shows each goal in the inwoner's words with her own score, the result and its date, and the actions that serve it", async () => {
    const d = named(caseAt('uitvoering'));
    const text = pdfText(await renderDeelAPdf(d.case, { generatedAt: T0, compress: false })).replace(/\s+/g, ' ');
    expect(text).to.contain('Wat moet er veranderen? De huurachterstand moet weg, en ik wil weer kunnen slapen.');
    expect(text).to.contain('Uw doelen Huisvesting: Met de kinderen in ons huis blijven wonen.');
    expect(text).to.contain('Hoe tevreden bent u nu: 3 van 10');
    expect(text).to.contain('Wanneer is het opgelost? Er is een betalingsregeling met de corporatie en de ontruiming is van de baan. Uiterlijk 18 januari 2027.');
    expect(text).to.contain('Eerst: Deze maand geen nieuwe achterstand.');
    // The action linked to the goal stands under it; the others under "Andere afspraken".
    expect(text).to.match(/Wat we daarvoor doen: Huurachterstand in kaart Wie: Schuldhulp Wanneer: uiterlijk 30 november 2026 .*Andere afspraken: wie doet wat, en wanneer\? /);
    expect(text.indexOf('Gesprek woningcorporatie')).to.be.greaterThan(text.indexOf('Andere afspraken'));
    // The inwoner's own score, never the professional's ZRM.
    for (const absent of ['zelfredzaam', 'Zelfredzaam', 'ZRM-score', 'van 5']) expect(text).to.not.contain(absent);
  });

  it('without a name on the case still says whom to contact', async () => {
    const text = pdfText(await renderDeelAPdf(caseAt('plan').case, { generatedAt: T0, compress: false })).replace(/\s+/g, ' ');
    expect(text).to.contain('Uw contactpersoon Uw contactpersoon van het wijkteam. Telefoon:');
    expect(text).to.contain('Neem contact op met uw contactpersoon van het wijkteam en noem het kenmerk');
  });

  it('holds no more personal data than the plan needs', async () => {
    const d = caseAt('uitvoering', { uitzondering: true });
    const text = pdfText(await renderDeelAPdf(d.case, { generatedAt: T0, compress: false }));
    for (const absent of ['Moeder (M1)', 'Kind (K1)', 'huis uit moeten', 'Huisuitzetting', '1.250', 'Participatiewet', 'Financi']) {
      expect(text).to.not.contain(absent);
    }
  });

  it("says who looks along with the plan and what each may see, by the inwoner's consent", async () => {
    const d = caseAt('uitvoering');
    d.run('regisseur', {
      type: 'addProfessional', userId: 'aad-ggz-1', role: 'betrokkenProfessional', displayName: 'GGZ-collega', organisatie: 'GGZ-praktijk',
      taak: 'gesprekken', toestemming: { hoe: 'schriftelijk', op: '2026-11-23', onderdelen: ['mdo', 'deelA'] },
    });
    const text = pdfText(await renderDeelAPdf(d.case, { generatedAt: T0, compress: false })).replace(/\s+/g, ' ');
    expect(text).to.contain('Wie kijkt mee?');
    expect(text).to.contain('uw contactpersoon: ziet uw hele plan.');
    expect(text).to.contain('GGZ-collega (GGZ-praktijk), gesprekken: mag zien: dit plan (Deel A); wat in het overleg (MDO) is afgesproken. U gaf hiervoor schriftelijk toestemming op 23 november 2026.');
  });

  it('is the same document for the same case and moment', async () => {
    const d = caseAt('plan');
    const [a, b] = await Promise.all([renderDeelAPdf(d.case, { generatedAt: T0 }), renderDeelAPdf(d.case, { generatedAt: T0 })]);
    expect(a.equals(b)).to.equal(true);
  });
});

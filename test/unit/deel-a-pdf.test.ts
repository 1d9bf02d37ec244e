import { expect } from 'chai';
import { renderDeelAPdf } from '../../services/documents/deel-a-pdf';
import { caseAt, T0 } from '../support/stappenplan-driver';
import { pdfText } from '../support/pdf-text';

describe('Deel A as a PDF for the inwoner', () => {
  it('says ik wil / ik kan / ik heb nodig in her words and who does what when, in plain Dutch', async () => {
    const d = caseAt('uitvoering');
    const pdf = await renderDeelAPdf(d.case, { generatedAt: T0, contact: 'Sanne de Vries (wijkteam)', compress: false });
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
      'Sanne de Vries (wijkteam)',
      'HA-2026-7K3FQ9',
      'Dit plan is van u.',
    ]) expect(text).to.contain(expected);
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
    expect(text).to.contain('uw casusregisseur: ziet uw hele plan.');
    expect(text).to.contain('GGZ-collega (GGZ-praktijk), gesprekken: mag zien: dit plan (Deel A); wat in het overleg (MDO) is afgesproken. U gaf hiervoor schriftelijk toestemming op 23 november 2026.');
  });

  it('is the same document for the same case and moment', async () => {
    const d = caseAt('plan');
    const [a, b] = await Promise.all([renderDeelAPdf(d.case, { generatedAt: T0 }), renderDeelAPdf(d.case, { generatedAt: T0 })]);
    expect(a.equals(b)).to.equal(true);
  });
});

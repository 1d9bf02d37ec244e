/**
 * The Deel A PDF as the inwoner sees it: rendered to page images with MuPDF (WebAssembly; no pdftoppm, no browser)
 * and read back as laid out on the page, not from the PDF's source. test/unit/deel-a-pdf.test.ts reads the source.
 */
import { expect } from 'chai';
import { renderDeelAPdf } from '../../services/documents/deel-a-pdf';
import { deelAVoorbeeld } from '../support/deel-a-voorbeeld';
import { pngStats, renderPdf, type RenderedPage } from '../support/render-pdf';
import { T0 } from '../support/stappenplan-driver';

const A4 = 297 / 210;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('Deel A as a PDF, rendered to images (MuPDF)', function () {
  // Loading MuPDF's WebAssembly once is most of it; the whole file stays well under 5 s.
  this.timeout(5_000);
  let pages: RenderedPage[];
  /** All pages' text as one line (MuPDF breaks lines where the page does). */
  let text: string;

  before(async () => {
    pages = await renderPdf(await renderDeelAPdf(deelAVoorbeeld(), { generatedAt: T0 }));
    text = pages.map((p) => p.text).join('\n').replace(/\s+/g, ' ');
  });

  it("shows the goals in the inwoner's words, with her own tevredenheid and when it is solved", () => {
    expect(text).to.contain('Uw doelen Huisvesting: Met de kinderen in ons huis blijven wonen. Hoe tevreden bent u nu: 3 van 10');
    expect(text).to.contain('Wanneer is het opgelost? Er is een betalingsregeling met de corporatie en de ontruiming is van de baan. Uiterlijk 18 januari 2027.');
    expect(text).to.contain('Financiën: Weer grip op mijn geld. Hoe tevreden bent u nu: 2 van 10');
    expect(text).to.contain('Ik wil Met de kinderen in ons huis blijven wonen en weer rust in mijn hoofd.');
  });

  it('puts each action under the goal it serves, with wie, wat and wanneer; the others apart', () => {
    const huisvesting = text.indexOf('Huisvesting: Met de kinderen');
    const financien = text.indexOf('Financiën: Weer grip');
    const andere = text.indexOf('Andere afspraken: wie doet wat, en wanneer?');
    const schuldhulp = text.indexOf('Huurachterstand in kaart Wie: Schuldhulp Wanneer: uiterlijk 30 november 2026');
    const gesprek = text.indexOf('Gesprek woningcorporatie over betalingsregeling Wie: Sanne de Vries Wanneer: uiterlijk 7 december 2026');
    const ggz = text.indexOf('Intake GGZ Wie: Praktijkondersteuner Wanneer: uiterlijk 14 december 2026');
    for (const at of [huisvesting, financien, andere, schuldhulp, gesprek, ggz]) expect(at).to.be.greaterThan(-1);
    expect(huisvesting < schuldhulp && schuldhulp < financien, 'the schuldhulp action under huisvesting').to.equal(true);
    expect(financien < gesprek && gesprek < andere, 'the talk with the corporatie under financiën').to.equal(true);
    expect(andere < ggz, 'the GGZ intake apart').to.equal(true);
  });

  it('says who looks along (Wie kijkt mee) with each party and what it may see', () => {
    const wie = text.slice(text.indexOf('Wie kijkt mee?'));
    expect(wie).to.contain('Sanne de Vries (Wijkteam Helmond-Noord), uw contactpersoon: ziet uw hele plan.');
    expect(wie).to.contain('Joris Bakker (Schuldhulpverlening Helmond): mag zien: uw hulpvraag');
    expect(wie).to.contain('U gaf hiervoor mondeling toestemming op 23 november 2026.');
  });

  it('renders every page as a PNG of A4 proportions that is not blank', async () => {
    expect(pages.length).to.be.within(1, 2);
    for (const [i, page] of pages.entries()) {
      expect(page.png.subarray(0, 8).equals(PNG_SIGNATURE), `page ${i + 1} is a PNG`).to.equal(true);
      const decoded = await pngStats(page.png);
      expect([decoded.width, decoded.height]).to.deep.equal([page.width, page.height]);
      expect(decoded.height / decoded.width).to.be.closeTo(A4, 0.01);
      // A page of text inks a few percent of its pixels; a blank page none (the signature page has the least).
      expect(decoded.inked / (decoded.width * decoded.height), `page ${i + 1} has something on it`).to.be.greaterThan(0.003);
    }
    const first = await pngStats((pages[0] as RenderedPage).png);
    expect(first.inked / (first.width * first.height)).to.be.greaterThan(0.05);
  });
});

import { naamDelen } from '../domain/model/namen';
import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import { activeCasusregisseur, type Case } from '../domain/model/case';
import type { Actie, ActieStatus, Doel } from '../domain/model/samenwerkplan';
import { LEEFGEBIED_LABELS } from '../domain/model/leefgebieden';
import { CONSENT_PART_FOR_INWONER } from '../domain/model/consent';
import { formatDutchDate } from '../domain/text/format';

export interface DeelAPdfOptions {
  /** When the document is made (shown on it, and its metadata date): from the Clock, never `new Date()`. */
  readonly generatedAt: DateTime;
  /** Tests read the text; production compresses. */
  readonly compress?: boolean;
}

const date = formatDutchDate;

/** What the PDF is made of: nobody gets it who may not see all of this (services/domain/model/visibility.ts). */
export const DEEL_A_PDF_PARTS = ['hulpvraag', 'deelA'] as const;

/**
 * Samenwerkplan Deel A as a plain-language Dutch PDF to print and leave with the inwoner (seed 000, stap 5A).
 * It holds only what the plan needs: ik wil / ik kan / ik heb nodig and what must change in the inwoner's words, the
 * goals with the inwoner's own satisfaction score and "wanneer is het opgelost?", who does what when (per goal), who to
 * call, who looks along, and a place to sign. No household labels, no BSN, no Deel B, no ZRM scores. Written
 * for the kitchen table: "uw contactpersoon", not "casusregisseur"; "nog te doen", not "Stand: open".
 */
export function renderDeelAPdf(c: Case, options: DeelAPdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    compress: options.compress ?? true,
    lang: 'nl-NL',
    info: {
      Title: `Samenwerkplan Deel A ${c.reference}`,
      Subject: 'Ons plan',
      Producer: 'Helmond Aanpak-assistent',
      Creator: 'Helmond Aanpak-assistent',
      CreationDate: options.generatedAt.toJSDate(),
      ModDate: options.generatedAt.toJSDate(),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(20).text('Ons plan');
  doc.font('Helvetica').fontSize(10).fillColor('#555555')
    .text(`Samenwerkplan Deel A  ·  kenmerk ${c.reference}  ·  ${formatDutchDate(options.generatedAt)}`);
  doc.moveDown(0.7).fillColor('#000000').fontSize(11)
    .text('Dit is uw plan. U heeft het samen met ons gemaakt. Hieronder staat wat u wilt, wat u zelf kunt, wat u nodig heeft, uw doelen, en wie wat doet.');

  contactpersoon(doc, c);
  section(doc, 'Ik wil', c.vraagverheldering.ikWil);
  section(doc, 'Ik kan', c.vraagverheldering.ikKan);
  section(doc, 'Ik heb nodig', c.vraagverheldering.ikHebNodig);

  if (c.vraagverheldering.watMoetVeranderen) section(doc, 'Wat moet er veranderen?', c.vraagverheldering.watMoetVeranderen);

  const acties = c.deelA.acties.filter((a) => a.status !== 'vervallen').sort((a, b) => a.wanneer.localeCompare(b.wanneer));
  const doelen = doelenInVolgorde(c);
  if (doelen.length > 0) {
    doc.moveDown(0.7).font('Helvetica-Bold').fontSize(13).text('Uw doelen');
    for (const doel of doelen) doelBlok(doc, c, doel, acties.filter((a) => a.doelId === doel.id));
  }
  const overige = acties.filter((a) => !doelen.some((d) => d.id === a.doelId));
  if (doelen.length === 0 || overige.length > 0) {
    doc.moveDown(0.7).font('Helvetica-Bold').fontSize(13).text(doelen.length ? 'Andere afspraken: wie doet wat, en wanneer?' : 'Wie doet wat, en wanneer?');
    if (overige.length === 0) doc.font('Helvetica').fontSize(11).text('Er zijn nog geen afspraken.');
    for (const actie of overige) actieRegel(doc, c, actie);
  }

  const evaluatie = [...c.mdos].reverse().find((m) => m.uitkomsten.evaluatieDatum)?.uitkomsten.evaluatieDatum;
  doc.moveDown(0.7).font('Helvetica-Bold').fontSize(13).text('Hoe verder?');
  doc.font('Helvetica').fontSize(11).text(
    evaluatie
      ? `Op of rond ${date(evaluatie)} kijken we samen of het plan werkt en of u nog iets nodig heeft.`
      : 'Over een paar weken kijken we samen of het plan werkt en of u nog iets nodig heeft.',
  );
  doc.moveDown(0.5).text(`Vragen of gaat er iets mis? Neem contact op met ${contactText(c) ?? 'uw contactpersoon van het wijkteam'} en noem het kenmerk ${c.reference}.`);
  wieKijktMee(doc, c);
  doc.moveDown(0.5).text('Dit plan is van u. U bepaalt wie het mag zien, en u kunt dat altijd veranderen: zeg het tegen uw contactpersoon.');
  handtekening(doc);
  doc.end();
  return done;
}

/** The goals, those on the leefgebieden the inwoner ranked first, in that order. */
function doelenInVolgorde(c: Case): Doel[] {
  const rang = c.vraagverheldering.belangrijksteLeefgebieden ?? [];
  const plek = (d: Doel) => (rang.includes(d.leefgebied) ? rang.indexOf(d.leefgebied) : rang.length);
  return [...c.deelA.doelen].sort((a, b) => plek(a) - plek(b));
}

/** One goal in the inwoner's words: the leefgebied, how satisfied they are now, when it is solved, and what is done for it. */
function doelBlok(doc: PDFKit.PDFDocument, c: Case, doel: Doel, acties: readonly Actie[]): void {
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text(`${LEEFGEBIED_LABELS[doel.leefgebied]}: ${doel.doel}`);
  doc.font('Helvetica').fontSize(11).text(`Hoe tevreden bent u nu: ${doel.tevredenheidVoor} van 10`);
  if (doel.resultaat && doel.resultaatDatum) doc.text(`Wanneer is het opgelost? ${doel.resultaat} Uiterlijk ${date(doel.resultaatDatum)}.`);
  else doc.text('Wanneer is het opgelost? Dat spreken we nog af.');
  if (doel.korteTermijn) doc.text(`Eerst: ${doel.korteTermijn}`);
  if (acties.length === 0) return;
  doc.moveDown(0.3).font('Helvetica-Oblique').text('Wat we daarvoor doen:');
  for (const actie of acties) actieRegel(doc, c, actie);
}

function actieRegel(doc: PDFKit.PDFDocument, c: Case, actie: Actie): void {
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(actie.wat);
  doc.font('Helvetica').text(`Wie: ${wieText(c, actie.wie)}    Wanneer: uiterlijk ${date(actie.wanneer)}    Hoe staat het: ${HOE_STAAT_HET[actie.status]}`);
}

/** How an action stands, in the inwoner's words ("vervallen" ones are not shown). */
const HOE_STAAT_HET: Readonly<Record<ActieStatus, string>> = Object.freeze({ open: 'nog te doen', bezig: 'bezig', gedaan: 'klaar', vervallen: 'gaat niet door' });

/** "Sanne de Vries van Wijkteam Helmond-Noord", the name alone without an organisation; undefined without a name. */
function contactText(c: Case): string | undefined {
  const { naam, organisatie } = naamDelen(c, activeCasusregisseur(c)?.userId);
  if (!naam) return undefined;
  return organisatie ? `${naam} van ${organisatie}` : naam;
}

/** Who does it: "Casusregisseur" as the professionals wrote it is "Sanne de Vries" (or "uw contactpersoon") for the inwoner. */
function wieText(c: Case, wie: string): string {
  if (!/^\s*(de\s+)?casusregisseur\s*$/i.test(wie)) return wie;
  return naamDelen(c, activeCasusregisseur(c)?.userId).naam ?? 'uw contactpersoon';
}

/** Who to call, at the top where it is found: the casusregisseur's name and organisation, and the kenmerk to mention. */
function contactpersoon(doc: PDFKit.PDFDocument, c: Case): void {
  const { naam, organisatie } = naamDelen(c, activeCasusregisseur(c)?.userId);
  doc.moveDown(0.7).font('Helvetica-Bold').fontSize(13).text('Uw contactpersoon');
  doc.font('Helvetica').fontSize(11);
  if (naam) doc.text([naam, organisatie].filter(Boolean).join(', '));
  else doc.text('Uw contactpersoon van het wijkteam.');
  // The bot knows no telephone number; the professional writes it in at the kitchen table.
  doc.text('Telefoon: ..............................................');
  doc.text(`Met vragen kunt u altijd bij uw contactpersoon terecht. Noem dan het kenmerk ${c.reference}.`);
}

/** A place for the inwoner to sign and date the plan, kept together on one page. */
function handtekening(doc: PDFKit.PDFDocument): void {
  // Heading, one line, room to sign, the captions: about 105 points.
  const needed = 105;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(0.7).font('Helvetica-Bold').fontSize(13).text('Mee eens?');
  doc.font('Helvetica').fontSize(11).text('Als u het eens bent met dit plan, zet dan hier uw handtekening.');
  const left = doc.page.margins.left;
  const top = doc.y + 34;
  doc.moveTo(left, top).lineTo(left + 250, top).moveTo(left + 290, top).lineTo(left + 450, top).lineWidth(0.7).strokeColor('#000000').stroke();
  doc.fontSize(10).fillColor('#555555').text('Handtekening', left, top + 5, { lineBreak: false }).text('Datum', left + 290, top + 5, { lineBreak: false });
  doc.fillColor('#000000').text('', left, top + 20);
}

/** "Wie kijkt mee": who works on the plan with the inwoner, and what each may see by the inwoner's consent. */
function wieKijktMee(doc: PDFKit.PDFDocument, c: Case): void {
  doc.moveDown(0.7).font('Helvetica-Bold').fontSize(13).text('Wie kijkt mee?');
  doc.font('Helvetica').fontSize(11);
  for (const p of c.professionals.filter((x) => x.active)) {
    const { naam, organisatie } = naamDelen(c, p.userId);
    const wie = [naam ?? 'Een medewerker', organisatie ? `(${organisatie})` : ''].filter(Boolean).join(' ');
    if (p.role === 'casusregisseur') {
      doc.moveDown(0.3).text(`${wie}, uw contactpersoon: ziet uw hele plan.`);
    } else if (p.role === 'betrokkenProfessional' && p.toestemming) {
      const delen = p.toestemming.onderdelen.map((part) => CONSENT_PART_FOR_INWONER[part]).join('; ');
      const hoe = p.toestemming.hoe === 'schriftelijk' ? 'schriftelijk' : 'mondeling';
      doc.moveDown(0.3).text(`${wie}${p.taak ? `, ${p.taak}` : ''}: mag zien: ${delen}. U gaf hiervoor ${hoe} toestemming op ${date(p.toestemming.op)}.`);
    }
  }
}

function section(doc: PDFKit.PDFDocument, title: string, text: string | undefined): void {
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(title);
  doc.font('Helvetica').fontSize(11).text(text ?? 'Nog niet ingevuld.');
}

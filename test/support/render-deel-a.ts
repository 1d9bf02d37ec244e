/**
 * `npm run render:deel-a`: the voorbeeldcasus's Deel A PDF rendered with MuPDF (render-pdf.ts), its first page written
 * to docs/deel-a-pdf.png for the README. Needs neither Chromium nor pdftoppm.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDeelAPdf } from '../../services/documents/deel-a-pdf';
import { deelAVoorbeeld } from './deel-a-voorbeeld';
import { renderPdf } from './render-pdf';
import { T0 } from './stappenplan-driver';

/** 1.5 × 72 dpi: sharp enough to read in the README, small enough to keep in the repository. */
const README_SCALE = 1.5;

async function main(): Promise<void> {
  const pages = await renderPdf(await renderDeelAPdf(deelAVoorbeeld(), { generatedAt: T0 }), README_SCALE);
  const first = pages[0];
  if (!first) throw new Error('The Deel A PDF has no pages.');
  const out = join(__dirname, '..', '..', 'docs', 'deel-a-pdf.png');
  writeFileSync(out, first.png);
  process.stdout.write(`docs/deel-a-pdf.png: page 1 of ${pages.length}, ${first.width} × ${first.height} px, ${first.png.length} bytes\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

import type * as Mupdf from 'mupdf/dist/mupdf';

/**
 * A PDF rendered the way a reader sees it, page by page, with MuPDF.js (the `mupdf` package: MuPDF compiled to
 * WebAssembly, so neither pdftoppm, a browser nor a native library is needed, on a developer's machine or in CI).
 * Text is read from the same rendering library, so what is checked is what MuPDF lays out, not what a writer meant.
 */
export interface RenderedPage {
  /** The page as a PNG (RGB, no alpha, on white). */
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** The page's text as MuPDF reads it, in reading order (lines as laid out). */
  readonly text: string;
}

/** 1 is 72 dpi: an A4 page is 595 × 842 pixels. */
export const DEFAULT_SCALE = 1;

// mupdf is an ES module only: loaded with a dynamic import (this file is CommonJS under tsx); the specifier is a
// variable so that TypeScript (moduleResolution node) does not try to resolve it, the types come from its d.ts above.
let loaded: Promise<typeof Mupdf> | undefined;
const MUPDF: string = 'mupdf';
export const mupdf = (): Promise<typeof Mupdf> => (loaded ??= import(MUPDF) as Promise<typeof Mupdf>);

/** Every page of `pdf` as a PNG and its text; `scale` 1 is 72 dpi. */
export async function renderPdf(pdf: Uint8Array, scale = DEFAULT_SCALE): Promise<RenderedPage[]> {
  const m = await mupdf();
  const doc = m.Document.openDocument(pdf, 'application/pdf');
  try {
    const pages: RenderedPage[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      const pixmap = page.toPixmap(m.Matrix.scale(scale, scale), m.ColorSpace.DeviceRGB, false, true);
      const text = page.toStructuredText('preserve-whitespace').asText();
      pages.push({ png: Buffer.from(pixmap.asPNG()), width: pixmap.getWidth(), height: pixmap.getHeight(), text });
      pixmap.destroy();
      page.destroy();
    }
    return pages;
  } finally {
    doc.destroy();
  }
}

/** A PNG decoded again (by MuPDF): its size and how many of its pixels are not white, to tell a page from a blank. */
export async function pngStats(png: Uint8Array): Promise<{ width: number; height: number; inked: number }> {
  const m = await mupdf();
  const image = new m.Image(png);
  const pixmap = image.toPixmap();
  try {
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    // Components per pixel (alpha included) and bytes per row, as MuPDF lays the samples out.
    const n = pixmap.getNumberOfComponents();
    const stride = pixmap.getStride();
    const pixels = pixmap.getPixels();
    const colours = Math.min(n, 3);
    let inked = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const at = y * stride + x * n;
        // Not white: any colour channel clearly below full (anti-aliasing at the edges of letters counts too).
        for (let c = 0; c < colours; c++) {
          if ((pixels[at + c] as number) < 240) {
            inked++;
            break;
          }
        }
      }
    }
    return { width, height, inked };
  } finally {
    pixmap.destroy();
    image.destroy();
  }
}

/**
 * The text of an uncompressed PDF written by pdfkit with its standard fonts: the hex strings inside TJ arrays,
 * decoded as WinAnsi (Latin-1 for the letters Dutch uses). Enough to assert what a document says, and what it
 * does not.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const array of source.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const hexes = [...(array[1] as string).matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] as string);
    lines.push(hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
  }
  return lines.join('\n').replace(/\x80/g, '€');
}

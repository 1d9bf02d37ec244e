import { PNG, type PNGWithMetadata } from 'pngjs';

/** What Teams asks of the two icons in an app package (app manifest reference, `icons`). */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** A PNG decoded to RGBA, or a Dutch problem when the bytes are no PNG. */
function decode(name: string, png: Buffer): PNGWithMetadata | string {
  try {
    return PNG.sync.read(png);
  } catch {
    return `${name} is geen geldig PNG-bestand`;
  }
}

/**
 * Problems with the icons, in Dutch; none for icons Teams accepts: the colour icon 192×192, the outline icon 32×32
 * with an alpha channel, every pixel white or (partly) transparent.
 */
export function iconProblems(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const colorPng = decode('color.png', color);
  if (typeof colorPng === 'string') problems.push(colorPng);
  else if (colorPng.width !== COLOR_ICON_SIZE || colorPng.height !== COLOR_ICON_SIZE)
    problems.push(`color.png moet ${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE} pixels zijn, niet ${colorPng.width}×${colorPng.height}`);

  const outlinePng = decode('outline.png', outline);
  if (typeof outlinePng === 'string') return [...problems, outlinePng];
  if (outlinePng.width !== OUTLINE_ICON_SIZE || outlinePng.height !== OUTLINE_ICON_SIZE)
    problems.push(`outline.png moet ${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE} pixels zijn, niet ${outlinePng.width}×${outlinePng.height}`);
  // pngjs expands every colour type to RGBA: whether the file itself carries alpha is in its header.
  if (!outlinePng.alpha) problems.push('outline.png moet een transparante achtergrond hebben (een alfakanaal)');
  const { data } = outlinePng;
  for (let i = 0; i < data.length; i += 4) {
    const visible = data[i + 3] !== 0;
    if (visible && (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255)) {
      problems.push('outline.png mag alleen witte en transparante pixels hebben');
      break;
    }
  }
  return problems;
}

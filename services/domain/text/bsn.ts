/**
 * Detection of BSN-shaped numbers in free text. A BSN is nine digits that pass the elfproef
 * (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11). The product never stores, logs or sends one, so every free-text
 * field refuses text that contains one. Digits may be written in groups ("123 456 782", "123.456.782").
 */
export function passesElfproef(nineDigits: string): boolean {
  if (!/^\d{9}$/.test(nineDigits) || /^0+$/.test(nineDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(nineDigits[i]);
  sum -= Number(nineDigits[8]);
  return sum % 11 === 0;
}

// Nine digits, optionally separated by single spaces, dots or dashes, not part of a longer digit run.
const CANDIDATE = /(?<![\d])\d(?:[ .\-]?\d){8}(?![\d])/g;

/** True when the text contains a number that could be a BSN. */
export function containsBsn(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    if (passesElfproef(match[0].replace(/[ .\-]/g, ''))) return true;
  }
  return false;
}

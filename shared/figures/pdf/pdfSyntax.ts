/** The few pieces of PDF syntax the writer spells out (ISO 32000-1 §7.3). */

export const PT_PER_MM = 72 / 25.4;

/** A number at 0.001 precision without trailing zeros ("12.5", "-0.001", "0"). */
export function num(n: number): string {
  const s = (Math.round(n * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** Millimetres as PDF points. */
export const pt = (mm: number): string => num(mm * PT_PER_MM);

/** A text string for the document information (UTF-16BE with BOM, as hex). */
export function textString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/** A 0…255 colour component as a PDF 0…1 value. */
export const unit = (c: number): string => num(Math.min(255, Math.max(0, c)) / 255);

/** Latin-1 text (everything the writer emits outside streams is ASCII) as bytes. */
export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export const ref = (id: number): string => `${id} 0 R`;

/**
 * A 53-bit fingerprint of a value's content, for telling in one pass whether something changed
 * since it was last looked at (a validated geometry, a record an undo step will delete). It
 * guards against our own mistakes, not against forgery: equal content gives equal fingerprints,
 * and an accidental difference collides with odds of about 2⁻⁵³.
 */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

export class Fingerprint {
  private h1 = 0x811c9dc5 | 0;
  private h2 = 0x9e3779b9 | 0;

  /** Mix one 32-bit word into both streams (FNV-1a and a multiply-xorshift with other constants). */
  word(w: number): void {
    this.h1 = Math.imul(this.h1 ^ w, 0x01000193);
    this.h2 = Math.imul(this.h2 ^ w, 0x5bd1e995);
    this.h2 ^= this.h2 >>> 15;
  }

  number(v: number): void {
    bits[0] = v;
    this.word(words[0]!);
    this.word(words[1]!);
  }

  /** The same as number(x) then number(y), in one step: the loop over millions of positions. */
  pair(x: number, y: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    bits[0] = x;
    h1 = Math.imul(h1 ^ words[0]!, 0x01000193);
    h2 = Math.imul(h2 ^ words[0]!, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    h1 = Math.imul(h1 ^ words[1]!, 0x01000193);
    h2 = Math.imul(h2 ^ words[1]!, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    bits[0] = y;
    h1 = Math.imul(h1 ^ words[0]!, 0x01000193);
    h2 = Math.imul(h2 ^ words[0]!, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    h1 = Math.imul(h1 ^ words[1]!, 0x01000193);
    h2 = Math.imul(h2 ^ words[1]!, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    this.h1 = h1;
    this.h2 = h2;
  }

  text(s: string): void {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  value(): number {
    return (this.h1 >>> 0) * 2 ** 21 + (this.h2 >>> 11);
  }
}

/** Mix nested arrays of numbers (positions, rings, parts) with their lengths; anything else marks. */
function mixCoordinates(print: Fingerprint, value: unknown): void {
  if (typeof value === 'number') {
    print.number(value);
    return;
  }
  if (!Array.isArray(value)) {
    print.word(0xdeadbeef);
    return;
  }
  print.word(value.length);
  if (value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
    print.pair(value[0], value[1]);
    return;
  }
  for (const item of value) mixCoordinates(print, item);
}

/** Fingerprint of a geometry: its type and every coordinate, in order, with the nesting. */
export function geometryFingerprint(geometry: unknown): number {
  const print = new Fingerprint();
  const { type, coordinates } = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  print.text(String(type));
  mixCoordinates(print, coordinates);
  return print.value();
}

/**
 * Fingerprint of a stored record (plain JSON-like data): its JSON text, with a zone's geometry
 * mixed in by geometryFingerprint rather than written out as text.
 */
export function recordFingerprint(record: object): number {
  const print = new Fingerprint();
  const { geometry, ...rest } = record as { geometry?: unknown };
  print.text(JSON.stringify(rest));
  if (geometry !== undefined) print.number(geometryFingerprint(geometry));
  return print.value();
}

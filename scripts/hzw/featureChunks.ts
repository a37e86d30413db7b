/**
 * Where a GeoJSON FeatureCollection's features lie in its bytes, found by one scan that tracks
 * strings and nesting and parses nothing, fed block by block straight from the disk. A large
 * file is then read a few thousand features at a time: each chunk is the file with only some of
 * its features — the bytes before and after the array kept (`crs`, `name`…) — so the readers see
 * an ordinary, smaller file.
 */
export interface FeatureRanges {
  /** Offset of the features array's `[` and of its `]`; the file's length. */
  open: number;
  close: number;
  length: number;
  /** Each feature's first byte and the byte after its last. */
  starts: number[];
  ends: number[];
  /** Arrays opened inside the features: at least one per position (a size hint for writers). */
  arrays: number;
}

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const FEATURES = [...'features'].map((c) => c.charCodeAt(0));
/** `features` with every letter escaped (\\u0066…) takes 48 bytes; a longer name is not it. */
const MAX_KEY_BYTES = 48;

/** Whether a member name's raw bytes (escapes undone when it has any) say `features`. */
function isFeatures(raw: readonly number[], escaped: boolean): boolean {
  if (raw.length > MAX_KEY_BYTES) return false;
  if (!escaped) return raw.length === FEATURES.length && raw.every((c, n) => c === FEATURES[n]);
  try {
    return JSON.parse(`"${String.fromCharCode(...raw)}"`) === 'features';
  } catch {
    return false;
  }
}

/**
 * The scan as a state machine over blocks. `ranges()` is null when the file is anything but a
 * top-level object with one `features` array of JSON values (a single Feature, no or several
 * `features` members, broken JSON): the whole-file reader then reads it, and says what is wrong.
 */
export class FeatureScanner {
  private at = 0;
  private broken = false;
  private started = false;
  private depth = 0;
  private inString = false;
  private escape = false;
  private key: number[] | null = null;
  private keyEscaped = false;
  private expectKey = false;
  private lastKeyIsFeatures = false;
  private afterColon = false;
  private open = -1;
  private close = -1;
  private elementStart = -1;
  private lastSolid = -1;
  private arrays = 0;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  feed(block: Uint8Array): void {
    for (let k = 0; k < block.length && !this.broken; k++) this.step(block[k]!, this.at + k);
    this.at += block.length;
  }

  private step(b: number, i: number): void {
    if (this.inString) {
      if (this.escape) this.escape = false;
      else if (b === 0x5c) {
        this.escape = true;
        if (this.key) this.keyEscaped = true;
      } else if (b === 0x22) {
        this.inString = false;
        if (this.key) this.lastKeyIsFeatures = isFeatures(this.key, this.keyEscaped);
        this.key = null;
        this.lastSolid = i;
        return;
      }
      if (this.key && this.key.length <= MAX_KEY_BYTES) this.key.push(b);
      return;
    }
    if (isSpace(b)) return;
    if (!this.started) {
      // A byte-order mark may come first; then the file must be an object.
      if (i < 3 && (b === 0xef || b === 0xbb || b === 0xbf)) return;
      if (b !== 0x7b) return void (this.broken = true);
      this.started = true;
    }
    const inArray = this.depth === 2 && this.open >= 0 && this.close < 0;
    if (inArray && (b === 0x2c || b === 0x5d)) {
      if (this.elementStart >= 0) {
        this.starts.push(this.elementStart);
        this.ends.push(this.lastSolid + 1);
        this.elementStart = -1;
      } else if (b === 0x2c || this.starts.length > 0) return void (this.broken = true);
      if (b === 0x5d) {
        this.close = i;
        this.depth--;
      }
      return;
    }
    if (inArray && this.elementStart < 0) this.elementStart = i;
    if (this.depth === 1 && this.afterColon && this.lastKeyIsFeatures && b !== 0x5b)
      return void (this.broken = true); // `features` is not an array
    this.afterColon = false;
    if (b === 0x22) {
      this.inString = true;
      if (this.depth === 1 && this.expectKey) {
        this.key = [];
        this.keyEscaped = false;
        this.expectKey = false;
      }
      return;
    }
    this.lastSolid = i;
    if (b === 0x7b || b === 0x5b) {
      if (b === 0x5b && this.depth >= 2 && this.open >= 0 && this.close < 0) this.arrays++;
      if (this.depth === 1 && b === 0x5b && this.lastKeyIsFeatures) {
        if (this.open >= 0) return void (this.broken = true); // JSON.parse would keep the last
        this.open = i;
      }
      this.depth++;
      if (this.depth === 1) this.expectKey = true;
    } else if (b === 0x7d || b === 0x5d) {
      if (--this.depth < 0) this.broken = true;
    } else if (this.depth === 1 && b === 0x2c) {
      this.expectKey = true;
      this.lastKeyIsFeatures = false;
    } else if (this.depth === 1 && b === 0x3a) this.afterColon = true;
  }

  ranges(): FeatureRanges | null {
    if (this.broken || this.inString || this.depth !== 0 || this.open < 0 || this.close < 0) return null;
    const { open, close, starts, ends, arrays } = this;
    return { open, close, length: this.at, starts, ends, arrays };
  }
}

/** The ranges of features in bytes held in memory (one block). */
export function featureRanges(bytes: Uint8Array): FeatureRanges | null {
  const scanner = new FeatureScanner();
  scanner.feed(bytes);
  return scanner.ranges();
}

/**
 * The file with only features [from, to): `read(start, end)` returns those bytes of the file.
 * The features stay as they are in the file, with whatever separates them.
 */
export async function chunkOf(
  read: (start: number, end: number) => Promise<Uint8Array> | Uint8Array,
  ranges: FeatureRanges,
  from: number,
  to: number,
): Promise<Uint8Array> {
  const before = await read(0, ranges.open + 1);
  const middle = to > from ? await read(ranges.starts[from]!, ranges.ends[to - 1]!) : new Uint8Array(0);
  const after = await read(ranges.close, ranges.length);
  const out = new Uint8Array(before.length + middle.length + after.length);
  out.set(before, 0);
  out.set(middle, before.length);
  out.set(after, before.length + middle.length);
  return out;
}

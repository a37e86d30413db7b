/**
 * A small reader for WKT1 as found in .prj files (ESRI and OGC flavours): nested
 * `NAME["text", 1.0, CHILD[...]]` nodes. Tolerant of whitespace, newlines, `(` `)` brackets and a
 * byte-order mark; anything else unexpected gives null (the caller reports an unknown CRS).
 */
export interface WktNode {
  name: string;
  /** Quoted texts and numbers in order, children separately. */
  values: (string | number)[];
  children: WktNode[];
}

const MAX_LENGTH = 64 * 1024;
const MAX_DEPTH = 16;

export function parseWkt(text: string): WktNode | null {
  const src = text.replace(/^\uFEFF/, '').trim();
  if (!src || src.length > MAX_LENGTH) return null;
  let i = 0;
  const skip = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const node = (depth: number): WktNode | null => {
    if (depth > MAX_DEPTH) return null;
    skip();
    const start = i;
    while (i < src.length && /[A-Za-z0-9_]/.test(src[i]!)) i++;
    const name = src.slice(start, i).toUpperCase();
    skip();
    if (!name) return null;
    const result: WktNode = { name, values: [], children: [] };
    if (src[i] !== '[' && src[i] !== '(') return result; // bare keyword such as NORTH
    const close = src[i] === '[' ? ']' : ')';
    i++;
    for (;;) {
      skip();
      const c = src[i];
      if (c === undefined) return null;
      if (c === close) {
        i++;
        return result;
      }
      if (c === '"') {
        const end = src.indexOf('"', i + 1);
        if (end < 0) return null;
        result.values.push(src.slice(i + 1, end));
        i = end + 1;
      } else if (/[-+.0-9]/.test(c)) {
        const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i, i + 40));
        if (!m) return null;
        result.values.push(Number(m[0]));
        i += m[0].length;
      } else {
        const child = node(depth + 1);
        if (!child) return null;
        if (child.values.length === 0 && child.children.length === 0) result.values.push(child.name);
        else result.children.push(child);
      }
      skip();
      if (src[i] === ',') i++;
    }
  };
  return node(0); // trailing bytes after the root (a second line, padding) are ignored
}

export function child(node: WktNode, name: string): WktNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function textOf(node: WktNode | undefined): string {
  const v = node?.values[0];
  return typeof v === 'string' ? v : '';
}

/** PARAMETER values by lower-case name ("false_easting" → 28500000). */
export function parametersOf(node: WktNode): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of node.children) {
    if (c.name !== 'PARAMETER') continue;
    const [key, value] = c.values;
    if (typeof key === 'string' && typeof value === 'number') out.set(key.toLowerCase(), value);
  }
  return out;
}

/** The EPSG code of an `AUTHORITY["EPSG","4490"]` child, or null. */
export function authorityCode(node: WktNode): number | null {
  const auth = child(node, 'AUTHORITY');
  if (!auth || String(auth.values[0]).toUpperCase() !== 'EPSG') return null;
  const code = Number(auth.values[1]);
  return Number.isInteger(code) ? code : null;
}

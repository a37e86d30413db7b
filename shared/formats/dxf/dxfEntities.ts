import type { Vec3 } from './dxfOcs';
import type { DxfPair } from './dxfText';

/**
 * Group-code pairs to the parts of a drawing the reader uses: entities of the ENTITIES section,
 * block definitions of the BLOCKS section, layer colours and the drawing units. POLYLINE
 * entities collect their VERTEX records and INSERT entities their ATTRIB records up to SEQEND,
 * so every entity arrives complete. Pairs after `101 Embedded Object` (an MTEXT copy inside an
 * ATTRIB) belong to no entity value and are dropped.
 */
export interface DxfEntity {
  type: string;
  /** The entity's own pairs, after its `0 TYPE` pair. */
  pairs: DxfPair[];
  /** For POLYLINE: each VERTEX's pairs. */
  vertices: DxfPair[][];
  /** For INSERT: its ATTRIB entities. */
  attribs: DxfEntity[];
}

export interface DxfBlock {
  name: string;
  /** Base point (groups 10/20/30): block coordinates are relative to it. */
  base: Vec3;
  entities: DxfEntity[];
}

export interface DxfDocument {
  entities: DxfEntity[];
  /** Block definitions by exact name. */
  blocks: Map<string, DxfBlock>;
  /** CAD layer name → ACI colour from the LAYER table. */
  layerColors: Map<string, number>;
  /** $INSUNITS (4 = mm, 5 = cm, 6 = m, …), null when absent. */
  insUnits: number | null;
}

export function groupDxf(pairs: readonly DxfPair[]): DxfDocument {
  const entities: DxfEntity[] = [];
  const blocks = new Map<string, DxfBlock>();
  const layerColors = new Map<string, number>();
  let insUnits: number | null = null;
  let section = '';
  let afterEndsec = false;
  let current: DxfEntity | null = null;
  let owner: DxfEntity | null = null; // a POLYLINE or INSERT collecting VERTEX/ATTRIB records
  let vertex: DxfPair[] | null = null;
  let embedded = false;
  let blockHeader: DxfPair[] | null = null;
  let block: DxfEntity[] | null = null;
  let layerEntry: DxfPair[] | null = null;
  const flushLayer = () => {
    if (!layerEntry) return;
    const name = valueOf(layerEntry, 2);
    const color = Number(valueOf(layerEntry, 62) ?? 7);
    if (name !== undefined) layerColors.set(name, Number.isFinite(color) ? Math.abs(color) : 7);
    layerEntry = null;
  };
  const flushBlockHeader = () => {
    if (!blockHeader || !block) return;
    const name = valueOf(blockHeader, 2) ?? valueOf(blockHeader, 3);
    const base: Vec3 = [numberOf(blockHeader, 10), numberOf(blockHeader, 20), numberOf(blockHeader, 30)];
    // External references (flag 4) carry no entities here.
    if (name !== undefined && !(numberOf(blockHeader, 70) & 4))
      blocks.set(name, { name, base, entities: block });
    blockHeader = null;
  };
  const target = () => (section === 'ENTITIES' ? entities : section === 'BLOCKS' ? block : null);
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    const { code, value } = pair;
    if (code !== 0) {
      if (afterEndsec && code === 2) section = value; // tolerate a missing `0 SECTION`
      afterEndsec = false;
      if (layerEntry) layerEntry.push(pair);
      else if (blockHeader) blockHeader.push(pair);
      else if (section === 'HEADER' && code === 9 && value === '$INSUNITS') {
        const n = Number(pairs[i + 1]?.value);
        insUnits = Number.isInteger(n) ? n : null;
      } else if (code === 101) embedded = true;
      else if (embedded) continue;
      else if (vertex) vertex.push(pair);
      else if (current) current.pairs.push(pair);
      continue;
    }
    flushLayer();
    flushBlockHeader();
    afterEndsec = false;
    embedded = false;
    vertex = null;
    if (value === 'SECTION' || value === 'ENDSEC' || value === 'EOF') {
      section = value === 'SECTION' && pairs[i + 1]?.code === 2 ? pairs[++i]!.value : '';
      afterEndsec = value === 'ENDSEC';
      current = owner = null;
      block = null;
      continue;
    }
    if (section === 'TABLES') {
      if (value === 'LAYER') layerEntry = [];
      continue;
    }
    if (section === 'BLOCKS' && value === 'BLOCK') {
      blockHeader = [];
      block = [];
      current = owner = null;
      continue;
    }
    if (section === 'BLOCKS' && value === 'ENDBLK') {
      block = null;
      current = owner = null;
      continue;
    }
    const list = target();
    if (!list) continue;
    if (owner?.type === 'POLYLINE' && value === 'VERTEX') {
      vertex = [];
      owner.vertices.push(vertex);
      current = null;
      continue;
    }
    if (owner?.type === 'INSERT' && value === 'ATTRIB') {
      current = { type: value, pairs: [], vertices: [], attribs: [] };
      owner.attribs.push(current);
      continue;
    }
    if (value === 'SEQEND') {
      current = owner = null;
      continue;
    }
    current = { type: value, pairs: [], vertices: [], attribs: [] };
    owner = value === 'POLYLINE' || value === 'INSERT' ? current : null;
    list.push(current);
  }
  flushLayer();
  flushBlockHeader();
  return { entities, blocks, layerColors, insUnits };
}

/** First value of a group code. */
export function valueOf(pairs: readonly DxfPair[], code: number): string | undefined {
  for (const p of pairs) if (p.code === code) return p.value;
  return undefined;
}

/** First value of a group code as a number, or the fallback when absent or not numeric. */
export function numberOf(pairs: readonly DxfPair[], code: number, fallback = 0): number {
  const v = valueOf(pairs, code);
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : fallback;
}

import type { DxfPair } from './dxfText';

/**
 * Group-code pairs to sections, layer-table colours and entities. POLYLINE entities collect their
 * VERTEX records up to SEQEND, so every entity arrives complete.
 */
export interface DxfEntity {
  type: string;
  /** The entity's own pairs, after its `0 TYPE` pair. */
  pairs: DxfPair[];
  /** For POLYLINE: each VERTEX's pairs. */
  vertices: DxfPair[][];
}

export interface DxfDocument {
  entities: DxfEntity[];
  /** CAD layer name → ACI colour from the LAYER table. */
  layerColors: Map<string, number>;
}

export function groupDxf(pairs: readonly DxfPair[]): DxfDocument {
  const entities: DxfEntity[] = [];
  const layerColors = new Map<string, number>();
  let section = '';
  let current: DxfEntity | null = null;
  let polyline: DxfEntity | null = null;
  let layerEntry: DxfPair[] | null = null;
  const flushLayer = () => {
    if (!layerEntry) return;
    const name = layerEntry.find((p) => p.code === 2)?.value;
    const color = Number(layerEntry.find((p) => p.code === 62)?.value ?? 7);
    if (name !== undefined) layerColors.set(name, Math.abs(color));
    layerEntry = null;
  };
  for (let i = 0; i < pairs.length; i++) {
    const { code, value } = pairs[i]!;
    if (code === 0) {
      flushLayer();
      if (value === 'SECTION') {
        section = pairs[i + 1]?.code === 2 ? pairs[i + 1]!.value : '';
        current = null;
        i++;
        continue;
      }
      if (value === 'ENDSEC') {
        section = '';
        current = null;
        polyline = null;
        continue;
      }
      if (section === 'TABLES' && value === 'LAYER') layerEntry = [];
      if (section !== 'ENTITIES') continue;
      if (value === 'VERTEX' && polyline) {
        current = null;
        polyline.vertices.push([]);
        continue;
      }
      if (value === 'SEQEND') {
        polyline = null;
        current = null;
        continue;
      }
      current = { type: value, pairs: [], vertices: [] };
      polyline = value === 'POLYLINE' ? current : null;
      entities.push(current);
      continue;
    }
    if (layerEntry) layerEntry.push(pairs[i]!);
    else if (section === 'ENTITIES') {
      if (polyline && polyline.vertices.length && !current) polyline.vertices.at(-1)!.push(pairs[i]!);
      else if (current) current.pairs.push(pairs[i]!);
    }
  }
  flushLayer();
  return { entities, layerColors };
}

/** First value of a group code, or the fallback. */
export function valueOf(pairs: readonly DxfPair[], code: number): string | undefined {
  return pairs.find((p) => p.code === code)?.value;
}

export function numberOf(pairs: readonly DxfPair[], code: number, fallback = 0): number {
  const v = valueOf(pairs, code);
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : fallback;
}

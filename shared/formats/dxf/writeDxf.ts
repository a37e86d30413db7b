import { DEFAULT_SYMBOLS } from '../../domain/symbology';
import { ZONE_TYPE_LABELS, type ZoneType } from '../../domain/taxonomy';
import { resolveZoneType } from '../geojson/zoneTypeNames';
import { FormatError, fileProblem } from '../formatError';
import { getProperty, type Coordinates, type Layer, type LayerFeature, type WriteOptions } from '../layer';
import { encodeText, UnencodableTextError } from '../text/encoding';
import { nearestAci } from './aci';
import { buildSkeleton, HandleCounter, type CadLayerDef, type Pair } from './dxfSkeleton';
import { num, openRing, pointPairs, polygonPartPairs, polylinePairs, textPairs } from './dxfWriteEntities';

/**
 * Projected layers to DXF, one CAD layer per zone type named by its Chinese label (保护范围,
 * 建设控制地带, …) in the zone type's colour; features without a known `zone_type` keep their
 * `layer` property or go to layer 0. Each polygon part is a HATCH with one closed LWPOLYLINE per
 * ring as its associative boundary (dxfWriteEntities.ts), so a zone with holes comes back whole in
 * GDAL and in our reader, and CAD users still edit plain polylines. Lines are open LWPOLYLINEs,
 * points POINTs. `gbk` (default) writes R2000 (AC1015) with $DWGCODEPAGE ANSI_936, characters
 * outside GBK as \U+XXXX; `utf-8` writes R2007 (AC1021), which is UTF-8 by definition whatever the
 * code page (ANSI_1252 is written; AC1021+ readers ignore it). GDAL decodes by $DWGCODEPAGE even in AC1021
 * files, so GDAL users open the UTF-8 file with DXF_ENCODING=UTF-8 (docs/formats.md). Coordinates
 * are written as given (the caller projects).
 */
export interface DxfWriteOptions extends WriteOptions {
  /** Label every vertex J1, J2, … (per feature, across its rings) with a TEXT on layer 界址点号. */
  vertexLabels?: boolean;
  /** Height of the vertex labels, drawing units (metres); default 2. */
  textHeight?: number;
}

export const VERTEX_LABEL_LAYER = '界址点号';
const FORBIDDEN_LAYER_CHARACTERS = /[<>/\\":;?*|=`]/g;

function cadLayerOf(feature: LayerFeature): { name: string; type: ZoneType | null } {
  const type = resolveZoneType(getProperty(feature.properties, 'zone_type'));
  if (type) return { name: ZONE_TYPE_LABELS[type].zh, type };
  const own = getProperty(feature.properties, 'layer');
  const name = typeof own === 'string' ? own.replace(FORBIDDEN_LAYER_CHARACTERS, '_').trim() : '';
  return { name: name || '0', type: null };
}

function encodeValue(text: string, encoding: 'gbk' | 'utf-8'): Uint8Array {
  if (encoding === 'utf-8') return encodeText(text, 'utf-8');
  try {
    return encodeText(text, 'gbk');
  } catch (error) {
    if (!(error instanceof UnencodableTextError)) throw error;
    // DXF's own escape for a character the code page lacks.
    const escaped = [...text]
      .map((ch) => {
        try {
          encodeText(ch, 'gbk');
          return ch;
        } catch {
          return `\\U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        }
      })
      .join('');
    return encodeText(escaped, 'gbk');
  }
}

export function writeDxfBytes(layers: readonly Layer[], options: DxfWriteOptions = {}): Uint8Array {
  for (const layer of layers) {
    if (layer.epsg === 4326 || layer.epsg === 4490) {
      throw new FormatError(layer.name, [
        fileProblem('epsg', {
          zh: 'DXF 须用投影坐标（高斯-克吕格，米）；请先选择投影带',
          en: 'DXF needs projected coordinates (Gauss-Krüger, metres); choose the zone first',
        }),
      ]);
    }
  }
  const encoding = options.encoding ?? 'gbk';
  const textHeight = options.textHeight ?? 2;
  const h = new HandleCounter();
  const cadLayers = new Map<string, CadLayerDef>();
  const features = layers.flatMap((l) => l.features);
  for (const f of features) {
    const { name, type } = cadLayerOf(f);
    if (!cadLayers.has(name) && name !== '0')
      cadLayers.set(name, { name, color: type ? nearestAci(DEFAULT_SYMBOLS[type].stroke) : 7 });
  }
  if (options.vertexLabels) cadLayers.set(VERTEX_LABEL_LAYER, { name: VERTEX_LABEL_LAYER, color: 7 });
  const skeleton = buildSkeleton(h, [...cadLayers.values()]);
  const owner = skeleton.modelSpace;
  const entities: Pair[] = [];
  const extent = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (p: Coordinates) => {
    extent[0] = Math.min(extent[0]!, p[0]!);
    extent[1] = Math.min(extent[1]!, p[1]!);
    extent[2] = Math.max(extent[2]!, p[0]!);
    extent[3] = Math.max(extent[3]!, p[1]!);
  };
  features.forEach((feature, index) => {
    const g = feature.geometry;
    if (!g) return;
    const layer = cadLayerOf(feature).name;
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const lines =
      g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    const points = g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [];
    for (const rings of parts) {
      rings.forEach((ring) => ring.forEach(grow));
      entities.push(...polygonPartPairs(rings, layer, owner, index + 1, h));
    }
    for (const line of lines) {
      line.forEach(grow);
      entities.push(...polylinePairs(line, false, layer, h.take(), owner));
    }
    for (const p of points) {
      grow(p);
      entities.push(...pointPairs(p, layer, h.take(), owner));
    }
    if (!options.vertexLabels) return;
    let label = 0;
    for (const ring of [...parts.flat(), ...lines])
      for (const p of openRing(ring))
        entities.push(...textPairs(p, `J${++label}`, textHeight, VERTEX_LABEL_LAYER, h.take(), owner));
  });
  if (!Number.isFinite(extent[0]!)) extent.splice(0, 4, 0, 0, 0, 0);
  const header: Pair[] = [
    [9, '$ACADVER'],
    [1, encoding === 'utf-8' ? 'AC1021' : 'AC1015'],
    [9, '$DWGCODEPAGE'],
    [3, encoding === 'utf-8' ? 'ANSI_1252' : 'ANSI_936'],
    [9, '$INSBASE'],
    [10, 0],
    [20, 0],
    [30, 0],
    [9, '$EXTMIN'],
    [10, num(extent[0]!)],
    [20, num(extent[1]!)],
    [30, 0],
    [9, '$EXTMAX'],
    [10, num(extent[2]!)],
    [20, num(extent[3]!)],
    [30, 0],
    [9, '$INSUNITS'],
    [70, 6],
    [9, '$HANDSEED'],
    [5, h.seed()],
  ];
  const section = (name: string, body: Pair[]): Pair[] => [[0, 'SECTION'], [2, name], ...body, [0, 'ENDSEC']];
  const all: Pair[] = [
    ...section('HEADER', header),
    ...section('TABLES', skeleton.tables),
    ...section('BLOCKS', skeleton.blocks),
    ...section('ENTITIES', entities),
    ...section('OBJECTS', skeleton.objects),
    [0, 'EOF'],
  ];
  const text = all.map(([code, value]) => `${String(code).padStart(3, ' ')}\r\n${value}\r\n`).join('');
  // Only names and labels can be non-ASCII; encode the whole text once.
  return encodeValue(text, encoding);
}

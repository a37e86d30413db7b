import { DEFAULT_SYMBOLS } from '../../domain/symbology';
import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../domain/taxonomy';
import { resolveZoneType } from '../geojson/zoneTypeNames';
import { FormatError, fileProblem } from '../formatError';
import { escapeMarkup } from '../text/markup';
import {
  getProperty,
  type Coordinates,
  type FieldDef,
  type Layer,
  type LayerFeature,
  type LayerGeometry,
} from '../layer';

/**
 * Layers to one KML 2.2 document on WGS84: a Folder per zone type (Chinese label; features whose
 * `zone_type` is missing or unknown go to “其他 Other”), a Style per zone type with the map colours,
 * every attribute in ExtendedData/SchemaData typed by one Schema, polygons with their holes.
 */
const DECIMALS = 9;
const OTHER = { zh: '其他', en: 'Other' };

/** CSS #rrggbb[aa] to KML aabbggrr. */
export function kmlColor(css: string, alpha?: number): string {
  const hex = css.replace('#', '');
  const rr = hex.slice(0, 2);
  const gg = hex.slice(2, 4);
  const bb = hex.slice(4, 6);
  const aa =
    alpha !== undefined
      ? Math.round(alpha * 255)
          .toString(16)
          .padStart(2, '0')
      : hex.slice(6, 8) || 'ff';
  return `${aa}${bb}${gg}${rr}`.toLowerCase();
}

const position = (p: Coordinates) =>
  p
    .slice(0, 3)
    .map((v) => Number(v.toFixed(DECIMALS)).toString())
    .join(',');

function ringSign(ring: Coordinates[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.sign(sum);
}

/** Outer rings counter-clockwise and holes clockwise, as KML recommends; rings closed. */
function ringXml(ring: Coordinates[], outer: boolean): string {
  const closed =
    ring.length && (ring[0]![0] !== ring.at(-1)![0] || ring[0]![1] !== ring.at(-1)![1])
      ? [...ring, ring[0]!]
      : ring;
  const wanted = outer ? 1 : -1;
  const oriented = ringSign(closed) === -wanted ? [...closed].reverse() : closed;
  return `<LinearRing><coordinates>${oriented.map(position).join(' ')}</coordinates></LinearRing>`;
}

function polygonXml(rings: Coordinates[][]): string {
  const [outer, ...holes] = rings;
  if (!outer) return '';
  return `<Polygon><outerBoundaryIs>${ringXml(outer, true)}</outerBoundaryIs>${holes
    .map((h) => `<innerBoundaryIs>${ringXml(h, false)}</innerBoundaryIs>`)
    .join('')}</Polygon>`;
}

function geometryXml(g: LayerGeometry | null): string {
  if (!g) return '';
  const line = (c: Coordinates[]) =>
    `<LineString><coordinates>${c.map(position).join(' ')}</coordinates></LineString>`;
  const point = (c: Coordinates) => `<Point><coordinates>${position(c)}</coordinates></Point>`;
  switch (g.type) {
    case 'Polygon':
      return polygonXml(g.coordinates);
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygonXml).join('')}</MultiGeometry>`;
    case 'LineString':
      return line(g.coordinates);
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map(line).join('')}</MultiGeometry>`;
    case 'Point':
      return point(g.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map(point).join('')}</MultiGeometry>`;
  }
}

const SCHEMA_TYPE: Record<FieldDef['type'], string> = {
  string: 'string',
  integer: 'int',
  real: 'double',
  boolean: 'bool',
  date: 'string',
};

function styleXml(type: ZoneType): string {
  const s = DEFAULT_SYMBOLS[type];
  return (
    `<Style id="${type}"><LineStyle><color>${kmlColor(s.stroke)}</color><width>${s.strokeWidth}</width></LineStyle>` +
    `<PolyStyle><color>${kmlColor(s.stroke, 0.25)}</color></PolyStyle></Style>`
  );
}

function placemarkXml(feature: LayerFeature, fields: readonly FieldDef[], type: ZoneType | null): string {
  const text = (name: string) => {
    const v = getProperty(feature.properties, name);
    return v === null || v === undefined ? '' : String(v);
  };
  const data = fields
    .map((f) => {
      const v = getProperty(feature.properties, f.name);
      if (v === null || v === undefined) return '';
      // xsd:boolean allows 1/0 as well as true/false; GDAL reads bool fields as integers, so only
      // 1/0 survive it ('true' would become 0).
      const shown = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
      return `<SimpleData name="${escapeMarkup(f.name)}">${escapeMarkup(shown)}</SimpleData>`;
    })
    .join('');
  const name = text('name') || text('object_name');
  return (
    `<Placemark>${name ? `<name>${escapeMarkup(name)}</name>` : ''}` +
    `${text('description') ? `<description>${escapeMarkup(text('description'))}</description>` : ''}` +
    `${type ? `<styleUrl>#${type}</styleUrl>` : ''}` +
    `<ExtendedData><SchemaData schemaUrl="#hzw">${data}</SchemaData></ExtendedData>` +
    `${geometryXml(feature.geometry)}</Placemark>`
  );
}

/** Union of the layers' fields, first declaration wins, `name`/`description` left to KML's own tags. */
function unionFields(layers: readonly Layer[]): FieldDef[] {
  const seen = new Map<string, FieldDef>();
  for (const layer of layers) for (const f of layer.fields) if (!seen.has(f.name)) seen.set(f.name, f);
  for (const layer of layers)
    for (const feature of layer.features)
      for (const name of Object.keys(feature.properties))
        if (!seen.has(name)) seen.set(name, { name, type: 'string' });
  return [...seen.values()].filter((f) => f.name !== 'name' && f.name !== 'description');
}

export function writeKmlText(layers: readonly Layer[], documentName = 'Heritage zones 文物保护区划'): string {
  for (const layer of layers) {
    if (layer.epsg !== null && layer.epsg !== 4326 && layer.epsg !== 4490) {
      throw new FormatError(layer.name, [
        fileProblem('epsg', {
          zh: `KML 只能写经纬度（EPSG:4326/4490），图层为 EPSG:${layer.epsg}`,
          en: `KML holds lon/lat only (EPSG:4326/4490); the layer is EPSG:${layer.epsg}`,
        }),
      ]);
    }
  }
  const fields = unionFields(layers);
  const groups = new Map<ZoneType | null, LayerFeature[]>();
  for (const layer of layers) {
    for (const feature of layer.features) {
      const type = resolveZoneType(getProperty(feature.properties, 'zone_type'));
      groups.set(type, [...(groups.get(type) ?? []), feature]);
    }
  }
  const order: (ZoneType | null)[] = [
    ...ZONE_TYPES.filter((t) => groups.has(t)),
    ...(groups.has(null) ? [null] : []),
  ];
  const folders = order.map((type) => {
    const label = type ? ZONE_TYPE_LABELS[type] : OTHER;
    const body = groups
      .get(type)!
      .map((f) => placemarkXml(f, fields, type))
      .join('\n');
    return `<Folder><name>${escapeMarkup(label.zh)}</name><description>${escapeMarkup(label.en)}</description>\n${body}\n</Folder>`;
  });
  const schema = `<Schema name="hzw" id="hzw">${fields
    .map((f) => `<SimpleField name="${escapeMarkup(f.name)}" type="${SCHEMA_TYPE[f.type]}"/>`)
    .join('')}</Schema>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    `<Document><name>${escapeMarkup(documentName)}</name>`,
    ZONE_TYPES.filter((t) => groups.has(t))
      .map(styleXml)
      .join('\n'),
    schema,
    ...folders,
    '</Document>',
    '</kml>',
    '',
  ].join('\n');
}

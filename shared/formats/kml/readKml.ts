import { XMLParser } from 'fast-xml-parser';
import type { Bilingual } from '../../domain/labels';
import { listNotes } from '../featureNotes';
import { FormatError, fileProblem, type InputProblem } from '../formatError';
import {
  createProperties,
  setProperty,
  type FieldDef,
  type FieldType,
  type FieldValue,
  type Layer,
  type LayerFeature,
  type ReadResult,
} from '../layer';
import { GeometryFault, isNode, listOf, placemarkGeometry, textOf, type XmlNode } from './kmlGeometry';
import { DEFAULT_MAX_KML_BYTES, kmlText, markupText } from './kmlText';

/**
 * KML 2.2 documents to one layer: every Placemark of every Document and Folder (walked with an
 * explicit stack), its name, description and ExtendedData as attributes, plus `folder`, the path
 * of folder names it sits in. The only importer of fast-xml-parser.
 */
const ARRAY_TAGS = new Set([
  'Document',
  'Folder',
  'Placemark',
  'Data',
  'SchemaData',
  'SimpleData',
  'Schema',
  'SimpleField',
  'Polygon',
  'LineString',
  'LinearRing',
  'Point',
  'MultiGeometry',
  'innerBoundaryIs',
  'outerBoundaryIs',
  'Track',
  'MultiTrack',
  'coord',
]);

/** Deepest element nesting accepted; KML from real tools stays far below. */
const MAX_NESTING = 256;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  maxNestedTags: MAX_NESTING,
  isArray: (name) => ARRAY_TAGS.has(name),
  // A description may hold XHTML elements: its raw content is kept and read by markupText.
  stopNodes: ['*.description'],
});

const SCHEMA_TYPES: Record<string, FieldType> = {
  int: 'integer',
  uint: 'integer',
  short: 'integer',
  ushort: 'integer',
  float: 'real',
  double: 'real',
  bool: 'boolean',
  string: 'string',
};

function typedValue(text: string, type: FieldType): FieldValue {
  if (type === 'string') return text;
  if (text === '') return null;
  if (type === 'boolean') return /^(1|true)$/i.test(text);
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Declared SimpleField types of every Schema, by schema id and field name. */
function schemaTypes(root: XmlNode): Map<string, FieldType> {
  const types = new Map<string, FieldType>();
  const stack: XmlNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const schema of listOf(node.Schema)) {
      if (!isNode(schema)) continue;
      const id = String(schema['@_id'] ?? schema['@_name'] ?? '');
      for (const field of listOf(schema.SimpleField)) {
        if (!isNode(field)) continue;
        const type = SCHEMA_TYPES[String(field['@_type'] ?? 'string').toLowerCase()] ?? 'string';
        types.set(`${id}\u0000${String(field['@_name'] ?? '')}`, type);
      }
    }
    for (const child of [...listOf(node.Document), ...listOf(node.Folder)])
      if (isNode(child)) stack.push(child);
  }
  return types;
}

interface Container {
  node: XmlNode;
  path: string[];
}

function parse(file: string, text: string): XmlNode {
  try {
    const parsed: unknown = parser.parse(text, true);
    const kml = isNode(parsed) ? parsed.kml : undefined;
    if (!isNode(kml)) throw new Error('no <kml> root element');
    return kml;
  } catch (error) {
    throw new FormatError(file, [
      fileProblem('xml', {
        zh: `不是有效的 KML：${error instanceof Error ? error.message : String(error)}`,
        en: `Not valid KML: ${error instanceof Error ? error.message : String(error)}`,
      }),
    ]);
  }
}

/** How a placemark is named in notes: its position in the file and its name. */
function placemarkLabel(index: number, name: string): Bilingual {
  return {
    zh: `第 ${index + 1} 个地标${name ? `“${name}”` : ''}`,
    en: `placemark ${index + 1}${name ? ` “${name}”` : ''}`,
  };
}

export interface KmlReadLimits {
  maxBytes?: number;
}

export function readKmlText(file: string, bytes: Uint8Array, limits: KmlReadLimits = {}): ReadResult {
  const kml = parse(file, kmlText(file, bytes, limits.maxBytes ?? DEFAULT_MAX_KML_BYTES));
  const types = schemaTypes(kml);
  const fields: FieldDef[] = [];
  const known = new Map<string, FieldType>();
  const addField = (name: string, type: FieldType) => {
    if (known.has(name)) return;
    known.set(name, type);
    fields.push({ name, type });
  };
  ['name', 'description', 'folder'].forEach((n) => addField(n, 'string'));

  const features: LayerFeature[] = [];
  const problems: InputProblem[] = [];
  const warnings: Bilingual[] = [];
  const notes: Bilingual[] = [];
  let dropped = 0;
  let extraValues = 0;
  let index = 0;
  const rootDocument = listOf(kml.Document).find(isNode);
  const layerName = rootDocument ? textOf(rootDocument.name) : '';
  const stack: Container[] = [{ node: kml, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    for (const placemark of listOf(node.Placemark)) {
      const at = index++;
      if (!isNode(placemark)) continue;
      const properties = createProperties();
      setProperty(properties, 'name', textOf(placemark.name));
      setProperty(properties, 'description', markupText(textOf(placemark.description)));
      setProperty(properties, 'folder', path.join('/'));
      const extended = listOf(placemark.ExtendedData).find(isNode);
      for (const data of extended ? listOf(extended.Data) : []) {
        if (!isNode(data) || typeof data['@_name'] !== 'string') continue;
        addField(data['@_name'], 'string');
        setProperty(properties, data['@_name'], textOf(data.value));
      }
      for (const schemaData of extended ? listOf(extended.SchemaData) : []) {
        if (!isNode(schemaData)) continue;
        const schema = String(schemaData['@_schemaUrl'] ?? '').replace(/^.*#/, '');
        for (const simple of listOf(schemaData.SimpleData)) {
          if (!isNode(simple) || typeof simple['@_name'] !== 'string') continue;
          const type = types.get(`${schema}\u0000${simple['@_name']}`) ?? 'string';
          addField(simple['@_name'], type);
          setProperty(properties, simple['@_name'], typedValue(textOf(simple), known.get(simple['@_name'])!));
        }
      }
      try {
        const result = placemarkGeometry(placemark);
        dropped += result.dropped;
        extraValues += result.extraValues;
        const label = placemarkLabel(at, textOf(placemark.name));
        for (const note of result.notes)
          notes.push({ zh: `${label.zh}：${note.zh}`, en: `${label.en}: ${note.en}` });
        features.push({ geometry: result.geometry, properties });
      } catch (error) {
        if (!(error instanceof GeometryFault)) throw error;
        const name = textOf(placemark.name);
        problems.push({
          index: at,
          field: 'geometry',
          reason: {
            zh: `地标${name ? `“${name}”` : ''}：${error.reason.zh}`,
            en: `placemark${name ? ` “${name}”` : ''}: ${error.reason.en}`,
          },
        });
      }
    }
    const children = [...listOf(node.Document), ...listOf(node.Folder)].filter(isNode);
    for (const child of children.reverse()) {
      const own = node === kml && child === rootDocument ? [] : [textOf(child.name) || '—'];
      stack.push({ node: child, path: [...path, ...own] });
    }
  }
  warnings.push(...listNotes(notes));
  if (extraValues) {
    warnings.push({
      zh: `${extraValues} 个坐标多于三个数（经度,纬度,高程），多出的数已忽略（与 GDAL 相同）`,
      en: `${extraValues} coordinates had more than three numbers (lon,lat,alt); the extra ones were ignored, as GDAL does`,
    });
  }
  if (dropped) {
    warnings.push({
      zh: `${dropped} 个几何部分与同一地标的其他部分类型不同（面优先），未导入`,
      en: `${dropped} geometry parts differ in type from the rest of their placemark (polygons win) and were left out`,
    });
  }
  const layer: Layer = {
    name: layerName || file.replace(/\.km[lz]$/i, ''),
    epsg: 4326,
    fields,
    features,
  };
  return {
    layers: [layer],
    problems,
    info: {
      format: 'kml',
      encoding: { used: 'utf-8', source: 'fixed', candidates: [] },
      crs: {
        epsg: 4326,
        source: 'fixed',
        note: { zh: 'KML 坐标固定为 WGS84 经纬度', en: 'KML coordinates are always WGS84 lon/lat' },
      },
      warnings,
    },
  };
}

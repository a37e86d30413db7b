import type { CrsEvidence } from '../../crs/evidence';
import type { Bilingual } from '../../domain/labels';
import type { InputProblem } from '../formatError';
import { listNotes } from '../featureNotes';
import {
  createProperties,
  type Layer,
  type LayerFeature,
  type Progress,
  type ReadInfo,
  type ReadOptions,
  type ReadResult,
  type NamedBytes,
} from '../layer';
import { decodeText } from '../text/encoding';
import { readDbf, type DbfContents } from './dbfRead';
import { shapefileSets, type ShapefileSet } from './shapefileSets';
import { readShp } from './shpRead';
import type { ZipLimits } from '../zip/zip';

export interface ShapefileReadOptions extends ReadOptions {
  /** Caps for zipped input (default: readZip's, 1 GB inflated). */
  zipLimits?: ZipLimits;
}

/**
 * Read one or more Shapefiles (loose files or zips) into layers, one per .shp, coordinates in
 * the file's own CRS. A record whose geometry is damaged is refused on its own and listed in
 * `problems` with file, record number and reason; the other records are kept. The .prj is
 * reported as evidence; shared/crs/resolveCrs.ts decides the system.
 */
function evidenceOf(set: ShapefileSet): CrsEvidence {
  return set.prj ? { definition: { text: decodeText(set.prj.bytes, 'utf-8'), from: '.prj' } } : {};
}

function recordProblem(file: string, index: number, field: string, reason: Bilingual): InputProblem {
  return {
    index,
    field,
    reason: {
      zh: `${file} 第 ${index + 1} 条记录：${reason.zh}`,
      en: `${file} record ${index + 1}: ${reason.en}`,
    },
  };
}

interface LayerRead {
  layer: Layer;
  problems: InputProblem[];
  encoding?: DbfContents['encoding'];
}

/** A .dbf without its .shp: the attribute table alone, as GDAL opens it. */
function readTable(
  set: ShapefileSet & { dbf: NamedBytes },
  options: ReadOptions,
  warnings: Bilingual[],
): LayerRead {
  if (set.shx || set.prj) {
    warnings.push({
      zh: `${set.name}：缺少 .shp，只读取了属性表（.dbf）`,
      en: `${set.name}: the .shp is missing; only the attribute table (.dbf) was read`,
    });
  }
  const dbf = readDbf(set.dbf.name, set.dbf.bytes, {
    encoding: options.encoding,
    cpg: set.cpg ? decodeText(set.cpg.bytes, 'utf-8') : undefined,
    warnings,
  });
  const features: LayerFeature[] = [];
  for (const record of dbf.records) if (record) features.push({ geometry: null, properties: record });
  return {
    layer: { name: set.name, epsg: null, fields: dbf.fields, features, attributeTable: true },
    problems: [],
    encoding: dbf.encoding,
  };
}

function readSet(set: ShapefileSet, options: ReadOptions, warnings: Bilingual[]): LayerRead {
  if (!set.shp) return readTable(set as ShapefileSet & { dbf: NamedBytes }, options, warnings);
  const shpName = set.shp.name;
  const shp = readShp(shpName, set.shp.bytes, set.shx?.bytes);
  warnings.push(...shp.warnings);
  const dbfName = set.dbf?.name ?? `${set.path}.dbf`;
  const dbf = set.dbf
    ? readDbf(dbfName, set.dbf.bytes, {
        encoding: options.encoding,
        cpg: set.cpg ? decodeText(set.cpg.bytes, 'utf-8') : undefined,
        warnings,
      })
    : null;
  if (!dbf) {
    warnings.push({
      zh: `${set.name}：缺少 .dbf，要素没有属性`,
      en: `${set.name}: the .dbf is missing, so features have no attributes`,
    });
  }
  if (dbf && dbf.records.length !== shp.shapes.length) {
    warnings.push({
      zh: `${set.name}：.shp 有 ${shp.shapes.length} 条记录，.dbf 有 ${dbf.records.length} 条；多出的记录被忽略`,
      en: `${set.name}: the .shp has ${shp.shapes.length} records and the .dbf ${dbf.records.length}; the extra ones are ignored`,
    });
  }
  const problems: InputProblem[] = [];
  const features: LayerFeature[] = [];
  const notes: Bilingual[] = [];
  for (let i = 0; i < shp.shapes.length; i++) {
    const shape = shp.shapes[i]!;
    if ('problem' in shape) {
      problems.push(recordProblem(shpName, i, 'geometry', shape.problem));
      continue;
    }
    if (shape.note) notes.push(recordProblem(shpName, i, 'geometry', shape.note).reason);
    let properties = createProperties();
    if (dbf) {
      if (i >= dbf.records.length) {
        problems.push(
          recordProblem(dbfName, i, 'properties', {
            zh: `.dbf 中没有对应的属性记录（.dbf 只有 ${dbf.records.length} 条）`,
            en: `no attribute record in the .dbf (it holds only ${dbf.records.length})`,
          }),
        );
        continue;
      }
      const record = dbf.records[i];
      if (record === null) continue; // deleted in the .dbf, skipped as GDAL does
      properties = record!;
    }
    features.push({ geometry: shape.geometry, properties });
  }
  warnings.push(...listNotes(notes));
  return {
    layer: { name: set.name, epsg: null, evidence: evidenceOf(set), fields: dbf?.fields ?? [], features },
    problems,
    encoding: dbf?.encoding,
  };
}

export function readShapefile(
  files: readonly NamedBytes[],
  options: ShapefileReadOptions = {},
  progress?: Progress,
): ReadResult {
  const sets = shapefileSets(files, options.zipLimits);
  const warnings: Bilingual[] = [];
  const reads: LayerRead[] = [];
  for (let i = 0; i < sets.length; i++) {
    reads.push(readSet(sets[i]!, options, warnings));
    progress?.((i + 1) / sets.length);
  }
  const encodings = new Set(reads.map((r) => r.encoding?.used).filter(Boolean));
  if (encodings.size > 1) {
    warnings.push({
      zh: `各图层编码不同：${[...encodings].join('、')}`,
      en: `The layers use different encodings: ${[...encodings].join(', ')}`,
    });
  }
  const info: ReadInfo = { format: 'shapefile', warnings };
  const encoding = reads.find((r) => r.encoding)?.encoding;
  if (encoding) info.encoding = encoding;
  return { layers: reads.map((r) => r.layer), problems: reads.flatMap((r) => r.problems), info };
}

import type { Bilingual } from '../domain/labels';
import { FormatError, fileProblem } from '../formats/formatError';
import type { Layer, NamedBytes } from '../formats/layer';
import { layerToLonLat } from '../formats/mapping/crsOfLayer';
import { readFiles } from '../formats/registry';
import { packReferenceLayer, type ReferenceLayerData } from './overlapsReferenceLayer';

export interface ReadReferenceInput {
  files: NamedBytes[];
  meta: Pick<ReferenceLayerData, 'id' | 'projectId' | 'kind' | 'gkZone' | 'createdAt'> & { name?: string };
  /** Source CRS override (files without .prj). */
  epsg?: number;
}

export interface ReadReferenceOutput {
  layer: ReferenceLayerData;
  /** Features without polygons (points, lines, empty geometry), not kept. */
  skipped: number;
  warnings: Bilingual[];
}

/**
 * Read any polygon file the registry knows (GeoJSON, Shapefile, GeoPackage, KML, DXF…) as one
 * read-only reference layer: every layer of every file, reprojected to lon/lat, then packed for
 * the project's Gauss-Krüger zone. A file with no polygon at all is refused.
 */
export async function readReferenceLayer(
  input: ReadReferenceInput,
  progress: (fraction: number) => void = () => {},
): Promise<ReadReferenceOutput> {
  const reads = await readFiles(input.files, { ...(input.epsg ? { epsg: input.epsg } : {}) }, (f) =>
    progress(f * 0.5),
  );
  const fileName = input.files.map((f) => f.name).join(', ');
  const warnings: Bilingual[] = [];
  const features: Layer['features'] = [];
  const fields = new Map<string, Layer['fields'][number]>();
  for (const read of reads) {
    if (read.kind !== 'layers') {
      throw new FormatError(read.fileName, [
        fileProblem('file', {
          zh: '项目文件不能作为参考图层',
          en: 'A project file cannot be a reference layer',
        }),
      ]);
    }
    warnings.push(...read.result.info.warnings);
    for (const layer of read.result.layers) {
      const converted = layerToLonLat(layer, read.fileName, {
        gkZone: input.meta.gkZone,
        ...(input.epsg ? { epsg: input.epsg } : {}),
      });
      warnings.push(...converted.warnings);
      // A farmland layer holds 100 000+ features: spreading them as arguments overflows the stack.
      for (const f of converted.layer.features) features.push(f);
      for (const f of converted.layer.fields) if (!fields.has(f.name)) fields.set(f.name, f);
    }
  }
  const name = input.meta.name ?? input.files[0]?.name.replace(/\.[^.]*$/, '') ?? 'reference';
  const merged: Layer = { name, epsg: 4490, fields: [...fields.values()], features };
  const { layer, skipped } = packReferenceLayer(merged, { ...input.meta, name, sourceFile: fileName }, (f) =>
    progress(0.5 + f * 0.5),
  );
  if (layer.featureCount === 0) {
    throw new FormatError(fileName, [
      fileProblem('geometry', { zh: '文件中没有面要素', en: 'The file holds no polygon features' }),
    ]);
  }
  progress(1);
  return { layer, skipped, warnings };
}

import type { Bilingual } from '../../domain/labels';
import type { FieldDef, FieldType, Layer, LayerFeature } from '../layer';
import { safeFileName } from '../safeFileName';
import { ShpWriter, type ShapeKind } from './shpWrite';
import {
  checkCoordinates,
  kindOf,
  layerColumns,
  prjWarning,
  setFiles,
  type ShapefileWriteOptions,
  type ShapefileWriteResult,
} from './writeShapefile';

/** The input needs what only the whole-layer writer does (several geometry types): use it. */
export class NotStreamable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotStreamable';
  }
}

/**
 * One layer written as a shapefile set while it is read in batches (`hzw convert` of a large
 * file): each batch's geometries go straight into the .shp, only the attributes are kept for the
 * .dbf, whose column widths need every value. The files are those writeShapefile writes for the
 * whole layer — the same fields in the same order, each typed by its first value that is not null
 * — for a layer of one geometry type; another type throws NotStreamable.
 */
export class ShapefileStream {
  private first: Layer | null = null;
  /** Fields in the order they first appear; the type is null while every value seen is null. */
  private readonly fields = new Map<string, FieldDef & { known: boolean }>();
  private readonly records: LayerFeature[] = [];
  private readonly shp: ShpWriter;
  private kind: ShapeKind | null = null;

  /** `shpCapacity`: the most bytes the .shp will take, when the caller can tell (ShpWriter). */
  constructor(private readonly options: ShapefileWriteOptions & { shpCapacity?: number } = {}) {
    this.shp = new ShpWriter(null, options.shpCapacity ?? 0);
  }

  private get base(): string {
    return safeFileName(this.options.baseName ?? this.first?.name ?? 'layer');
  }

  /** Add the next batch of the layer (same layer: its name and CRS are the first batch's). */
  add(layer: Layer): void {
    this.first ??= layer;
    for (const field of layer.fields) {
      const known = layer.features.some((f) => {
        const v = Object.hasOwn(f.properties, field.name) ? f.properties[field.name] : null;
        return v !== null && v !== undefined;
      });
      const seen = this.fields.get(field.name);
      if (!seen) this.fields.set(field.name, { ...field, known });
      else if (!seen.known && known) this.fields.set(field.name, { ...field, known });
    }
    for (const feature of layer.features) {
      if (!feature.geometry) continue;
      const kind = kindOf(feature.geometry);
      if (this.kind === null) this.kind = this.shp.kind = kind;
      else if (kind !== this.kind) throw new NotStreamable(`${this.kind} and ${kind} in one layer`);
    }
    checkCoordinates(`${this.base}.shp`, layer.features, this.records.length);
    this.shp.add(layer.features.map((f) => f.geometry));
    for (const f of layer.features) this.records.push({ geometry: null, properties: f.properties });
  }

  /** The set's files; `epsg` (known once the first batch is placed) wins over the options'. */
  finish(epsg = this.options.epsg): ShapefileWriteResult {
    const encoding = this.options.encoding ?? 'utf-8';
    const fields: FieldDef[] = [...this.fields.values()].map(({ known, ...f }) => ({
      ...f,
      type: (known ? f.type : 'string') as FieldType,
    }));
    const layer: Layer = {
      name: this.first?.name ?? 'layer',
      epsg: this.first?.epsg ?? null,
      fields,
      features: this.records,
    };
    const columns = layerColumns(layer, encoding);
    const crs = epsg ?? layer.epsg;
    const warnings: Bilingual[] = [];
    const noPrj = prjWarning(layer, crs);
    if (noPrj) warnings.push(noPrj);
    const parts = { layer, fields: columns.fields, columns: columns.columns, epsg: crs, encoding };
    const longText = this.options.longText ?? 'cut';
    const set = setFiles(this.base, { ...parts, longText }, this.records, this.shp.finish());
    return { files: set.files, renamed: columns.renamed, warnings: [...warnings, ...set.warnings] };
  }
}

import { safeFileName } from '../safeFileName';
import type { Bilingual } from '../../domain/labels';
import type { Layer, NamedBytes, Progress, ReadOptions, ReadResult, WriteOptions } from '../layer';
import { readGeoPackage } from './readGeoPackage';
import { writeGeoPackage } from './writeGeoPackage';

/**
 * A FormatAdapter whose read and write return promises: formats backed by WebAssembly (sql.js)
 * initialise asynchronously. Same shape as FormatAdapter in shared/formats/layer.ts otherwise.
 */
export interface AsyncFormatAdapter<
  R extends ReadOptions = ReadOptions,
  W extends WriteOptions = WriteOptions,
> {
  id: string;
  label: Bilingual;
  extensions: readonly string[];
  read?(files: readonly NamedBytes[], options: R, progress: Progress): Promise<ReadResult>;
  write?(layers: readonly Layer[], options: W, progress: Progress): Promise<NamedBytes[]>;
}

export const geopackageAdapter: AsyncFormatAdapter = {
  id: 'geopackage',
  label: { zh: 'GeoPackage', en: 'GeoPackage' },
  extensions: ['gpkg'],
  async read(files, options, progress) {
    const file = files.find((f) => f.name.toLowerCase().endsWith('.gpkg')) ?? files[0];
    if (!file) return { layers: [], problems: [], info: { format: 'geopackage', warnings: [] } };
    return readGeoPackage(file.bytes, file.name, options, progress);
  },
  async write(layers, options, progress) {
    const bytes = await writeGeoPackage(layers, {}, progress);
    return [
      { name: `${safeFileName(options.baseName ?? layers[0]?.name ?? 'export', 'export')}.gpkg`, bytes },
    ];
  },
};

import type { FormatAdapter } from '../layer';
import { readShapefile, type ShapefileReadOptions } from './readShapefile';
import { writeShapefile } from './writeShapefile';
import { withLongText } from './longText';

/**
 * Shapefile behind the common adapter interface. `read` takes loose .shp/.shx/.dbf/.prj/.cpg
 * files or zips of them; `write` returns the loose files (zip them with writeShapefileZip).
 * Use writeShapefile directly to learn which field names were shortened. A loose
 * `<base>_long.csv` beside a set (the registry opens zips) gives back texts its .dbf had to cut.
 */
export const shapefileAdapter: FormatAdapter<ShapefileReadOptions> = {
  id: 'shapefile',
  label: { zh: 'Shapefile（.shp）', en: 'Shapefile (.shp)' },
  extensions: ['shp', 'zip', 'shx', 'dbf', 'prj', 'cpg'],
  read: (files, options, progress) => withLongText(readShapefile(files, options, progress), files),
  write: (layers, options, progress) => {
    const { files } = writeShapefile(layers, options);
    progress(1);
    return files;
  },
};

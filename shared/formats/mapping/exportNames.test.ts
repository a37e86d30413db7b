import { describe, expect, it } from 'vitest';
import { buildWusuSample } from '../../sample/buildSample';
import type { ExportFormatId } from './types';
import { writeExport } from './writeExport';

/**
 * The app names exported files after the project (its settings name), which a project file from
 * another office sets: every name the export suggests is a plain file name.
 */
describe('export file names from the project name', () => {
  const sample = buildWusuSample();
  const hostile = [
    '../../../../tmp/x',
    'C:\\Windows\\x',
    'CON',
    'aux.txt',
    '\u001b]0;t\u0007',
    '..',
    '乌苏'.repeat(100),
  ];
  const formats: ExportFormatId[] = ['geojson', 'shapefile', 'geopackage', 'kml', 'dxf'];

  it.each(formats)('%s', async (format) => {
    for (const name of hostile) {
      const document = { ...sample, settings: { ...sample.settings, name } };
      const out = await writeExport({ document, options: { format, profile: 'full', zip: false } });
      for (const file of out.files) {
        expect(file.name, name).not.toMatch(/[/\\\p{Cc}]|^\.|^(con|aux)(\.|$)/iu);
        expect(new TextEncoder().encode(file.name).length).toBeLessThanOrEqual(255);
      }
    }
  });
});

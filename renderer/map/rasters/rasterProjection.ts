import { get as getProjection } from 'ol/proj';
import { register } from 'ol/proj/proj4';
import type { BackgroundCrs } from '../../../shared/domain/backgrounds';
import { defineCrs, proj4WithBundledDefinitions } from '../../../shared/crs/proj4Registry';
import { registerProjections } from '../projections';

/**
 * The OpenLayers projection code of a background's coordinate system: a bundled EPSG code as-is
 * (EPSG:4516 …), a definition under its `HZW:<hash>` code after registering it with proj4 (through
 * shared/crs, proj4's one owner) and handing proj4 to OpenLayers again. Null when OpenLayers
 * cannot know the system (an EPSG code that is not bundled).
 */
export function projectionCode(crs: BackgroundCrs): string | null {
  registerProjections();
  if ('epsg' in crs) {
    const code = `EPSG:${crs.epsg}`;
    return getProjection(code) ? code : null;
  }
  const code = defineCrs(crs.definition);
  if (!getProjection(code)) register(proj4WithBundledDefinitions());
  return getProjection(code) ? code : null;
}

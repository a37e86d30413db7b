import { register } from 'ol/proj/proj4';
import { get as getProjection } from 'ol/proj';
import { proj4WithBundledDefinitions } from '../../shared/crs/proj4Registry';

/**
 * Teach OpenLayers the coordinate systems of Chinese plan data (EPSG:4490, 4491–4554, UTM) from
 * the bundled definitions — never fetched over the network.
 */
export function registerProjections(): void {
  if (getProjection('EPSG:4516')) return;
  register(proj4WithBundledDefinitions());
}

import {
  addCoordinateTransforms,
  addEquivalentProjections,
  addProjection,
  createSafeCoordinateTransform,
  get as getProjection,
} from 'ol/proj';
import { get as knownTransform } from 'ol/proj/transforms';
import Projection from 'ol/proj/Projection';
import type { Units } from 'ol/proj/Units';
import { proj4WithBundledDefinitions } from '../../shared/crs/proj4Registry';

interface Converter {
  forward(c: number[]): number[];
  inverse(c: number[]): number[];
}

/** Systems every other one is connected to at once: the map's, and the geographic ones. */
const HUBS = ['EPSG:3857', 'EPSG:4326', 'EPSG:4490'];

const registered = new Set<string>();
const connected = new Set<string>(HUBS);

/**
 * Teach OpenLayers the coordinate systems of Chinese plan data (EPSG:4490, 4491–4554, UTM, and the
 * definitions of files registered since under `HZW:` codes) from the bundled definitions — never
 * fetched over the network.
 *
 * Not OpenLayers' `register(proj4)`: that builds a proj4 converter for every pair of the ~390
 * bundled codes (150 000 pairs; seconds of the page's thread when a project opened). Here every
 * system is connected to the hubs (Web Mercator, WGS84, CGCS2000) at once and to any other system
 * only when one of the two is connected (`connectProjection`: a background's own system, a
 * figure's Gauss-Krüger view); each pair's converter is made on its first use.
 */
export function registerProjections(): void {
  const proj4 = proj4WithBundledDefinitions();
  const codes = Object.keys(proj4.defs);
  if (codes.length === registered.size) return;
  const fresh = codes.filter((code) => !registered.has(code));
  for (const code of fresh) {
    registered.add(code);
    if (getProjection(code)) continue;
    const def = proj4.defs(code) as { axis?: string; to_meter?: number; units?: string; projName?: string };
    const units = (def.units ?? (def.projName === 'longlat' ? 'degrees' : undefined)) as Units | undefined;
    addProjection(
      new Projection({
        code,
        ...(def.axis ? { axisOrientation: def.axis } : {}),
        ...(def.to_meter ? { metersPerUnit: def.to_meter } : {}),
        ...(units ? { units } : {}),
      }),
    );
  }
  for (const code of fresh) for (const other of connected) pair(code, other);
}

/**
 * Make OpenLayers able to transform between this system and every other one it knows: call it
 * for each system a layer's data or a view is in, so any layer can be drawn in any view.
 */
export function connectProjection(code: string): void {
  registerProjections();
  if (connected.has(code) || !registered.has(code)) return;
  connected.add(code);
  for (const other of registered) pair(code, other);
}

/** Both directions between two systems, with one proj4 converter made when first used. */
function pair(code1: string, code2: string): void {
  if (code1 === code2 || knownTransform(code1, code2)) return;
  const proj4 = proj4WithBundledDefinitions();
  const proj1 = getProjection(code1);
  const proj2 = getProjection(code2);
  if (!proj1 || !proj2) return;
  if (proj4.defs(code1) === proj4.defs(code2)) return addEquivalentProjections([proj1, proj2]);
  let converter: Converter | null = null;
  const convert = () => (converter ??= proj4(code1, code2) as Converter);
  addCoordinateTransforms(
    proj1,
    proj2,
    createSafeCoordinateTransform(proj1, proj2, (c) => convert().forward(c)),
    createSafeCoordinateTransform(proj2, proj1, (c) => convert().inverse(c)),
  );
}

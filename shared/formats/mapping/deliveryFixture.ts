import type { Position, Ring, ZoneGeometry } from '../../domain/geometry';
import type { ProjectSettingsInput } from '../../domain/schema';
import { testObject, testZone } from '../coordinateTable/testZones';
import type { ProjectDocument } from '../projectDocument';

/** Test support: an axis-aligned square ring near Wusu, counter-clockwise, `d` degrees wide. */
export function squareAt(lon: number, lat: number, d: number): Ring {
  return [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ];
}

/** The same square with a thin spike on its north edge (tip angle about 1.7°). */
function squareWithSpike(lon: number, lat: number, d: number): Ring {
  const mid = lon + d / 2;
  const tip: Position = [mid, lat + d + 0.003];
  return [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [mid + 0.00005, lat + d],
    tip,
    [mid - 0.00005, lat + d],
    [lon, lat + d],
    [lon, lat],
  ];
}

const polygon = (ring: Ring): ZoneGeometry => ({ type: 'Polygon', coordinates: [ring] });

export interface DeliveryOptions {
  settings?: Partial<ProjectSettingsInput>;
  /** Give the construction-control zone a spike (a QC finding). */
  spike?: boolean;
}

/**
 * What a county delivery holds: a relic unit (body, a protection range in two parts, a
 * construction-control zone) and a historic district (core range, purple line), in zone 28.
 */
export function deliveryDocument(options: DeliveryOptions = {}): ProjectDocument {
  const [lon, lat] = [84.67, 44.42];
  const temple = testObject('o-temple', { name: '巴音沟承化寺' });
  const street = testObject('o-street', { name: '乌苏老街', objectType: 'historic_district' });
  const ccz = options.spike ? squareWithSpike(lon, lat, 0.006) : squareAt(lon, lat, 0.006);
  return {
    settings: { name: '乌苏交付', xzqdm: '654202', xzqmc: '乌苏市', gkZone: 28, ...options.settings },
    objects: [temple, street],
    zones: [
      testZone('z-body', temple.id, polygon(squareAt(lon + 0.002, lat + 0.002, 0.0005)), {
        zoneType: 'body',
      }),
      testZone('z-range', temple.id, {
        type: 'MultiPolygon',
        coordinates: [
          [squareAt(lon + 0.0015, lat + 0.0015, 0.0015)],
          [squareAt(lon + 0.004, lat + 0.004, 0.001)],
        ],
      }),
      testZone('z-ccz', temple.id, polygon(ccz), { zoneType: 'construction_control_zone' }),
      testZone('z-core', street.id, polygon(squareAt(lon + 0.02, lat, 0.002)), {
        zoneType: 'core_protection_range',
      }),
      testZone('z-purple', street.id, polygon(squareAt(lon + 0.0195, lat - 0.0005, 0.003)), {
        zoneType: 'purple_line',
      }),
    ],
  };
}

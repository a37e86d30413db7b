import Feature from 'ol/Feature';
import Polygon from 'ol/geom/Polygon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../shared/domain/symbology';
import { LABEL_PROPERTY, zoneStyleFunction } from './zoneStyles';

/** A square zone `side` metres wide (map units), labelled. */
const zone = (side: number) => {
  const feature = new Feature(
    new Polygon([
      [
        [0, 0],
        [side, 0],
        [side, side],
        [0, side],
        [0, 0],
      ],
    ]),
  );
  feature.set(LABEL_PROPERTY, '古城墙\n保护范围');
  return feature;
};

describe('zone styles at overview scale', () => {
  // A hatched type and a dashed one.
  it.each(['protection_range', 'construction_control_zone'] as const)(
    'draws a %s a few pixels wide in its colours only: no hatching, dashes or label',
    (type) => {
      const symbol = DEFAULT_SYMBOLS[type];
      expect(symbol.hatch !== null || symbol.dash !== null).toBe(true);
      const style = zoneStyleFunction(type);
      // 150 m at 13 m/pixel: about 11 pixels, as 10 000 zones are at the fitted overview.
      const styles = style(zone(150), 13);
      expect(styles).toHaveLength(1);
      expect(styles[0]!.getText()).toBeNull();
      expect(styles[0]!.getFill()!.getColor()).toBe(symbol.fill);
      expect(styles[0]!.getStroke()!.getColor()).toBe(symbol.stroke);
      expect(styles[0]!.getStroke()!.getLineDash()).toBeNull();
    },
  );
});

import { describe, expect, it } from 'vitest';
import type { LayerGeometry } from '../layer';
import { ShpWriter, writeShp } from './shpWrite';

const square = (x: number, size: number): LayerGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 44],
      [x + size, 44],
      [x + size, 44 + size],
      [x, 44 + size],
      [x, 44],
    ],
  ],
});

describe('the .shp written in batches', () => {
  const geometries = Array.from({ length: 50 }, (_, i) =>
    i % 7 === 3 ? null : square(84 + i * 0.01, 0.001 * i),
  );
  const whole = writeShp('polygon', geometries);
  const batches = (writer: ShpWriter) => {
    for (let i = 0; i < geometries.length; i += 8) writer.add(geometries.slice(i, i + 8));
    return writer.finish();
  };

  it('is byte for byte the file written at once, in parts, in one buffer, or outgrowing it', () => {
    expect(batches(new ShpWriter('polygon'))).toEqual(whole);
    expect(batches(new ShpWriter('polygon', whole.shp.length))).toEqual(whole);
    expect(batches(new ShpWriter('polygon', whole.shp.length + 4096))).toEqual(whole);
    expect(batches(new ShpWriter('polygon', 1000))).toEqual(whole);
    expect(batches(new ShpWriter('polygon', Math.floor(whole.shp.length / 2)))).toEqual(whole);
  });

  it('takes its kind from the first geometry when nulls come first', () => {
    const writer = new ShpWriter(null);
    writer.add([null, null]);
    writer.kind = 'polygon';
    writer.add([square(84, 0.01)]);
    expect(writer.finish()).toEqual(writeShp('polygon', [null, null, square(84, 0.01)]));
  });
});

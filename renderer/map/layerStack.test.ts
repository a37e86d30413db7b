import Layer from 'ol/layer/Layer';
import { describe, expect, it } from 'vitest';
import { LayerListPrefsSchema } from '../../shared/domain/backgrounds';
import {
  applyLayerStack,
  layerOrder,
  LISTED_BOTTOM,
  LISTED_TOP,
  listedLayers,
  moveInOrder,
  orderWithNew,
  ZONES_Z,
} from './layerStack';

const backgrounds = [
  { id: 'dom', createdAt: '2026-01-01' },
  { id: 'cad', createdAt: '2026-01-03' },
];
const references = [
  { id: 'farm', createdAt: '2026-01-02' },
  { id: 'red', createdAt: '2026-01-04' },
];

describe('layer stack', () => {
  it('lists new layers newest first, control lines above backgrounds, stored order kept', () => {
    const listed = listedLayers(backgrounds, references);
    expect(layerOrder([], listed)).toEqual(['red', 'farm', 'cad', 'dom']);
    // A stored order wins; a removed id is dropped, a layer it does not know yet is placed by group.
    expect(layerOrder(['dom', 'gone', 'farm', 'cad', 'dom'], listed)).toEqual(['red', 'dom', 'farm', 'cad']);
  });

  it('puts a new background above the other backgrounds and below the reference layers', () => {
    const listed = [...listedLayers(backgrounds, references), { id: 'new', group: 'background' as const }];
    expect(orderWithNew(['red', 'farm', 'cad', 'dom'], listed, 'new')).toEqual([
      'red',
      'farm',
      'new',
      'cad',
      'dom',
    ]);
    expect(orderWithNew(['red'], listed, 'new')).toEqual(['red', 'new']);
  });

  it('moves a row up and down, clamped at the ends', () => {
    const order = ['a', 'b', 'c'];
    expect(moveInOrder(order, 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(order, 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(order, 'a', 5)).toEqual(['b', 'c', 'a']);
  });

  it('stacks the list between the basemap and the zones, top row highest, with opacity and visibility', () => {
    const layers = ['a', 'b', 'c'].map((id) => ({ id, layer: new Layer({}) }));
    const prefs = LayerListPrefsSchema.parse({ opacity: { b: 0.25 } });
    applyLayerStack(['c', 'a', 'b'], [{ ...layers[0]!, visible: false }, layers[1]!, layers[2]!], prefs);
    const z = (i: number) => layers[i]!.layer.getZIndex()!;
    expect(z(2)).toBeGreaterThan(z(0));
    expect(z(0)).toBeGreaterThan(z(1));
    for (const i of [0, 1, 2]) {
      expect(z(i)).toBeGreaterThan(LISTED_BOTTOM);
      expect(z(i)).toBeLessThan(Math.min(LISTED_TOP, ZONES_Z));
    }
    expect(layers[1]!.layer.getOpacity()).toBe(0.25);
    expect(layers[2]!.layer.getOpacity()).toBe(1);
    expect(layers[0]!.layer.getVisible()).toBe(false);
    // A reference layer's visibility (no `visible` given) is left to its owner.
    expect(layers[1]!.layer.getVisible()).toBe(true);
  });
});

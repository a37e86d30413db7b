import { describe, expect, it } from 'vitest';
import { buildBoxIndex, openBoxIndex } from './spatialIndex';

describe('box index', () => {
  const boxes = [0, 0, 10, 10, 20, 20, 30, 30, 5, 5, 25, 25];
  it('finds the boxes a query touches, by insertion index', () => {
    const index = buildBoxIndex(boxes);
    expect(index.search([9, 9, 11, 11]).sort()).toEqual([0, 2]);
    expect(index.search([26, 26, 40, 40])).toEqual([1]);
    expect(index.search([40, 40, 50, 50])).toEqual([]);
  });
  it('reopens from its data and handles an empty set', () => {
    const copy = openBoxIndex(buildBoxIndex(boxes).data.slice(0));
    expect(copy.search([10, 10, 10, 10]).sort()).toEqual([0, 2]);
    expect(buildBoxIndex([]).search([0, 0, 1, 1])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ProtectedObject } from '../../shared/domain/schema';
import { objectMatches } from './objectMatches';

const object = (id: string, name: string) => ({ id, attributes: { name } }) as unknown as ProtectedObject;
const names = (list: ProtectedObject[]) => list.map((o) => o.attributes.name);

describe('objectMatches', () => {
  const objects = [
    object('a', '巴音沟承化寺'),
    object('b', '清代乌苏古城墙'),
    object('c', 'Wusu Old Town Wall'),
    object('d', '白杨沟镇安集海村'),
  ];

  it('lists the names containing what was typed, in either case, ends trimmed', () => {
    expect(names(objectMatches(objects, ' wall ', 'c').listed)).toEqual(['Wusu Old Town Wall']);
    expect(names(objectMatches(objects, '沟', 'a').listed)).toEqual(['巴音沟承化寺', '白杨沟镇安集海村']);
    expect(objectMatches(objects, '沟', 'a')).toMatchObject({ matching: 2, chosenMatches: true });
  });

  it('keeps the chosen object listed, first, when it does not match', () => {
    const found = objectMatches(objects, '城墙', 'a');
    expect(names(found.listed)).toEqual(['巴音沟承化寺', '清代乌苏古城墙']);
    expect(found).toMatchObject({ matching: 1, more: 0, chosenMatches: false });
    expect(found.firstMatch?.id).toBe('b');
  });

  it('lists at most the limit of 10 000 objects, and says how many match', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => object(`o${i}`, `对象${i}`));
    const all = objectMatches(many, '', 'o0');
    expect(all.listed).toHaveLength(200);
    expect(all).toMatchObject({ matching: 10_000, more: 9_800 });
    const narrowed = objectMatches(many, '对象99', 'o9999');
    // 对象99, 对象990–对象999, 对象9900–对象9999: 111 names.
    expect(narrowed.matching).toBe(111);
    expect(names(narrowed.listed)[0]).toBe('对象99');
    expect(narrowed.listed).toHaveLength(111);
  });
});

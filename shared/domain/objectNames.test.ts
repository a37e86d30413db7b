import { describe, expect, it } from 'vitest';
import { ObjectAttributesSchema, type ProtectedObject } from './schema';
import { duplicateNameWarning, sameNamedObjects } from './objectNames';

const object = (id: string, name: string, address = ''): ProtectedObject => ({
  id,
  projectId: 'p',
  attributes: ObjectAttributesSchema.parse({ name, objectType: 'relic_unit', address }),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('same-named protected objects', () => {
  const objects = [object('a', '关帝庙', '古城乡'), object('b', 'Guandi Temple'), object('c', '娘娘庙')];

  it('match across full-width forms, whitespace and case, but not other names', () => {
    expect(sameNamedObjects(objects, '　关帝 庙 ').map((o) => o.id)).toEqual(['a']);
    expect(sameNamedObjects(objects, 'ＧＵＡＮＤＩ temple').map((o) => o.id)).toEqual(['b']);
    expect(sameNamedObjects(objects, '关帝庙东')).toEqual([]);
    expect(sameNamedObjects(objects, '  ')).toEqual([]);
  });

  it('leave out the object being renamed', () => {
    expect(sameNamedObjects(objects, '关帝庙', 'a')).toEqual([]);
  });

  it('are named in a bilingual warning with where the others are', () => {
    const create = duplicateNameWarning('关帝庙', [objects[0]!], 'create');
    expect(create.zh).toContain('已有同名保护对象“关帝庙”（古城乡）');
    expect(create.en).toContain('(古城乡)');
    expect(create.en).toContain('Create anyway');
    // No full-width punctuation of our own in English (the address is the planner's text).
    expect(create.en.replace('古城乡', '')).not.toMatch(/[（），；。]/);
    const rename = duplicateNameWarning('Guandi Temple', [objects[1]!], 'rename');
    expect(rename.zh).toContain('未填写地址');
    expect(rename.en).toBe(
      'Renamed to “Guandi Temple”; another object in this project has the same name (no address given). If it is the same site, undo.',
    );
  });
});

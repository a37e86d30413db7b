import { describe, expect, it } from 'vitest';
import { ObjectAttributesSchema, ZoneAttributesSchema } from '../../../shared/domain/schema';
import { fieldModels } from './fieldModel';

describe('forms derived from the domain schema', () => {
  const zone = fieldModels(ZoneAttributesSchema.shape);
  const byKey = new Map(zone.map((f) => [f.key, f]));

  it('offers every zone type with its Chinese and English label', () => {
    const zoneType = byKey.get('zoneType');
    expect(zoneType?.kind).toBe('select');
    if (zoneType?.kind !== 'select') return;
    expect(zoneType.nullable).toBe(false);
    expect(zoneType.options.find((o) => o.value === 'construction_control_zone')?.label).toEqual({
      zh: '建设控制地带',
      en: 'Construction-control zone',
    });
  });

  it('renders the CCZ class as an optional numeric choice and heights as numbers', () => {
    expect(byKey.get('cczClass')).toMatchObject({ kind: 'select', nullable: true, numeric: true });
    expect(byKey.get('heightLimitM')).toMatchObject({ kind: 'number', nullable: true, integer: false });
    expect(byKey.get('heightLimitStoreys')).toMatchObject({ kind: 'number', integer: true });
    expect(byKey.get('boundaryText')).toMatchObject({ kind: 'text', meta: { multiline: true } });
  });

  it('nests approval and provenance as groups and keeps version read-only', () => {
    const approval = byKey.get('approval');
    expect(approval?.kind).toBe('group');
    if (approval?.kind === 'group')
      expect(approval.fields.map((f) => f.key)).toEqual(['authority', 'documentNo', 'date']);
    expect(byKey.get('version')?.kind).toBe('readonly');
  });

  it('gives objects a multi-choice of designations', () => {
    const object = fieldModels(ObjectAttributesSchema.shape);
    expect(object.find((f) => f.key === 'designations')?.kind).toBe('multiselect');
    expect(object.find((f) => f.key === 'level')).toMatchObject({ kind: 'select', nullable: true });
  });
});

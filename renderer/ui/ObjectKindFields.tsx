import type { Lang } from '../../shared/domain/labels';
import {
  OBJECT_TYPES,
  OBJECT_TYPE_LABELS,
  PROTECTION_LEVELS,
  PROTECTION_LEVEL_LABELS,
  type ObjectType,
  type ProtectionLevel,
} from '../../shared/domain/taxonomy';

/** The object type and protection level of a new protected object (new-object and assign dialogs). */
export function ObjectKindFields({
  idPrefix,
  lang,
  objectType,
  level,
  onObjectType,
  onLevel,
}: {
  idPrefix: string;
  lang: Lang;
  objectType: ObjectType;
  level: ProtectionLevel | '';
  onObjectType(type: ObjectType): void;
  onLevel(level: ProtectionLevel | ''): void;
}) {
  return (
    <>
      <label htmlFor={`${idPrefix}-type`}>{lang === 'zh' ? '对象类型' : 'Object type'}</label>
      <select
        id={`${idPrefix}-type`}
        value={objectType}
        onChange={(e) => onObjectType(e.target.value as ObjectType)}
      >
        {OBJECT_TYPES.map((type) => (
          <option key={type} value={type}>
            {OBJECT_TYPE_LABELS[type][lang]}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-level`}>{lang === 'zh' ? '保护级别' : 'Protection level'}</label>
      <select
        id={`${idPrefix}-level`}
        value={level}
        onChange={(e) => onLevel(e.target.value as ProtectionLevel | '')}
      >
        <option value="">{lang === 'zh' ? '（无）' : '(none)'}</option>
        {PROTECTION_LEVELS.map((l) => (
          <option key={l} value={l}>
            {PROTECTION_LEVEL_LABELS[l][lang]}
          </option>
        ))}
      </select>
    </>
  );
}

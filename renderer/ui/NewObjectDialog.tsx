import { useState, type FormEvent } from 'react';
import type { Bilingual } from '../../shared/domain/labels';
import { duplicateNameWarning, sameNamedObjects } from '../../shared/domain/objectNames';
import {
  RELIC_CATEGORIES,
  RELIC_CATEGORY_LABELS,
  ZONE_FAMILIES,
  familyOf,
  type ObjectType,
  type ProtectionLevel,
  type RelicCategory,
} from '../../shared/domain/taxonomy';
import { createObject } from '../editor/commands/objectCommands';
import { useLang } from './hooks/useLang';
import { useModalDialog } from './hooks/useModalDialog';
import { useWorkbench } from './hooks/useWorkbench';
import { ObjectKindFields } from './ObjectKindFields';

/**
 * Create a protected object; it becomes the selection, so the next zone drawn belongs to it. A name
 * the project already has is warned about first (objectNames.ts); "Create anyway" goes ahead.
 */
export function NewObjectDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const dialog = useModalDialog(open);
  const [name, setName] = useState('');
  const [objectType, setObjectType] = useState<ObjectType>('relic_unit');
  const [level, setLevel] = useState<ProtectionLevel | ''>('county');
  const [category, setCategory] = useState<RelicCategory | ''>('');
  const [error, setError] = useState<string | null>(null);
  // Shown after a submit whose name the project already has; the next submit creates anyway.
  const [duplicate, setDuplicate] = useState<Bilingual | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(lang === 'zh' ? '名称不能为空' : 'A name is required');
      return;
    }
    if (!duplicate) {
      const others = sameNamedObjects(await workbench.store.read.objectsOfProject(workbench.projectId), name);
      if (others.length > 0) {
        setDuplicate(duplicateNameWarning(name.trim(), others, 'create'));
        return;
      }
    }
    const isRelic = objectType === 'relic_unit';
    const command = createObject(workbench.projectId, {
      name: name.trim(),
      objectType,
      level: level || null,
      category: isRelic && category ? category : null,
    });
    if (!(await workbench.run(command))) return;
    const family = familyOf(objectType);
    workbench.select({ zoneIds: [], objectId: command.id });
    if (family) workbench.state.set({ drawZoneType: ZONE_FAMILIES[family][family === 'place' ? 0 : 1]! });
    setName('');
    setError(null);
    setDuplicate(null);
    onClose();
  };

  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="new-object-title">
      <form method="dialog" onSubmit={(e) => void submit(e)}>
        <h2 id="new-object-title">{t('newObject')}</h2>
        <label htmlFor="new-object-name">{lang === 'zh' ? '名称' : 'Name'}</label>
        <input
          id="new-object-name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setDuplicate(null);
          }}
          aria-invalid={error ? true : undefined}
          autoFocus
        />
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
        {duplicate && (
          <div className="field-warning" role="alert">
            {duplicate[lang]}
          </div>
        )}
        <ObjectKindFields
          idPrefix="new-object"
          lang={lang}
          objectType={objectType}
          level={level}
          onObjectType={setObjectType}
          onLevel={setLevel}
        />
        {objectType === 'relic_unit' && (
          <>
            <label htmlFor="new-object-category">{lang === 'zh' ? '文物类别' : 'Relic category'}</label>
            <select
              id="new-object-category"
              value={category}
              onChange={(e) => setCategory(e.target.value as RelicCategory | '')}
            >
              <option value="">{lang === 'zh' ? '（无）' : '(none)'}</option>
              {RELIC_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {RELIC_CATEGORY_LABELS[c][lang]}
                </option>
              ))}
            </select>
          </>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit">
            {duplicate ? (lang === 'zh' ? '仍然创建' : 'Create anyway') : t('create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

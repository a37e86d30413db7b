import { useState, type FormEvent } from 'react';
import {
  ZONE_TYPES,
  ZONE_TYPE_LABELS,
  type ObjectType,
  type ProtectionLevel,
  type ZoneType,
} from '../../shared/domain/taxonomy';
import { assignKeptSketch, postponeAssigning } from '../editor/keptSketch';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useModalDialog } from './hooks/useModalDialog';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';
import { ObjectKindFields } from './ObjectKindFields';
import { ObjectSelect } from './ObjectSelect';

/**
 * Draw first, assign after: which object the drawn zone belongs to (an existing one, or a new
 * one made in the same undo step) and its zone type. Cancel keeps the sketch on the map. Mounted
 * while it is open, so each opening starts from the current object list and drawing zone type.
 */
export function AssignZoneDialog({ data }: { data: ProjectData }) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const dialog = useModalDialog(true);
  const drawZoneType = useEditorState((s) => s.drawZoneType);
  const [mode, setMode] = useState<'existing' | 'new'>(data.objects.length > 0 ? 'existing' : 'new');
  const [objectId, setObjectId] = useState(data.objects[0]?.id ?? '');
  const [name, setName] = useState('');
  const [objectType, setObjectType] = useState<ObjectType>('relic_unit');
  const [level, setLevel] = useState<ProtectionLevel | ''>('county');
  const [zoneType, setZoneType] = useState<ZoneType>(drawZoneType);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'new' && !name.trim()) {
      setError(lang === 'zh' ? '名称不能为空' : 'A name is required');
      return;
    }
    if (mode === 'existing' && !objectId) {
      setError(lang === 'zh' ? '请选择保护对象' : 'Choose an object');
      return;
    }
    const owner =
      mode === 'existing'
        ? { objectId }
        : { newObject: { name: name.trim(), objectType, level: level || null, category: null } };
    if (!(await assignKeptSketch(workbench, owner, zoneType))) return;
    setName('');
    setError(null);
  };

  return (
    <dialog ref={dialog} onClose={() => postponeAssigning(workbench)} aria-labelledby="assign-zone-title">
      <form method="dialog" onSubmit={(e) => void submit(e)}>
        <h2 id="assign-zone-title">{t('assignSketch')}</h2>
        <fieldset>
          <label className="toggle">
            <input
              type="radio"
              name="assign-mode"
              checked={mode === 'existing'}
              disabled={data.objects.length === 0}
              onChange={() => setMode('existing')}
            />
            {t('assignExisting')}
          </label>
          <label className="toggle">
            <input type="radio" name="assign-mode" checked={mode === 'new'} onChange={() => setMode('new')} />
            {t('assignNew')}
          </label>
        </fieldset>
        {mode === 'existing' ? (
          <>
            <label htmlFor="assign-object">{t('objects')}</label>
            <ObjectSelect
              id="assign-object"
              objects={data.objects}
              value={objectId}
              onChange={setObjectId}
              lang={lang}
            />
          </>
        ) : (
          <>
            <label htmlFor="assign-name">{lang === 'zh' ? '名称' : 'Name'}</label>
            <input
              id="assign-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
            <ObjectKindFields
              idPrefix="assign"
              lang={lang}
              objectType={objectType}
              level={level}
              onObjectType={setObjectType}
              onLevel={setLevel}
            />
          </>
        )}
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
        <label htmlFor="assign-zone-type">{t('assignZoneType')}</label>
        <select
          id="assign-zone-type"
          value={zoneType}
          onChange={(e) => setZoneType(e.target.value as ZoneType)}
        >
          {ZONE_TYPES.map((type) => (
            <option key={type} value={type}>
              {ZONE_TYPE_LABELS[type][lang]}
            </option>
          ))}
        </select>
        <div className="dialog-buttons">
          <button type="button" onClick={() => postponeAssigning(workbench)}>
            {t('assignLater')}
          </button>
          <button type="submit">{t('assignSave')}</button>
        </div>
      </form>
    </dialog>
  );
}

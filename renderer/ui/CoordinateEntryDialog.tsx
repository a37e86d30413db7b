import { useId, useState, type FormEvent, type RefObject } from 'react';
import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../shared/domain/taxonomy';
import { createZoneFromCoordinates } from '../editor/commands/vertexCommands';
import type { Notice } from '../editor/editorState';
import type { PlanMap } from '../map/createPlanMap';
import { CoordinateModeSelect } from './CoordinateModeSelect';
import { ObjectSelect } from './ObjectSelect';
import { TypedPreview } from './TypedPreview';
import { readTyped, setCoordinateUi, useCoordinateUi } from './coordinateUi';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useModalDialog } from './hooks/useModalDialog';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';

/**
 * 按坐标新建区划: type or paste the boundary's points (ring numbers 2… for holes), choose the
 * protected object and the zone type; the new zone is one undo step, validated at the write door.
 */
export function CoordinateEntryDialog({ data, map }: { data: ProjectData; map: RefObject<PlanMap | null> }) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const { dialog: which, mode } = useCoordinateUi();
  const open = which === 'create';
  const dialog = useModalDialog(open);
  const id = useId();
  const selectedObject = useEditorState((s) => s.selection.objectId);
  const drawZoneType = useEditorState((s) => s.drawZoneType);
  const [objectId, setObjectId] = useState<string>('');
  const [zoneType, setZoneType] = useState<ZoneType | ''>('');
  const [text, setText] = useState('');
  // A refusal is shown in the dialog as well: the notice bar lies behind the modal.
  const [refusal, setRefusal] = useState<Notice | null>(null);
  const gkZone = data.project.settings.gkZone;
  const owner = objectId || selectedObject || data.objects[0]?.id || '';
  const type = zoneType || drawZoneType;
  const typed = text.trim() ? readTyped(text, mode, gkZone) : null;
  const title = lang === 'zh' ? '按坐标新建区划' : 'New zone from coordinates';
  const close = () => setCoordinateUi({ dialog: null });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!typed || !('rings' in typed) || !owner) return;
    const command = createZoneFromCoordinates({
      projectId: data.project.id,
      objectId: owner,
      attributes: { zoneType: type },
      rings: typed.rings,
      gkZone,
    });
    if (!(await workbench.run(command))) {
      setRefusal(workbench.state.get().notice);
      return;
    }
    setRefusal(null);
    workbench.select({ zoneIds: [command.id], objectId: owner });
    setText('');
    close();
    // The map shows the new zone once the live query delivers it.
    setTimeout(() => map.current?.zoomToZones([command.id]), 300);
  };

  return (
    <dialog ref={dialog} onClose={close} aria-labelledby={`${id}-title`} className="modal coordinate-entry">
      {/* Only while open: a province's project lists 10 000 objects, and a closed dialog rebuilt
          that list on every change to them (250 ms of React work after a county import). */}
      {open && (
        <form method="dialog" onSubmit={(e) => void submit(e)}>
          <h2 id={`${id}-title`}>{title}</h2>
          <label htmlFor={`${id}-object`}>{lang === 'zh' ? '保护对象' : 'Protected object'}</label>
          <ObjectSelect
            id={`${id}-object`}
            objects={data.objects}
            value={owner}
            onChange={setObjectId}
            lang={lang}
          />
          <label htmlFor={`${id}-type`}>{lang === 'zh' ? '区划类型' : 'Zone type'}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setZoneType(e.target.value as ZoneType)}>
            {ZONE_TYPES.map((z) => (
              <option key={z} value={z}>
                {ZONE_TYPE_LABELS[z][lang]}
              </option>
            ))}
          </select>
          <CoordinateModeSelect mode={mode} gkZone={gkZone} lang={lang} />
          <label htmlFor={`${id}-rows`}>
            {lang === 'zh'
              ? '界址点（每行一点：点号可选、圈号可选，X 北在前；可从表格粘贴）'
              : 'Points (one a line: name and ring number optional, X north first; paste from a spreadsheet)'}
          </label>
          <textarea
            id={`${id}-rows`}
            rows={8}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setRefusal(null);
            }}
          />
          {typed && <TypedPreview typed={typed} lang={lang} />}
          {refusal && (
            <TypedPreview typed={{ problems: [refusal.text, ...(refusal.details ?? [])] }} lang={lang} />
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              {t('cancel')}
            </button>
            <button type="submit" disabled={!typed || !('rings' in typed) || !owner}>
              {t('create')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

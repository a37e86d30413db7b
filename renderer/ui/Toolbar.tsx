import type { ReactNode } from 'react';
import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../shared/domain/taxonomy';
import { REVIEW_TOOLS, TOOL_IDS, TOOL_KEYS, TOOL_LABELS, type ToolbarToolId } from '../editor/tools';
import type { AppActions } from './appActions';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { HistoryState } from '../storage/history';
import { useWorkbench } from './hooks/useWorkbench';
import type { UiKey } from './i18n';
import { Icon, type IconName } from './Icon';
import { AreaStatisticsButton } from './AreaStatisticsButton';
import { FigureButton } from './figures/FigureButton';
import { AttributeTableButton } from './AttributeTableButton';
import { CompareButton } from './review/CompareButton';
import { GeometryOpsGroup } from './GeometryOpsGroup';
import { CoordinateGroup } from './CoordinateGroup';
import { SnappingSettings } from './SnappingSettings';

const TOOL_ICONS: Record<ToolbarToolId, IconName> = {
  select: 'select',
  drawPolygon: 'drawPolygon',
  drawRectangle: 'drawRectangle',
  drawCircle: 'drawCircle',
  drawHole: 'drawHole',
  modify: 'modify',
  move: 'move',
  measureLength: 'measureLength',
  measureArea: 'measureArea',
  whatHere: 'whatHere',
  comment: 'comment',
};

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="toolbar-group">
      {children}
    </div>
  );
}

/**
 * Undo and redo, named after the step they would take. A gesture in progress (a vertex drag)
 * disables them: only these two buttons follow the gesture, so starting a drag renders no panel.
 */
function UndoRedoButtons({
  actions,
  history,
}: {
  actions: AppActions;
  history: HistoryState | null | undefined;
}) {
  const { lang, t } = useLang();
  const gesture = useEditorState((s) => s.gesture);
  const undoTitle = history?.undo ? `${t('undo')}: ${history.undo[lang]}` : t('undo');
  const redoTitle = history?.redo ? `${t('redo')}: ${history.redo[lang]}` : t('redo');
  return (
    <>
      <button
        type="button"
        aria-label={t('undo')}
        title={`${undoTitle} (Ctrl+Z)`}
        onClick={actions.undo}
        disabled={!history?.undo || !!gesture}
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        aria-label={t('redo')}
        title={`${redoTitle} (Ctrl+Shift+Z)`}
        onClick={actions.redo}
        disabled={!history?.redo || !!gesture}
      >
        <Icon name="redo" />
      </button>
    </>
  );
}

/** The main toolbar: the same commands as the desktop menu, tools, and drawing options. */
export function Toolbar({
  actions,
  history,
}: {
  actions: AppActions;
  history: HistoryState | null | undefined;
}) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const tool = useEditorState((s) => s.tool);
  const zoneType = useEditorState((s) => s.drawZoneType);
  const radius = useEditorState((s) => s.circleRadius);
  const hasSelection = useEditorState((s) => s.selection.zoneIds.length > 0 || s.selection.objectId !== null);
  // A review copy offers what changes nothing, and comments (ReviewBanner explains; the store refuses
  // every other write).
  const readOnly = useEditorState((s) => s.readOnly);
  const noProject = !useEditorState((s) => s.projectId);

  const button = (key: UiKey, onClick: () => void, icon: IconName, disabled = false, shortcut?: string) => (
    <button
      type="button"
      aria-label={t(key)}
      title={shortcut ? `${t(key)} (${shortcut})` : t(key)}
      onClick={onClick}
      disabled={disabled}
    >
      <Icon name={icon} />
    </button>
  );

  return (
    <div role="toolbar" aria-label={t('toolbar')} className="toolbar">
      <Group label={t('fileGroup')}>
        {button('newProject', actions.newProject, 'newProject', false, 'Ctrl+N')}
        {button('openProject', actions.openProject, 'openProject', false, 'Ctrl+O')}
        {button('saveProject', () => actions.saveProject(false), 'saveProject', false, 'Ctrl+S')}
        {button('mergeReview', actions.mergeReview, 'mergeReview', readOnly || noProject)}
        {button('importFiles', actions.importFiles, 'importFile', readOnly)}
        {button('exportFiles', actions.exportFiles, 'exportFile')}
      </Group>
      <Group label={t('editGroup')}>
        <UndoRedoButtons actions={actions} history={history} />
        {button('delete', actions.deleteSelection, 'delete', !hasSelection || readOnly, 'Delete')}
      </Group>
      <Group label={t('toolsGroup')}>
        {TOOL_IDS.map((id) => (
          <button
            key={id}
            type="button"
            aria-label={TOOL_LABELS[id][lang]}
            aria-pressed={tool === id}
            disabled={readOnly && !REVIEW_TOOLS.includes(id)}
            title={`${TOOL_LABELS[id][lang]} (${TOOL_KEYS[id].toUpperCase()})`}
            onClick={() => workbench.setTool(id)}
          >
            <Icon name={TOOL_ICONS[id]} />
          </button>
        ))}
      </Group>
      <Group label={t('zoneTypeForDrawing')}>
        <select
          aria-label={t('zoneTypeForDrawing')}
          value={zoneType}
          disabled={readOnly}
          onChange={(e) => workbench.state.set({ drawZoneType: e.target.value as ZoneType })}
        >
          {ZONE_TYPES.map((type) => (
            <option key={type} value={type}>
              {ZONE_TYPE_LABELS[type][lang]}
            </option>
          ))}
        </select>
        <input
          type="number"
          min={0.1}
          step="any"
          aria-label={t('circleRadius')}
          placeholder={t('circleRadius')}
          value={radius ?? ''}
          disabled={readOnly}
          onChange={(e) => {
            const value = Number(e.target.value);
            workbench.state.set({ circleRadius: e.target.value && value > 0 ? value : null });
          }}
          onKeyDown={(e) => e.key === 'Enter' && workbench.setTool('drawCircle')}
        />
        <SnappingSettings />
      </Group>
      <GeometryOpsGroup />
      <CoordinateGroup />
      {/* Reading the project, so offered in a review copy too; the Tools menu has the same three. */}
      <Group label={t('analysisGroup')}>
        <AreaStatisticsButton />
        <AttributeTableButton />
        <FigureButton />
        <CompareButton />
        {button('runFullCheck', actions.runFullCheck, 'checks', noProject)}
        {button('referenceLayers', actions.referenceLayers, 'layers', noProject)}
      </Group>
      <Group label={lang === 'zh' ? '视图' : 'View'}>
        {button('zoomIn', () => actions.zoomBy(1), 'zoomIn')}
        {button('zoomOut', () => actions.zoomBy(-1), 'zoomOut')}
        {button('zoomToProject', actions.zoomToProject, 'zoomToProject')}
        {button('projectSettings', actions.openSettings, 'settings')}
        <button
          type="button"
          aria-label={t('languageSwitch')}
          title={t('languageSwitch')}
          onClick={actions.toggleLanguage}
        >
          {t('language')}
        </button>
      </Group>
    </div>
  );
}

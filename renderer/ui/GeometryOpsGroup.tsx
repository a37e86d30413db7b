import { useState } from 'react';
import {
  mergeZonesCommand,
  overlayCommand,
  removeSpikesCommand,
  simplifyZonesCommand,
} from '../editor/commands/geometryOpCommands';
import { TOOL_KEYS } from '../editor/tools';
import { setDeriveDialogOpen } from './DeriveDialogState';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useWorkbench } from './hooks/useWorkbench';
import type { UiKey } from './i18n';

/**
 * 几何操作: derive, split, reshape, merge, cut out, clip, simplify, remove spikes — enabled by the selection
 * (Ctrl-click zones in the tree to select several; for cut out / clip the first selected zone is
 * changed by the second). A read-only review copy offers none of them.
 */
export function GeometryOpsGroup() {
  const { workbench } = useWorkbench();
  const { t } = useLang();
  const ids = useEditorState((s) => s.selection.zoneIds);
  const tool = useEditorState((s) => s.tool);
  const readOnly = useEditorState((s) => s.readOnly);
  const [tolerance, setTolerance] = useState('0.5');
  const one = ids.length >= 1;
  const two = ids.length === 2;
  const run = (command: Parameters<typeof workbench.run>[0]) => void workbench.run(command);
  const button = (key: UiKey, onClick: () => void, enabled: boolean) => (
    <button
      type="button"
      aria-label={t(key)}
      title={t(key)}
      onClick={onClick}
      disabled={!enabled || readOnly}
    >
      {t(key)}
    </button>
  );
  // Split and reshape are map tools: pressed while active, a line drawn on the map does the work.
  const lineTool = (key: UiKey, id: 'split' | 'reshape') => (
    <button
      type="button"
      aria-label={t(key)}
      aria-pressed={tool === id}
      title={`${t(key)} (${TOOL_KEYS[id].toUpperCase()})`}
      onClick={() => workbench.setTool(tool === id ? 'select' : id)}
      disabled={ids.length !== 1 || readOnly}
    >
      {t(key)}
    </button>
  );
  return (
    <div role="group" aria-label={t('geometryOps')} className="toolbar-group">
      {button('deriveZone', () => setDeriveDialogOpen(true), ids.length === 1)}
      {lineTool('opSplit', 'split')}
      {lineTool('opReshape', 'reshape')}
      {button('opMerge', () => run(mergeZonesCommand(ids)), ids.length >= 2)}
      {button('opDifference', () => run(overlayCommand('difference', ids[0]!, ids[1]!)), two)}
      {button('opClip', () => run(overlayCommand('clip', ids[0]!, ids[1]!)), two)}
      <input
        type="number"
        min={0.01}
        step="any"
        aria-label={t('opSimplifyTolerance')}
        title={t('opSimplifyTolerance')}
        value={tolerance}
        onChange={(e) => setTolerance(e.target.value)}
        disabled={readOnly}
        style={{ width: '4em' }}
      />
      {button(
        'opSimplify',
        () => run(simplifyZonesCommand(ids, Number(tolerance))),
        one && Number(tolerance) > 0,
      )}
      {button('opRemoveSpikes', () => run(removeSpikesCommand(ids)), one)}
    </div>
  );
}

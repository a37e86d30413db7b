import { acceptImport } from '../editor/transfer';
import { Modal } from './Modal';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useWorkbench } from './hooks/useWorkbench';

/** Lists every refused feature of an import (index and reason) and lets the planner decide. */
export function ImportReviewDialog() {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const pending = useEditorState((s) => s.pendingImport);
  const close = () => workbench.state.set({ pendingImport: null });
  const good = pending?.result.document.zones.length ?? 0;
  const bad = new Set(pending?.result.rejected.map((p) => p.index)).size;
  return (
    <Modal id="import-review" open={pending !== null} onClose={close} title={t('importReport')}>
      {pending && (
        <>
          <p>
            {lang === 'zh'
              ? `${pending.fileName}：共 ${pending.result.total} 个要素，${good} 个可导入，${bad} 个被拒绝：`
              : `${pending.fileName}: ${pending.result.total} features, ${good} can be imported, ${bad} refused:`}
          </p>
          <ul className="rejections" aria-label={lang === 'zh' ? '被拒绝的要素' : 'Refused features'}>
            {pending.result.rejected.map((problem, i) => (
              <li key={i}>
                {lang === 'zh' ? `要素 #${problem.index}：` : `Feature #${problem.index}: `}
                {problem.reason[lang]}
              </li>
            ))}
          </ul>
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              {lang === 'zh' ? '全部不导入' : 'Import nothing'}
            </button>
            <button
              type="button"
              className="primary"
              disabled={good === 0}
              onClick={() => void acceptImport(workbench, pending.fileName, pending.result)}
            >
              {lang === 'zh' ? `导入 ${good} 个有效区划` : `Import the ${good} valid zones`}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/domain/labels';
import type { PendingImport } from '../editor/editorState';
import { summaryText, type ImportSummary } from '../editor/commands/importPlan';
import { previewImport } from '../editor/transferImport';
import { mappingText } from './ImportDialogMappingText';
import { useWorkbench } from './hooks/useWorkbench';

/**
 * What accepting would do to the open project, before it is done: how many zones are added,
 * updated (same zone id or BSM, something changed) and unchanged. Re-computed for each re-read.
 */
export function ImportDialogPlan({ pending, lang }: { pending: PendingImport; lang: Lang }) {
  const { workbench } = useWorkbench();
  const [summary, setSummary] = useState<{ of: PendingImport; value: ImportSummary } | null>(null);
  useEffect(() => {
    let live = true;
    previewImport(workbench, pending).then(
      (value) => live && setSummary({ of: pending, value }),
      (error: unknown) => live && workbench.reportError(error),
    );
    return () => {
      live = false;
    };
  }, [workbench, pending]);
  const importable = pending.read?.importable ?? pending.result.document.zones.length;
  if (!summary || summary.of !== pending || importable === 0) return null;
  return (
    <p data-testid="import-plan">
      {mappingText('planBefore', lang, { summary: summaryText(summary.value)[lang] })}
    </p>
  );
}

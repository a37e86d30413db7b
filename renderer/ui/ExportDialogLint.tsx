import { useEffect, useState } from 'react';
import type { Bilingual, Lang } from '../../shared/domain/labels';
import type { ExportLint } from '../../shared/formats/mapping/exportLint';
import { omittedMessage } from '../../shared/formats/mapping/documentToLayer';
import { JobCancelled } from '../jobs/runJob';
import { lintExportChoice, lintVerdict } from '../editor/transferExportLint';
import { databaseLayerOf, profileOf, type ExportChoice } from '../editor/transferExportOptions';
import { useEditorState } from './hooks/useEditorState';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';
import { inParens } from './i18n';

const TEXT = {
  title: { zh: '入库前检查', en: 'Pre-delivery check' },
  running: { zh: '正在检查…', en: 'Checking…' },
  clean: {
    zh: '未发现数据库质检会拒绝的问题',
    en: 'Nothing the database quality check would refuse',
  },
  confirm: {
    zh: '数据库质检会拒绝以下问题；可先修改，或仍然导出：',
    en: 'The database quality check would refuse what follows; fix it first, or export anyway:',
  },
  blocked: {
    zh: '以下错误必须先修改才能导出：',
    en: 'These errors must be fixed before exporting:',
  },
} satisfies Record<string, Bilingual>;

export interface ExportLintState {
  lint: ExportLint | null;
  /** A check for the current choice is still running (or the choice changed since). */
  running: boolean;
  verdict: ReturnType<typeof lintVerdict>;
}

/**
 * The pre-export check of the current choice, re-run in a worker whenever what would be written
 * changes (scope, zone types, profile, codes, the project's zones); a newer run cancels the older.
 */
export function useExportLint(data: ProjectData, choice: ExportChoice, open: boolean): ExportLintState {
  const { workbench } = useWorkbench();
  const selection = useEditorState((s) => s.selection);
  const layer = open ? databaseLayerOf(choice) : null;
  const key = JSON.stringify([
    layer,
    choice.format,
    profileOf(choice),
    choice.scope,
    choice.zoneTypes,
    choice.ysdm,
    choice.scope === 'all' ? null : selection,
  ]);
  const [done, setDone] = useState<{ key: string; data: ProjectData; lint: ExportLint | null } | null>(null);
  useEffect(() => {
    if (!layer) return;
    const abort = new AbortController();
    const document = { settings: data.project.settings, objects: data.objects, zones: data.zones };
    lintExportChoice(document, choice, selection, abort.signal).then(
      (lint) => setDone({ key, data, lint }),
      (error: unknown) => {
        if (error instanceof JobCancelled) return;
        workbench.reportError(error);
        setDone({ key, data, lint: null });
      },
    );
    return () => abort.abort();
    // `key` stands for the parts of `choice` and `selection` the check depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, data, workbench]);
  if (!layer) return { lint: null, running: false, verdict: 'clean' };
  const current = done && done.key === key && done.data === data ? done : null;
  return { lint: current?.lint ?? null, running: !current, verdict: lintVerdict(current?.lint ?? null) };
}

/** The findings, what the layer leaves out, and whether the export may go ahead. */
export function ExportLintPanel({ state, lang }: { state: ExportLintState; lang: Lang }) {
  const { lint, running, verdict } = state;
  const title = lint?.layer ? `${TEXT.title[lang]}${inParens(lint.layer, lang)}` : TEXT.title[lang];
  return (
    <section className="export-lint" aria-label={TEXT.title[lang]} aria-busy={running}>
      <h3>{title}</h3>
      {running ? (
        <p className="hint">{TEXT.running[lang]}</p>
      ) : lint && lint.findings.length === 0 ? (
        <p className="hint" data-testid="export-lint-summary">
          {TEXT.clean[lang]}
        </p>
      ) : lint ? (
        <>
          <p className="hint" data-testid="export-lint-summary">
            {verdict === 'blocked' ? TEXT.blocked[lang] : verdict === 'confirm' ? TEXT.confirm[lang] : ''}
          </p>
          <ul aria-label={TEXT.title[lang]}>
            {lint.findings.map((f) => (
              <li key={f.id} data-code={f.code} data-severity={f.severity}>
                {f.message[lang]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!running && lint && lint.omitted.length > 0 && (
        <p className="hint" data-testid="export-lint-omitted">
          {omittedMessage(lint.layer ?? '', lint.omitted)[lang]}
        </p>
      )}
    </section>
  );
}

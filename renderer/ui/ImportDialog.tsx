import { useMemo, useState } from 'react';
import type { Lang } from '../../shared/domain/labels';
import type { ZoneType } from '../../shared/domain/taxonomy';
import type { ImportRead, PendingImport } from '../editor/editorState';
import { acceptPending, cancelImport, rereadImport } from '../editor/transfer';
import { CadMappingTable, EncodingField, PreviewTable, RefusedList } from './ImportDialogParts';
import { AxisOrderField, CrsField } from './ImportCrsFields';
import { DatumShiftField } from './ImportDatumShift';
import { ImportDialogDefaults } from './ImportDialogDefaults';
import { ImportDialogMapping } from './ImportDialogMapping';
import { ImportDialogPlan } from './ImportDialogPlan';
import { JobBar } from './JobBar';
import { NoticeBar } from './NoticeBar';
import { text } from './i18n';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useModalDialog } from './hooks/useModalDialog';
import { useWorkbench } from './hooks/useWorkbench';

function Summary({ pending, lang }: { pending: PendingImport; lang: Lang }) {
  const { result } = pending;
  const good = pending.read?.importable ?? result.document.zones.length;
  const bad = new Set(result.rejected.map((p) => `${(p as { layer?: string }).layer ?? ''}#${p.index}`)).size;
  return (
    <p data-testid="import-summary">
      {lang === 'zh'
        ? `${pending.fileName}：共 ${result.total} 个要素，${good} 个可导入，${bad} 个被拒绝`
        : `${pending.fileName}: ${result.total} features, ${good} can be imported, ${bad} refused`}
    </p>
  );
}

/** Format, layers with feature counts, and what is read from where. */
function LayerList({ read, lang }: { read: ImportRead; lang: Lang }) {
  return (
    <ul aria-label={text('importLayers', lang)} className="import-layers">
      {read.output.layers.map((layer) => (
        <li key={layer.name}>
          {layer.format} · {layer.name}：{lang === 'zh' ? `${layer.count} 个要素` : `${layer.count} features`}
        </li>
      ))}
    </ul>
  );
}

function ReadSettings({ read, lang, projectZone }: { read: ImportRead; lang: Lang; projectZone: number }) {
  const { workbench } = useWorkbench();
  const [layerIndex, setLayerIndex] = useState(0);
  const { output, busy, options } = read;
  const info = output.info.find((i) => i.encoding) ?? output.info[0];
  // One CRS choice applies to the whole input: show the layer that needs one, else the first.
  const crs =
    output.layers
      .map((l) => l.info.crs)
      .find((c) => c && ((c.epsg === null && !c.name) || c.needsDatumShift)) ?? output.layers[0]?.info.crs;
  const layer = output.layers[Math.min(layerIndex, output.layers.length - 1)];
  const rows = output.preview.find((p) => p.layer === layer?.name)?.rows ?? [];
  const cadLayers = output.layers.flatMap((l) => l.cadLayers ?? []);
  const warnings = output.info.flatMap((i) => i.warnings);
  return (
    <>
      {info?.encoding && (
        <EncodingField
          encoding={info.encoding}
          lang={lang}
          disabled={busy}
          onChange={(encoding) => void rereadImport(workbench, { encoding })}
        />
      )}
      <CrsField
        crs={crs}
        projectZone={projectZone}
        lang={lang}
        disabled={busy}
        onChange={(choice) => void rereadImport(workbench, { epsg: choice.epsg, crs: choice.crs })}
      />
      <AxisOrderField
        chosen={options.axisOrder}
        decided={crs?.axisOrder}
        lang={lang}
        disabled={busy}
        onChange={(axisOrder) => void rereadImport(workbench, { axisOrder })}
      />
      {crs && (crs.needsDatumShift || crs.datumShift) && (
        <DatumShiftField
          key={crs.datumKey}
          crs={crs}
          shift={options.datumShift ?? (crs.datumKey ? options.datumShifts?.[crs.datumKey] : undefined)}
          lang={lang}
          disabled={busy}
          onChange={(datumShift) => void rereadImport(workbench, { datumShift })}
        />
      )}
      {output.refused && output.refused.length > 0 && (
        <div role="alert" className="import-warnings" aria-label={text('importNeedsChoice', lang)}>
          <strong>{text('importNeedsChoice', lang)}</strong>
          <ul>
            {output.refused.map((p, i) => (
              <li key={i}>{p.reason[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div role="alert" className="import-warnings" aria-label={text('importWarnings', lang)}>
          <strong>{text('importWarnings', lang)}</strong>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      <ImportDialogDefaults options={options} lang={lang} disabled={busy} />
      {cadLayers.length > 0 && (
        <CadMappingTable
          layers={cadLayers}
          mapping={options.cadLayerMapping ?? {}}
          lang={lang}
          disabled={busy}
          onChange={(cadLayerMapping: Record<string, ZoneType>) =>
            void rereadImport(workbench, { cadLayerMapping })
          }
        />
      )}
      {output.layers.length > 1 && (
        <label className="field">
          <span>{text('importLayers', lang)}</span>
          <select
            aria-label={text('importLayers', lang)}
            value={layerIndex}
            onChange={(e) => setLayerIndex(Number(e.target.value))}
          >
            {output.layers.map((l, i) => (
              <option key={l.name} value={i}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {layer && <PreviewTable layer={layer} rows={rows} lang={lang} />}
      {layer && <ImportDialogMapping read={read} layer={layer} lang={lang} />}
      {busy && <p role="status">{text('importRereading', lang)}</p>}
    </>
  );
}

/**
 * The import preview: what was read and how (format, layers, encoding, CRS, warnings), the first
 * rows' attributes, CAD layer mapping, refused features. Changing a setting re-reads in the
 * worker; "Import N zones" commits once (one undo step); Cancel or Escape stores nothing.
 */
export function ImportDialog() {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const pending = useEditorState((s) => s.pendingImport);
  const projectZone = useEditorState((s) => s.pendingImport?.read?.options.gkZone ?? 28);
  const isOpen = pending !== null;
  const dialog = useModalDialog(isOpen);
  // Notices from before this import (another file, an earlier gesture) stay out of its dialog.
  const since = useMemo(() => (isOpen ? workbench.noticeMark() : 0), [isOpen, workbench]);
  const cancel = () => cancelImport(workbench);
  const good = pending?.read?.importable ?? pending?.result.document.zones.length ?? 0;
  const busy = pending?.read?.busy === true;
  return (
    <dialog
      ref={dialog}
      // Escape cancels through the state; the dialog then closes because nothing is pending.
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
      aria-labelledby="import-title"
      className="modal wide"
    >
      <h2 id="import-title">{t('importDialog')}</h2>
      {pending && (
        <>
          <Summary pending={pending} lang={lang} />
          <ImportDialogPlan pending={pending} lang={lang} />
          {pending.read && <LayerList read={pending.read} lang={lang} />}
          {pending.read && <ReadSettings read={pending.read} lang={lang} projectZone={projectZone} />}
          {pending.result.rejected.length > 0 && (
            <RefusedList problems={pending.result.rejected} lang={lang} />
          )}
          {/* The page's job and notice bars sit behind the modal: repeat them here. */}
          <JobBar />
          <NoticeBar since={since} />
          <div className="dialog-buttons">
            <button type="button" onClick={cancel}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={good === 0 || busy}
              onClick={() => void acceptPending(workbench, pending)}
            >
              {lang === 'zh' ? `导入 ${good} 个区划` : `Import ${good} zones`}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

import { useState } from 'react';
import type { Lang } from '../../../shared/domain/labels';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import type { FigureSettings } from '../../../shared/figures/figureSettings';
import { planAtlas, type FigurePlan, type FigureSource } from '../../../shared/figures/figurePlan';
import type { InsetBasemap } from '../../../shared/figures/inset';
import type { FigureLayout } from '../../../shared/figures/layoutFigure';
import { JobCancelled, runJob } from '../../jobs/runJob';
import { useWorkbench } from '../hooks/useWorkbench';
import { PDF_FILTER, PNG_FILTER, fileNameOf, writePagePng } from './figureExport';
import type { LoadedFigureFont } from './figureFont';
import { FIGURE_TEXT as T } from './figureText';

interface Props {
  source: FigureSource;
  settings: FigureSettings;
  plan: FigurePlan | null;
  layout: FigureLayout | null;
  inset: InsetBasemap | null;
  font: LoadedFigureFont | null;
  hidden: ReadonlySet<ZoneType>;
  lang: Lang;
}

/**
 * Export the figure shown as PDF or PNG, or the atlas (one page per object) as one PDF. PDFs are
 * composed in the job worker with progress; cancelling stops the job before anything is written.
 */
export function FigureOutput({ source, settings, plan, layout, inset, font, hidden, lang }: Props) {
  const { workbench, platform } = useWorkbench();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [abort, setAbort] = useState<AbortController | null>(null);

  const pdf = async (plans: FigurePlan[], name: string) => {
    if (!font || plans.length === 0) return;
    const controller = new AbortController();
    setAbort(controller);
    setProgress({ done: 0, total: plans.length });
    try {
      const output = await runJob(
        'composeFigure',
        { font: font.bytes, pages: plans, ...(settings.inset && inset && { inset }), title: name },
        {
          signal: controller.signal,
          onProgress: (f) =>
            setProgress({
              done: Math.min(plans.length, Math.floor(f * (plans.length + 1))),
              total: plans.length,
            }),
        },
      );
      const sink = await platform.exportStream({
        suggestedName: fileNameOf(name, 'pdf'),
        filters: [PDF_FILTER],
      });
      if (!sink) return;
      let saved = null;
      try {
        await sink.write(output.pdf);
        saved = await sink.close(true);
      } catch (error) {
        await sink.close(false);
        throw error;
      }
      output.warnings.forEach((w) => workbench.notify('info', w));
      if (saved)
        workbench.notify('info', {
          zh: `已导出 ${saved.name}（${output.pages} 页）`,
          en: `Exported ${saved.name} (${output.pages} pages)`,
        });
    } catch (error) {
      if (error instanceof JobCancelled) workbench.notify('info', T.atlasCancelled);
      else workbench.reportError(error);
    } finally {
      setAbort(null);
      setProgress(null);
    }
  };

  const png = async () => {
    if (!layout) return;
    setProgress({ done: 0, total: 1 });
    try {
      const sink = await platform.exportStream({
        suggestedName: fileNameOf(`${layout.page.title ?? 'figure'}-${settings.dpi}dpi`, 'png'),
        filters: [PNG_FILTER],
      });
      if (!sink) return;
      let saved = null;
      try {
        await writePagePng(layout.page, settings.dpi, font?.family ?? 'sans-serif', sink);
        saved = await sink.close(true);
      } catch (error) {
        await sink.close(false);
        throw error;
      }
      if (saved) workbench.notify('info', { zh: `已导出 ${saved.name}`, en: `Exported ${saved.name}` });
    } catch (error) {
      workbench.reportError(error);
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const atlasName = `${source.settings.name}保护区划图集`;
  return (
    <div className="figure-output">
      <button
        type="button"
        onClick={() => plan && void pdf([plan], layout?.page.title ?? 'figure')}
        disabled={!plan || !font || busy}
      >
        {T.exportPdf[lang]}
      </button>
      <button type="button" onClick={() => void png()} disabled={!layout || busy}>
        {T.exportPng[lang]} ({settings.dpi} dpi)
      </button>
      <button
        type="button"
        onClick={() => void pdf(planAtlas(source, settings, hidden), atlasName)}
        disabled={!font || busy}
      >
        {T.atlas[lang]}
      </button>
      {progress && (
        <span className="figure-progress" role="status">
          <progress aria-label={T.composing[lang]} value={progress.done} max={progress.total} />{' '}
          {progress.done}/{progress.total}{' '}
          {abort && (
            <button type="button" onClick={() => abort.abort()}>
              {T.cancel[lang]}
            </button>
          )}
        </span>
      )}
    </div>
  );
}

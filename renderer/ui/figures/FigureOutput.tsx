import { useState, type RefObject } from 'react';
import type { Lang } from '../../../shared/domain/labels';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import type { FigureSettings } from '../../../shared/figures/figureSettings';
import { planAtlas, type FigurePlan, type FigureSource } from '../../../shared/figures/figurePlan';
import type { InsetBasemap } from '../../../shared/figures/inset';
import type { FigureLayout } from '../../../shared/figures/layoutFigure';
import { JobCancelled } from '../../jobs/runJob';
import { writeFigurePdf } from './figurePdfStream';
import type { PlanMap } from '../../map/createPlanMap';
import { BackgroundTimeout } from '../../map/figures/renderBackground';
import { layoutFigure } from '../../../shared/figures/layoutFigure';
import type { Bilingual } from '../../../shared/domain/labels';
import { pageBackground } from './figureBackgroundRender';
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
  map: RefObject<PlanMap | null>;
}

/**
 * Export the figure shown as PDF or PNG, or the atlas (one page per object) as one PDF. PDFs are
 * composed in the job worker with progress; cancelling stops the job before anything is written.
 */
export function FigureOutput({ source, settings, plan, layout, inset, font, hidden, lang, map }: Props) {
  const { workbench, platform } = useWorkbench();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [abort, setAbort] = useState<AbortController | null>(null);

  const pdf = async (plans: FigurePlan[], name: string) => {
    if (!font || plans.length === 0) return;
    const controller = new AbortController();
    setAbort(controller);
    setProgress({ done: 0, total: plans.length });
    try {
      // The file is chosen first: pages go into it as they are written, and a cancel removes it.
      const sink = await platform.exportStream({
        suggestedName: fileNameOf(name, 'pdf'),
        filters: [PDF_FILTER],
      });
      if (!sink) return;
      const leftOut = new Map<string, Bilingual>();
      const { saved, warnings } = await writeFigurePdf(
        { font: font.bytes, ...(settings.inset && inset && { inset }), title: name },
        plans,
        sink,
        {
          signal: controller.signal,
          background: (plan, signal) =>
            pageBackground(map.current, plan, signal, (m) => leftOut.set(m.en, m)),
          onPage: (done) => setProgress({ done, total: plans.length }),
        },
      );
      leftOut.forEach((m) => workbench.notify('info', m));
      warnings.forEach((w) => workbench.notify('info', w));
      if (saved)
        workbench.notify('info', {
          zh: `已导出 ${saved.name}（${plans.length} 页）`,
          en: `Exported ${saved.name} (${plans.length} pages)`,
        });
    } catch (error) {
      if (error instanceof JobCancelled) workbench.notify('info', T.atlasCancelled);
      else if (error instanceof BackgroundTimeout) workbench.notify('error', error.reason);
      else workbench.reportError(error);
    } finally {
      setAbort(null);
      setProgress(null);
    }
  };

  const png = async () => {
    if (!layout || !plan || !font) return;
    setProgress({ done: 0, total: 1 });
    try {
      const background = await pageBackground(map.current, plan, new AbortController().signal, (m) =>
        workbench.notify('info', m),
      );
      const page = background
        ? layoutFigure({
            ...plan,
            background,
            ...(font && { measure: font.measure }),
            ...(inset && { inset }),
          }).page
        : layout.page;
      const sink = await platform.exportStream({
        suggestedName: fileNameOf(`${layout.page.title ?? 'figure'}-${settings.dpi}dpi`, 'png'),
        filters: [PNG_FILTER],
      });
      if (!sink) return;
      let saved = null;
      try {
        await writePagePng(page, settings.dpi, font.family, sink);
        saved = await sink.close(true);
      } catch (error) {
        await sink.close(false);
        throw error;
      }
      if (saved) workbench.notify('info', { zh: `已导出 ${saved.name}`, en: `Exported ${saved.name}` });
    } catch (error) {
      if (error instanceof BackgroundTimeout) workbench.notify('error', error.reason);
      else workbench.reportError(error);
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
      <button type="button" onClick={() => void png()} disabled={!layout || !font || busy}>
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
          {/* Cancel first: it stays where it is while the count beside it changes. */}
          {abort && (
            <button type="button" onClick={() => abort.abort()}>
              {T.cancel[lang]}
            </button>
          )}{' '}
          <progress aria-label={T.composing[lang]} value={progress.done} max={progress.total} />{' '}
          <span className="figure-progress-count">
            {progress.done}/{progress.total}
          </span>
        </span>
      )}
    </div>
  );
}

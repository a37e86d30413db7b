import { useState } from 'react';
import type { Lang } from '../../../shared/domain/labels';
import type { FigureSettings } from '../../../shared/figures/figureSettings';
import type { InsetBasemap } from '../../../shared/figures/inset';
import type { FigureLayout } from '../../../shared/figures/layoutFigure';
import type { ProjectData } from '../hooks/useProjectData';
import { useWorkbench } from '../hooks/useWorkbench';
import { FIGURE_FONT_STACK } from './figureFonts';
import { PNG_FILTER, fileNameOf, pagePng } from './figureExport';
import { FIGURE_TEXT as T } from './figureText';

/** Export the figure shown (PNG at the chosen resolution). */
export function FigureOutput({
  layout,
  settings,
  lang,
}: {
  data: ProjectData;
  settings: FigureSettings;
  layout: FigureLayout | null;
  inset: InsetBasemap | null;
  lang: Lang;
}) {
  const { workbench, platform } = useWorkbench();
  const [busy, setBusy] = useState(false);
  const png = async () => {
    if (!layout) return;
    setBusy(true);
    try {
      const bytes = await pagePng(layout.page, settings.dpi, FIGURE_FONT_STACK);
      const saved = await platform.exportFile({
        handle: null,
        suggestedName: fileNameOf(`${layout.page.title ?? 'figure'}-${settings.dpi}dpi`, 'png'),
        bytes,
        filters: [PNG_FILTER],
      });
      if (saved) workbench.notify('info', { zh: `已导出 ${saved.name}`, en: `Exported ${saved.name}` });
    } catch (error) {
      workbench.reportError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="figure-output">
      <button type="button" onClick={() => void png()} disabled={!layout || busy}>
        {T.exportPng[lang]} ({settings.dpi} dpi)
      </button>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import type { Page } from '../../../shared/figures/displayList';
import { drawPage } from '../../../shared/figures/drawPage';
import { figureFaceLoaded } from './figureFont';

/** The page drawn from its display list, as the PDF and PNG will show it, `widthPx` wide. */
export function FigurePreview({
  page,
  widthPx,
  label,
  fontFamily,
  images,
}: {
  page: Page;
  widthPx: number;
  label: string;
  fontFamily: string;
  /** Decoded page images (the backgrounds), keyed as the page's image operations. */
  images?: ReadonlyMap<string, CanvasImageSource> | undefined;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const heightPx = Math.round((widthPx * page.heightMm) / page.widthMm);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    // Drawn only in the registered figure face, never in a system font.
    if (!c || !ctx || !figureFaceLoaded()) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(widthPx * ratio);
    c.height = Math.round(heightPx * ratio);
    drawPage(ctx, page, {
      pxPerMm: (widthPx * ratio) / page.widthMm,
      fontFamily,
      ...(images && { images }),
      drawImage: (image, x, y, w, h) => ctx.drawImage(image as CanvasImageSource, x, y, w, h),
    });
    c.dataset.font = fontFamily;
    c.dataset.backgrounds = String(images?.size ?? 0);
  }, [page, widthPx, heightPx, fontFamily, images]);
  return (
    <canvas
      ref={canvas}
      className="figure-preview"
      role="img"
      aria-label={label}
      data-page-mm={`${page.widthMm}x${page.heightMm}`}
      style={{ width: widthPx, height: heightPx }}
    />
  );
}

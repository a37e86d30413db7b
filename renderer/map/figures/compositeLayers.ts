import type OlMap from 'ol/Map';

/**
 * Draw what an OpenLayers map shows onto one 2D context, as OpenLayers' own "export map" example
 * does: each layer canvas with its element's opacity and CSS transform, bottom to top.
 */
export function compositeLayers(map: OlMap, ctx: OffscreenCanvasRenderingContext2D): void {
  const viewport = map.getViewport() as HTMLElement | undefined;
  if (!viewport) return;
  const canvases = [...viewport.querySelectorAll<HTMLCanvasElement>('.ol-layer canvas, canvas.ol-layer')];
  for (const canvas of canvases) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    const parent = canvas.parentElement;
    const opacity = parent?.style.opacity || canvas.style.opacity;
    ctx.globalAlpha = opacity === '' || opacity === undefined ? 1 : Number(opacity);
    const match = /^matrix\(([^(]*)\)$/.exec(canvas.style.transform);
    const matrix = match
      ? match[1]!.split(',').map(Number)
      : [
          parseFloat(canvas.style.width) / canvas.width || 1,
          0,
          0,
          parseFloat(canvas.style.height) / canvas.height || 1,
          0,
          0,
        ];
    ctx.setTransform(matrix[0]!, matrix[1]!, matrix[2]!, matrix[3]!, matrix[4]!, matrix[5]!);
    const fill = parent?.style.backgroundColor;
    if (fill) {
      ctx.fillStyle = fill;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
    ctx.drawImage(canvas, 0, 0);
  }
  ctx.globalAlpha = 1;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

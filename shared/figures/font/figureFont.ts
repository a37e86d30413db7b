/**
 * The font every figure is set in: WenQuanYi Micro Hei (Apache-2.0; resources/public/fonts/
 * SOURCES.md). It is served from our own origin next to the page, so the PNG canvas loads it with
 * `FontFace` (font-src 'self') and the PDF writer embeds a subset of the same file: both outputs
 * share one set of metrics.
 */
export const FIGURE_FONT_URL = 'fonts/wqy-microhei.ttc';

/** Face 0 of the collection is the proportional "WenQuanYi Micro Hei"; face 1 is the Mono. */
export const FIGURE_FONT_FACE = 0;

/** The CSS family name the PNG canvas registers the face under. */
export const FIGURE_FONT_FAMILY = 'HZW Figure';

/** Fonts the preview and the PNG are drawn in until the embedded figure font is loaded. */
export const FIGURE_FONT_STACK = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

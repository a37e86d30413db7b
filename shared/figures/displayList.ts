/**
 * A figure page as drawing operations in millimetres from the page's bottom-left corner (y up, as
 * in PDF). The layout (`shared/figures`) builds it; the PDF writer, the PNG writer and the preview
 * draw it, so all three show the same page.
 */
export type Rgb = readonly [number, number, number];

export interface PathOp {
  op: 'path';
  /** Rings (or lines) of [x, y] in mm. */
  rings: readonly (readonly (readonly [number, number])[])[];
  closed: boolean;
  fill?: Rgb;
  /** 0…1, applied to the fill. */
  fillOpacity?: number;
  stroke?: Rgb;
  widthMm?: number;
  /** Dash pattern in mm. */
  dash?: readonly number[];
  strokeOpacity?: number;
  /** Even-odd filling (holes). */
  evenOdd?: boolean;
}

export interface TextOp {
  op: 'text';
  str: string;
  xMm: number;
  yMm: number;
  sizePt: number;
  anchor: 'start' | 'middle' | 'end';
  /** Degrees counter-clockwise. */
  rotation?: number;
  color?: Rgb;
  bold?: boolean;
}

export interface ImageOp {
  op: 'image';
  /** Key into the page's images. */
  id: string;
  rect: { xMm: number; yMm: number; wMm: number; hMm: number };
}

export interface ClipOp {
  op: 'clip';
  rect: { xMm: number; yMm: number; wMm: number; hMm: number };
}

/** Ends the innermost clip. */
export interface UnclipOp {
  op: 'unclip';
}

export type DrawOp = PathOp | TextOp | ImageOp | ClipOp | UnclipOp;

/** A raster placed on a page: JPEG bytes pass through, RGBA pixels are compressed. */
export type PageImage =
  | { kind: 'jpeg'; width: number; height: number; bytes: Uint8Array }
  | { kind: 'rgba'; width: number; height: number; pixels: Uint8ClampedArray };

export interface Page {
  widthMm: number;
  heightMm: number;
  ops: DrawOp[];
  images: Record<string, PageImage>;
  title?: string;
}

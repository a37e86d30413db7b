import type { TileRequest, TileStats, TileStyle } from './drawTile';
import type { PackedShapes } from './packedMercator';

/** Page → tile worker. */
export type TileWorkerMessage =
  | { type: 'load'; layer: string; shapes: PackedShapes; style: TileStyle }
  | { type: 'drop'; layer: string }
  | { type: 'highlight'; layer: string; features: number[] }
  | { type: 'tile'; request: number; layer: string; tile: TileRequest }
  | { type: 'cancel'; request: number };

/** Tile worker → page. */
export type TileWorkerReply =
  | { type: 'tile'; request: number; bitmap: ImageBitmap; stats: TileStats }
  | { type: 'failed'; request: number; message: string };

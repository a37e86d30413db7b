import type { PackedCad } from '../../../shared/formats/dxf/cadPack';
import type { Box } from '../../../shared/geometry/spatialIndex';
import type { TileRequest, TileStyle } from './drawTile';
import type { PackedShapes } from './packedMercator';
import type { ZoneTileChange } from './zoneTileSet';

/** Page → tile worker. */
export type TileWorkerMessage =
  | { type: 'load'; layer: string; shapes: PackedShapes; style: TileStyle }
  /** A CAD sheet (background): its parts' R-tree comes back in `loaded`, as for reference layers. */
  | { type: 'loadCad'; layer: string; cad: PackedCad }
  /** Which CAD layers of a sheet are drawn, by index into `cad.layers`. */
  | { type: 'cadVisibility'; layer: string; visible: boolean[] }
  /** Zones added, replaced, removed, hidden or selected (a zone layer is made by its first change). */
  | { type: 'zones'; layer: string; change: ZoneTileChange }
  | { type: 'drop'; layer: string }
  | { type: 'highlight'; layer: string; features: number[] }
  | { type: 'tile'; request: number; layer: string; tile: TileRequest }
  | { type: 'cancel'; request: number };

/** Tile worker → page. `loaded` hands back the layer's R-tree (for snapping) and extent. */
export type TileWorkerReply =
  | { type: 'loaded'; layer: string; index: ArrayBuffer; extent: Box | null }
  | { type: 'tile'; request: number; bitmap: ImageBitmap }
  | { type: 'failed'; request: number; message: string };

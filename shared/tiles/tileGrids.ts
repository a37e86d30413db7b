/**
 * Tile grids known by name, for services added from a template without a capabilities
 * document: 天地图's two matrix sets and the Web Mercator grid everyone else uses. Matrix ids
 * are the strings the server expects in `{TileMatrix}`; index i of `resolutions` is matrix i.
 */
export interface GridDef {
  projection: 'EPSG:3857' | 'EPSG:4490';
  /** Top-left corner, east then north. */
  origin: [number, number];
  extent: [number, number, number, number];
  resolutions: number[];
  matrixIds: string[];
  tileSize: number;
}

const WEB_MERCATOR_HALF = 20037508.342789244;
const WEB_MERCATOR_Z0 = 156543.03392804097;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** 天地图 `_w`: Web Mercator, matrices 1…18 (zoom 1 is 2×2 tiles). */
export const TIANDITU_W: GridDef = {
  projection: 'EPSG:3857',
  origin: [-WEB_MERCATOR_HALF, WEB_MERCATOR_HALF],
  extent: [-WEB_MERCATOR_HALF, -WEB_MERCATOR_HALF, WEB_MERCATOR_HALF, WEB_MERCATOR_HALF],
  resolutions: range(1, 18).map((z) => WEB_MERCATOR_Z0 / 2 ** z),
  matrixIds: range(1, 18).map(String),
  tileSize: 256,
};

/** 天地图 `_c`: CGCS2000 longitude/latitude, matrices 1…18 (zoom 1 is 2×1 tiles of 180°). */
export const TIANDITU_C: GridDef = {
  projection: 'EPSG:4490',
  origin: [-180, 90],
  extent: [-180, -90, 180, 90],
  resolutions: range(1, 18).map((z) => 0.703125 / 2 ** (z - 1)),
  matrixIds: range(1, 18).map(String),
  tileSize: 256,
};

/** OGC GoogleMapsCompatible / XYZ: Web Mercator, matrices 0…22. */
export const WEB_MERCATOR: GridDef = {
  ...TIANDITU_W,
  resolutions: range(0, 22).map((z) => WEB_MERCATOR_Z0 / 2 ** z),
  matrixIds: range(0, 22).map(String),
};

/** Matrix-set names a template may use without a capabilities document. */
export const KNOWN_MATRIX_SETS: Record<string, GridDef> = {
  w: TIANDITU_W,
  c: TIANDITU_C,
  GoogleMapsCompatible: WEB_MERCATOR,
  'EPSG:3857': WEB_MERCATOR,
  'EPSG:900913': WEB_MERCATOR,
};

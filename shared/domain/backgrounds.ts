import { z } from 'zod';
import { DatumShiftSchema } from '../crs/datumShift';
import { ZONE_TYPES } from './taxonomy';
import type { Bilingual } from './labels';

/**
 * Backgrounds: what a planner draws on (orthophotos, scanned sheets, CAD survey maps, tile
 * services, offline tile packages). A background is a reference to data outside the project: it
 * is never in the undo history, and a project file carries only its description (never a file
 * grant, a browser file handle or a service key).
 */
export const BACKGROUND_KINDS = ['geotiff', 'image', 'cad', 'xyz', 'wmts', 'mbtiles', 'pmtiles'] as const;
export type BackgroundKind = (typeof BACKGROUND_KINDS)[number];

/** The coordinate system of a file background, as the resolver decided it (EPSG code or PROJ definition). */
export const BackgroundCrsSchema = z.union([
  z.object({ epsg: z.number().int().positive() }),
  z.object({ definition: z.string().min(1).max(2000) }),
]);
export type BackgroundCrs = z.infer<typeof BackgroundCrsSchema>;

/** Which file: enough to recognise it again ("locate file" after a move), never its path or handle. */
export const BackgroundFileSchema = z.object({
  name: z.string().min(1).max(500),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number().nonnegative().optional(),
});

/** The six numbers of a world file (.tfw/.jgw/.pgw): A D B E C F, pixel centre of the top-left pixel. */
export const WorldFileSchema = z.tuple([
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
]);

const fileBacked = {
  file: BackgroundFileSchema,
  crs: BackgroundCrsSchema.optional(),
  /**
   * For a system on an old datum (Xian 1980, Beijing 1954 …): the planner's transformation to
   * CGCS2000, asked for when the background is added (the project's choice for that datum first).
   */
  datumShift: DatumShiftSchema.optional(),
};

/** A raster placed by a world file's affine: its six numbers and the pixel size it applies to. */
const placedByPixels = {
  worldFile: WorldFileSchema.optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
};

export const BackgroundSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('geotiff'),
    ...fileBacked,
    url: z.string().url().optional(),
    /** Placed through its pixel plane: by its .tfw, or by rotated tags (as a world file's numbers). */
    ...placedByPixels,
  }),
  z.object({ kind: z.literal('image'), ...fileBacked, ...placedByPixels }),
  z.object({
    kind: z.literal('cad'),
    ...fileBacked,
    encoding: z.string().max(40).optional(),
    cadLayers: z
      .array(
        z.object({
          name: z.string().max(255),
          visible: z.boolean(),
          /** The CAD layer's colour (ACI) in the drawing, for the panel's swatch. */
          aci: z.number().int().min(0).max(256).optional(),
        }),
      )
      .max(10_000)
      .optional(),
  }),
  z.object({
    kind: z.literal('xyz'),
    /** The URL template; a service key appears only as `{key}`, the key itself lives in local settings. */
    template: z.string().min(1).max(2000),
    tms: z.boolean().default(false),
    minZoom: z.number().int().min(0).max(30).default(0),
    maxZoom: z.number().int().min(0).max(30).default(18),
    projection: z.enum(['EPSG:3857', 'EPSG:4490']).default('EPSG:3857'),
    keyId: z.string().max(100).optional(),
  }),
  z.object({
    kind: z.literal('wmts'),
    capabilitiesUrl: z.string().max(2000).optional(),
    template: z.string().max(2000).optional(),
    /**
     * Read from capabilities: the origins its tiles come from when other than the capabilities'
     * (the page's policy must allow them from the moment the project opens).
     */
    tileOrigins: z.array(z.string().max(300)).max(32).optional(),
    layer: z.string().min(1).max(500),
    matrixSet: z.string().min(1).max(500),
    style: z.string().max(200).default('default'),
    format: z.string().max(100).default('image/png'),
    keyId: z.string().max(100).optional(),
  }),
  z.object({ kind: z.literal('mbtiles'), ...fileBacked }),
  z.object({ kind: z.literal('pmtiles'), ...fileBacked }),
]);
export type BackgroundSource = z.infer<typeof BackgroundSourceSchema>;

/** One background of a project, as stored (Dexie `backgrounds`) and as written to a project file. */
export const BackgroundSchema = z.object({
  id: z.string().min(1).max(100),
  projectId: z.string().min(1).max(100),
  name: z.string().min(1).max(500),
  source: BackgroundSourceSchema,
  createdAt: z.string(),
});
export type Background = z.infer<typeof BackgroundSchema>;

/** Layer-list settings of a project: order, visibility, opacity, zone types shown, label field. */
export const LayerListPrefsSchema = z.object({
  /** Layer ids top to bottom (backgrounds and reference layers; zones are pinned on top). */
  order: z.array(z.string()).default([]),
  visible: z.record(z.string(), z.boolean()).default({}),
  opacity: z.record(z.string(), z.number().min(0).max(1)).default({}),
  zoneTypes: z.partialRecord(z.enum(ZONE_TYPES), z.boolean()).default({}),
  labelField: z.enum(['name', 'code', 'zoneType', 'objectName']).nullable().default('name'),
});
export type LayerListPrefs = z.infer<typeof LayerListPrefsSchema>;

/** What a background layer reports about itself, shown on its row of the layers panel. */
export interface LayerStatus {
  /** needsReload: the page's security policy takes the layer's origins when the window reloads. */
  state: 'loading' | 'ready' | 'error' | 'needsPermission' | 'missing' | 'needsReload';
  /** The HTTP status of failing tiles (403 for a bad key). */
  http?: number;
  message?: Bilingual;
}

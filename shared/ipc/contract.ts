import { z } from 'zod';
import { isTileOrigin } from '../security/csp';
import { MAX_SIDECAR_BYTES, SIDECAR_EXTENSIONS } from '../domain/backgroundSidecars';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventChannel, type InvokeChannel } from './channels';
import {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_TOTAL_BYTES,
  MAX_MESSAGE_BYTES,
  MAX_PICKED_FILES,
  MAX_TILE_ORIGINS,
  READ_CHUNK_BYTES,
} from './limits';
import { MENU_COMMANDS } from './menuCommands';

/**
 * The IPC contract: every channel with the schema of what crosses it. Main validates each
 * request against it before acting and each response before returning, so a channel cannot
 * carry anything this table does not describe. File paths never appear in a renderer → main
 * request: the renderer names files by the opaque handles main granted it.
 */

const MIB = 1024 * 1024;
// Typed as Uint8Array<ArrayBufferLike> (z.instanceof would narrow it to an ArrayBuffer-backed one).
const bytesUpTo = (max: number) =>
  z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (a Uint8Array)')
    .refine((bytes) => bytes.byteLength <= max, `larger than ${max / MIB} MiB`);
/** A whole file in one message (project open/save, an export). */
const Bytes = bytesUpTo(MAX_MESSAGE_BYTES);
const FileName = z.string().min(1).max(255);
export const FileHandleSchema = z.uuid();

export const FileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9_-]{1,16})$/, 'an extension without the dot'))
    .min(1)
    .max(20),
});
const Filters = z.array(FileFilterSchema).max(10);

export const PickOptionsSchema = z.strictObject({
  title: z.string().max(200),
  filters: Filters,
  multiple: z.boolean(),
});
/**
 * A file the user picked for import, not yet read: main keeps its path behind a one-time token
 * and the renderer reads it in chunks (file:readPicked), so files larger than one IPC message
 * can be imported. The token is dropped once the file has been read to its end or released.
 */
export const PickedFileRefSchema = z.strictObject({
  name: FileName,
  size: z.number().int().nonnegative().max(MAX_IMPORT_FILE_BYTES),
  token: z.uuid(),
});
export const PickedFileRefsSchema = z
  .array(PickedFileRefSchema)
  .max(MAX_PICKED_FILES)
  .refine(
    (files) => files.reduce((sum, f) => sum + f.size, 0) <= MAX_IMPORT_TOTAL_BYTES,
    `the files together are larger than ${MAX_IMPORT_TOTAL_BYTES / MIB} MiB`,
  );
export const ReadChunkSchema = z.strictObject({
  token: z.uuid(),
  offset: z.number().int().nonnegative().max(MAX_IMPORT_FILE_BYTES),
  length: z.number().int().positive().max(READ_CHUNK_BYTES),
});
export const ChunkBytesSchema = bytesUpTo(READ_CHUNK_BYTES);
/** A picked file as the renderer uses it, read completely. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}
export const OpenedFileSchema = z.strictObject({
  name: FileName,
  bytes: Bytes,
  handle: FileHandleSchema.nullable(),
});
export const SaveRequestSchema = z.strictObject({
  handle: FileHandleSchema.nullable(),
  suggestedName: FileName,
  bytes: Bytes,
  filters: Filters,
});
export const SavedFileSchema = z.strictObject({ handle: FileHandleSchema.nullable(), name: FileName });
export const RecentFileSchema = z.strictObject({
  handle: FileHandleSchema,
  name: FileName,
  path: z.string().min(1).max(32_767),
});
export const WindowStateSchema = z.strictObject({
  title: z.string().max(500),
  edited: z.boolean(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  hasSelection: z.boolean(),
  lang: z.enum(['zh', 'en']),
  /** A review copy is open: the menu disables what would edit it (absent = editable). */
  readOnly: z.boolean().optional(),
});
export const TileOriginsSchema = z
  .array(
    z
      .string()
      .max(200)
      .refine(isTileOrigin, 'an https origin such as https://tiles.example.org (http only on 127.0.0.1)'),
  )
  .max(MAX_TILE_ORIGINS);
/** Which local key: `tianditu`, or a service's host name (see shared/tiles/tileTemplate.ts). */
export const ServiceKeyIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/, 'a key id such as tianditu');
/** A key as services issue them: printable ASCII, no spaces. */
export const ServiceKeyValueSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,500}$/, 'a key of printable characters');
export const SetServiceKeySchema = z.strictObject({
  keyId: ServiceKeyIdSchema,
  key: ServiceKeyValueSchema.nullable(),
});
/** Where a streamed export goes: asked with a save dialog, like exportFile, but no bytes yet. */
export const ExportStreamRequestSchema = z.strictObject({ suggestedName: FileName, filters: Filters });
export const ExportStreamSchema = z.strictObject({ stream: z.uuid(), name: FileName });
export const ExportStreamWriteSchema = z.strictObject({
  stream: z.uuid(),
  bytes: bytesUpTo(READ_CHUNK_BYTES),
});
/** `commit: false` (cancel) removes what was written; the answer is null then. */
export const ExportStreamEndSchema = z.strictObject({ stream: z.uuid(), commit: z.boolean() });
/**
 * A background file granted for range reads at app://workbench/_granted/<grant>, with the text of
 * its sidecars keyed by extension ('prj', 'tfw', 'aux.xml' …). Sizes are not capped: an
 * orthophoto may be many GB, and it is never read whole.
 */
export const PickedBackgroundSchema = z.strictObject({
  grant: z.uuid(),
  name: FileName,
  size: z.number().int().nonnegative(),
  mtimeMs: z.number().nonnegative(),
  sidecars: z.partialRecord(z.enum(SIDECAR_EXTENSIONS), z.string().max(MAX_SIDECAR_BYTES)),
});
export const PickedBackgroundsSchema = z.array(PickedBackgroundSchema).max(MAX_PICKED_FILES);
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
const Nothing = z.undefined();

export const invokeContract = {
  [INVOKE_CHANNELS.pickFiles]: { request: PickOptionsSchema, response: PickedFileRefsSchema },
  [INVOKE_CHANNELS.readPicked]: { request: ReadChunkSchema, response: ChunkBytesSchema },
  [INVOKE_CHANNELS.releasePicked]: { request: z.uuid(), response: Nothing },
  [INVOKE_CHANNELS.openProject]: { request: Nothing, response: OpenedFileSchema.nullable() },
  [INVOKE_CHANNELS.saveProject]: { request: SaveRequestSchema, response: SavedFileSchema.nullable() },
  [INVOKE_CHANNELS.exportFile]: { request: SaveRequestSchema, response: SavedFileSchema.nullable() },
  [INVOKE_CHANNELS.listRecent]: { request: Nothing, response: z.array(RecentFileSchema) },
  [INVOKE_CHANNELS.openRecent]: { request: FileHandleSchema, response: OpenedFileSchema.nullable() },
  [INVOKE_CHANNELS.setWindowState]: { request: WindowStateSchema, response: Nothing },
  [INVOKE_CHANNELS.acceptOpenRequests]: { request: Nothing, response: Nothing },
  [INVOKE_CHANNELS.listTileOrigins]: { request: Nothing, response: TileOriginsSchema },
  [INVOKE_CHANNELS.setTileOrigins]: { request: TileOriginsSchema, response: TileOriginsSchema },
  [INVOKE_CHANNELS.getServiceKey]: {
    request: ServiceKeyIdSchema,
    response: ServiceKeyValueSchema.nullable(),
  },
  [INVOKE_CHANNELS.setServiceKey]: { request: SetServiceKeySchema, response: Nothing },
  [INVOKE_CHANNELS.exportStreamBegin]: {
    request: ExportStreamRequestSchema,
    response: ExportStreamSchema.nullable(),
  },
  [INVOKE_CHANNELS.exportStreamWrite]: { request: ExportStreamWriteSchema, response: Nothing },
  [INVOKE_CHANNELS.exportStreamEnd]: { request: ExportStreamEndSchema, response: SavedFileSchema.nullable() },
  [INVOKE_CHANNELS.pickBackgroundFiles]: { request: Nothing, response: PickedBackgroundsSchema },
  [INVOKE_CHANNELS.forgetBackground]: { request: z.uuid(), response: Nothing },
} satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  [EVENT_CHANNELS.menuCommand]: MenuCommandSchema,
  [EVENT_CHANNELS.openRequested]: OpenedFileSchema,
} satisfies Record<EventChannel, z.ZodType>;

type Contract = typeof invokeContract;
/** What the renderer sends on a channel. */
export type InvokeRequest<C extends InvokeChannel> = z.input<Contract[C]['request']>;
/** What the renderer receives back. */
export type InvokeResult<C extends InvokeChannel> = z.output<Contract[C]['response']>;
/** What main hands to a handler (after validation) and what a handler must return. */
export type HandlerRequest<C extends InvokeChannel> = z.output<Contract[C]['request']>;
export type HandlerResult<C extends InvokeChannel> = z.input<Contract[C]['response']>;
export type EventPayload<C extends EventChannel> = z.output<(typeof eventContract)[C]>;

export type FileFilter = z.output<typeof FileFilterSchema>;
export type PickOptions = z.output<typeof PickOptionsSchema>;
export type PickedFileRef = z.output<typeof PickedFileRefSchema>;
export type ReadChunk = z.output<typeof ReadChunkSchema>;
export type OpenedFile = z.output<typeof OpenedFileSchema>;
export type SaveRequest = z.output<typeof SaveRequestSchema>;
export type SavedFile = z.output<typeof SavedFileSchema>;
export type RecentFile = z.output<typeof RecentFileSchema>;
export type WindowState = z.output<typeof WindowStateSchema>;
export type ExportStreamRequest = z.output<typeof ExportStreamRequestSchema>;
export type ExportStream = z.output<typeof ExportStreamSchema>;
export type PickedBackground = z.output<typeof PickedBackgroundSchema>;

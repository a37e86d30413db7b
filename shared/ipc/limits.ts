const MIB = 1024 * 1024;

/**
 * Largest file picked for import (desktop and web). A county's farmland shapefile is several
 * hundred MB (.shp and .dbf each); 1 GiB per file leaves room without letting one file take the
 * renderer's memory.
 */
export const MAX_IMPORT_FILE_BYTES = 1024 * MIB;

/** Largest sum of the files picked at once (a shapefile's .shp + .dbf + .shx travel together). */
export const MAX_IMPORT_TOTAL_BYTES = 2048 * MIB;

/**
 * Largest payload one IPC message carries: a project opened or saved, an export written, one
 * chunk of a picked file. Electron serialises a message into one buffer that cannot grow past
 * 512 MiB safely, so whole-file messages stay well below that; picked files larger than this
 * cross in chunks of READ_CHUNK_BYTES.
 */
export const MAX_MESSAGE_BYTES = 256 * MIB;

/** Picked files are read into the renderer in pieces of this size (one IPC message each). */
export const READ_CHUNK_BYTES = 16 * MIB;

/** Files a single pick may return (a shapefile with every sidecar, several data sets). */
export const MAX_PICKED_FILES = 64;

/** How many tile-service origins the user may add to the CSP (天地图 alone rotates over 8 hosts). */
export const MAX_TILE_ORIGINS = 32;

/** How many service keys (天地图 tk, tokens) the local settings keep. */
export const MAX_SERVICE_KEYS = 64;

/** How many recently used project files are remembered. */
export const MAX_RECENT_FILES = 10;

/**
 * A streamed export (an atlas PDF with orthophotos, larger than one message) crosses in pieces
 * of at most READ_CHUNK_BYTES; this caps the whole file, far above any atlas, so a runaway
 * writer stops before it fills the disk.
 */
export const MAX_EXPORT_STREAM_BYTES = 16 * 1024 * MIB;

/** Streamed exports one window may have open at once. */
export const MAX_EXPORT_STREAMS = 4;

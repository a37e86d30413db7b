/** Largest file read into the renderer or written from it (the browser platform uses the same cap). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** How many online basemap origins the user may add to the CSP. */
export const MAX_TILE_ORIGINS = 16;

/** How many recently used project files are remembered. */
export const MAX_RECENT_FILES = 10;

/** One entry of resources/public/basemap/manifest.json. */
export interface BasemapFile {
  file: string;
  title?: string;
  geometryType?: string;
  attribution?: string;
  /** Zooms where the layer is worth drawing (it is loaded at start regardless). */
  suggestedMinZoom?: number;
  suggestedMaxZoom?: number;
}

export interface LoadedBasemapFile {
  entry: BasemapFile;
  text: string;
}

const BASE = './basemap/';
let pending: Promise<LoadedBasemapFile[]> | null = null;

/**
 * Fetch the bundled basemap files from our own origin (never the network beyond it). Started as
 * early as possible at start-up, in parallel with opening the database; the map awaits the same
 * promise. A missing or broken manifest yields an empty basemap rather than a broken app.
 */
export function fetchBasemapFiles(): Promise<LoadedBasemapFile[]> {
  pending ??= (async () => {
    const response = await fetch(`${BASE}manifest.json`);
    if (!response.ok) return [];
    const { files } = (await response.json()) as { files: BasemapFile[] };
    return Promise.all(
      files.map(async (entry) => ({ entry, text: await (await fetch(`${BASE}${entry.file}`)).text() })),
    );
  })().catch(() => []);
  return pending;
}

import type BaseLayer from 'ol/layer/Base';
import type VectorSource from 'ol/source/Vector';
import type { Background, BackgroundKind, LayerStatus } from '../../../shared/domain/backgrounds';
import type { Bilingual } from '../../../shared/domain/labels';
import type { BackgroundBytes, PickedBackgroundFile } from '../../platform/backgroundFiles';

export type { BackgroundAccess, BackgroundBytes, PickedBackgroundFile } from '../../platform/backgroundFiles';

export interface BackgroundContext {
  /** The bytes of a file background (not called for tile services). */
  bytes(background: Background): Promise<BackgroundBytes>;
  /** A service key from local settings (never from the project). */
  serviceKey(keyId: string): Promise<string | null>;
  /** The map's projection code (EPSG:3857). */
  viewProjection: string;
}

/** One background on the map, made by the factory of its kind. */
export interface BackgroundLayer {
  layer: BaseLayer;
  /** Current status; `onStatus` reports changes. */
  status(): LayerStatus;
  onStatus(listener: (status: LayerStatus) => void): () => void;
  /** Extent in map coordinates once known (zoom to layer). */
  extent(): number[] | null;
  /** Features near the pointer for snapping and tracing (CAD backgrounds). */
  snapSource?: VectorSource;
  /** Refill `snapSource` around a map coordinate with a tolerance in map units. */
  fillSnap?(center: number[], tolerance: number): void;
  /** A fresh layer for an offscreen figure map (same source data, own renderer). */
  forFigure(): BaseLayer;
  dispose(): void;
}

export type BackgroundFactory = (background: Background, context: BackgroundContext) => BackgroundLayer;
export type BackgroundFactories = Partial<Record<BackgroundKind, BackgroundFactory>>;

/**
 * What reading a picked file's header found: the source to store, and whether its coordinate
 * system is known. With `crs` undefined in the source, the panel asks the user (the same
 * resolver and choices as imports) before storing it. A file that cannot be a background throws
 * `BackgroundRefused` with the reason.
 */
export interface InspectedBackground {
  name: string;
  source: Background['source'];
  /** Candidate systems when the file does not say (from the resolver), best first. */
  crsCandidates?: { epsg: number; label: string }[];
  /** The file's corners as read (for the resolver's prefix and X/Y checks), in the file's units. */
  sample?: number[][];
}
/** Progress (0–1) and cancel of a header read that takes long (a CAD sheet is read whole). */
export interface InspectJob {
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}
export type BackgroundInspector = (
  file: PickedBackgroundFile,
  job?: InspectJob,
) => Promise<InspectedBackground>;
export type BackgroundInspectors = Partial<Record<BackgroundKind, BackgroundInspector>>;

export class BackgroundRefused extends Error {
  constructor(
    readonly file: string,
    readonly reason: Bilingual,
  ) {
    super(`${file}: ${reason.en}`);
  }
}

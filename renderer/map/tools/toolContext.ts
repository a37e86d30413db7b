import type Collection from 'ol/Collection';
import type OlMap from 'ol/Map';
import type VectorSource from 'ol/source/Vector';
import type { KeyAction } from '../../editor/keyboard';
import type { Workbench } from '../../editor/workbench';
import type { ZoneFeature, ZoneLayers } from '../zoneLayers';

/** What every map tool gets: the map, the editor, the zone layers and a sketch layer of its own. */
export interface ToolContext {
  map: OlMap;
  workbench: Workbench;
  zones: ZoneLayers;
  /** Features of the selected zones, kept in step with the editor's selection. */
  selected: Collection<ZoneFeature>;
  /** Scratch features (measurements, the outline being drawn). Cleared between tools. */
  sketch: VectorSource;
  /** Snap targets: every zone layer (and reference layers when loaded). */
  snapSources(): VectorSource[];
}

/** A tool is active between its creation and dispose(); it may claim key presses first. */
export interface MapTool {
  handleKey(action: KeyAction): boolean;
  dispose(): void;
}

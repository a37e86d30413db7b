import type { Bilingual, Lang } from '../../shared/domain/labels';
import type { ZoneType } from '../../shared/domain/taxonomy';
import type { ToolId } from './tools';
import type { GeoJsonImportResult } from '../../shared/formats/geojson/readGeoJson';
import type { NamedBytes } from '../../shared/formats/layer';
import type { ImportOptions, ReadImportOutput } from '../../shared/formats/mapping/types';
import type { ZoneGeometry } from '../../shared/domain/geometry';
import type { PolygonProblem } from '../../shared/geometry/polygonProblems';
import { DEFAULT_SNAP_SETTINGS, type SnapSettings } from './snapSettings';

/** A file set read for import, kept so the preview can re-read it with other options. */
export interface ImportRead {
  /** The file set (its bytes were handed to the import session's worker). */
  files: NamedBytes[];
  options: ImportOptions;
  /** What was read; `output.result.document` is empty: the zones stay in the session's worker. */
  output: ReadImportOutput;
  /** Zones that can be imported. */
  importable: number;
  /** A re-read with changed options is running. */
  busy: boolean;
}

/** An import the planner reviews before anything is stored (preview, refused features). */
export interface PendingImport {
  fileName: string;
  result: GeoJsonImportResult;
  /** Present for imports read by the exchange core (every format): the import preview. */
  read?: ImportRead;
}

export interface Selection {
  /** Selected zones (map or tree). */
  zoneIds: readonly string[];
  /** The object the attribute panel shows and new zones are drawn for. */
  objectId: string | null;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: Bilingual;
  /** Specific problems (feature index, field, reason) listed under the text. */
  details?: Bilingual[];
  /** One follow-up the notice offers, e.g. "undo delete". */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: Bilingual;
  run(): void;
}

export interface Job {
  label: Bilingual;
  /** 0…1, or null while unknown. */
  progress: number | null;
  cancel(): void;
}

/**
 * A drawn outline not (yet) stored: it has no object to belong to, or it is not a valid polygon.
 * It stays on the map for the planner to fix, assign or discard; nothing reaches the store
 * until it is valid and has an owner.
 */
export interface KeptSketch {
  /** Lon/lat, as it would be stored. */
  geometry: ZoneGeometry;
  /** What makes it invalid (validateGeometry's errors); empty when it can be saved. */
  problems: PolygonProblem[];
  /** The dialog asking which object it belongs to is open. */
  assigning: boolean;
}

/** The project file the open project was last opened from or saved to. */
export interface OpenFile {
  handle: string | null;
  name: string;
}

export interface EditorState {
  projectId: string | null;
  file: OpenFile | null;
  tool: ToolId;
  drawZoneType: ZoneType;
  /** Radius typed for the circle tool, in metres; null = drag to set it. */
  circleRadius: number | null;
  snapping: boolean;
  /** Tolerance and targets of snapping (a stored preference, snapSettings.ts). */
  snapSettings: SnapSettings;
  /** Polygon drawing follows background lines between two clicks on them (OpenLayers Draw `trace`). */
  tracing: boolean;
  keptSketch: KeptSketch | null;
  selection: Selection;
  /** Name of the gesture in progress (a drag, a drawing); undo and redo wait for it to end. */
  gesture: string | null;
  lang: Lang;
  notice: Notice | null;
  job: Job | null;
  pendingImport: PendingImport | null;
  /** The open project is a read-only review copy (stored flag, see renderer/storage/readOnly.ts). */
  readOnly: boolean;
  /**
   * Set when this window's database connection closed because a newer version upgraded the
   * database in another window: the reason, shown with a Reload button. Nothing is reset.
   */
  reloadPrompt: Bilingual | null;
}

export function initialEditorState(lang: Lang): EditorState {
  return {
    projectId: null,
    file: null,
    tool: 'select',
    drawZoneType: 'protection_range',
    circleRadius: null,
    snapping: true,
    snapSettings: DEFAULT_SNAP_SETTINGS,
    tracing: false,
    keptSketch: null,
    selection: { zoneIds: [], objectId: null },
    gesture: null,
    lang,
    notice: null,
    job: null,
    pendingImport: null,
    readOnly: false,
    reloadPrompt: null,
  };
}

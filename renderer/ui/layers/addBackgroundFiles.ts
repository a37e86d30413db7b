import type { Background, BackgroundCrs, LayerListPrefs } from '../../../shared/domain/backgrounds';
import type { Bilingual } from '../../../shared/domain/labels';
import { needsDatumShift, type CrsDef } from '../../../shared/crs/crsDef';
import type { DatumShift } from '../../../shared/crs/datumShift';
import { backgroundCrsDef } from '../../map/rasters/rasterProjection';
import {
  BackgroundRefused,
  type InspectJob,
  type InspectedBackground,
} from '../../map/backgrounds/backgroundFactory';
import { BACKGROUND_INSPECTORS } from '../../map/backgrounds/backgroundLayers';
import { inspectCogUrl } from '../../map/rasters/geotiffInspect';
import { backgroundKindName } from '../../map/backgrounds/mapBackgrounds';
import { orderWithNew, type ListedLayer } from '../../map/layerStack';
import { backgroundKindOf } from '../../platform/backgroundPick';
import type { PickedBackgroundFile } from '../../platform/backgroundFiles';
import type { Store } from '../../storage/store';

export interface AddBackgroundDeps {
  store: Pick<Store, 'backgrounds' | 'layerList'>;
  projectId: string;
  /** The listed layers and settings as the panel shows them now (the new one is placed among them). */
  listed: ListedLayer[];
  order: string[];
  prefs: LayerListPrefs;
  /** Ask the planner for the coordinate system of a file that does not say it; null: cancelled. */
  askCrs(file: string, inspected: InspectedBackground): Promise<BackgroundCrs | null>;
  /** Ask how a file on an old datum becomes CGCS2000 (the project's choice offered first); null: cancelled. */
  askDatumShift(file: string, crs: CrsDef): Promise<DatumShift | null>;
  /** Progress and cancel of reading the files (the job bar). */
  job?: InspectJob;
}

/** What became of each picked file: added, left out by the planner, or refused with the reason. */
export interface AddOutcome {
  added: Background[];
  refused: { file: string; reason: Bilingual }[];
}

/** The kind's header reader, or the reason this build cannot take the file. */
function inspectorFor(file: PickedBackgroundFile) {
  const kind = backgroundKindOf(file.name, file.sidecars);
  if ('refused' in kind) throw new BackgroundRefused(file.name, kind.refused);
  const inspect = BACKGROUND_INSPECTORS[kind.kind];
  if (inspect) return inspect;
  const name = backgroundKindName(kind.kind);
  throw new BackgroundRefused(file.name, {
    zh: `此版本尚不能读取此类底图（${name.zh}）`,
    en: `This build cannot read ${name.en} backgrounds yet`,
  });
}

/**
 * Add picked files as backgrounds: the kind by extension, the kind's header reader, the
 * coordinate system asked for when the file does not say it, then the background and how to
 * reach its file stored, placed above the other backgrounds. A refused file does not stop the
 * others; each refusal names the file and the reason.
 */
export async function addBackgroundFiles(
  files: PickedBackgroundFile[],
  deps: AddBackgroundDeps,
): Promise<AddOutcome> {
  const outcome: AddOutcome = { added: [], refused: [] };
  const state = { listed: deps.listed, order: deps.order };
  for (const file of files)
    await addInspected(
      file.name,
      () => inspectorFor(file)(file, deps.job),
      file.access,
      deps,
      state,
      outcome,
    );
  return outcome;
}

/**
 * Add a Cloud-Optimized GeoTIFF on a server by its URL: read by range, with nothing to keep
 * about local file access (the URL is in the background's source).
 */
export async function addCogUrl(url: string, deps: AddBackgroundDeps): Promise<AddOutcome> {
  const outcome: AddOutcome = { added: [], refused: [] };
  await addInspected(
    url,
    () => inspectCogUrl(url, deps.job),
    undefined,
    deps,
    { listed: deps.listed, order: deps.order },
    outcome,
  );
  return outcome;
}

/** One background: inspected, its CRS asked for when unknown, stored and placed in the list. */
async function addInspected(
  label: string,
  inspect: () => Promise<InspectedBackground>,
  access: PickedBackgroundFile['access'] | undefined,
  deps: AddBackgroundDeps,
  state: { listed: ListedLayer[]; order: string[] },
  outcome: AddOutcome,
): Promise<void> {
  try {
    const inspected = await inspect();
    let source = inspected.source;
    if ('file' in source && !source.crs) {
      const crs = await deps.askCrs(label, inspected);
      if (!crs) return;
      source = { ...source, crs };
    }
    // An old datum is never assumed to be CGCS2000: the planner chooses its transformation.
    const def = 'file' in source && source.crs && !source.datumShift ? backgroundCrsDef(source.crs) : null;
    if ('file' in source && def && needsDatumShift(def)) {
      const datumShift = await deps.askDatumShift(label, def);
      if (!datumShift) return;
      source = { ...source, datumShift };
    }
    const background: Background = {
      id: crypto.randomUUID(),
      projectId: deps.projectId,
      name: inspected.name,
      source,
      createdAt: new Date().toISOString(),
    };
    await deps.store.backgrounds.add(background, access);
    state.listed = [...state.listed, { id: background.id, group: 'background' }];
    state.order = orderWithNew(state.order, state.listed, background.id);
    await deps.store.layerList.set(deps.projectId, { ...deps.prefs, order: state.order });
    outcome.added.push(background);
  } catch (error) {
    if (!(error instanceof BackgroundRefused)) throw error;
    outcome.refused.push({ file: error.file, reason: error.reason });
  }
}

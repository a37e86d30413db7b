import { useState, type RefObject } from 'react';
import type { Bilingual } from '../../../shared/domain/labels';
import type { ReferenceLayerData } from '../../../shared/analysis/overlapsReferenceLayer';
import type { Background, BackgroundCrs, LayerListPrefs } from '../../../shared/domain/backgrounds';
import type { InspectedBackground } from '../../map/backgrounds/backgroundFactory';
import type { PlanMap } from '../../map/createPlanMap';
import { moveInOrder, type ListedLayer } from '../../map/layerStack';
import { BackgroundFileRefused } from '../../platform/fileAccess';
import type { ProjectData } from '../hooks/useProjectData';
import { withWork } from '../../editor/transferJob';
import { useWorkbench } from '../hooks/useWorkbench';
import { addBackgroundFiles, addCogUrl, type AddBackgroundDeps } from './addBackgroundFiles';
import { JobCancelled } from '../../jobs/runJob';
import type { RowActions, RowModel } from './LayerRow';

interface Inputs {
  data: ProjectData;
  backgrounds: readonly Background[];
  references: readonly ReferenceLayerData[];
  listed: ListedLayer[];
  order: string[];
  prefs: LayerListPrefs | null;
  update(next: LayerListPrefs): void;
  map: RefObject<PlanMap | null>;
  askCrs(file: string, inspected: InspectedBackground): Promise<BackgroundCrs | null>;
  askDatumShift: AddBackgroundDeps['askDatumShift'];
  overlap: {
    busy: boolean;
    analyse(layer: ReferenceLayerData): Promise<void>;
    forget(layerId: string): void;
  };
}

/** What the panel's rows and its add menu do: settings through the store, files through the platform. */
export function useLayerActions(inputs: Inputs) {
  const { data, backgrounds, references, listed, order, prefs, update, map, askCrs, askDatumShift, overlap } =
    inputs;
  const { workbench, platform } = useWorkbench();
  const store = workbench.store;
  const projectId = data.project.id;
  // A reference layer's checkbox answers at once; the stored preference (and the map) follow a
  // moment later. An override holds only while the store still reports the state it was made from.
  const [toggled, setToggled] = useState<ReadonlyMap<string, { from: boolean; to: boolean }>>(new Map());
  const referenceVisible = (layer: ReferenceLayerData) => {
    const override = toggled.get(layer.id);
    return override && override.from === layer.visible ? override.to : layer.visible;
  };
  const report = (error: unknown) => {
    if (error instanceof BackgroundFileRefused)
      workbench.notify('error', {
        zh: `无法添加底图：${error.zh}`,
        en: `Cannot add the background: ${error.en}`,
      });
    else workbench.reportError(error);
  };

  const addFromFile = async () => {
    if (!prefs) return;
    try {
      const files = await platform.pickBackgroundFiles();
      if (files.length === 0) return;
      // A CAD sheet is read whole before it is listed: progress and Cancel in the job bar.
      const outcome = await withWork(workbench, { zh: '读取底图', en: 'Reading the background' }, (job) =>
        addBackgroundFiles(files, { store, projectId, listed, order, prefs, askCrs, askDatumShift, job }),
      );
      if (!outcome) return;
      for (const { file, reason } of outcome.refused)
        workbench.notify('error', {
          zh: `无法添加底图“${file}”：${reason.zh}`,
          en: `Cannot add the background "${file}": ${reason.en}`,
        });
      if (outcome.added.length > 0 && outcome.refused.length === 0)
        workbench.notify('info', {
          zh: `已添加底图 ${outcome.added.map((b) => b.name).join('、')}`,
          en: `Added background ${outcome.added.map((b) => b.name).join(', ')}`,
        });
    } catch (error) {
      report(error);
    }
  };

  /**
   * A COG by URL (read by range from its server); a refusal is returned for the dialog to show.
   * The dialog's Cancel aborts the header read (`signal`): nothing is added.
   */
  const addFromUrl = async (url: string, signal: AbortSignal): Promise<Bilingual | null> => {
    if (!prefs) return null;
    let outcome;
    try {
      outcome = await addCogUrl(url, {
        store,
        projectId,
        listed,
        order,
        prefs,
        askCrs,
        askDatumShift,
        job: { signal },
      });
    } catch (error) {
      if (error instanceof JobCancelled) return null;
      throw error;
    }
    const refused = outcome.refused[0];
    if (refused) return refused.reason;
    for (const b of outcome.added)
      workbench.notify('info', { zh: `已添加底图 ${b.name}`, en: `Added background ${b.name}` });
    return null;
  };

  const forRow = (row: RowModel): RowActions => {
    const background = row.group === 'background' ? backgrounds.find((b) => b.id === row.id) : undefined;
    const reference = row.group === 'reference' ? references.find((r) => r.id === row.id) : undefined;
    const change = (next: Partial<LayerListPrefs>) => prefs && update({ ...prefs, ...next });
    return {
      setVisible(visible) {
        if (background) change({ visible: { ...prefs?.visible, [row.id]: visible } });
        else if (reference) {
          setToggled((m) => new Map(m).set(row.id, { from: reference.visible, to: visible }));
          store.referenceLayers.setVisible(row.id, visible).catch((error: unknown) => {
            report(error);
            setToggled((m) => new Map([...m].filter(([id]) => id !== row.id)));
          });
        }
      },
      setOpacity: (opacity) => change({ opacity: { ...prefs?.opacity, [row.id]: opacity } }),
      move: (delta) => change({ order: moveInOrder(order, row.id, delta) }),
      dropOn(draggedId) {
        const target = order.indexOf(row.id);
        const from = order.indexOf(draggedId);
        if (target !== -1 && from !== -1) change({ order: moveInOrder(order, draggedId, target - from) });
      },
      zoomTo() {
        if (background) map.current?.zoomToBackground(row.id);
        else map.current?.zoomToReference(row.id);
      },
      async remove() {
        try {
          if (!background) {
            overlap.forget(row.id);
            return void (await store.referenceLayers.remove(row.id));
          }
          const access = await store.backgrounds.access(row.id);
          await store.backgrounds.remove(row.id);
          if (access) await platform.forgetBackground(access);
          change({ order: order.filter((id) => id !== row.id) });
        } catch (error) {
          report(error);
        }
      },
      ...(reference ? { analyse: overlap.busy ? null : () => void overlap.analyse(reference) } : {}),
      async allowAgain() {
        try {
          const access = await store.backgrounds.access(row.id);
          if (!access) return;
          // Inside the click: the browser may show its permission prompt now.
          const bytes = await platform.backgroundBytes(access, { ask: true });
          if ('blob' in bytes || 'url' in bytes) map.current?.reloadBackground(row.id);
        } catch (error) {
          report(error);
        }
      },
      async locate() {
        try {
          const [file] = await platform.pickBackgroundFiles();
          if (!file || !background || !('file' in background.source)) return;
          const expected = background.source.file;
          if (file.size !== expected.size)
            workbench.notify('info', {
              zh: `所选文件“${file.name}”的大小与原文件“${expected.name}”不同，请确认是同一底图`,
              en: `The file picked, "${file.name}", differs in size from the original "${expected.name}": check it is the same background`,
            });
          await store.backgrounds.setAccess(row.id, file.access);
          map.current?.reloadBackground(row.id);
        } catch (error) {
          report(error);
        }
      },
    };
  };

  return { addFromFile, addFromUrl, forRow, referenceVisible };
}

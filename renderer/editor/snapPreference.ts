import { parseSnapSettings, SNAP_PREFERENCE } from './snapSettings';
import type { Workbench } from './workbench';

/**
 * Read the stored snapping preference into the editor state, then store every later change
 * (switch, tolerance, targets). Returns the function that stops storing.
 */
export function keepSnapSettings(workbench: Workbench): () => void {
  let loaded = false;
  let last = '';
  void workbench.store.readPreference(SNAP_PREFERENCE).then(
    (text) => {
      const { settings, enabled } = parseSnapSettings(text);
      last = text ?? '';
      workbench.state.set({ snapSettings: settings, snapping: enabled });
      loaded = true;
    },
    () => (loaded = true),
  );
  return workbench.state.subscribe(() => {
    if (!loaded) return;
    const { snapSettings, snapping } = workbench.state.get();
    const text = JSON.stringify({ enabled: snapping, ...snapSettings });
    if (text === last) return;
    last = text;
    workbench.store
      .writePreference(SNAP_PREFERENCE, text)
      .catch((error: unknown) => workbench.reportError(error));
  });
}

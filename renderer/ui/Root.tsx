import { useEffect, useState } from 'react';
import type { Workbench } from '../editor/workbench';
import type { Platform } from '../platform/platform';
import { App } from './App';
import { WorkbenchContext } from './hooks/useWorkbench';

/** Provides the workbench and platform to the React tree. */
export function Root({
  workbench,
  platform,
  persistent,
}: {
  workbench: Workbench;
  platform: Platform;
  persistent: Promise<boolean>;
}) {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void persistent.then(setGranted);
  }, [persistent]);
  return (
    <WorkbenchContext.Provider value={{ workbench, platform }}>
      <App persistent={granted} />
    </WorkbenchContext.Provider>
  );
}

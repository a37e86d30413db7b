import { createContext, useContext } from 'react';
import type { Workbench } from '../../editor/workbench';
import type { Platform } from '../../platform/platform';

export interface WorkbenchContextValue {
  workbench: Workbench;
  platform: Platform;
}

export const WorkbenchContext = createContext<WorkbenchContextValue | null>(null);

export function useWorkbench(): WorkbenchContextValue {
  const value = useContext(WorkbenchContext);
  if (!value) throw new Error('useWorkbench outside WorkbenchContext');
  return value;
}

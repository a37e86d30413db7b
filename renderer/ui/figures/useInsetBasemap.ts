import { useEffect, useState } from 'react';
import type { InsetBasemap } from '../../../shared/figures/inset';
import { loadInsetBasemap } from './insetBasemap';

/** The location map's outlines, loaded once when the location map is wanted. */
export function useInsetBasemap(wanted: boolean): InsetBasemap | null {
  const [basemap, setBasemap] = useState<InsetBasemap | null>(null);
  useEffect(() => {
    if (!wanted || basemap) return;
    let live = true;
    void loadInsetBasemap().then((b) => live && setBasemap(b));
    return () => {
      live = false;
    };
  }, [wanted, basemap]);
  return basemap;
}

import { useEffect, useState } from 'react';
import { loadFigureFont, type LoadedFigureFont } from './figureFont';

/** The figure font once loaded: null before; `failed` when it cannot be fetched or registered. */
export function useFigureFont(): { font: LoadedFigureFont | null; failed: boolean } {
  const [state, setState] = useState<{ font: LoadedFigureFont | null; failed: boolean }>({
    font: null,
    failed: false,
  });
  useEffect(() => {
    let live = true;
    loadFigureFont().then(
      (font) => live && setState({ font, failed: false }),
      () => live && setState({ font: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

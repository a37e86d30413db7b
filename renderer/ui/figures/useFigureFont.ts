import { useEffect, useState } from 'react';
import { loadFigureFont, type LoadedFigureFont } from './figureFont';

/** The figure font once loaded (null before, and if it cannot be fetched). */
export function useFigureFont(): LoadedFigureFont | null {
  const [font, setFont] = useState<LoadedFigureFont | null>(null);
  useEffect(() => {
    let live = true;
    loadFigureFont().then(
      (f) => live && setFont(f),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return font;
}

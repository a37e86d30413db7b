import type { ZoneSymbol } from '../domain/symbology';
import type { ReferenceKind } from './overlapsReferenceLayer';

/**
 * How each control line is drawn, on the map (the reference tile worker) and in figures: outline
 * and a muted fill ("#rrggbbaa"), so the zones drawn above stay readable.
 */
export const REFERENCE_SYMBOLS: Record<ReferenceKind, { stroke: string; fill: string }> = {
  ecological_red_line: { stroke: '#2e7d32', fill: '#2e7d3229' },
  permanent_basic_farmland: { stroke: '#b08900', fill: '#e6be002e' },
  urban_development_boundary: { stroke: '#8e24aa', fill: '#8e24aa14' },
  other: { stroke: '#546e7a', fill: '#546e7a1f' },
};

/** A control line as a symbol the figure's symbol code draws (thin solid outline, muted fill). */
export function referenceSymbol(kind: ReferenceKind): ZoneSymbol {
  return { ...REFERENCE_SYMBOLS[kind], strokeWidth: 1, dash: null, hatch: null, order: 0 };
}

import { partsOf } from '../../crs/placeLayer';
import type { LayerFeature } from '../layer';
import { aciRgb } from './aci';
import type { Drawn } from './dxfPlacement';

/**
 * A CAD sheet packed for drawing and snapping: one run of lon/lat vertices per part (a line, a
 * polygon ring, a lone point), the part's CAD layer and colour, and the text labels apart. Typed
 * arrays, so the sheet crosses to the tile worker without a copy per vertex.
 */
export interface CadLabels {
  /** Anchor per label, lon/lat pairs. */
  lonLat: Float64Array;
  text: string[];
  /** Text height, ground metres. */
  heightM: Float32Array;
  /** Degrees counter-clockwise from east, on the map. */
  rotation: Float32Array;
  layer: Uint16Array;
  rgb: Uint32Array;
}

export interface CadLayerInfo {
  name: string;
  /** The layer's colour in the LAYER table (ACI). */
  aci: number;
  /** 0xRRGGBB as drawn (ACI 7, white on black in CAD, is drawn dark on our light map). */
  rgb: number;
  parts: number;
  labels: number;
}

export interface PackedCad {
  lonLat: Float64Array;
  /** First vertex of each part, plus one past the last (length parts + 1). */
  partStarts: Uint32Array;
  partLayer: Uint16Array;
  partRgb: Uint32Array;
  /** 1 for a closed ring (polygon, hatch outline, closed polyline). */
  closed: Uint8Array;
  labels: CadLabels;
  layers: CadLayerInfo[];
}

/** ACI 7 is black or white by the CAD background; on the light map it is drawn dark grey. */
export const ACI7_RGB = 0x333333;

export function cadRgb(aci: number): number {
  if (aci === 7 || !(aci >= 1 && aci <= 255)) return ACI7_RGB;
  const [r, g, b] = aciRgb(aci);
  return (r << 16) | (g << 8) | b;
}

/** 0xRRGGBB to a CSS colour. */
export const cssOf = (rgb: number) => `#${rgb.toString(16).padStart(6, '0')}`;

/**
 * Pack what the reader drew: `drawn[i]` gives layer, colour and label, `placed[i]` the same
 * feature in lon/lat (labels as two points: anchor and one text height along the baseline).
 */
export function packCad(
  drawn: readonly Drawn[],
  placed: readonly LayerFeature[],
  layerColors: ReadonlyMap<string, number>,
): PackedCad {
  const layerIndex = new Map<string, number>();
  const layers: CadLayerInfo[] = [];
  const layerOf = (name: string) => {
    let i = layerIndex.get(name);
    if (i === undefined) {
      i = Math.min(layers.length, 0xffff);
      const aci = layerColors.get(name) ?? 7;
      if (i === layers.length) layers.push({ name, aci, rgb: cadRgb(aci), parts: 0, labels: 0 });
      layerIndex.set(name, i);
    }
    return i;
  };
  let vertices = 0;
  let parts = 0;
  let labels = 0;
  drawn.forEach((d, i) => {
    if (d.label) return void labels++;
    for (const part of partsOf(placed[i]!.geometry)) {
      parts++;
      vertices += part.length;
    }
  });
  const lonLat = new Float64Array(vertices * 2);
  const partStarts = new Uint32Array(parts + 1);
  const partLayer = new Uint16Array(parts);
  const partRgb = new Uint32Array(parts);
  const closed = new Uint8Array(parts);
  const out: CadLabels = {
    lonLat: new Float64Array(labels * 2),
    text: [],
    heightM: new Float32Array(labels),
    rotation: new Float32Array(labels),
    layer: new Uint16Array(labels),
    rgb: new Uint32Array(labels),
  };
  let v = 0;
  let p = 0;
  let l = 0;
  drawn.forEach((d, i) => {
    const layer = layerOf(d.layer);
    const rgb = cadRgb(d.color);
    const geometry = placed[i]!.geometry;
    if (d.label && geometry?.type === 'MultiPoint') {
      const [[x0, y0], [x1, y1]] = geometry.coordinates as [[number, number], [number, number]];
      const east = (x1 - x0) * Math.cos((y0 * Math.PI) / 180);
      out.lonLat[2 * l] = x0;
      out.lonLat[2 * l + 1] = y0;
      out.text.push(d.label.text);
      out.heightM[l] = d.label.height;
      out.rotation[l] = (Math.atan2(y1 - y0, east) * 180) / Math.PI;
      out.layer[l] = layer;
      out.rgb[l] = rgb;
      layers[layer]!.labels++;
      l++;
      return;
    }
    const ring = d.kind === 'polygon';
    for (const part of partsOf(geometry)) {
      partStarts[p] = v;
      partLayer[p] = layer;
      partRgb[p] = rgb;
      closed[p] = ring ? 1 : 0;
      for (const position of part) {
        lonLat[2 * v] = position[0]!;
        lonLat[2 * v + 1] = position[1]!;
        v++;
      }
      layers[layer]!.parts++;
      p++;
    }
  });
  partStarts[parts] = v;
  return { lonLat, partStarts, partLayer, partRgb, closed, labels: out, layers };
}

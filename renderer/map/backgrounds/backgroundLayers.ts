import type { BackgroundFactories, BackgroundInspectors } from './backgroundFactory';
import { createCadLayer, inspectCad } from './cadLayer';
import { inspectGeotiff } from '../rasters/geotiffInspect';
import { geotiffFactory } from '../rasters/geotiffLayer';
import { imageFactory, inspectImage } from '../rasters/imageLayer';

/**
 * The factory of each background kind, and the reader of each kind's file header. Each kind's
 * package registers itself here (one line each); a background whose kind has no factory yet is
 * listed with an error status.
 */
export const BACKGROUND_FACTORIES: BackgroundFactories = {
  cad: createCadLayer,
  geotiff: geotiffFactory,
  image: imageFactory,
};
export const BACKGROUND_INSPECTORS: BackgroundInspectors = {
  cad: inspectCad,
  geotiff: inspectGeotiff,
  image: inspectImage,
};

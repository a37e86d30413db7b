import type { BackgroundFactories, BackgroundInspectors } from './backgroundFactory';
import { openMbtilesPackage } from '../tiles/mbtilesPackage';
import { openPmtiles } from '../tiles/pmtilesPackage';
import { tilePackageFactory, tilePackageInspector } from '../tiles/tilePackageLayer';
import { createCadLayer, inspectCad } from './cadLayer';
import { tileServiceFactory } from '../tiles/tileServiceLayer';
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
  xyz: tileServiceFactory,
  wmts: tileServiceFactory,
  mbtiles: tilePackageFactory(openMbtilesPackage),
  pmtiles: tilePackageFactory(openPmtiles),
  geotiff: geotiffFactory,
  image: imageFactory,
};
export const BACKGROUND_INSPECTORS: BackgroundInspectors = {
  cad: inspectCad,
  mbtiles: tilePackageInspector('mbtiles', openMbtilesPackage),
  pmtiles: tilePackageInspector('pmtiles', openPmtiles),
  geotiff: inspectGeotiff,
  image: inspectImage,
};

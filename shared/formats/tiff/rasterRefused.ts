import type { Bilingual } from '../../domain/labels';

/** An orthophoto, scanned sheet or world file refused before display, with the reason for the planner. */
export class RasterRefused extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
    this.name = 'RasterRefused';
  }
}

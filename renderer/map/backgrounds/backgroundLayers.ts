import type { BackgroundFactories } from './backgroundFactory';

/**
 * The factory of each background kind. Each kind's package registers its factory here (one
 * line); a background whose kind has no factory yet is listed with an error status.
 */
export const BACKGROUND_FACTORIES: BackgroundFactories = {};

import type { FuseV1Config } from '@electron/fuses';

export const RELEASE_FUSES: FuseV1Config;

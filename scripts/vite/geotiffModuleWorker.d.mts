import type { Plugin } from 'vite';

export declare const GEOTIFF_WORKER_FACTORY: string;
export declare function geotiffModuleWorker(): Plugin;

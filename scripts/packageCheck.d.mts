/** Electron 45's fuse wire as shipped, one character per fuse ('1' on, '0' off). */
export const STOCK_WIRE: string;
/** Write a file @electron/fuses treats as an Electron executable with the stock fuse wire. */
export function writeStandInExecutable(path: string): Promise<void>;
/** Paths inside app.asar that must not ship. */
export function forbiddenInPackage(files: string[]): string[];
/** Release fuses the given wire does not have, named. */
export function fuseProblems(wire: Partial<Record<number, number>>): string[];

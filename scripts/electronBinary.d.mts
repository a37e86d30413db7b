/** Path of the installed Electron binary, or null where it could not be installed. */
export function electronBinary(root?: string): string | null;

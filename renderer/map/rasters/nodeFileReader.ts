/**
 * For unit tests in Node: geotiff.js reads a Blob through FileReader, which Node lacks. Installs
 * a minimal one (readAsArrayBuffer only) when there is none.
 */
export function installFileReader(): void {
  (globalThis as { FileReader?: unknown }).FileReader ??= class {
    result: ArrayBuffer | null = null;
    onload: ((event: unknown) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    readAsArrayBuffer(blob: Blob) {
      blob.arrayBuffer().then(
        (bytes) => {
          this.result = bytes;
          this.onload?.({ target: this });
        },
        (error: unknown) => this.onerror?.(error),
      );
    }
  };
}

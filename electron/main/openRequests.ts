/**
 * Files the OS asks us to open (first launch's argv, a second launch, macOS "open-file", the
 * Open Recent menu) wait here until the page has subscribed to them; sending earlier would
 * lose them, because the renderer builds its listeners only after the store has opened.
 */
export class OpenRequestQueue {
  private pending: string[] = [];
  private ready = false;

  constructor(private readonly deliver: (path: string) => void) {}

  request(path: string): void {
    if (this.ready) this.deliver(path);
    else if (!this.pending.includes(path)) this.pending.push(path);
  }

  /** The page listens now: deliver what waited, in order. */
  markReady(): void {
    this.ready = true;
    const waiting = this.pending;
    this.pending = [];
    for (const path of waiting) this.deliver(path);
  }

  /** The page is being replaced (reload, crash): hold requests until the new one listens. */
  markNotReady(): void {
    this.ready = false;
  }

  get waiting(): readonly string[] {
    return this.pending;
  }
}

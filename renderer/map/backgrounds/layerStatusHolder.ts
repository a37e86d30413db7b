import type { LayerStatus } from '../../../shared/domain/backgrounds';

/**
 * A background layer's current status and its listeners (what the panel's status chip shows).
 * Every kind keeps its status here; listeners hear only real changes.
 */
export class LayerStatusHolder {
  private current: LayerStatus;
  private readonly listeners = new Set<(status: LayerStatus) => void>();

  constructor(initial: LayerStatus = { state: 'loading' }) {
    this.current = initial;
  }

  status(): LayerStatus {
    return this.current;
  }

  set(status: LayerStatus): void {
    const same =
      status.state === this.current.state &&
      status.http === this.current.http &&
      status.message?.en === this.current.message?.en;
    this.current = status;
    if (!same) for (const listener of this.listeners) listener(status);
  }

  onStatus(listener: (status: LayerStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** No more reports: the layer is gone. */
  clear(): void {
    this.listeners.clear();
  }
}

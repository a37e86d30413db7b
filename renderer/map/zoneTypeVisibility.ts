import type { ZoneType } from '../../shared/domain/taxonomy';

/**
 * Which zone types the layers panel has switched off. Hidden zones are neither drawn, hit
 * (`ZoneLayers.zonesAt`) nor snapped to (tools/snapping.ts); the panel reads the hidden set as an
 * external store, so the set is one value that changes only when a type is shown or hidden.
 */
export class ZoneTypeVisibility {
  private hidden: ReadonlySet<ZoneType> = new Set();
  private readonly listeners = new Set<() => void>();

  shows(type: ZoneType): boolean {
    return !this.hidden.has(type);
  }

  /** The zone types hidden now (the same object until a type is shown or hidden). */
  hiddenTypes(): ReadonlySet<ZoneType> {
    return this.hidden;
  }

  /** Show or hide one type; false when it already was. Listeners run after the change. */
  set(type: ZoneType, visible: boolean): boolean {
    if (visible === this.shows(type)) return false;
    const next = new Set(this.hidden);
    if (visible) next.delete(type);
    else next.add(type);
    this.hidden = next;
    for (const listener of this.listeners) listener();
    return true;
  }

  /** Called whenever a zone type is shown or hidden; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/**
 * Catalog lookups for the event path: one query per batch for the tracks not yet cached.
 * Catalog rows change rarely (compacted topic, re-imports), so a bounded cache is safe;
 * an unknown track is remembered as unknown only for this batch.
 */
import { findByIds } from '../catalog/track.repository.js';
import { toDomainTrack } from '../catalog/domain-track.js';
import type { Track } from '../domain/types.js';
import type { Executor } from '../infra/postgres/pool.js';

export class TrackLookup {
  private readonly cache = new Map<string, Track>();

  constructor(private readonly capacity = 200_000) {}

  async getMany(db: Executor, trackIds: Iterable<string>): Promise<Map<string, Track>> {
    const found = new Map<string, Track>();
    const missing: string[] = [];
    for (const id of new Set(trackIds)) {
      const t = this.cache.get(id);
      if (t) found.set(id, t);
      else missing.push(id);
    }
    if (missing.length > 0) {
      for (const row of await findByIds(db, missing)) {
        const track = toDomainTrack(row);
        found.set(track.trackId, track);
        this.remember(track);
      }
    }
    return found;
  }

  private remember(track: Track): void {
    if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(track.trackId, track);
  }
}

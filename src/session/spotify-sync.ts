/**
 * One Spotify sync, in two phases so failures can be told apart:
 *   fetch — Spotify only (plus a catalog lookup): top tracks, recently played, catalog rows
 *           for tracks we do not have. A failure here means "Spotify", the session goes on.
 *   store — our own infrastructure: new tracks into `tracks` and the catalog topic, then
 *           the plays as ListeningEvents onto the user-events topic for the actor to apply.
 * Tracks are stored before the events are produced, so the actor finds their features.
 */
import { findByIds, upsertMany } from '../catalog/track.repository.js';
import type { CatalogTrackRow } from '../catalog/catalog-track.js';
import type { UserEvent } from '../domain/user-state.js';
import type { Executor } from '../infra/postgres/pool.js';
import type { SpotifyDataSource } from '../spotify/spotify-data-source.js';
import type { SpotifyClient, SpotifyUser } from '../spotify/spotify.client.js';
import type { SpotifyPlay, SpotifyTrack } from '../spotify/spotify-schemas.js';
import type { SourceMetadata } from '../spotify/track-features.js';
import { spotifyPlayEvents } from './spotify-plays.js';

/** "Top tracks (50)": the client follows `next` pages, the session keeps the first 50. */
export const TOP_TRACKS = 50;

export interface SpotifySyncDeps {
  readonly client: Pick<SpotifyClient, 'topTracks' | 'recentlyPlayed'>;
  readonly source: Pick<SpotifyDataSource, 'audioFeatures' | 'catalogRows'>;
  readonly db: Executor;
  readonly catalog: { publishTracks(rows: readonly CatalogTrackRow[]): Promise<void> };
  readonly events: { publish(events: readonly UserEvent[]): Promise<void> };
}

export interface FetchedListening {
  readonly topTracks: readonly SpotifyTrack[];
  readonly recentPlays: readonly SpotifyPlay[];
  /** Catalog rows for tracks not in `tracks` whose features are known. */
  readonly newRows: readonly CatalogTrackRow[];
  /** Tracks not in `tracks` and without features from any source: not added (never invented). */
  readonly withoutFeatures: number;
  /** Where features for the new tracks came from; null when every track was already known. */
  readonly audioFeatures: SourceMetadata | null;
}

export interface SyncReport {
  readonly topTracks: number;
  readonly recentPlays: number;
  readonly tracksAdded: number;
  readonly tracksWithoutFeatures: number;
  readonly audioFeatures: SourceMetadata | null;
  /** Ids of the ListeningEvents produced (deterministic; a re-sync repeats them). */
  readonly eventIds: readonly string[];
  /** Items the learner would have rejected (bad play time), left out. */
  readonly playsRejected: number;
}

export class SpotifySync {
  constructor(private readonly deps: SpotifySyncDeps) {}

  async fetch(user: SpotifyUser): Promise<FetchedListening> {
    const { client } = this.deps;
    const [top, recentPlays] = await Promise.all([client.topTracks(user, 'medium_term'), client.recentlyPlayed(user)]);
    const topTracks = top.slice(0, TOP_TRACKS);
    const tracks = distinct([...topTracks, ...recentPlays.map((p) => p.track)]);
    const known = new Set(
      (
        await findByIds(
          this.deps.db,
          tracks.map((t) => t.id),
        )
      ).map((r) => r.track_id),
    );
    const missing = tracks.filter((t) => !known.has(t.id));
    if (missing.length === 0) return { topTracks, recentPlays, newRows: [], withoutFeatures: 0, audioFeatures: null };
    return { topTracks, recentPlays, ...(await this.rowsFor(missing)) };
  }

  async store(userId: string, fetched: FetchedListening, now: number): Promise<SyncReport> {
    const upserted = await upsertMany(this.deps.db, fetched.newRows);
    await this.deps.catalog.publishTracks(upserted.rows);
    const { events, rejected } = spotifyPlayEvents({ userId, ...fetched, now });
    if (events.length > 0) await this.deps.events.publish(events);
    return {
      topTracks: fetched.topTracks.length,
      recentPlays: fetched.recentPlays.length,
      tracksAdded: upserted.inserted,
      tracksWithoutFeatures: fetched.withoutFeatures,
      audioFeatures: fetched.audioFeatures,
      eventIds: events.map((e) => e.eventId),
      playsRejected: rejected,
    };
  }

  /**
   * Features first: only tracks with features can become rows, so artist genres (an app-token
   * call) are fetched for those alone. The second features read inside catalogRows is served
   * by the per-id features cache.
   */
  private async rowsFor(missing: readonly SpotifyTrack[]) {
    const { features, meta } = await this.deps.source.audioFeatures(missing.map((t) => t.id));
    const storable = missing.filter((_, i) => features[i] !== null);
    const mapped = storable.length > 0 ? (await this.deps.source.catalogRows(storable)).tracks : [];
    const newRows = mapped.flatMap((m) => (m.featuresKnown ? [m.row] : []));
    return { newRows, withoutFeatures: missing.length - newRows.length, audioFeatures: meta };
  }
}

function distinct(tracks: readonly SpotifyTrack[]): SpotifyTrack[] {
  return [...new Map(tracks.map((t) => [t.id, t])).values()];
}

import type { Track } from '../domain/types.js';
import type { CatalogTrackRow } from './catalog-track.js';

/** The catalog record as the pure domain sees it. */
export function toDomainTrack(r: CatalogTrackRow): Track {
  return {
    trackId: r.track_id,
    name: r.name,
    artists: r.artists,
    genres: r.genres,
    popularity: r.popularity,
    durationMs: r.duration_ms,
    releaseDate: r.release_date,
    danceability: r.danceability,
    energy: r.energy,
    valence: r.valence,
    tempo: r.tempo,
    acousticness: r.acousticness,
    instrumentalness: r.instrumentalness,
    speechiness: r.speechiness,
  };
}

/**
 * The Spotify Web API response shapes we use (only the fields we read) and their
 * boundary decoders. Reference: https://developer.spotify.com/documentation/web-api.
 */
import type { TrackFeatures } from './track-features.js';
import { array, bool, type Decoder, nullable, num, object, str, withDefault } from './decode.js';

export interface SpotifyArtistRef {
  readonly id: string;
  readonly name: string;
}

export interface SpotifyAlbumRef {
  readonly id: string;
  readonly name: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY depending on release_date_precision. */
  readonly release_date: string | null;
}

export interface SpotifyAlbum extends SpotifyAlbumRef {
  readonly artists: readonly SpotifyArtistRef[];
  readonly total_tracks: number;
}

export interface SpotifyTrack {
  readonly id: string;
  readonly name: string;
  readonly artists: readonly SpotifyArtistRef[];
  readonly album: SpotifyAlbumRef;
  readonly duration_ms: number;
  readonly explicit: boolean;
  /** Absent from some responses (e.g. relinked tracks); null then, never a made-up 0. */
  readonly popularity: number | null;
}

export interface SpotifyArtist extends SpotifyArtistRef {
  /** Empty when Spotify has none (or no longer returns them). */
  readonly genres: readonly string[];
}

export interface SpotifyAudioFeatures extends TrackFeatures {
  readonly id: string;
}

export interface SpotifyPlay {
  readonly track: SpotifyTrack;
  /** ISO 8601 timestamp. */
  readonly played_at: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

export interface TokenResponse {
  readonly access_token: string;
  readonly expires_in: number;
}

const artistRef: Decoder<SpotifyArtistRef> = object({ id: str, name: str });
const albumRef: Decoder<SpotifyAlbumRef> = object({ id: str, name: str, release_date: nullable(str) });

export const album: Decoder<SpotifyAlbum> = object({
  id: str,
  name: str,
  release_date: nullable(str),
  artists: array(artistRef),
  total_tracks: withDefault(num, 0),
});

export const track: Decoder<SpotifyTrack> = object({
  id: str,
  name: str,
  artists: array(artistRef),
  album: albumRef,
  duration_ms: num,
  explicit: withDefault(bool, false),
  popularity: nullable(num),
});

/** Local files in a user's library have `is_local` and no id: they are not catalog tracks. */
export const trackOrLocal: Decoder<SpotifyTrack | null> = (v, path) => {
  const local = typeof v === 'object' && v !== null && (v as { is_local?: unknown }).is_local === true;
  return local ? null : track(v, path);
};

export const artist: Decoder<SpotifyArtist> = object({
  id: str,
  name: str,
  genres: withDefault(array(str), []),
});

export const audioFeatures: Decoder<SpotifyAudioFeatures> = object({
  id: str,
  danceability: num,
  energy: num,
  key: num,
  loudness: num,
  mode: num,
  speechiness: num,
  acousticness: num,
  instrumentalness: num,
  liveness: num,
  valence: num,
  tempo: num,
  time_signature: num,
});

export function page<T>(item: Decoder<T>): Decoder<Page<T>> {
  return object({ items: array(item), next: nullable(str) });
}

/** A recently-played item as the API sends it (the track is null for a local file). */
export const play: Decoder<{ track: SpotifyTrack | null; played_at: string }> = object({
  track: trackOrLocal,
  played_at: str,
});

/** A play of a catalog track, as we keep it (cached). */
export const catalogPlay: Decoder<SpotifyPlay> = object({ track, played_at: str });

export const token: Decoder<TokenResponse> = object({ access_token: str, expires_in: num });
export const audioFeaturesBody = object({ audio_features: array(nullable(audioFeatures)) });
export const tracksBody = object({ tracks: array(nullable(track)) });
export const artistsBody = object({ artists: array(nullable(artist)) });
export const recommendationsBody = object({ tracks: array(track) });
export const newReleasesBody = object({ albums: page(album) });
export const searchBody = object({ tracks: page(track) });

/**
 * Matches scrobbles to catalog tracks by normalised artist + title, with an optional
 * artist-only fallback. Built once from the whole catalog (two in-memory maps); every
 * lookup is then O(1). Deterministic: when several catalog tracks share a key, the most
 * popular wins, ties broken by the smaller track id — independent of load order.
 */
import { normaliseArtist, normaliseTitle } from './name-normaliser.js';

export interface MatchableTrack {
  readonly trackId: string;
  readonly name: string;
  /** Every credited artist; the scrobble's artist may match any of them. */
  readonly artists: readonly string[];
  readonly popularity: number;
  readonly durationMs: number;
}

/** `title`: same artist and title. `artist`: only the artist is known; the track is a stand-in. */
export type MatchKind = 'title' | 'artist';

export interface TrackMatch {
  readonly kind: MatchKind;
  readonly track: MatchableTrack;
}

export interface MatchOptions {
  /** Map a scrobble whose title is unknown to its artist's most popular track. */
  readonly artistFallback: boolean;
}

const SEPARATOR = '\u0001';

export class CatalogMatcher {
  private readonly byArtistTitle = new Map<string, MatchableTrack>();
  private readonly byArtist = new Map<string, MatchableTrack>();
  private readonly trackIds = new Set<string>();

  static build(tracks: Iterable<MatchableTrack>): CatalogMatcher {
    const matcher = new CatalogMatcher();
    for (const t of tracks) matcher.add(t);
    return matcher;
  }

  /** Distinct tracks indexed (tracks without a length are left out: no listen time can be inferred for them). */
  get size(): number {
    return this.trackIds.size;
  }

  add(track: MatchableTrack): void {
    if (!(track.durationMs > 0)) return;
    this.trackIds.add(track.trackId);
    const title = normaliseTitle(track.name);
    for (const artist of new Set(track.artists.map(normaliseArtist))) {
      if (artist === '') continue;
      keepBetter(this.byArtist, artist, track);
      if (title !== '') keepBetter(this.byArtistTitle, artist + SEPARATOR + title, track);
    }
  }

  match(artistName: string, trackName: string, options: MatchOptions): TrackMatch | null {
    const artist = normaliseArtist(artistName);
    if (artist === '') return null;
    const exact = this.byArtistTitle.get(artist + SEPARATOR + normaliseTitle(trackName));
    if (exact) return { kind: 'title', track: exact };
    const standIn = options.artistFallback ? this.byArtist.get(artist) : undefined;
    return standIn ? { kind: 'artist', track: standIn } : null;
  }
}

function keepBetter(map: Map<string, MatchableTrack>, key: string, track: MatchableTrack): void {
  const current = map.get(key);
  if (!current || ranksBefore(track, current)) map.set(key, track);
}

function ranksBefore(a: MatchableTrack, b: MatchableTrack): boolean {
  return a.popularity !== b.popularity ? a.popularity > b.popularity : a.trackId < b.trackId;
}

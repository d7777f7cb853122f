/**
 * The RL state-key part of every catalog track (`trackKeyPart`: four feature bins and the
 * GenZ bucket), interned once per catalog: there are at most 4⁴·7 distinct parts, so the
 * ranker looks up the RL signal once per distinct part among its candidates instead of
 * building a key string for every candidate.
 */
import { GENZ_BUCKETS, type GenZBucket } from './genre.js';
import { type Bin, binOf, FEATURE_CUTS, TEMPO_CUTS, trackKeyPart } from './state-key.js';
import type { Track } from './types.js';

export interface TrackKeyParts {
  /** Id of track i's key part: parts[ofTrack[i]] === trackKeyPart(tracks[i]). */
  readonly ofTrack: Uint16Array;
  readonly parts: readonly string[];
}

const binCode = (b: Bin): number => (b === 'x' ? 3 : b);

/** The bins and bucket trackKeyPart reads, as one integer (same inputs → same key part). */
function keyCode(t: Track, bucket: GenZBucket): number {
  const e = binCode(binOf(t.energy, FEATURE_CUTS));
  const v = binCode(binOf(t.valence, FEATURE_CUTS));
  const d = binCode(binOf(t.danceability, FEATURE_CUTS));
  const tempo = binCode(binOf(t.tempo, TEMPO_CUTS));
  return (((e * 4 + v) * 4 + d) * 4 + tempo) * GENZ_BUCKETS.length + GENZ_BUCKETS.indexOf(bucket);
}

/** `buckets[i]` is bucketOfGenres(tracks[i].genres), already computed by the caller. */
export function buildTrackKeyParts(tracks: readonly Track[], buckets: readonly GenZBucket[]): TrackKeyParts {
  const ofTrack = new Uint16Array(tracks.length);
  const idOfCode = new Map<number, number>();
  const parts: string[] = [];
  tracks.forEach((t, i) => {
    const code = keyCode(t, buckets[i]);
    let id = idOfCode.get(code);
    if (id === undefined) {
      id = parts.length;
      idOfCode.set(code, id);
      parts.push(trackKeyPart(t));
    }
    ofTrack[i] = id;
  });
  return { ofTrack, parts };
}

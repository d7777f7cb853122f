/**
 * Joining HetRec users' artists to the catalog: which rows match (by artistKey), the
 * counts the report shows, the matched training artists with their catalog tracks, and
 * artist popularity among the evaluated users' training splits.
 */
import { countInto } from '../metrics/entropy.js';
import { artistKey, type ArtistCatalog } from './artist-catalog.js';
import type { UserArtist } from './hetrec-reader.js';
import type { TrainArtist } from './heldout-history.js';
import { DEPTH_BUCKETS } from './heldout-scores.js';
import type { ArtistSplit } from './heldout-split.js';

export interface HeldoutCounts {
  usersInFile: number;
  /** The first --users ids (all when unlimited). */
  usersSelected: number;
  usersEvaluated: number;
  usersWithoutHeldOut: number;
  usersWithoutMatchedHeldOut: number;
  rows: { train: { matched: number; unmatched: number }; test: { matched: number; unmatched: number } };
  distinctArtists: { matched: number; unmatched: number };
  usersByDepth: Record<string, number>;
}

export interface Prepared {
  readonly userId: number;
  readonly split: ArtistSplit;
}

export function matchedKey(a: UserArtist, names: ReadonlyMap<number, string>, artists: ArtistCatalog): string | null {
  const name = names.get(a.artistId);
  const key = name === undefined ? null : artistKey(name);
  return key !== null && artists.tracksOf.has(key) ? key : null;
}

export function countMatches(
  prepared: readonly Prepared[],
  keyOf: (a: UserArtist) => string | null,
  usersInFile: number,
): HeldoutCounts {
  const matched = new Set<number>();
  const unmatched = new Set<number>();
  const rows = { train: { matched: 0, unmatched: 0 }, test: { matched: 0, unmatched: 0 } };
  for (const { split } of prepared) {
    for (const part of ['train', 'test'] as const) {
      for (const a of split[part]) {
        const hit = keyOf(a) !== null;
        rows[part][hit ? 'matched' : 'unmatched']++;
        (hit ? matched : unmatched).add(a.artistId);
      }
    }
  }
  const usersByDepth = Object.fromEntries(DEPTH_BUCKETS.map((b) => [b.name, 0]));
  return {
    usersInFile,
    usersSelected: 0,
    usersEvaluated: 0,
    usersWithoutHeldOut: 0,
    usersWithoutMatchedHeldOut: 0,
    rows,
    distinctArtists: { matched: matched.size, unmatched: unmatched.size },
    usersByDepth,
  };
}

/** Matched artists by number of evaluated users holding them in training; ties by key. */
export function popularity(prepared: readonly Prepared[], keyOf: (a: UserArtist) => string | null): string[] {
  const users = new Map<string, number>();
  for (const { split } of prepared)
    for (const a of split.train) {
      const key = keyOf(a);
      if (key !== null) countInto(users, key);
    }
  return [...users].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
}

export function trainArtists(
  split: ArtistSplit,
  keyOf: (a: UserArtist) => string | null,
  artists: ArtistCatalog,
): TrainArtist[] {
  const out: TrainArtist[] = [];
  for (const a of split.train) {
    const key = keyOf(a);
    // Two HetRec ids can share a normalised name; their plays then add up.
    const same = key === null ? undefined : out.find((t) => t.key === key);
    if (key !== null && same) out[out.indexOf(same)] = { ...same, weight: same.weight + a.weight };
    else if (key !== null) out.push({ key, weight: a.weight, tracks: artists.tracksOf.get(key) as Int32Array });
  }
  return out.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
}
